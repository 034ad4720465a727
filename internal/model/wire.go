package model

import "strings"

// CodeType is how an API writes its codes.
type CodeType string

// The code types.
const (
	CodeString  CodeType = "string"  // codes are strings (default)
	CodeInteger CodeType = "integer" // codes are integers: JSON numbers, an integer Go type
)

// Template is a string with interpolations: literal text and values in
// turn, as a body member ("https://docs.example.com/${code}") or a header
// value holds it.
type Template struct {
	Parts []TemplatePart
}

// TemplatePart is literal text (Kind ValueLiteral) or one interpolated
// value: a scalar variable kind, with Name for $param and $attr.
type TemplatePart struct {
	Literal string
	Kind    ValueKind
	Name    string
	// Quoted is set, in header values, for a value that sits inside an
	// HTTP quoted-string (after an odd number of unescaped quotes), where
	// '"' and '\' are escaped.
	Quoted bool
}

// Only reports whether the template is exactly one value of the kind,
// with no literal text around it, and returns it.
func (t Template) Only() (TemplatePart, bool) {
	if len(t.Parts) == 1 && t.Parts[0].Kind != ValueLiteral {
		return t.Parts[0], true
	}
	return TemplatePart{}, false
}

// Around returns the literal text before and after the template's only
// value of the kind, when the template is literal text around exactly one
// value and that value is of the kind.
func (t Template) Around(kind ValueKind) (prefix, suffix string, ok bool) {
	at := -1
	for i, p := range t.Parts {
		if p.Kind == ValueLiteral {
			continue
		}
		if at >= 0 || p.Kind != kind {
			return "", "", false
		}
		at = i
	}
	if at < 0 {
		return "", "", false
	}
	for _, p := range t.Parts[:at] {
		prefix += p.Literal
	}
	for _, p := range t.Parts[at+1:] {
		suffix += p.Literal
	}
	return prefix, suffix, true
}

// Header is one response header: an HTTP field name and a template.
type Header struct {
	Name  string
	Value Template
	Pos   Pos
}

// Marker is the member, and its constant, that marks a body as an error
// ({ok: false}), for APIs that send errors with a 2xx status.
type Marker struct {
	Member string
	// Value is the constant: string, int64, float64 or bool.
	Value any
	Pos   Pos
}

// DetailField is one member of the detail item shape: a leaf of type
// "string", "int" or "bool", or an object of Children.
type DetailField struct {
	Name string
	// Type is "string", "int" or "bool"; empty for an object.
	Type     string
	Children []*DetailField
	// GoName is the Detail struct's field for a leaf: the Go names of its
	// path joined ("SourcePointer").
	GoName string
	// Path is the leaf's member path from the item.
	Path []string
	Pos  Pos
}

// DefaultDetails is the detail item shape without response.details:
// {field: string, message: string}.
func DefaultDetails() []*DetailField {
	return []*DetailField{
		{Name: "field", Type: "string", GoName: "Field", Path: []string{"field"}},
		{Name: "message", Type: "string", GoName: "Message", Path: []string{"message"}},
	}
}

// DetailLeaves lists the leaves of a detail shape, depth first in wire
// order: the Detail struct's fields.
func DetailLeaves(fields []*DetailField) []*DetailField {
	var out []*DetailField
	for _, f := range fields {
		if f.Type != "" {
			out = append(out, f)
			continue
		}
		out = append(out, DetailLeaves(f.Children)...)
	}
	return out
}

// Extra reports whether the response is a group's own format, which gets
// a writer of its own (Write<Group>Error).
func (r *Response) Extra() bool { return r.Group != nil }

// HeaderText escapes a value for a header value as the generated server
// does: control characters (CR and LF included) and DEL become spaces,
// so a value can never split a header; inside an HTTP quoted-string
// (quoted), '"' and '\' are backslash-escaped, so it can never leave the
// string. The renderers use it to pre-encode and to show what the server
// sends.
func HeaderText(s string, quoted bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c == 0x7f:
			b.WriteByte(' ')
		case quoted && (c == '"' || c == '\\'):
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
