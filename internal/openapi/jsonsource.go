package openapi

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// jsonSource keeps a JSON document's own text, node by node, so that the
// merged document writes the parts errgen left alone exactly as the team
// wrote them (one-line objects, spacing, escapes), and lays out only the
// objects and arrays errgen changed.
type jsonSource struct {
	src   []byte
	nodes map[*yaml.Node]jsonNode
	same  map[*yaml.Node]bool // unchanged, once asked
}

// jsonNode is one node of the document as it was read: the bytes of its
// value (or key), and what the node held then.
type jsonNode struct {
	start, end int
	kind       yaml.Kind
	tag, value string
	content    []*yaml.Node
}

// newJSONSource matches the values of a JSON document's text with the
// nodes YAML read it into (root, its top-level mapping), in document
// order. It returns nil when they do not match one for one (the document
// is JSON-like YAML, with comments or unquoted keys): the document is then
// laid out whole.
func newJSONSource(src []byte, root *yaml.Node) *jsonSource {
	sc := jsonScanner{src: src}
	sc.skipSpace()
	if !sc.value() {
		return nil
	}
	sc.skipSpace()
	if sc.pos != len(src) {
		return nil
	}
	k := &jsonSource{src: src, nodes: make(map[*yaml.Node]jsonNode, len(sc.spans)), same: map[*yaml.Node]bool{}}
	i := 0
	var match func(n *yaml.Node) bool
	match = func(n *yaml.Node) bool {
		if i >= len(sc.spans) || sc.spans[i].kind != n.Kind {
			return false
		}
		s := sc.spans[i]
		i++
		if n.Kind == yaml.ScalarNode && !sameScalar(src[s.start:s.end], n.Value) {
			return false
		}
		k.nodes[n] = jsonNode{start: s.start, end: s.end, kind: n.Kind, tag: n.Tag, value: n.Value, content: append([]*yaml.Node(nil), n.Content...)}
		for _, c := range n.Content {
			if !match(c) {
				return false
			}
		}
		return true
	}
	if !match(root) || i != len(sc.spans) {
		return nil
	}
	return k
}

// sameScalar reports whether the text of a JSON scalar is what YAML read
// as value, as far as it can tell without decoding escapes.
func sameScalar(text []byte, value string) bool {
	switch {
	case len(text) >= 2 && text[0] == '"':
		return bytes.IndexByte(text, '\\') >= 0 || string(text[1:len(text)-1]) == value
	case string(text) == "null":
		return value == "null" || value == ""
	}
	return string(text) == value
}

// unchanged reports whether n, and everything under it, is as the
// document had it: the same node with the same value and children.
func (k *jsonSource) unchanged(n *yaml.Node) bool {
	if k == nil {
		return false
	}
	if same, ok := k.same[n]; ok {
		return same
	}
	was, ok := k.nodes[n]
	same := ok && was.kind == n.Kind && was.tag == n.Tag && was.value == n.Value && len(was.content) == len(n.Content)
	for i := 0; same && i < len(n.Content); i++ {
		same = n.Content[i] == was.content[i] && k.unchanged(n.Content[i])
	}
	k.same[n] = same
	return same
}

// write writes a node tree as JSON, keys in tree order, indented by step
// ("" writes one line); a node the document had and errgen left alone is
// written as the document wrote it. A nil jsonSource lays out every node.
func (k *jsonSource) write(buf *bytes.Buffer, n *yaml.Node, step, indent string) {
	if k.unchanged(n) {
		was := k.nodes[n]
		buf.Write(k.src[was.start:was.end])
		return
	}
	switch n.Kind {
	case yaml.DocumentNode:
		k.write(buf, n.Content[0], step, indent)
	case yaml.AliasNode:
		k.write(buf, n.Alias, step, indent)
	case yaml.MappingNode:
		writeJSONList(buf, '{', '}', len(n.Content)/2, step, indent, func(i int, inner string) {
			if key := n.Content[2*i]; k.unchanged(key) {
				was := k.nodes[key]
				buf.Write(k.src[was.start:was.end])
			} else {
				writeJSONString(buf, key.Value)
			}
			buf.WriteByte(':')
			if step != "" {
				buf.WriteByte(' ')
			}
			k.write(buf, n.Content[2*i+1], step, inner)
		})
	case yaml.SequenceNode:
		writeJSONList(buf, '[', ']', len(n.Content), step, indent, func(i int, inner string) {
			k.write(buf, n.Content[i], step, inner)
		})
	default:
		writeJSONScalar(buf, n)
	}
}

// jsonScanner finds the bytes of every value and key of a JSON text, in
// document order (a value before what it holds; an object's keys before
// their values), as YAML reads them into nodes.
type jsonScanner struct {
	src   []byte
	pos   int
	depth int
	spans []jsonSpan
}

// jsonSpan is the bytes of one value or key, and the kind of node YAML
// reads it into.
type jsonSpan struct {
	start, end int
	kind       yaml.Kind
}

func (s *jsonScanner) skipSpace() {
	if bom := "\ufeff"; s.pos == 0 && bytes.HasPrefix(s.src, []byte(bom)) {
		s.pos = len(bom)
	}
	for s.pos < len(s.src) {
		switch s.src[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// value scans one value, reporting whether it is well-formed JSON.
func (s *jsonScanner) value() bool {
	if s.pos >= len(s.src) || s.depth > 10000 {
		return false
	}
	at := len(s.spans)
	start := s.pos
	kind := yaml.ScalarNode
	s.spans = append(s.spans, jsonSpan{start: start})
	var ok bool
	switch c := s.src[s.pos]; {
	case c == '{':
		kind = yaml.MappingNode
		ok = s.list('}', func() bool {
			if s.pos >= len(s.src) || s.src[s.pos] != '"' {
				return false
			}
			k := s.pos
			if !s.str() {
				return false
			}
			s.spans = append(s.spans, jsonSpan{start: k, end: s.pos, kind: yaml.ScalarNode})
			s.skipSpace()
			if s.pos >= len(s.src) || s.src[s.pos] != ':' {
				return false
			}
			s.pos++
			s.skipSpace()
			return s.value()
		})
	case c == '[':
		kind = yaml.SequenceNode
		ok = s.list(']', s.value)
	case c == '"':
		ok = s.str()
	default:
		for s.pos < len(s.src) && bytes.IndexByte([]byte("+-.0123456789eEtruefalsn"), s.src[s.pos]) >= 0 {
			s.pos++
		}
		ok = s.pos > start
	}
	s.spans[at].end, s.spans[at].kind = s.pos, kind
	return ok
}

// list scans the items of an object or array, the opening byte first.
func (s *jsonScanner) list(end byte, item func() bool) bool {
	s.depth++
	defer func() { s.depth-- }()
	s.pos++
	s.skipSpace()
	if s.pos < len(s.src) && s.src[s.pos] == end {
		s.pos++
		return true
	}
	for {
		s.skipSpace()
		if !item() {
			return false
		}
		s.skipSpace()
		if s.pos >= len(s.src) {
			return false
		}
		switch s.src[s.pos] {
		case ',':
			s.pos++
		case end:
			s.pos++
			return true
		default:
			return false
		}
	}
}

// str scans a string, quotes included.
func (s *jsonScanner) str() bool {
	for s.pos++; s.pos < len(s.src); s.pos++ {
		switch s.src[s.pos] {
		case '\\':
			s.pos++
		case '"':
			s.pos++
			return true
		case '\n':
			return false
		}
	}
	return false
}

// yamlReadable rewrites the escaped UTF-16 surrogates of a JSON document,
// which JSON allows and the YAML reader refuses, into escapes it reads:
// a pair ("\ud83d\ude00") becomes the escape of its character
// ("\U0001F600"), and a lone surrogate, which JSON readers read as
// U+FFFD, "\ufffd". A document that is not JSON, or has no surrogate, is
// returned as it is. A pair's escape is two bytes shorter, so the
// returned shifts put the columns of what follows it on its line back
// where the document has them. The document's own text is what the merge
// writes back (jsonSource): the rewrite is only read.
func yamlReadable(doc []byte) ([]byte, columnShifts) {
	if !bytes.Contains(doc, []byte(`\u`)) {
		return doc, nil
	}
	sc := jsonScanner{src: doc}
	sc.skipSpace()
	if !sc.value() {
		return doc, nil
	}
	if sc.skipSpace(); sc.pos != len(doc) {
		return doc, nil
	}
	var out []byte // nil until a surrogate is found
	var shifts columnShifts
	copied := 0
	line, lineStart := 1, 0 // in out, once out is in use
	for _, sp := range sc.spans {
		if sp.kind != yaml.ScalarNode || doc[sp.start] != '"' {
			continue
		}
		for i := sp.start + 1; i < sp.end-1; i++ {
			if doc[i] != '\\' {
				continue
			}
			hi, ok := hex4(doc, i)
			if !ok || hi < 0xd800 || hi > 0xdfff {
				i++ // the escaped byte
				continue
			}
			if out == nil {
				out = make([]byte, 0, len(doc))
			}
			out = append(out, doc[copied:i]...)
			if lo, ok := hex4(doc, i+6); ok && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff {
				out = fmt.Appendf(out, `\U%08X`, 0x10000+(hi-0xd800)<<10+(lo-0xdc00))
				copied = i + 12
				for ; ; line++ { // count the lines of out up to here
					nl := bytes.IndexByte(out[lineStart:], '\n')
					if nl < 0 {
						break
					}
					lineStart += nl + 1
				}
				shifts = append(shifts, columnShift{line: line, after: utf8.RuneCount(out[lineStart:]) + 1})
			} else {
				out = append(out, `\ufffd`...)
				copied = i + 6
			}
			i = copied - 1
		}
	}
	if out == nil {
		return doc, nil
	}
	return append(out, doc[copied:]...), shifts
}

// hex4 reads the four hex digits of a "\u" escape at doc[i].
func hex4(doc []byte, i int) (rune, bool) {
	if i+6 > len(doc) || doc[i] != '\\' || doc[i+1] != 'u' {
		return 0, false
	}
	n, err := strconv.ParseUint(string(doc[i+2:i+6]), 16, 16)
	return rune(n), err == nil
}

// columnShift says that, on a line, the columns from after on are two
// less in the text the YAML reader read than in the document.
type columnShift struct{ line, after int }

type columnShifts []columnShift

// pos is where line and column of the text read are in the document.
func (cs columnShifts) pos(line, col int) (int, int) {
	orig := col
	for _, s := range cs {
		if s.line == line && col >= s.after {
			orig += 2
		}
	}
	return line, orig
}
