package docs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/internal/model"
)

// This file documents the wire formats: the response format section of
// the single and index pages, one part per format (the catalog's, then
// each group's own), each with a table of its body's members.

// formatDocs documents every wire format of the catalog as the page named
// from shows them.
func (r *renderer) formatDocs(from string) []*Response {
	var out []*Response
	for _, f := range r.s.Formats {
		out = append(out, r.formatDoc(f, from))
	}
	if len(out) == 0 { // a model built by hand, without Formats
		out = append(out, r.formatDoc(&r.s.Response, from))
	}
	out[0].Others = len(out) > 1
	return out
}

// formatDoc documents one wire format.
func (r *renderer) formatDoc(f *model.Response, from string) *Response {
	internal := f.Internal
	if internal == nil && f.Group == nil {
		internal = r.s.Internal
	}
	d := &Response{
		Format:    string(f.Format),
		MediaType: f.MediaType,
		Group:     f.Group,
		Internal:  r.view(internal, from),
	}
	if f.Group != nil {
		d.Title = f.Group.Title
	}
	for _, h := range f.Headers {
		d.Headers = append(d.Headers, &HeaderTemplate{Name: h.Name, Template: h.Value.Source()})
	}
	if m := f.Marker; m != nil {
		d.Marker = codeSpan(m.Member) + " is " + codeSpan(string(jsonValue(m.Value)))
	}
	w := &fieldWalker{s: r.s, f: f, errs: r.s.ErrorsOf(f)}
	w.walk(f.Body, "", 0, &d.Fields)
	return d
}

// formatHeading is the heading of a group's own format.
func formatHeading(title string) string { return "Response format: " + title }

// fieldWalker documents the members of one format's body.
type fieldWalker struct {
	s    *model.Spec
	f    *model.Response
	errs []*model.Error // the errors written in the format
}

func (w *fieldWalker) walk(fields []*model.Field, prefix string, depth int, out *[]*FieldDoc) {
	for _, f := range fields {
		path := f.Name
		if prefix != "" {
			path = prefix + "." + f.Name
		}
		doc := &FieldDoc{Path: path, Type: w.fieldType(f), Description: w.description(f, depth)}
		switch f.Kind {
		case model.ValueParamsInline:
			doc.Path, doc.Inline = "", "params"
		case model.ValueAttrsInline:
			doc.Path, doc.Inline = "", "attributes"
		}
		*out = append(*out, doc)
		switch f.Kind {
		case model.ValueObject:
			w.walk(f.Children, path, depth+1, out)
		case model.ValueList:
			w.walk(f.Children, path+"[0]", depth+1, out)
		}
	}
}

func (w *fieldWalker) fieldType(f *model.Field) string {
	switch f.Kind {
	case model.ValueLiteral:
		return literalType(f.Literal)
	case model.ValueObject, model.ValueParams:
		return "object"
	case model.ValueStatus, model.ValueRetryAfter:
		return "number"
	case model.ValueCode:
		if w.s.CodeType == model.CodeInteger {
			return "number"
		}
	case model.ValueDetails, model.ValueList:
		return "array"
	case model.ValueParamsInline:
		return "per param"
	case model.ValueAttrsInline:
		return "per attribute"
	case model.ValueParam:
		return w.paramType(f.Param)
	case model.ValueAttr:
		kind := ""
		for _, v := range w.attrValues(f.Attr) {
			if k := literalType(v); kind != "" && kind != k {
				return "per error"
			} else {
				kind = k
			}
		}
		return kind
	}
	return "string"
}

// literalType is the JSON type of a constant.
func literalType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	}
	return "number"
}

// paramType is the JSON type of the params named name across the
// format's errors, "per error" when errors disagree.
func (w *fieldWalker) paramType(name string) string {
	kind := ""
	for _, e := range w.errs {
		for _, p := range e.Params {
			if p.Name != name {
				continue
			}
			k := jsonType(p.Type)
			if kind != "" && kind != k {
				return "per error"
			}
			kind = k
		}
	}
	return kind
}

func jsonType(t model.ParamType) string {
	if t.IsList() {
		return "array"
	}
	switch t {
	case model.TypeInt, model.TypeInt64, model.TypeFloat64:
		return "number"
	case model.TypeBool:
		return "boolean"
	}
	return "string"
}

// attrValues are the distinct values of an attribute across the format's
// errors, in spec order.
func (w *fieldWalker) attrValues(name string) []any {
	var out []any
	for _, e := range w.errs {
		if v, ok := e.Attr(name); ok && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// missing reports whether some error of the format lacks the attribute.
func (w *fieldWalker) attrMissing(name string) bool {
	for _, e := range w.errs {
		if _, ok := e.Attr(name); !ok {
			return true
		}
	}
	return false
}

// optionalParam reports whether some error of the format has an
// optional param of the name.
func (w *fieldWalker) optionalParam(name string) bool {
	for _, e := range w.errs {
		if p := e.Param(name); p != nil && p.Optional {
			return true
		}
	}
	return false
}

// ownDocURLs reports whether some error of the format has its own doc
// link.
func (w *fieldWalker) ownDocURLs() bool {
	return slices.ContainsFunc(w.errs, func(e *model.Error) bool { return e.OwnDocURL })
}

// firstCode is the code the descriptions show as an example: the first
// error's of the format.
func (w *fieldWalker) firstCode() string {
	if len(w.errs) > 0 {
		return w.errs[0].Code
	}
	return "not_found"
}

func (w *fieldWalker) description(f *model.Field, depth int) string {
	s := w.s
	switch f.Kind {
	case model.ValueLiteral:
		if m := w.f.Marker; m != nil && depth == 0 && f.Name == m.Member {
			return "Always " + cellCode(string(jsonValue(f.Literal))) + ": marks the body as an error, whatever the HTTP status."
		}
		return "Always " + cellCode(string(jsonValue(f.Literal))) + "."
	case model.ValueObject:
		return "An object holding the members below."
	case model.ValueList:
		return "A list of one object holding the members below."
	case model.ValueCode:
		if s.CodeType == model.CodeInteger {
			return "The error code, a number, e.g. " + cellCode(w.firstCode()) + ": stable and machine-readable; match on it, not on the message."
		}
		return "The error code, e.g. `" + w.firstCode() + "`: stable and machine-readable; match on it, not on the message."
	case model.ValueStatus:
		return "The HTTP status code, repeated from the status line."
	case model.ValueStatusText:
		return "The HTTP status text, e.g. `Bad Request`."
	case model.ValueTitle:
		if s.AboutBlank() {
			return "The HTTP status text, e.g. `Bad Request`, as RFC 9457 asks of problems of type `about:blank`."
		}
		return "A short summary of the error, the same for every occurrence of a code."
	case model.ValueMessage:
		return "A human-readable message with the error's params filled in. Show it, but do not parse it: it may change."
	case model.ValueDetails:
		if model.IsDefaultDetails(detailShape(s)) {
			return "Field-level problems, a list of `{\"field\": ..., \"message\": ...}` objects, sent only by errors that carry details. Omitted when there are none."
		}
		return "Field-level problems, a list of " + cellCode(shapeText(detailShape(s))) + " objects, sent only by errors that carry details. Omitted when there are none."
	case model.ValueRetryAfter:
		return "Seconds to wait before retrying, also sent as the `Retry-After` header. Omitted when the error sets no delay."
	case model.ValueDocURL:
		switch {
		case s.API.DocsURL == "" && w.ownDocURLs():
			return "The link to the error's own documentation page, for the errors that have one. Omitted by the others."
		case s.API.DocsURL == "":
			return "A link to the error's section of this reference. Never sent: the API publishes no docs URL."
		case w.ownDocURLs():
			return "A link to the error's section of this reference, or to its own documentation page when it has one."
		}
		return "A link to the error's section of this reference."
	case model.ValueType:
		switch {
		case s.API.DocsURL == "" && w.ownDocURLs():
			return "A URI identifying the error type: the link to the error's own documentation page when it has one, else `about:blank`, so identify errors by `code`."
		case s.API.DocsURL == "":
			return "A URI identifying the error type: always `about:blank` (the API publishes no docs URL), so identify errors by `code`."
		case w.ownDocURLs():
			return "A URI identifying the error type: the link to its section of this reference, or to its own documentation page when it has one."
		}
		return "A URI identifying the error type: the link to its section of this reference."
	case model.ValueInstance:
		return "The path of the request that failed, e.g. `" + ExampleInstance + "`."
	case model.ValueRequestID:
		return "The request id, e.g. `" + model.ExampleRequestID + "`: the request's `" + s.RequestID.Header + "` header (only letters, digits and `-_.:@/+=` kept, at most 128 bytes), or a fresh UUID when it has none. Quote it when you contact support: it leads to the server's log of the error."
	case model.ValueParams:
		return "The error's params by name, typed as each error documents. Omitted when the error has none."
	case model.ValueParam:
		d := "The value of the " + cellCode(f.Param) + " param. Omitted by errors without it"
		if w.optionalParam(f.Param) {
			d += ", and while it is not set where it is optional"
		}
		return d + "."
	case model.ValueParamsInline:
		return "Each of the error's params as a member of its own, named and typed as each error documents."
	case model.ValueAttrsInline:
		return "Each of the error's attributes as a member of its own: constants, named and valued as each error documents."
	case model.ValueAttr:
		return w.attrDescription(f.Attr)
	case model.ValueTemplate:
		return w.templateDescription(f.Template)
	}
	return ""
}

// attrDescription describes $attr.NAME: its values across the format.
func (w *fieldWalker) attrDescription(name string) string {
	var vals []string
	for _, v := range w.attrValues(name) {
		vals = append(vals, cellCode(string(jsonValue(v))))
	}
	d := "The error's " + cellCode(name) + " attribute, a constant of each error"
	switch len(vals) {
	case 0:
	case 1:
		d += ": " + vals[0]
	default:
		d += ": " + strings.Join(vals[:len(vals)-1], ", ") + " or " + vals[len(vals)-1]
	}
	d += "."
	if w.attrMissing(name) {
		d += " Omitted by errors without it."
	}
	return d
}

// templateDescription describes a string template member: the template,
// and what each value it interpolates is.
func (w *fieldWalker) templateDescription(t model.Template) string {
	if p, only := t.Only(); only {
		m := valueMeaning(p)
		d := strings.ToUpper(m[:1]) + m[1:] + ", as a string."
		if absent := absentWhen(p); absent != "" {
			d += " Omitted " + absent + "."
		}
		return d
	}
	var seen []string
	var parts []string
	var empty []string
	for _, p := range t.Parts {
		if p.Kind == model.ValueLiteral || slices.Contains(seen, p.VarName()) {
			continue
		}
		seen = append(seen, p.VarName())
		parts = append(parts, cellCode("${"+p.VarName()+"}")+" is "+valueMeaning(p))
		if absent := absentWhen(p); absent != "" {
			empty = append(empty, cellCode("${"+p.VarName()+"}")+" is empty "+absent)
		}
	}
	d := "The string " + cellCode(t.Source()) + ", where " + strings.Join(parts, ", ") + "."
	if len(empty) > 0 {
		d += " " + strings.Join(empty, "; ") + "."
	}
	return d
}

// valueMeaning says what an interpolated value is.
func valueMeaning(p model.TemplatePart) string {
	switch p.Kind {
	case model.ValueCode:
		return "the error code"
	case model.ValueStatus:
		return "the HTTP status code"
	case model.ValueStatusText:
		return "the HTTP status text"
	case model.ValueTitle:
		return "the error's title"
	case model.ValueMessage:
		return "the message"
	case model.ValueDocURL:
		return "the link to the error's documentation"
	case model.ValueInstance:
		return "the path of the request that failed"
	case model.ValueRequestID:
		return "the request id (the request's id header, or a fresh UUID), e.g. `" + model.ExampleRequestID + "`"
	case model.ValueRetryAfter:
		return "the seconds to wait before retrying"
	case model.ValueParam:
		return "the value of the " + cellCode(p.Name) + " param"
	case model.ValueAttr:
		return "the error's " + cellCode(p.Name) + " attribute"
	}
	return "a value"
}

// absentWhen says when a response does not have an interpolated value,
// "" when it always does.
func absentWhen(p model.TemplatePart) string {
	switch p.Kind {
	case model.ValueDocURL:
		return "when the error has no documentation link"
	case model.ValueRetryAfter:
		return "when the error sets no delay"
	case model.ValueParam:
		return "by errors without the param (or while an optional one is unset)"
	case model.ValueAttr:
		return "by errors without the attribute"
	}
	return ""
}

// shapeText writes a detail item shape as JSON with types for values:
// {"resource": string, "source": {"pointer": string}}.
func shapeText(fields []*model.DetailField) string {
	var parts []string
	for _, f := range fields {
		v := ""
		switch f.Type {
		case "":
			v = shapeText(f.Children)
		case "int":
			v = "number"
		case "bool":
			v = "boolean"
		default:
			v = "string"
		}
		parts = append(parts, fmt.Sprintf("%s: %s", jsonString(f.Name), v))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
