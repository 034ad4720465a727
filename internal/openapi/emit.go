package openapi

import (
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// The emitters below turn errgen's kin-openapi objects into YAML nodes
// with keys in the order a person reads them (what it is, then its shape,
// then examples and extensions), where kin-openapi's own marshalling
// orders them alphabetically and loses the wire order of properties.

// schemaSection and responseSection are errgen's components, in order.
func (c *components) schemaSection() []*yaml.Node {
	var out []*yaml.Node
	for _, name := range c.schemaNames {
		out = append(out, str(name), c.schemaNode(c.schemas[name]))
	}
	return out
}

func (c *components) responseSection() []*yaml.Node {
	var out []*yaml.Node
	for _, name := range c.responseNames {
		out = append(out, str(name), c.responseNode(c.responses[name].Value))
	}
	return out
}

func (c *components) schemaNode(ref *openapi3.SchemaRef) *yaml.Node {
	m := mapping()
	if ref.Ref != "" {
		m.add("$ref", str(ref.Ref))
		return m.Node
	}
	sc := ref.Value
	m.addString("title", sc.Title)
	m.addString("description", sc.Description)
	if sc.Deprecated {
		m.add("deprecated", scalar(true))
	}
	if t := sc.Type.Slice(); len(t) == 1 {
		m.add("type", str(t[0]))
	} else if len(t) > 1 {
		m.add("type", flow(sequence(strNodes(t)...)))
	}
	m.addString("format", sc.Format)
	if sc.Const != nil {
		m.add("const", scalar(sc.Const))
	}
	if len(sc.Enum) > 0 {
		enum := valueSeq(sc.Enum)
		if len(sc.Enum) == 1 {
			flow(enum) // a constant reads best on one line: enum: [401]
		}
		m.add("enum", enum)
	}
	if sc.Min != nil {
		m.add("minimum", scalar(int64(*sc.Min)))
	}
	m.addString("pattern", sc.Pattern)
	c.objectKeys(m, sc)
	c.compositionKeys(m, sc)
	if sc.Example != nil {
		m.add("example", value(sc.Example))
	}
	if len(sc.Examples) > 0 {
		seq := sequence()
		for _, v := range sc.Examples {
			seq.Content = append(seq.Content, value(v))
		}
		m.add("examples", seq)
	}
	addExtensions(m, sc.Extensions)
	return m.Node
}

func (c *components) objectKeys(m mapNode, sc *openapi3.Schema) {
	if len(sc.Properties) > 0 {
		props := mapping()
		for _, name := range c.order(sc) {
			props.add(name, c.schemaNode(sc.Properties[name]))
		}
		m.add("properties", props.Node)
	}
	if len(sc.Required) > 0 {
		m.add("required", sequence(strNodes(sc.Required)...))
	}
	if sc.Items != nil {
		if sc.MinItems > 0 {
			m.add("minItems", scalar(int64(sc.MinItems)))
		}
		if sc.MaxItems != nil {
			m.add("maxItems", scalar(int64(*sc.MaxItems)))
		}
		m.add("items", c.schemaNode(sc.Items))
	}
}

// order is the property order of sc: the wire order recorded when it was
// built, else sorted (for schemas errgen writes with fixed members).
func (c *components) order(sc *openapi3.Schema) []string {
	if o, ok := c.propOrder[sc]; ok {
		return o
	}
	names := make([]string, 0, len(sc.Properties))
	for name := range sc.Properties {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

func (c *components) compositionKeys(m mapNode, sc *openapi3.Schema) {
	for _, k := range []struct {
		name string
		refs openapi3.SchemaRefs
	}{{"oneOf", sc.OneOf}, {"anyOf", sc.AnyOf}} {
		if len(k.refs) == 0 {
			continue
		}
		seq := sequence()
		for _, r := range k.refs {
			seq.Content = append(seq.Content, c.schemaNode(r))
		}
		m.add(k.name, seq)
	}
	if d := sc.Discriminator; d != nil {
		dm := mapping()
		dm.add("propertyName", str(d.PropertyName))
		mp := mapping()
		codes := discriminatorCodes(d)
		for _, r := range sc.OneOf { // mapping in the order of the choices
			for _, code := range codes[r.Ref] {
				mp.add(code, str(r.Ref))
			}
		}
		dm.add("mapping", mp.Node)
		m.add("discriminator", dm.Node)
	}
}

func (c *components) responseNode(r *openapi3.Response) *yaml.Node {
	m := mapping()
	if r.Description != nil {
		m.add("description", str(*r.Description))
	}
	if len(c.headerOrder[r]) > 0 {
		headers := mapping()
		for _, name := range c.headerOrder[r] {
			h := r.Headers[name].Value
			hm := mapping()
			hm.addString("description", h.Description)
			hm.add("required", scalar(h.Required))
			hm.add("schema", c.schemaNode(h.Schema))
			if h.Example != nil {
				hm.add("example", scalar(h.Example))
			}
			headers.add(name, hm.Node)
		}
		m.add("headers", headers.Node)
	}
	content := mapping()
	for _, typ := range c.contentOrder[r] {
		content.add(typ, c.mediaTypeNode(r.Content[typ]))
	}
	m.add("content", content.Node)
	addExtensions(m, r.Extensions)
	return m.Node
}

func (c *components) mediaTypeNode(mt *openapi3.MediaType) *yaml.Node {
	m := mapping()
	m.add("schema", c.schemaNode(mt.Schema))
	examples := mapping()
	for _, name := range c.exampleOrder[mt] {
		ex := mt.Examples[name].Value
		em := mapping()
		em.addString("summary", ex.Summary)
		em.add("value", c.exampleValues[ex])
		examples.add(name, em.Node)
	}
	m.add("examples", examples.Node)
	return m.Node
}

// discriminatorCodes maps each target of a discriminator to its codes,
// sorted: the mapping is written in the order of the choices, each
// choice's codes in this order.
func discriminatorCodes(d *openapi3.Discriminator) map[string][]string {
	codes := make(map[string][]string, len(d.Mapping))
	for code, target := range d.Mapping {
		codes[target.Ref] = append(codes[target.Ref], code)
	}
	for _, cs := range codes {
		slices.Sort(cs)
	}
	return codes
}

// extensionNames are the names of x- members, sorted: x-errgen first.
func extensionNames(ext map[string]any) []string {
	names := make([]string, 0, len(ext))
	for name := range ext {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// addExtensions writes x- members sorted by name: x-errgen first.
func addExtensions(m mapNode, ext map[string]any) {
	for _, name := range extensionNames(ext) {
		m.add(name, extensionValue(ext[name]))
	}
}

func extensionValue(v any) *yaml.Node {
	if list, ok := v.([]any); ok {
		return flow(valueSeq(list))
	}
	return scalar(v)
}

func valueSeq(vs []any) *yaml.Node {
	seq := sequence()
	for _, v := range vs {
		seq.Content = append(seq.Content, scalar(v))
	}
	return seq
}

func strNodes(ss []string) []*yaml.Node {
	out := make([]*yaml.Node, len(ss))
	for i, s := range ss {
		out[i] = str(s)
	}
	return out
}

// flow writes a short list on one line: [string, integer].
func flow(n *yaml.Node) *yaml.Node {
	n.Style = yaml.FlowStyle
	return n
}
