package model

import (
	"strconv"
	"strings"
)

// Helpers the OpenAPI renderer asks of the model: which errors a format
// writes, what a code is on the wire, and where a kind of value sits in a
// body, lists included.

// ErrorsOf returns the errors (built-in internal error included) written
// in format f, in spec order.
func (s *Spec) ErrorsOf(f *Response) []*Error {
	var out []*Error
	for _, e := range s.AllErrors() {
		if e.Format == f || e.Format == nil && f == &s.Response {
			out = append(out, e)
		}
	}
	return out
}

// FormatOf returns the format e is written in: its own, else the
// catalog's.
func (s *Spec) FormatOf(e *Error) *Response {
	if e.Format != nil {
		return e.Format
	}
	return &s.Response
}

// CodeValue is a code as $code writes it: an int64 for integer codes, the
// string otherwise.
func (s *Spec) CodeValue(code string) any {
	if s.CodeType == CodeInteger {
		if n, err := strconv.ParseInt(code, 10, 64); err == nil {
			return n
		}
	}
	return code
}

// FieldPath is a body member and the members and lists above it.
type FieldPath struct {
	Field *Field
	// Path names the members from the body down to Field; InList[i] is
	// set when Path[i] is a one-element list whose object holds the rest.
	Path   []string
	InList []bool
}

// FindFieldAll returns the first body field of the given kind, searched
// depth first in wire order through objects and lists, or nil.
func (r *Response) FindFieldAll(kind ValueKind) *FieldPath {
	return findFieldAll(r.Body, kind, nil, nil)
}

func findFieldAll(fields []*Field, kind ValueKind, path []string, inList []bool) *FieldPath {
	for _, f := range fields {
		p := append(append([]string(nil), path...), f.Name)
		l := append(append([]bool(nil), inList...), f.Kind == ValueList)
		if f.Kind == kind {
			return &FieldPath{Field: f, Path: p, InList: l}
		}
		if f.Kind == ValueObject || f.Kind == ValueList {
			if got := findFieldAll(f.Children, kind, p, l); got != nil {
				return got
			}
		}
	}
	return nil
}

// Source is the template as a spec writes it: literal text (with "${"
// written "$${") and ${NAME} for each value.
func (t Template) Source() string {
	var b strings.Builder
	for _, p := range t.Parts {
		switch p.Kind {
		case ValueLiteral:
			b.WriteString(strings.ReplaceAll(p.Literal, "${", "$${"))
		case ValueParam:
			b.WriteString("${param." + p.Name + "}")
		case ValueAttr:
			b.WriteString("${attr." + p.Name + "}")
		default:
			b.WriteString("${" + strings.TrimPrefix(p.Kind.Variable(), "$") + "}")
		}
	}
	return b.String()
}
