package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/model"
)

// ExampleInstance is the request path example responses show for
// $instance (the problem format's "instance"): the server writes the path
// of the request that failed, which a catalog cannot know.
const ExampleInstance = "/v1/example"

// example renders the response the generated server writes for e's main
// message with the example params: status line, Content-Type,
// Retry-After when set, and the body walked from the spec's template in
// wire order, leaving out what the server leaves out (no retry delay, no
// docs URL, no params). An error that carries details shows one.
func example(s *model.Spec, e *model.Error) (*Example, error) {
	var raw bytes.Buffer
	if err := writeObject(&raw, s.Response.Body, e, &e.Message); err != nil {
		return nil, fmt.Errorf("error %q: example body: %w", e.Code, err)
	}
	var body bytes.Buffer
	if err := json.Indent(&body, raw.Bytes(), "", "  "); err != nil {
		return nil, fmt.Errorf("error %q: example body: %w", e.Code, err)
	}
	ex := &Example{
		StatusLine: statusLine(e),
		Headers:    []Header{{"Content-Type", s.Response.MediaType}},
		Body:       body.String(),
	}
	if e.RetryAfter > 0 {
		ex.Headers = append(ex.Headers, Header{"Retry-After", strconv.Itoa(e.RetryAfter)})
	}
	ex.Fence = fenceFor(ex.Body)
	return ex, nil
}

// statusLine is the response's status line with the error's status text,
// the one the body's $status_text and the pages show. (Go's HTTP server
// writes its own reason phrase, "status code N" for a status net/http
// does not name; clients ignore the phrase, and HTTP/2 sends none.)
func statusLine(e *model.Error) string {
	return fmt.Sprintf("HTTP/1.1 %d %s", e.Status, e.StatusText)
}

// writeObject writes a JSON object of the given members.
func writeObject(w *bytes.Buffer, fields []*model.Field, e *model.Error, m *model.Message) error {
	w.WriteByte('{')
	n := 0
	member := func(name string, value []byte) {
		if n > 0 {
			w.WriteByte(',')
		}
		n++
		w.Write(jsonString(name))
		w.WriteByte(':')
		w.Write(value)
	}
	for _, f := range fields {
		switch f.Kind {
		case model.ValueObject:
			var sub bytes.Buffer
			if err := writeObject(&sub, f.Children, e, m); err != nil {
				return err
			}
			if sub.Len() > 2 { // the server leaves out an object with no member
				member(f.Name, sub.Bytes())
			}
		case model.ValueParamsInline:
			for _, i := range carried(e, m) {
				member(e.Params[i].Name, jsonValue(e.Params[i].Example))
			}
		default:
			v, ok, err := value(f, e, m)
			if err != nil {
				return err
			}
			if ok {
				member(f.Name, v)
			}
		}
	}
	w.WriteByte('}')
	return nil
}

// value is the JSON of one body member; ok is false when the server
// omits it for this error.
func value(f *model.Field, e *model.Error, m *model.Message) (v []byte, ok bool, err error) {
	switch f.Kind {
	case model.ValueLiteral:
		return jsonValue(f.Literal), true, nil
	case model.ValueCode:
		return jsonString(e.Code), true, nil
	case model.ValueStatus:
		return []byte(strconv.Itoa(e.Status)), true, nil
	case model.ValueStatusText:
		return jsonString(e.StatusText), true, nil
	case model.ValueTitle:
		return jsonString(e.WireTitle), true, nil
	case model.ValueMessage:
		return jsonString(m.Example), true, nil
	case model.ValueDetails:
		if !e.Details {
			return nil, false, nil
		}
		return exampleDetails(e, m), true, nil
	case model.ValueRetryAfter:
		return []byte(strconv.Itoa(e.RetryAfter)), e.RetryAfter > 0, nil
	case model.ValueDocURL:
		return jsonString(e.DocURL), e.DocURL != "", nil
	case model.ValueType:
		if e.DocURL == "" {
			return jsonString("about:blank"), true, nil
		}
		return jsonString(e.DocURL), true, nil
	case model.ValueInstance:
		return jsonString(ExampleInstance), true, nil
	case model.ValueParams:
		return paramsObject(e, m)
	case model.ValueParam:
		for _, i := range carried(e, m) {
			if e.Params[i].Name == f.Param {
				return jsonValue(e.Params[i].Example), true, nil
			}
		}
		return nil, false, nil
	}
	return nil, false, nil
}

// ExampleDetailField is the field an example detail names when the error
// has no string param called "field" to take it from.
const ExampleDetailField = "name"

// exampleDetails are the field details the example of an error that
// carries details shows: the spec's example_details when it gives them,
// else one detail naming the example value of its string param "field"
// (else "name") with the example message, as a handler calling
// WithDetails(Detail{Field: ..., Message: ...}) would send it.
func exampleDetails(e *model.Error, m *model.Message) []byte {
	if len(e.ExampleDetails) > 0 {
		var w bytes.Buffer
		w.WriteByte('[')
		for i, d := range e.ExampleDetails {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString(`{"field":`)
			w.Write(jsonString(d.Field))
			w.WriteString(`,"message":`)
			w.Write(jsonString(d.Message))
			w.WriteByte('}')
		}
		w.WriteByte(']')
		return w.Bytes()
	}
	field := ExampleDetailField
	for _, p := range e.Params {
		if s, ok := p.Example.(string); ok && p.Name == "field" && p.Type == model.TypeString {
			field = s
		}
	}
	var w bytes.Buffer
	w.WriteString(`[{"field":`)
	w.Write(jsonString(field))
	w.WriteString(`,"message":`)
	w.Write(jsonString(m.Example))
	w.WriteString("}]")
	return w.Bytes()
}

// paramsObject is $params: the carried params by name, omitted when
// there are none.
func paramsObject(e *model.Error, m *model.Message) ([]byte, bool, error) {
	idx := carried(e, m)
	if len(idx) == 0 {
		return nil, false, nil
	}
	var w bytes.Buffer
	w.WriteByte('{')
	for n, i := range idx {
		if n > 0 {
			w.WriteByte(',')
		}
		w.Write(jsonString(e.Params[i].Name))
		w.WriteByte(':')
		w.Write(jsonValue(e.Params[i].Example))
	}
	w.WriteByte('}')
	return w.Bytes(), true, nil
}

// carried lists the params a response with message m carries, as the
// generated constructors set them: the params the message uses, in
// declaration order.
func carried(e *model.Error, m *model.Message) []int {
	return m.Params()
}

// jsonValue encodes a literal or example value the way encoding/json
// does (HTML-sensitive characters escaped as \u003c and so on).
func jsonValue(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		// Only NaN and infinities fail, and the loader refuses them.
		return []byte("null")
	}
	return b
}

func jsonString(s string) []byte { return jsonValue(s) }

// responseDoc documents every member of the body template.
func responseDoc(s *model.Spec, internal *Error) *Response {
	r := &Response{Format: string(s.Response.Format), MediaType: s.Response.MediaType, Internal: internal}
	walkFields(s, s.Response.Body, nil, &r.Fields)
	return r
}

func walkFields(s *model.Spec, fields []*model.Field, path []string, out *[]*FieldDoc) {
	for _, f := range fields {
		p := append(append([]string(nil), path...), f.Name)
		doc := &FieldDoc{Path: strings.Join(p, "."), Type: fieldType(s, f), Description: fieldDescription(s, f)}
		if f.Kind == model.ValueParamsInline {
			doc.Path = ""
		}
		*out = append(*out, doc)
		if f.Kind == model.ValueObject {
			walkFields(s, f.Children, p, out)
		}
	}
}

func fieldType(s *model.Spec, f *model.Field) string {
	switch f.Kind {
	case model.ValueLiteral:
		switch f.Literal.(type) {
		case string:
			return "string"
		case bool:
			return "boolean"
		}
		return "number"
	case model.ValueObject, model.ValueParams:
		return "object"
	case model.ValueStatus, model.ValueRetryAfter:
		return "number"
	case model.ValueDetails:
		return "array"
	case model.ValueParamsInline:
		return "per param"
	case model.ValueParam:
		return paramType(s, f.Param)
	}
	return "string"
}

// paramType is the JSON type of the params named name across the
// catalog, "per error" when errors disagree.
func paramType(s *model.Spec, name string) string {
	kind := ""
	for _, e := range s.Errors {
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
	switch t {
	case model.TypeInt, model.TypeInt64, model.TypeFloat64:
		return "number"
	case model.TypeBool:
		return "boolean"
	}
	return "string"
}

func fieldDescription(s *model.Spec, f *model.Field) string {
	switch f.Kind {
	case model.ValueLiteral:
		return "Always " + cellCode(string(jsonValue(f.Literal))) + "."
	case model.ValueObject:
		return "An object holding the members below."
	case model.ValueCode:
		return "The error code, e.g. `" + firstCode(s) + "`: stable and machine-readable; match on it, not on the message."
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
		return "Field-level problems, a list of `{\"field\": ..., \"message\": ...}` objects, sent only by errors that carry details. Omitted when there are none."
	case model.ValueRetryAfter:
		return "Seconds to wait before retrying, also sent as the `Retry-After` header. Omitted when the error sets no delay."
	case model.ValueDocURL:
		if s.API.DocsURL == "" {
			return "A link to the error's section of this reference. Never sent: the API publishes no docs URL."
		}
		return "A link to the error's section of this reference."
	case model.ValueType:
		if s.API.DocsURL == "" {
			return "A URI identifying the error type: always `about:blank` (the API publishes no docs URL), so identify errors by `code`."
		}
		return "A URI identifying the error type: the link to its section of this reference."
	case model.ValueInstance:
		return "The path of the request that failed, e.g. `" + ExampleInstance + "`."
	case model.ValueParams:
		return "The error's params by name, typed as each error documents. Omitted when the error has none."
	case model.ValueParam:
		return "The value of the " + cellCode(f.Param) + " param. Omitted by errors without it."
	case model.ValueParamsInline:
		return "Each of the error's params as a member of its own, named and typed as each error documents."
	}
	return ""
}

func firstCode(s *model.Spec) string {
	if es := s.AllErrors(); len(es) > 0 {
		return es[0].Code
	}
	return "not_found"
}
