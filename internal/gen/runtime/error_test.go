package runtime

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestTypedNil holds a nil *Error in a non-nil error, alone and wrapped,
// and calls everything on it: nothing panics.
func TestTypedNil(t *testing.T) {
	var e *Error
	var err error = e
	for _, err := range []error{err, fmt.Errorf("op: %w", err), errors.Join(err, errors.New("other"))} {
		if errors.Is(err, ErrInvalidAPIKey) || errors.Is(ErrInvalidAPIKey, err) {
			t.Errorf("%v: errors.Is holds", err)
		}
		if CodeOf(err) != "" || StatusOf(err) != 500 {
			t.Errorf("%v: CodeOf %q, StatusOf %d", err, CodeOf(err), StatusOf(err))
		}
		rec := httptest.NewRecorder()
		WriteError(rec, httptest.NewRequest("GET", "/x", nil), err)
		if rec.Code != 500 || !strings.Contains(rec.Body.String(), `"code":"internal_error"`) {
			t.Errorf("%v: written as %d %s", err, rec.Code, rec.Body)
		}
	}
	if err.Error() != "<nil>" || e.Unwrap() != nil || e.Is(ErrInvalidAPIKey) {
		t.Errorf("nil *Error: Error %q, Unwrap %v", err.Error(), e.Unwrap())
	}
	if _, ok := e.Param("field"); ok {
		t.Error("nil *Error has a param")
	}
	cause := errors.New("pq: gone")
	w := e.Wrap(cause)
	if w == nil || !errors.Is(w, cause) || w.Code != "" || StatusOf(w) != 500 {
		t.Errorf("nil.Wrap = %#v", w)
	}
	d := e.WithDetails(Detail{Field: "a"})
	if d == nil || len(d.Details) != 1 || d.Code != "" {
		t.Errorf("nil.WithDetails = %#v", d)
	}
	var target *Error
	if NewInvalidAPIKey().Is(target) {
		t.Error("Is(nil *Error) holds")
	}
}

// withSentinels runs f after assigning new values to every exported field
// of the sentinels, and puts the old values back.
func withSentinels(t *testing.T, f func()) {
	t.Helper()
	saved := map[*Error]Error{}
	for i := range errgenCatalog {
		s := errgenCatalog[i].sentinel
		saved[s] = *s
		s.Code, s.Status, s.Title, s.Message = "hijacked", 418, "Hijacked", "pq: password=hunter2"
		s.Params = []Param{{Name: "secret", Value: "hunter2"}}
		s.Details = []Detail{{Field: "secret", Message: "hunter2"}}
		s.RetryAfter = 99
	}
	defer func() {
		for s, v := range saved {
			*s = v
		}
	}()
	f()
}

// TestSentinelsCannotLeak assigns to every sentinel and checks that no
// response, lookup or decoded error reads what was assigned.
func TestSentinelsCannotLeak(t *testing.T) {
	var bodies []string
	var got []*Error
	withSentinels(t, func() {
		for _, err := range []error{errors.New("pq: unrelated"), nil, ErrInternalError, ErrInvalidAPIKey, fmt.Errorf("op: %w", ErrTooManyItems)} {
			resp, body := serve(t, err)
			bodies = append(bodies, fmt.Sprint(resp.StatusCode, resp.Header.Get("Retry-After"), body))
			var e *Error
			errors.As(FromResponse(resp), &e)
			got = append(got, e)
		}
		for _, code := range []string{"invalid_api_key", "too_many"} {
			e, _ := Lookup(code)
			got = append(got, e)
		}
		if !errors.Is(NewInvalidAPIKey(), ErrInvalidAPIKey) || errors.Is(NewInvalidAPIKey(), ErrMissingField) {
			t.Error("errors.Is reads the assigned codes")
		}
		if CodeOf(ErrMissingField) != CodeMissingField || StatusOf(ErrMissingField) != 400 {
			t.Error("CodeOf or StatusOf read an assigned sentinel")
		}
		if c := ErrInvalidAPIKey.Wrap(errors.New("x")); c.Code != CodeInvalidAPIKey || c.Message != "Invalid API Key" {
			t.Errorf("Wrap copied assigned values: %#v", c)
		}
	})
	for _, b := range bodies {
		if strings.Contains(b, "hunter2") || strings.Contains(b, "ijacked") || strings.Contains(b, "418") || strings.Contains(b, "99") {
			t.Errorf("a response carries assigned values: %s", b)
		}
	}
	for _, e := range got {
		if e == nil || strings.Contains(fmt.Sprintf("%#v", e), "hunter2") || strings.Contains(e.Title, "ijacked") || e.Status == 418 {
			t.Errorf("a looked-up or decoded error carries assigned values: %#v", e)
		}
	}
	want := `{"type":"https://docs.example.com/errors#internal_error","title":"Internal server error","status":500,"detail":"An internal error occurred.","instance":"/v1/things","code":"internal_error"}`
	if !strings.HasSuffix(bodies[0], want) || !strings.HasSuffix(bodies[1], want) || !strings.HasSuffix(bodies[2], want) {
		t.Errorf("the internal error is written as\n%s\nwant\n%s", bodies[0], want)
	}
}

// TestTemplatedSentinel writes the sentinel of an error whose message has
// params: its title is sent, never a placeholder, and it decodes back to
// the same error.
func TestTemplatedSentinel(t *testing.T) {
	for _, s := range []*Error{ErrMissingField, ErrTooManyItems, ErrRateLimited} {
		resp, body := serve(t, s)
		for _, name := range []string{"{field}", "{max}", "{count}", "{ratio}", "{retry}"} {
			if strings.Contains(body, name) {
				t.Errorf("%s: a placeholder is sent: %s", s.Code, body)
			}
		}
		if !strings.Contains(body, `"detail":"`+s.Title+`"`) {
			t.Errorf("%s: the title is not the message: %s", s.Code, body)
		}
		var e *Error
		if !errors.As(FromResponse(resp), &e) || !errors.Is(e, s) || e.Message != s.Title || e.Params != nil {
			t.Errorf("%s: decoded as %#v", s.Code, e)
		}
		if s.Message != s.Title {
			t.Errorf("%s: the sentinel's Message is %q, not its title", s.Code, s.Message)
		}
		if l, _ := Lookup(string(s.Code)); l.Message != s.Title {
			t.Errorf("%s: Lookup's Message is %q", s.Code, l.Message)
		}
	}
	// In a format that identifies errors by message, the title is matched.
	if m, vals := errgenMatchMessage(0, 400, nil, "Missing field", nil); m.entry != errgenCatalog[1] || m.template != nil || vals != nil {
		t.Errorf("the title of missing_field matched %+v", m)
	}
}

// TestDecodeWithoutMessage decodes bodies that carry no message member:
// the message is rendered from the params when the body has them all,
// and is the title otherwise.
func TestDecodeWithoutMessage(t *testing.T) {
	for _, c := range []struct{ body, message string }{
		{`{"code":"missing_field","field":"name"}`, "name is required"},
		{`{"code":"missing_field"}`, "Missing field"},
		{`{"code":"too_many_items","max":25,"count":30}`, "At most 25 items are allowed, got 30"},
		{`{"code":"too_many_items","max":25}`, "Too many items"},
		{`{"code":"too_many_items","max":"25","count":30}`, "Too many items"},
		{`{"code":"rate_limited","ratio":0.5,"retry":false}`, "Used 0.5 of the quota; retry: false"},
		{`{"code":"invalid_api_key"}`, "Invalid API Key"},
	} {
		resp := &http.Response{StatusCode: 400, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(c.body))}
		var e *Error
		if !errors.As(FromResponse(resp), &e) || e.Message != c.message {
			t.Errorf("%s: message %q, want %q", c.body, e.Message, c.message)
		}
	}
}

// TestEmptyInnerObject runs body programs whose inner objects (and
// one-element lists) have no member for an error: they are left out,
// name and all, at any depth and position, and the commas around them
// stay right. A template that is one value is left out when the value is
// absent; a longer one interpolates it as empty text.
func TestEmptyInnerObject(t *testing.T) {
	open := func(name string) errgenOp { return errgenOp{op: errgenOpOpen, lit: `"` + name + `":{`} }
	closeOp := errgenOp{op: errgenOpClose, lit: "}"}
	retry := errgenOp{op: errgenOpRetryAfter, lit: `"retry_after":`}
	c := errgenOp{op: errgenOpConst, lit: `"c":1`}
	msg := errgenOp{op: errgenOpMessage, lit: `"message":`}
	list := func(name string) errgenOp { return errgenOp{op: errgenOpOpen, lit: `"` + name + `":[{`} }
	closeList := errgenOp{op: errgenOpClose, lit: "}]"}
	onlyParam := errgenOp{op: errgenOpTemplate, only: true, lit: `"pointer":`, parts: []errgenPart{{kind: errgenPartParam, name: "pointer"}}}
	retryText := errgenOp{op: errgenOpTemplate, only: true, lit: `"retry":`, parts: []errgenPart{{kind: errgenPartRetryAfter}}}
	linkText := errgenOp{op: errgenOpTemplate, lit: `"link":`, parts: []errgenPart{{kind: errgenPartLit, lit: "x/"}, {kind: errgenPartRetryAfter}}}
	cases := []struct {
		body       []errgenOp
		retryAfter int
		want       string
	}{
		{[]errgenOp{msg, open("meta"), retry, closeOp}, 0, `{"message":"m"}`},
		{[]errgenOp{msg, open("meta"), retry, closeOp}, 5, `{"message":"m","meta":{"retry_after":5}}`},
		{[]errgenOp{open("meta"), retry, closeOp, msg}, 0, `{"message":"m"}`},
		{[]errgenOp{open("a"), open("b"), retry, closeOp, closeOp, c}, 0, `{"c":1}`},
		{[]errgenOp{open("a"), open("b"), retry, closeOp, c, closeOp}, 0, `{"a":{"c":1}}`},
		{[]errgenOp{c, open("a"), open("b"), retry, closeOp, closeOp, msg}, 0, `{"c":1,"message":"m"}`},
		{[]errgenOp{c, open("a"), retry, closeOp, open("b"), retry, closeOp}, 0, `{"c":1}`},
		{[]errgenOp{c, open("a"), retry, closeOp, open("b"), retry, closeOp}, 2, `{"c":1,"a":{"retry_after":2},"b":{"retry_after":2}}`},
		{[]errgenOp{open("a"), closeOp}, 0, `{}`},
		// One-element lists, and templates that are one absent value.
		{[]errgenOp{msg, list("errors"), retry, closeList}, 0, `{"message":"m"}`},
		{[]errgenOp{msg, list("errors"), retry, closeList}, 3, `{"message":"m","errors":[{"retry_after":3}]}`},
		{[]errgenOp{list("errors"), open("source"), onlyParam, closeOp, closeList, c}, 0, `{"c":1}`},
		{[]errgenOp{list("errors"), retryText, closeList}, 0, `{}`},
		{[]errgenOp{list("errors"), retryText, closeList}, 7, `{"errors":[{"retry":"7"}]}`},
		{[]errgenOp{list("errors"), linkText, closeList}, 0, `{"errors":[{"link":"x/"}]}`},
	}
	for _, k := range cases {
		c := &errgenCompiled{body: k.body}
		got := string(errgenAppendBody(nil, c, &Error{Message: "m", RetryAfter: k.retryAfter}, "", ""))
		if got != k.want {
			t.Errorf("%+v, retry %d: %s, want %s", k.body, k.retryAfter, got, k.want)
		}
	}
}
