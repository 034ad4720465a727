package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/textproto"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/model"
)

// ExampleInstance is the request path example responses show for
// $instance (the problem format's "instance"): the server writes the path
// of the request that failed, which a catalog cannot know.
const ExampleInstance = "/v1/example"

// response is one response of an error as the generated server writes
// it: the error, the message it was built with, and the params it
// carries.
type response struct {
	s *model.Spec
	e *model.Error
	m *model.Message
	// sent are the params the response carries, by name.
	sent map[string]*model.Param
}

// exampleResponse is the response of e's main message built with the
// example params: every param its constructor takes, and every optional
// param set to its example value (the spec's, else the default one).
func exampleResponse(s *model.Spec, e *model.Error) *response {
	r := &response{s: s, e: e, m: &e.Message, sent: map[string]*model.Param{}}
	for _, i := range carried(e, r.m) {
		r.sent[e.Params[i].Name] = e.Params[i]
	}
	return r
}

// format is the wire format the error is written in.
func (r *response) format() *model.Response {
	if r.e.Format != nil {
		return r.e.Format
	}
	return &r.s.Response
}

// example renders the response the generated server writes for e's main
// message with the example params (see exampleResponse): status line,
// Content-Type, the error's headers, Retry-After when set, and the body
// walked from its format's template in wire order, leaving out what the
// server leaves out (no retry delay, no doc link, no params). An error
// that carries details shows the example details.
func example(s *model.Spec, e *model.Error) (*Example, error) {
	r := exampleResponse(s, e)
	var raw bytes.Buffer
	r.writeObject(&raw, r.format().Body)
	var body bytes.Buffer
	body.Grow(2 * raw.Len())
	if !indentJSON(&body, raw.Bytes()) {
		if err := json.Indent(&body, raw.Bytes(), "", "  "); err != nil {
			return nil, fmt.Errorf("error %q: example body: %w", e.Code, err)
		}
	}
	ex := &Example{
		StatusLine: statusLine(e),
		Headers:    []Header{{"Content-Type", r.format().MediaType}},
		Body:       body.String(),
	}
	for _, h := range e.Headers {
		if v, ok := r.headerValue(h.Value); ok {
			ex.Headers = append(ex.Headers, Header{textproto.CanonicalMIMEHeaderKey(h.Name), v})
		}
	}
	if e.RetryAfter > 0 {
		ex.Headers = append(ex.Headers, Header{"Retry-After", strconv.Itoa(e.RetryAfter)})
	}
	// The fence of body and headers: a run of backticks ends at a line
	// break or ": ", so the longest is the longest of the parts'.
	run := longestRun(ex.Body, '`')
	for _, h := range ex.Headers {
		run = max(run, longestRun(h.Name, '`'), longestRun(h.Value, '`'))
	}
	ex.Fence = fenceOver(run)
	return ex, nil
}

// statusLine is the response's status line with the error's status text,
// the one the body's $status_text and the pages show. (Go's HTTP server
// writes its own reason phrase, "status code N" for a status net/http
// does not name; clients ignore the phrase, and HTTP/2 sends none.)
func statusLine(e *model.Error) string {
	return "HTTP/1.1 " + strconv.Itoa(e.Status) + " " + e.StatusText
}

// headerValue is the value of a header with template t, as the server
// sends it: each value interpolated as text, its control characters (CR
// and LF included) as spaces, and, inside an HTTP quoted-string, '"' and
// '\' backslash-escaped; leading and trailing spaces trimmed, as Go's
// server trims them. ok is false when the server leaves the header out: a
// template that is exactly one value the response does not have.
func (r *response) headerValue(t model.Template) (string, bool) {
	if p, only := t.Only(); only {
		if _, ok := r.text(p); !ok {
			return "", false
		}
	}
	var b strings.Builder
	for _, p := range t.Parts {
		v := p.Literal
		if p.Kind != model.ValueLiteral {
			v, _ = r.text(p)
			v = model.HeaderText(v, p.Quoted)
		}
		b.WriteString(v)
	}
	// The spec's own literal text may hold control characters too: the
	// page shows them as spaces.
	v := strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, b.String())
	return strings.Trim(v, " "), true
}

// text is the text ${NAME} interpolates for the response; ok is false
// when the response does not have the value (no doc link, no retry
// delay, a param it does not carry, an attribute the error does not
// have), which interpolates as empty text.
func (r *response) text(p model.TemplatePart) (string, bool) {
	e := r.e
	switch p.Kind {
	case model.ValueCode:
		return e.Code, true
	case model.ValueStatus:
		return strconv.Itoa(e.Status), true
	case model.ValueStatusText:
		return e.StatusText, true
	case model.ValueTitle:
		return e.WireTitle, true
	case model.ValueMessage:
		return r.m.Example, true
	case model.ValueDocURL:
		return e.DocURL, e.DocURL != ""
	case model.ValueInstance:
		return ExampleInstance, true
	case model.ValueRequestID:
		return model.ExampleRequestID, true
	case model.ValueRetryAfter:
		if e.RetryAfter <= 0 {
			return "", false
		}
		return strconv.Itoa(e.RetryAfter), true
	case model.ValueParam:
		if prm := r.sent[p.Name]; prm != nil {
			return model.TextValue(prm.Example), true
		}
	case model.ValueAttr:
		if v, ok := e.Attr(p.Name); ok {
			return model.TextValue(v), true
		}
	case model.ValueLiteral:
		return p.Literal, true
	}
	return "", false
}

// writeObject writes a JSON object of the given members.
func (r *response) writeObject(w *bytes.Buffer, fields []*model.Field) {
	w.WriteByte('{')
	n := 0
	member := func(name string, value []byte) {
		if n > 0 {
			w.WriteByte(',')
		}
		n++
		writeJSONString(w, name)
		w.WriteByte(':')
		w.Write(value)
	}
	for _, f := range fields {
		switch f.Kind {
		case model.ValueParamsInline:
			for _, p := range r.e.Params {
				if r.sent[p.Name] != nil {
					member(p.Name, jsonValue(p.Example))
				}
			}
		case model.ValueAttrsInline:
			for _, kv := range r.e.Attributes {
				member(kv.Key, jsonValue(kv.Value))
			}
		default:
			if v, ok := r.value(f); ok {
				member(f.Name, v)
			}
		}
	}
	w.WriteByte('}')
}

// value is the JSON of one body member; ok is false when the server
// omits it for this response.
func (r *response) value(f *model.Field) (v []byte, ok bool) {
	e := r.e
	switch f.Kind {
	case model.ValueLiteral:
		return jsonValue(f.Literal), true
	case model.ValueObject, model.ValueList:
		var sub bytes.Buffer
		r.writeObject(&sub, f.Children)
		if sub.Len() <= 2 {
			return nil, false // the server leaves out an object with no member
		}
		if f.Kind == model.ValueList {
			return append(append([]byte{'['}, sub.Bytes()...), ']'), true
		}
		return sub.Bytes(), true
	case model.ValueCode:
		if r.s.CodeType == model.CodeInteger {
			return []byte(e.Code), true // a JSON number
		}
		return jsonString(e.Code), true
	case model.ValueStatus:
		return []byte(strconv.Itoa(e.Status)), true
	case model.ValueStatusText:
		return jsonString(e.StatusText), true
	case model.ValueTitle:
		return jsonString(e.WireTitle), true
	case model.ValueMessage:
		return jsonString(r.m.Example), true
	case model.ValueDetails:
		if !e.Details {
			return nil, false
		}
		return detailsJSON(r.s, exampleDetailValues(r.s, e, r.m)), true
	case model.ValueRetryAfter:
		return []byte(strconv.Itoa(e.RetryAfter)), e.RetryAfter > 0
	case model.ValueDocURL:
		return jsonString(e.DocURL), e.DocURL != ""
	case model.ValueType:
		if e.DocURL == "" {
			return jsonString("about:blank"), true
		}
		return jsonString(e.DocURL), true
	case model.ValueInstance:
		return jsonString(ExampleInstance), true
	case model.ValueRequestID:
		return jsonString(model.ExampleRequestID), true
	case model.ValueParams:
		return r.paramsObject()
	case model.ValueParam:
		if p := r.sent[f.Param]; p != nil {
			return jsonValue(p.Example), true
		}
	case model.ValueAttr:
		if v, ok := e.Attr(f.Attr); ok {
			return jsonValue(v), true
		}
	case model.ValueTemplate:
		if p, only := f.Template.Only(); only {
			if _, ok := r.text(p); !ok {
				return nil, false // a template of only an absent value
			}
		}
		var b strings.Builder
		for _, p := range f.Template.Parts {
			t, _ := r.text(p)
			b.WriteString(t)
		}
		return jsonString(b.String()), true
	}
	return nil, false
}

// paramsObject is $params: the carried params by name, omitted when
// there are none.
func (r *response) paramsObject() ([]byte, bool) {
	var w bytes.Buffer
	w.WriteByte('{')
	n := 0
	for _, p := range r.e.Params {
		if r.sent[p.Name] == nil {
			continue
		}
		if n > 0 {
			w.WriteByte(',')
		}
		n++
		writeJSONString(&w, p.Name)
		w.WriteByte(':')
		w.Write(jsonValue(p.Example))
	}
	w.WriteByte('}')
	return w.Bytes(), n > 0
}

// carried lists the params a response with message m carries, in
// declaration order, as the example builds it: the params its
// constructor takes (those the message uses and the data params) and the
// optional params, each set to its example value.
func carried(e *model.Error, m *model.Message) []int {
	out := e.Args(m)
	for i, p := range e.Params {
		if p.Optional && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// ExampleDetailField is the field an example detail names when the error
// has no string param called "field" to take it from.
const ExampleDetailField = "name"

// detailShape is the catalog's detail item shape.
func detailShape(s *model.Spec) []*model.DetailField {
	if len(s.Details) == 0 {
		return model.DefaultDetails()
	}
	return s.Details
}

// exampleDetailValues are the details the example of an error that
// carries details shows, each as its values in DetailLeaves order: the
// spec's example_details when it gives them, else one detail, as a
// handler calling WithDetails would send it, whose leaves are: a string
// leaf "field", the example value of the error's string param "field"
// (else "name"); a string leaf "message", the example message; any other
// string leaf, its own name; an int leaf, 1; a bool leaf, true. With the
// default shape that is {field, message}.
func exampleDetailValues(s *model.Spec, e *model.Error, m *model.Message) [][]any {
	leaves := model.DetailLeaves(detailShape(s))
	var out [][]any
	for _, d := range e.ExampleDetails {
		if len(d.Values) == len(leaves) {
			out = append(out, d.Values)
		} else if len(leaves) == 2 && model.IsDefaultDetails(detailShape(s)) {
			out = append(out, []any{d.Field, d.Message})
		}
	}
	if len(out) > 0 {
		return out
	}
	field := ExampleDetailField
	for _, p := range e.Params {
		if v, ok := p.Example.(string); ok && p.Name == "field" && p.Type == model.TypeString {
			field = v
		}
	}
	item := make([]any, len(leaves))
	for i, l := range leaves {
		switch {
		case l.Type == "int":
			item[i] = int64(1)
		case l.Type == "bool":
			item[i] = true
		case l.Name == "field":
			item[i] = field
		case l.Name == "message":
			item[i] = m.Example
		default:
			item[i] = l.Name
		}
	}
	return [][]any{item}
}

// detailsJSON writes detail items (values in leaf order) in the shape.
func detailsJSON(s *model.Spec, items [][]any) []byte {
	shape := detailShape(s)
	var w bytes.Buffer
	w.WriteByte('[')
	for i, vals := range items {
		if i > 0 {
			w.WriteByte(',')
		}
		writeDetail(&w, shape, &vals)
	}
	w.WriteByte(']')
	return w.Bytes()
}

// writeDetail writes one item of the shape, taking its leaves' values
// from the front of vals.
func writeDetail(w *bytes.Buffer, shape []*model.DetailField, vals *[]any) {
	w.WriteByte('{')
	for i, f := range shape {
		if i > 0 {
			w.WriteByte(',')
		}
		w.Write(jsonString(f.Name))
		w.WriteByte(':')
		if f.Type == "" {
			writeDetail(w, f.Children, vals)
			continue
		}
		var v any
		if len(*vals) > 0 {
			v, *vals = (*vals)[0], (*vals)[1:]
		}
		w.Write(jsonValue(v))
	}
	w.WriteByte('}')
}

// jsonValue encodes a literal or example value the way encoding/json
// does (HTML-sensitive characters escaped as \u003c and so on).
func jsonValue(v any) []byte {
	if b, ok := plainJSONValue(v); ok {
		return b
	}
	b, err := json.Marshal(v)
	if err != nil {
		// Only NaN and infinities fail, and the loader refuses them.
		return []byte("null")
	}
	return b
}

func jsonString(s string) []byte { return jsonValue(s) }

// writeJSONString writes jsonString(s) to w.
func writeJSONString(w *bytes.Buffer, s string) {
	if plainJSONText(s) {
		w.WriteByte('"')
		w.WriteString(s)
		w.WriteByte('"')
		return
	}
	w.Write(jsonString(s))
}
