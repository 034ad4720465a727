package runtime

import (
	"errors"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// serveWith runs h for err on a real server and returns the response
// with its body read (and put back).
func serveWith(t *testing.T, h func(http.ResponseWriter, *http.Request, error), err error) (*http.Response, string) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h(w, r, err) }))
	defer srv.Close()
	resp, e := http.Get(srv.URL + "/v1/legacy")
	if e != nil {
		t.Fatal(e)
	}
	defer resp.Body.Close()
	body, e := io.ReadAll(resp.Body)
	if e != nil {
		t.Fatal(e)
	}
	resp.Body = io.NopCloser(strings.NewReader(string(body)))
	return resp, string(body)
}

// TestGroupFormat writes errors of the group with its own format:
// status 200 with the marker, the media type as written, headers that
// carry the code and a message in a quoted-string, a one-element list,
// templates, attributes, data and optional list params; and decodes them
// back.
func TestGroupFormat(t *testing.T) {
	const ct = "application/json; charset=utf-8"
	cases := []struct {
		name   string
		write  func(http.ResponseWriter, *http.Request, error)
		err    error
		status int
		header []string // X-Error-Code, WWW-Authenticate, Retry-After
		body   string
		want   *Error
	}{
		{"error on 200", WriteError, NewLegacyNotReady("db", 2).WithTags([]string{"a", "b"}), 200,
			[]string{"legacy_not_ready", `Bearer error="legacy_not_ready", error_description="Not ready: db"`, ""},
			`{"ok":false,"errors":[{"code":"legacy:legacy_not_ready","message":"Not ready: db","kind":"temporary","tags":["a","b"],"attempt":"2","link":"https://docs.example.com/errors#legacy_not_ready?status=200"}]}`,
			NewLegacyNotReady("db", 2).WithTags([]string{"a", "b"})},
		{"optional unset, a quote in the message", WriteError, NewLegacyNotReady("\"x\\", 0), 200,
			[]string{"legacy_not_ready", `Bearer error="legacy_not_ready", error_description="Not ready: \"x\\"`, ""},
			`{"ok":false,"errors":[{"code":"legacy:legacy_not_ready","message":"Not ready: \"x\\","kind":"temporary","attempt":"0","link":"https://docs.example.com/errors#legacy_not_ready?status=200"}]}`,
			NewLegacyNotReady("\"x\\", 0)},
		{"a retry delay in a template", WriteLegacyError, NewLegacyFailure(), 503,
			[]string{"legacy_failure", `Bearer error="legacy_failure", error_description="Legacy failure"`, "5"},
			`{"ok":false,"errors":[{"code":"legacy:legacy_failure","message":"Legacy failure","retry":"5","link":"https://docs.example.com/errors#legacy_failure?status=503"}]}`,
			NewLegacyFailure()},
		{"the format's internal error for a non-catalog error", WriteLegacyError, errors.New("pq: secret"), 503,
			[]string{"legacy_failure", `Bearer error="legacy_failure", error_description="Legacy failure"`, "5"},
			`{"ok":false,"errors":[{"code":"legacy:legacy_failure","message":"Legacy failure","retry":"5","link":"https://docs.example.com/errors#legacy_failure?status=503"}]}`,
			NewLegacyFailure()},
		{"and for an error of another format", WriteLegacyError, ErrInvalidAPIKey, 503,
			[]string{"legacy_failure", `Bearer error="legacy_failure", error_description="Legacy failure"`, "5"},
			`{"ok":false,"errors":[{"code":"legacy:legacy_failure","message":"Legacy failure","retry":"5","link":"https://docs.example.com/errors#legacy_failure?status=503"}]}`,
			NewLegacyFailure()},
		{"a 5xx wrapping a cause: its own format's internal error", WriteError, NewLegacyFailure().Wrap(errors.New("pq: secret")), 503,
			[]string{"legacy_failure", `Bearer error="legacy_failure", error_description="Legacy failure"`, "5"},
			`{"ok":false,"errors":[{"code":"legacy:legacy_failure","message":"Legacy failure","retry":"5","link":"https://docs.example.com/errors#legacy_failure?status=503"}]}`,
			NewLegacyFailure()},
	}
	for _, c := range cases {
		resp, body := serveWith(t, c.write, c.err)
		got := []string{resp.Header.Get("X-Error-Code"), resp.Header.Get("WWW-Authenticate"), resp.Header.Get("Retry-After")}
		if resp.StatusCode != c.status || body != c.body || !reflect.DeepEqual(got, c.header) || resp.Header.Get("Content-Type") != ct {
			t.Errorf("%s:\n got %d %q %s\nwant %d %q %s", c.name, resp.StatusCode, got, body, c.status, c.header, c.body)
		}
		var e *Error
		if !errors.As(FromResponse(resp), &e) {
			t.Fatalf("%s: not decoded", c.name)
		}
		w := *c.want
		w.entry = e.entry
		if !reflect.DeepEqual(e, &w) {
			t.Errorf("%s: decoded\n %#v\nwant %#v", c.name, e, &w)
		}
	}
}

// TestFormatIdentification decodes bodies of both formats, with and
// without their media types, the code with and without the text around
// it, and from the header alone.
func TestFormatIdentification(t *testing.T) {
	cases := []struct {
		name, contentType, codeHeader, body string
		status                              int
		code                                Code
		message                             string
	}{
		{"the code inside its text", "application/json", "", `{"ok":false,"errors":[{"code":"legacy:legacy_failure","message":"Down"}]}`, 503, CodeLegacyFailure, "Down"},
		{"the bare code", "application/json", "", `{"ok":false,"errors":[{"code":"legacy_failure","message":"Down"}]}`, 503, CodeLegacyFailure, "Down"},
		{"the code in the header, no body", "", "legacy_failure", ``, 503, CodeLegacyFailure, "Legacy failure"},
		{"the header when the body has no code", "application/json", "legacy_failure", `{"ok":false,"errors":[{"message":"Down"}]}`, 503, CodeLegacyFailure, "Down"},
		{"a problem with a misleading media type", "application/json", "", `{"type":"about:blank","code":"too_many","detail":"No"}`, 422, CodeTooManyItems, "No"},
		{"a problem without a media type", "", "", `{"code":"missing_field","detail":"a is required"}`, 400, CodeMissingField, "a is required"},
		{"a legacy body with the problem media type", "application/problem+json", "", `{"errors":[{"code":"legacy:legacy_not_ready","message":"Not ready: x"}]}`, 400, CodeLegacyNotReady, "Not ready: x"},
		{"media types compared without parameters or case", "APPLICATION/JSON ;charset=latin1", "", `{"ok":false,"errors":[{"message":"Legacy failure"}]}`, 503, CodeLegacyFailure, "Legacy failure"},
	}
	for _, c := range cases {
		resp := &http.Response{StatusCode: c.status, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(c.body))}
		if c.contentType != "" {
			resp.Header.Set("Content-Type", c.contentType)
		}
		if c.codeHeader != "" {
			resp.Header.Set("X-Error-Code", c.codeHeader)
		}
		var e *Error
		if !errors.As(FromResponse(resp), &e) || e.Code != c.code || e.Message != c.message {
			t.Errorf("%s: decoded as %#v", c.name, e)
		}
	}
}

// TestMarker checks 2xx responses: only those of the marked format's
// media type are read, and only those with the marker are errors; the
// body can be read again either way.
func TestMarker(t *testing.T) {
	cases := []struct {
		contentType, body string
		code              Code
	}{
		{"application/json; charset=utf-8", `{"ok":false,"errors":[{"code":"legacy:legacy_not_ready","message":"Not ready: db"}]}`, CodeLegacyNotReady},
		{"application/json", `{"ok":true,"errors":[{"code":"legacy:legacy_not_ready"}]}`, ""},
		{"application/json", `{"errors":[{"code":"legacy:legacy_not_ready"}]}`, ""},
		{"application/json", `{"ok":"false"}`, ""},
		{"application/json", `[]`, ""},
		{"application/problem+json", `{"ok":false,"code":"missing_field"}`, ""},
		{"", `{"ok":false}`, ""},
	}
	for _, c := range cases {
		resp := &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {c.contentType}}, Body: io.NopCloser(strings.NewReader(c.body))}
		err := FromResponse(resp)
		if CodeOf(err) != c.code || (c.code == "") != (err == nil) {
			t.Errorf("%s %s: %v", c.contentType, c.body, err)
		}
		if rest, _ := io.ReadAll(resp.Body); string(rest) != c.body {
			t.Errorf("%s %s: read again as %s", c.contentType, c.body, rest)
		}
	}
}

// TestHeaderEscape checks the escaping of values interpolated into
// headers on random strings: no control character is left, and inside a
// quoted-string every quote and backslash is escaped, so the value,
// quoted, is exactly one quoted-string that unescapes to the value with
// its control characters made spaces.
func TestHeaderEscape(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	inputs := []string{"", "plain", "\r\n", "a\"b\\c\r\nX-Evil: 1", "\"", "\\", "\\\"", "\x00\x1f\x7f\t", "é\u2028\xff"}
	const alphabet = "\"\\\r\n\x00\x7f\t a\xc3\xa9;,="
	for range 3000 {
		b := make([]byte, r.Intn(24))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		sp := []byte(s)
		for i, c := range sp {
			if c < 0x20 || c == 0x7f {
				sp[i] = ' '
			}
		}
		spaced := string(sp)
		plain := string(errgenEscape(nil, s, errgenModeHeader))
		if plain != spaced {
			t.Errorf("%q: unquoted %q", s, plain)
		}
		quoted := string(errgenEscape(nil, s, errgenModeQuoted))
		if strings.ContainsFunc(quoted, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Errorf("%q: quoted %q holds a control character", s, quoted)
		}
		// Scan `"` + quoted + `"` as a quoted-string.
		v := `"` + quoted + `"`
		var out []byte
		i := 1
		for ; i < len(v) && v[i] != '"'; i++ {
			if v[i] == '\\' {
				i++
			}
			out = append(out, v[i])
		}
		if i != len(v)-1 || string(out) != spaced {
			t.Errorf("%q: quoted %q is not one quoted-string of the value (%q, ends at %d of %d)", s, quoted, out, i, len(v))
		}
	}
}

// TestWith sets an optional list param and checks where it goes.
func TestWith(t *testing.T) {
	e := NewLegacyNotReady("db", 2)
	w := e.WithTags([]string{"x"})
	want := []Param{{Name: "what", Value: "db"}, {Name: "attempt", Value: 2}, {Name: "tags", Value: []string{"x"}}}
	if !reflect.DeepEqual(w.Params, want) || len(e.Params) != 2 {
		t.Errorf("WithTags: %v, original %v", w.Params, e.Params)
	}
	if again := w.WithTags(nil); !reflect.DeepEqual(again.Params[2], Param{Name: "tags", Value: []string(nil)}) || len(again.Params) != 3 {
		t.Errorf("WithTags again: %v", again.Params)
	}
	s := ErrLegacyNotReady.WithTags([]string{"y"})
	if s == ErrLegacyNotReady || ErrLegacyNotReady.Params != nil || !reflect.DeepEqual(s.Params, []Param{{Name: "tags", Value: []string{"y"}}}) {
		t.Errorf("WithTags on the sentinel: %#v", s)
	}
	// Declaration order whatever the order params were set in.
	ent := errgenIndex("legacy_not_ready")
	got := errgenSetParam([]Param{{Name: "tags", Value: []string{}}}, ent, 0, "w")
	if !reflect.DeepEqual(got, []Param{{Name: "what", Value: "w"}, {Name: "tags", Value: []string{}}}) {
		t.Errorf("errgenSetParam: %v", got)
	}
	if u := ErrInvalidAPIKey.WithTags([]string{"z"}); u.Params != nil || u.Code != CodeInvalidAPIKey {
		t.Errorf("WithTags on an error without the param: %#v", u)
	}
	var nilErr *Error
	if u := nilErr.WithTags([]string{"z"}); u == nil || u.Code != "" || u.Params != nil {
		t.Errorf("WithTags on nil: %#v", u)
	}
	if errgenIsKind([]int{1}, 's', true) || !errgenIsKind([]int{1}, 'i', true) || errgenIsKind("x", 's', true) || !errgenIsKind(1.5, 'f', false) {
		t.Error("errgenIsKind")
	}
}

// TestDetailLeaves reads detail leaves of each type.
func TestDetailLeaves(t *testing.T) {
	if errgenDetailInt([]byte("42")) != 42 || errgenDetailInt([]byte(`"42"`)) != 0 || errgenDetailInt(nil) != 0 {
		t.Error("errgenDetailInt")
	}
	if !errgenDetailBool([]byte("true")) || errgenDetailBool([]byte(`"true"`)) || errgenDetailBool(nil) {
		t.Error("errgenDetailBool")
	}
	if errgenDetailString([]byte(`"a\u0062"`)) != "ab" || errgenDetailString([]byte("1")) != "" {
		t.Error("errgenDetailString")
	}
}

// TestListParams reads list params from bodies and from text.
func TestListParams(t *testing.T) {
	cases := []struct {
		raw  string
		kind byte
		want any
		ok   bool
	}{
		{`["a","b"]`, 's', []string{"a", "b"}, true},
		{`[]`, 's', []string{}, true},
		{`[1, 2]`, 'i', []int{1, 2}, true},
		{`[1.5]`, 'f', []float64{1.5}, true},
		{`[true,false]`, 'b', []bool{true, false}, true},
		{`[1,"a"]`, 'i', nil, false},
		{`"a"`, 's', nil, false},
		{`[9223372036854775808]`, 'I', nil, false},
	}
	for _, c := range cases {
		got, ok := errgenList([]byte(c.raw), c.kind)
		if ok != c.ok || (ok && !reflect.DeepEqual(got, c.want)) {
			t.Errorf("%s as %c: %#v, %v", c.raw, c.kind, got, ok)
		}
	}
	var got any
	if ok := errgenTextValue(&got, nil, "1,2", 'I', true); !ok || !reflect.DeepEqual(got, []int64{1, 2}) {
		t.Errorf("text list: %#v", got)
	}
	if ok := errgenTextValue(&got, nil, "", 's', true); !ok || !reflect.DeepEqual(got, []string{}) {
		t.Errorf("empty text list: %#v", got)
	}
	var text []byte
	for _, v := range []any{[]string{"a", "b"}, []int{1}, []int64{2, 3}, []float64{0.5}, []bool{false}} {
		text = append(errgenAppendText(text, v, errgenModeJSON), ';')
	}
	if string(text) != "a,b;1;2,3;0.5;false;" {
		t.Errorf("lists as text: %s", text)
	}
}
