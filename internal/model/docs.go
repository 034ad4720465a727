package model

import (
	"strconv"
	"strings"
)

// This file holds helpers the Markdown renderer (package docs) reads the
// model with; they change nothing in it.

// Source returns the template as a spec writes it: literal text (a
// literal "${" as "$${") and each value as ${NAME}, ${param.NAME} or
// ${attr.NAME}.
func (t Template) Source() string {
	var b strings.Builder
	for _, p := range t.Parts {
		if p.Kind == ValueLiteral {
			b.WriteString(strings.ReplaceAll(p.Literal, "${", "$${"))
			continue
		}
		b.WriteString("${" + p.VarName() + "}")
	}
	return b.String()
}

// VarName is the name an interpolated value has inside ${…}: "code",
// "param.NAME", "attr.NAME"; "" for literal text.
func (p TemplatePart) VarName() string {
	switch p.Kind {
	case ValueLiteral:
		return ""
	case ValueParam:
		return "param." + p.Name
	case ValueAttr:
		return "attr." + p.Name
	}
	return strings.TrimPrefix(p.Kind.Variable(), "$")
}

// TextValue formats a constant or a param value as a string template
// interpolates it, and as messages show params: strings as they are,
// numbers in strconv's shortest form, booleans as true or false, the
// elements of a list joined by commas, as the generated server joins them.
func TextValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = TextValue(e)
		}
		return strings.Join(parts, ",")
	}
	return ""
}

// IsDefaultDetails reports whether a detail shape is the default one,
// {field: string, message: string}.
func IsDefaultDetails(fields []*DetailField) bool {
	return len(fields) == 2 &&
		fields[0].Name == "field" && fields[0].Type == "string" &&
		fields[1].Name == "message" && fields[1].Type == "string"
}

// ErrorsOf returns the errors (the built-in internal error included)
// written in the format r, in spec order.
func (s *Spec) ErrorsOf(r *Response) []*Error {
	var out []*Error
	for _, e := range s.AllErrors() {
		f := e.Format
		if f == nil {
			f = &s.Response
		}
		if f == r {
			out = append(out, e)
		}
	}
	return out
}
