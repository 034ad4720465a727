package openapi

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// writeComponents writes the components section of the fragment as YAML
// text straight from errgen's kin-openapi objects, without building a
// node tree: the bytes schemaNode and responseNode give writeEntry, at
// a fraction of the cost (a catalog of 10,000 errors makes millions of
// nodes). It takes the same decisions on every scalar as str, scalar,
// quoteYAML11 and fastYAML do on the nodes; a component holding anything
// fastYAML would hand to the encoder (multi-line text it cannot write as
// a literal block, text that needs double quotes, long keys, empty
// mappings) is written through its nodes instead, so the output is
// always the node path's. It returns how many components took that way
// (the tests check it is rare). The fragment tests compare both paths on
// every golden case, the flagship spec, synthetic catalogs and random
// hostile text.
func (c *components) writeComponents(buf *bytes.Buffer) (slow int, err error) {
	buf.WriteString("components:\n")
	w := textWriter{c: c, buf: buf}
	section := func(name string, names []string, write func(name string), node func(name string) *yaml.Node) error {
		if len(names) == 0 {
			return writeEntry(buf, 1, str(name), &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, yamlStyle{indent: 2})
		}
		buf.WriteString("  " + name + ":\n")
		for _, n := range names {
			start := buf.Len()
			w.ok = true
			w.key(4, n)
			write(n)
			if w.ok {
				continue
			}
			buf.Truncate(start)
			slow++
			if err := writeEntry(buf, 2, str(n), node(n), yamlStyle{indent: 2}); err != nil {
				return err
			}
		}
		return nil
	}
	err = section("schemas", c.schemaNames,
		func(n string) { w.mappingValue(4, func(in int) { w.schema(c.schemas[n], in) }) },
		func(n string) *yaml.Node { return c.schemaNode(c.schemas[n]) })
	if err != nil {
		return slow, err
	}
	err = section("responses", c.responseNames,
		func(n string) { w.mappingValue(4, func(in int) { w.response(c.responses[n].Value, in) }) },
		func(n string) *yaml.Node { return c.responseNode(c.responses[n].Value) })
	return slow, err
}

// textWriter writes block mappings the way fastYAML writes the nodes
// emit.go builds. ok turns false at the first thing it cannot write as
// fastYAML would; the caller then discards what it wrote.
type textWriter struct {
	c   *components
	buf *bytes.Buffer
	ok  bool
	// inline is set after "- ": the next key follows it on its line.
	inline bool
}

func (w *textWriter) fail() { w.ok = false }

const spaces = "                                                                "

func (w *textWriter) indent(n int) { writeSpaces(w.buf, n) }

// writeSpaces writes n spaces.
func writeSpaces(buf *bytes.Buffer, n int) {
	for n > len(spaces) {
		buf.WriteString(spaces)
		n -= len(spaces)
	}
	buf.WriteString(spaces[:n])
}

// key writes "key:" at indent (after "- " when inline is set), as
// fastYAML.pair writes str(name).
func (w *textWriter) key(indent int, name string) {
	if !w.ok {
		return
	}
	if len(name) > 100 || literalBlock(name) {
		w.fail()
		return
	}
	if w.inline {
		w.inline = false
	} else {
		w.indent(indent)
	}
	w.blockScalar(name)
	w.buf.WriteByte(':')
}

// mappingValue writes a block mapping after "key:" whose entries, at
// indent+2, body writes; an empty one is the encoder's to write ({}).
func (w *textWriter) mappingValue(indent int, body func(indent int)) {
	if !w.ok {
		return
	}
	w.buf.WriteByte('\n')
	start := w.buf.Len()
	body(indent + 2)
	if w.buf.Len() == start {
		w.fail()
	}
}

// seqMapping writes one item of a block sequence (of a key at indent)
// that is a mapping: "- " and its first entry on one line.
func (w *textWriter) seqMapping(indent int, body func(indent int)) {
	if !w.ok {
		return
	}
	w.indent(indent + 2)
	w.buf.WriteString("- ")
	start := w.buf.Len()
	w.inline = true
	body(indent + 4)
	w.inline = false
	if w.buf.Len() == start {
		w.fail()
	}
}

// name writes one of errgen's own keys (a Go constant such as "type",
// which the encoder writes plain), as key does, without its checks.
func (w *textWriter) name(indent int, key string) {
	if !w.ok {
		return
	}
	if w.inline {
		w.inline = false
	} else {
		w.indent(indent)
	}
	w.buf.WriteString(key)
	w.buf.WriteByte(':')
}

// str writes key: s for one of errgen's keys, as fastYAML writes str(s)
// after a key.
func (w *textWriter) str(indent int, key, s string) {
	w.name(indent, key)
	w.strValue(s, indent, false)
}

// optStr writes key: s when s is not empty (mapNode.addString).
func (w *textWriter) optStr(indent int, key, s string) {
	if s != "" {
		w.str(indent, key, s)
	}
}

// literalBlock reports whether str(s) is a literal block scalar.
func literalBlock(s string) bool {
	return strings.Contains(s, "\n") && !strings.ContainsAny(s, "\t\r") && !strings.HasSuffix(s, " ")
}

// strValue writes the string s after "key:" (inSeq false) or "- " (inSeq
// true) at indent, as fastYAML.value writes str(s) marked by quoteYAML11.
func (w *textWriter) strValue(s string, indent int, inSeq bool) {
	if !w.ok {
		return
	}
	if !inSeq {
		w.buf.WriteByte(' ')
	}
	if literalBlock(s) {
		w.literal(s, indent+2)
		return
	}
	w.blockScalar(s)
	w.buf.WriteByte('\n')
}

// blockScalar writes a string that is not a literal block as
// fastYAML.scalar writes it.
func (w *textWriter) blockScalar(s string) {
	switch {
	case yaml11NonString(s): // quoteYAML11 marks it single-quoted
		if !singleQuotable(s) {
			w.fail()
			return
		}
		w.single(s)
	case !writeBlockStr(w.buf, s):
		w.fail()
	}
}

func (w *textWriter) single(s string) { writeSingle(w.buf, s) }

// literal is fastYAML.literal for the text of a string node.
func (w *textWriter) literal(v string, indent int) {
	if !writeLiteral(w.buf, v, indent) {
		w.fail()
	}
}

// scalar writes key: v for one of errgen's keys and a JSON scalar v, as
// fastYAML writes scalar(v).
func (w *textWriter) scalar(indent int, key string, v any) {
	w.name(indent, key)
	w.scalarValue(v, indent, false)
}

func (w *textWriter) scalarValue(v any, indent int, inSeq bool) {
	if !w.ok {
		return
	}
	switch x := v.(type) {
	case string:
		w.strValue(x, indent, inSeq)
		return
	case int64, int, float64, bool:
		if !inSeq {
			w.buf.WriteByte(' ')
		}
		w.nonString(x)
	default:
		w.fail() // scalar panics on it: let the node path say so
		return
	}
	w.buf.WriteByte('\n')
}

// nonString writes a number or boolean in the form fastYAML writes it.
func (w *textWriter) nonString(v any) {
	switch x := v.(type) {
	case int64:
		w.buf.WriteString(strconv.FormatInt(x, 10))
	case int:
		w.buf.WriteString(strconv.Itoa(x))
	case float64:
		s := formatFloat(x)
		if !canonicalNonString("!!float", s) {
			w.fail()
			return
		}
		w.buf.WriteString(s)
	case bool:
		w.buf.WriteString(strconv.FormatBool(x))
	default:
		w.fail()
	}
}

// flow writes " [a, b]" and a line break after a key (or, inSeq, after
// "- "), as fastYAML.flow writes a flow sequence of scalar(v) nodes.
func (w *textWriter) flow(vs []any, inSeq bool) {
	if !w.ok {
		return
	}
	if len(vs) == 0 {
		w.fail()
		return
	}
	if !inSeq {
		w.buf.WriteByte(' ')
	}
	w.buf.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			w.buf.WriteString(", ")
		}
		s, ok := v.(string)
		if !ok {
			w.nonString(v)
			continue
		}
		switch {
		case literalBlock(s): // a literal block cannot be a flow item
			w.fail()
		case yaml11NonString(s):
			if !singleQuotable(s) {
				w.fail()
				return
			}
			w.single(s)
		case !writeFlowStr(w.buf, s):
			w.fail()
		}
	}
	w.buf.WriteString("]\n")
}

func (w *textWriter) flowStrings(ss []string) {
	vs := make([]any, len(ss))
	for i, s := range ss {
		vs[i] = s
	}
	w.flow(vs, false)
}

// value writes a param value after a key: a list on one line, else a
// scalar (nodes.go's value).
func (w *textWriter) value(v any, indent int, inSeq bool) {
	if list, ok := v.([]any); ok {
		w.flow(list, inSeq)
		return
	}
	w.scalarValue(v, indent, inSeq)
}

// schema writes the entries of schemaNode(ref) at indent.
func (w *textWriter) schema(ref *openapi3.SchemaRef, indent int) {
	if ref.Ref != "" {
		w.str(indent, "$ref", ref.Ref)
		return
	}
	sc := ref.Value
	w.optStr(indent, "title", sc.Title)
	w.optStr(indent, "description", sc.Description)
	if sc.Deprecated {
		w.name(indent, "deprecated")
		w.buf.WriteString(" true\n")
	}
	if t := sc.Type.Slice(); len(t) == 1 {
		w.str(indent, "type", t[0])
	} else if len(t) > 1 {
		w.name(indent, "type")
		w.flowStrings(t)
	}
	w.optStr(indent, "format", sc.Format)
	if sc.Const != nil {
		w.scalar(indent, "const", sc.Const)
	}
	if len(sc.Enum) > 0 {
		w.name(indent, "enum")
		if len(sc.Enum) == 1 {
			w.flow(sc.Enum, false)
		} else {
			w.buf.WriteByte('\n')
			for _, v := range sc.Enum {
				w.seqItem(indent)
				w.scalarValue(v, indent+2, true)
			}
		}
	}
	if sc.Min != nil {
		w.scalar(indent, "minimum", int64(*sc.Min))
	}
	w.optStr(indent, "pattern", sc.Pattern)
	w.objectKeys(sc, indent)
	w.compositionKeys(sc, indent)
	if sc.Example != nil {
		w.name(indent, "example")
		w.value(sc.Example, indent, false)
	}
	if len(sc.Examples) > 0 {
		w.name(indent, "examples")
		w.buf.WriteByte('\n')
		for _, v := range sc.Examples {
			w.seqItem(indent)
			w.value(v, indent+2, true)
		}
	}
	w.extensions(sc.Extensions, indent)
}

// seqItem starts an item of a block sequence of a key at indent.
func (w *textWriter) seqItem(indent int) {
	if !w.ok {
		return
	}
	w.indent(indent + 2)
	w.buf.WriteString("- ")
}

func (w *textWriter) objectKeys(sc *openapi3.Schema, indent int) {
	if len(sc.Properties) > 0 {
		w.name(indent, "properties")
		w.mappingValue(indent, func(in int) {
			for _, name := range w.c.order(sc) {
				w.key(in, name)
				w.mappingValue(in, func(in2 int) { w.schema(sc.Properties[name], in2) })
			}
		})
	}
	if len(sc.Required) > 0 {
		w.name(indent, "required")
		w.buf.WriteByte('\n')
		for _, name := range sc.Required {
			w.seqItem(indent)
			w.strValue(name, indent+2, true)
		}
	}
	if sc.Items != nil {
		if sc.MinItems > 0 {
			w.scalar(indent, "minItems", int64(sc.MinItems))
		}
		if sc.MaxItems != nil {
			w.scalar(indent, "maxItems", int64(*sc.MaxItems))
		}
		w.name(indent, "items")
		w.mappingValue(indent, func(in int) { w.schema(sc.Items, in) })
	}
}

func (w *textWriter) compositionKeys(sc *openapi3.Schema, indent int) {
	for _, k := range [...]struct {
		name string
		refs openapi3.SchemaRefs
	}{{"oneOf", sc.OneOf}, {"anyOf", sc.AnyOf}} {
		if len(k.refs) == 0 {
			continue
		}
		w.key(indent, k.name)
		w.buf.WriteByte('\n')
		for _, r := range k.refs {
			w.seqMapping(indent, func(in int) { w.schema(r, in) })
		}
	}
	d := sc.Discriminator
	if d == nil {
		return
	}
	w.name(indent, "discriminator")
	w.mappingValue(indent, func(in int) {
		w.str(in, "propertyName", d.PropertyName)
		codes := discriminatorCodes(d)
		w.name(in, "mapping")
		w.mappingValue(in, func(in2 int) {
			for _, r := range sc.OneOf { // in the order of the choices
				for _, code := range codes[r.Ref] {
					w.key(in2, code)
					w.strValue(r.Ref, in2, false)
				}
			}
		})
	})
}

// extensions writes x- members sorted by name (addExtensions).
func (w *textWriter) extensions(ext map[string]any, indent int) {
	for _, name := range extensionNames(ext) {
		w.key(indent, name)
		if list, ok := ext[name].([]any); ok {
			w.flow(list, false)
		} else {
			w.scalarValue(ext[name], indent, false)
		}
	}
}

// response writes the entries of responseNode(r) at indent.
func (w *textWriter) response(r *openapi3.Response, indent int) {
	c := w.c
	if r.Description != nil {
		w.str(indent, "description", *r.Description)
	}
	if order := c.headerOrder[r]; len(order) > 0 {
		w.name(indent, "headers")
		w.mappingValue(indent, func(in int) {
			for _, name := range order {
				h := r.Headers[name].Value
				w.key(in, name)
				w.mappingValue(in, func(in2 int) {
					w.optStr(in2, "description", h.Description)
					w.scalar(in2, "required", h.Required)
					w.name(in2, "schema")
					w.mappingValue(in2, func(in3 int) { w.schema(h.Schema, in3) })
					if h.Example != nil {
						w.scalar(in2, "example", h.Example)
					}
				})
			}
		})
	}
	w.name(indent, "content")
	w.mappingValue(indent, func(in int) {
		for _, typ := range c.contentOrder[r] {
			w.key(in, typ)
			w.mappingValue(in, func(in2 int) { w.mediaType(r.Content[typ], in2) })
		}
	})
	w.extensions(r.Extensions, indent)
}

func (w *textWriter) mediaType(mt *openapi3.MediaType, indent int) {
	w.name(indent, "schema")
	w.mappingValue(indent, func(in int) { w.schema(mt.Schema, in) })
	w.name(indent, "examples")
	w.mappingValue(indent, func(in int) {
		for _, name := range w.c.exampleOrder[mt] {
			ex := mt.Examples[name].Value
			w.key(in, name)
			w.mappingValue(in, func(in2 int) {
				w.optStr(in2, "summary", ex.Summary)
				w.name(in2, "value")
				w.node(w.c.exampleValues[ex], in2)
			})
		}
	})
}

// node writes a node tree errgen built (an example body) after "key:",
// as the node path writes it: marked by quoteYAML11, then by fastYAML.
// What fastYAML cannot write sends the component down the node path.
func (w *textWriter) node(n *yaml.Node, indent int) {
	if n == nil {
		w.fail()
		return
	}
	quoteYAML11(n)
	f := fastYAML{buf: w.buf, ok: true}
	f.value(n, indent, false)
	if !f.ok {
		w.fail()
	}
}
