package model

import (
	"strconv"
	"strings"
)

// Helpers the OpenAPI renderer asks of the model: which errors a format
// writes, what a code is on the wire, and a template's source text.

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
