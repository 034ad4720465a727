package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// typedNilWithUnwrap is an error type whose methods read their receiver,
// as most do: on a typed nil, Error and Unwrap panic.
type typedNilWithUnwrap struct{ err error }

func (e *typedNilWithUnwrap) Error() string { return "wrapped: " + e.err.Error() }
func (e *typedNilWithUnwrap) Unwrap() error { return e.err }

// typedNilJoin is the same for an error that wraps several.
type typedNilJoin struct{ errs []error }

func (e *typedNilJoin) Error() string   { return fmt.Sprint(len(e.errs)) }
func (e *typedNilJoin) Unwrap() []error { return e.errs }

// TestForeignTypedNil hands every function that takes an error a typed
// nil of an error type from outside the catalog, whose Error and Unwrap
// panic on it: none panics, and the error is written as the internal
// error, reported with "<nil>" as its text.
func TestForeignTypedNil(t *testing.T) {
	var pe *fs.PathError
	var se *json.SyntaxError // no Unwrap
	var wu *typedNilWithUnwrap
	var wj *typedNilJoin
	for _, err := range []error{pe, se, wu, wj, fmt.Errorf("op: %w", wu), errors.Join(wj, se)} {
		name := fmt.Sprintf("%T", err)
		var logs bytes.Buffer
		prev := slog.Default()
		slog.SetDefault(slog.New(slog.NewTextHandler(&logs, nil)))
		func() {
			defer slog.SetDefault(prev)
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: panic: %v", name, r)
				}
			}()
			if CodeOf(err) != errgenNoCode || StatusOf(err) != http.StatusInternalServerError {
				t.Errorf("%s: CodeOf %q, StatusOf %d", name, CodeOf(err), StatusOf(err))
			}
			rec := httptest.NewRecorder()
			WriteError(rec, httptest.NewRequest("GET", "/x", nil), err)
			if rec.Code != 500 || !strings.Contains(rec.Body.String(), `"code":"internal_error"`) {
				t.Errorf("%s: written as %d %s", name, rec.Code, rec.Body)
			}
			if !strings.Contains(logs.String(), "error=") {
				t.Errorf("%s: not reported: %q", name, logs.String())
			}
			w := NewInternalError().Wrap(err)
			if got := w.Error(); !strings.HasPrefix(got, "internal_error: An internal error occurred.: ") {
				t.Errorf("%s: Wrap(…).Error() = %q", name, got)
			}
			_ = w.LogValue().Resolve()
		}()
	}
	// The typed nils whose Error panics are reported as "<nil>", as fmt
	// prints them.
	if got := NewInternalError().Wrap(pe).Error(); got != "internal_error: An internal error occurred.: <nil>" {
		t.Errorf("Wrap(typed nil).Error() = %q", got)
	}
	// A typed nil wrapping nothing ends the chain: the *Error after it in
	// a Join is still found.
	if got := CodeOf(errors.Join(wj, NewInvalidAPIKey())); got != CodeInvalidAPIKey {
		t.Errorf("CodeOf past a typed nil = %q", got)
	}
	// Over a real server, the client gets the internal error, not a
	// dropped connection.
	resp, body := serve(t, wu)
	if resp.StatusCode != 500 || !strings.Contains(body, `"code":"internal_error"`) {
		t.Errorf("HandlerFunc returning a typed nil: %d %s", resp.StatusCode, body)
	}
}

// TestUndeclaredParamsNotSent puts into Params what the error does not
// declare: another name, a second value of a declared name, a value of
// another type. None of it is written, in any wire format, body or
// header; the declared params still are, once each, in declaration
// order.
func TestUndeclaredParamsNotSent(t *testing.T) {
	e := NewMissingField("name")
	e.Params = append(e.Params, Param{"db_password", "hunter2"}, Param{"code", "internal_error"}, Param{"field", "second"})
	rec := httptest.NewRecorder()
	WriteError(rec, httptest.NewRequest("GET", "/v1/things", nil), e)
	want := `{"type":"https://docs.example.com/errors#missing_field","title":"Missing field","status":400,"detail":"name is required","instance":"/v1/things","code":"missing_field","field":"name"}`
	if got := rec.Body.String(); got != want {
		t.Errorf("problem format:\n got %s\nwant %s", got, want)
	}

	// Wrong types, and params out of order.
	m := NewTooManyItems(25, 30)
	m.Params = []Param{{"count", int64(30)}, {"max", "25"}}
	rec = httptest.NewRecorder()
	WriteError(rec, nil, m)
	if got := rec.Body.String(); !strings.HasSuffix(got, `"code":"too_many_items","count":30}`) {
		t.Errorf("a max of another type is sent: %s", got)
	}

	// A custom format with $param.NAME and a template of a param.
	l := NewLegacyNotReady("db", 3).WithTags([]string{"a"})
	l.Params = append(l.Params, Param{"attempt", "3; DROP"}, Param{"tags", "not a list"}, Param{"secret", "x"})
	rec = httptest.NewRecorder()
	WriteError(rec, nil, l)
	got := rec.Body.String()
	for _, bad := range []string{"DROP", "not a list", "secret"} {
		if strings.Contains(got, bad) {
			t.Errorf("custom format sends %q: %s", bad, got)
		}
	}
	if !strings.Contains(got, `"tags":["a"]`) || !strings.Contains(got, `"attempt":"3"`) {
		t.Errorf("custom format lost a declared param: %s", got)
	}
	// The first value of a name is the param's (as Param reads it): one
	// of another type is not sent, and neither is a later one.
	l.Params = append([]Param{{"attempt", "3; DROP"}}, l.Params...)
	rec = httptest.NewRecorder()
	WriteError(rec, nil, l)
	if got := rec.Body.String(); strings.Contains(got, "attempt") || !strings.Contains(got, `"tags":["a"]`) {
		t.Errorf("a first value of another type: %s", got)
	}
}

// TestRetryAfterBounds reads Retry-After headers and members beyond any
// sensible delay: they are read as errgenMaxRetryAfter, which still
// converts to a positive time.Duration; signed and malformed values are
// not read at all.
func TestRetryAfterBounds(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		header string
		want   int
		ok     bool
	}{
		{"120", 120, true},
		{"0", 0, true},
		{"9223372036854775807", errgenMaxRetryAfter, true},
		{strings.Repeat("9", 4096), errgenMaxRetryAfter, true},
		{"Fri, 31 Dec 9999 23:59:59 GMT", errgenMaxRetryAfter, true},
		{"Thu, 01 Jan 2026 00:00:01 GMT", 1, true},
		{"Wed, 31 Dec 2025 00:00:00 GMT", 0, true},
		{"+5", 0, false},
		{"-5", 0, false},
		{" 5", 0, false},
		{"", 0, false},
	}
	for _, c := range cases {
		got, ok := errgenParseRetryAfter(c.header, now)
		if got != c.want || ok != c.ok {
			t.Errorf("Retry-After %.40q: %d, %v; want %d, %v", c.header, got, ok, c.want, c.ok)
		}
		if d := time.Duration(got) * time.Second; d < 0 {
			t.Errorf("Retry-After %.40q: %d seconds overflow a Duration", c.header, got)
		}
	}
	// A response without the header, the usual case, costs nothing.
	if n := testing.AllocsPerRun(100, func() { errgenParseRetryAfter("", now) }); n != 0 {
		t.Errorf("no Retry-After: %v allocations", n)
	}
	resp := &http.Response{StatusCode: 503, Header: http.Header{"Content-Type": {"application/json"}},
		Body: http.NoBody}
	resp.Header.Set("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")
	var e *Error
	if !errors.As(FromResponse(resp), &e) || e.RetryAfter != errgenMaxRetryAfter {
		t.Errorf("decoded RetryAfter %d", e.RetryAfter)
	}
}

// TestSentinelWholeAssignment assigns whole Error values to a sentinel:
// the package still knows it as the sentinel and takes its values from
// the catalog.
func TestSentinelWholeAssignment(t *testing.T) {
	saved := *ErrInvalidAPIKey
	defer func() { *ErrInvalidAPIKey = saved }()
	for _, v := range []Error{
		{Code: CodeInvalidAPIKey, Status: 401, Message: "secret internal note: key=abc123"},
		{},
		*NewMissingField("x"),
	} {
		*ErrInvalidAPIKey = v
		rec := httptest.NewRecorder()
		WriteError(rec, nil, ErrInvalidAPIKey)
		if rec.Code != 401 || !strings.Contains(rec.Body.String(), `"detail":"Invalid API Key"`) {
			t.Errorf("sentinel set to %+v: written as %d %s", v, rec.Code, rec.Body)
		}
		if !errors.Is(NewInvalidAPIKey(), ErrInvalidAPIKey) || errors.Is(NewMissingField("x"), ErrInvalidAPIKey) {
			t.Errorf("sentinel set to %+v: errors.Is wrong", v)
		}
		if CodeOf(ErrInvalidAPIKey) != CodeInvalidAPIKey || StatusOf(ErrInvalidAPIKey) != 401 {
			t.Errorf("sentinel set to %+v: CodeOf %q StatusOf %d", v, CodeOf(ErrInvalidAPIKey), StatusOf(ErrInvalidAPIKey))
		}
		if c := ErrInvalidAPIKey.Wrap(nil); c.Message != "Invalid API Key" || c.Code != CodeInvalidAPIKey {
			t.Errorf("sentinel set to %+v: its copy is %+v", v, c)
		}
	}
	// An Error that is not a sentinel is never taken for one, wherever it
	// lives.
	local := *ErrMissingField
	if errgenSentinel(&local) != nil || errgenSentinel(NewMissingField("x")) != nil || errgenSentinel(nil) != nil {
		t.Error("a copy of a sentinel is taken for a sentinel")
	}
	for i, ent := range errgenCatalog {
		if errgenSentinel(ent.sentinel) != ent || ent.sentinel != &errgenSentinels[i] {
			t.Errorf("sentinel %d not found by address", i)
		}
	}
}

// TestDetailsBounded decodes a body of many detail items: the first
// errgenMaxDetails are kept, in order.
func TestDetailsBounded(t *testing.T) {
	items := make([]string, 5000)
	for i := range items {
		items[i] = fmt.Sprintf(`{"field":"f%d","message":"m"}`, i)
	}
	body := `{"code":"missing_field","detail":"name is required","errors":[` + strings.Join(items, ",") + `]}`
	resp := &http.Response{StatusCode: 400, Header: http.Header{"Content-Type": {"application/problem+json"}},
		Body: io.NopCloser(strings.NewReader(body))}
	var e *Error
	if !errors.As(FromResponse(resp), &e) || e.Code != CodeMissingField {
		t.Fatalf("decoded as %#v", e)
	}
	if len(e.Details) != errgenMaxDetails || e.Details[0].Field != "f0" || e.Details[errgenMaxDetails-1].Field != fmt.Sprint("f", errgenMaxDetails-1) {
		t.Errorf("%d details kept, first %+v", len(e.Details), e.Details[0])
	}
}

// TestTrickledBodyEndsAtDeadline reads an error response whose body
// never ends and comes a byte at a time, over a real server: the request
// context's deadline ends the read, and FromResponse returns the error
// with what it read.
func TestTrickledBodyEndsAtDeadline(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(502)
		f := w.(http.Flusher)
		for {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(5 * time.Millisecond):
				_, _ = w.Write([]byte(" "))
				f.Flush()
			}
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e *Error
	if !errors.As(FromResponse(resp), &e) || e.Status != 502 || e.Code != errgenNoCode {
		t.Fatalf("decoded as %#v", e)
	}
	if ctx.Err() == nil {
		t.Error("FromResponse returned before the deadline, with the body still coming")
	}
}

// TestNonFiniteParamsNotSent writes float params that JSON cannot carry:
// the member is left out, the message shows the value as text.
func TestNonFiniteParamsNotSent(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		rec := httptest.NewRecorder()
		WriteError(rec, nil, NewRateLimited(f, true))
		want := fmt.Sprintf(`{"type":"https://docs.example.com/errors#rate_limited","title":"Rate limited","status":429,"detail":"Used %s of the quota; retry: true","code":"rate_limited","tier":2,"retry":true}`,
			strconv.FormatFloat(f, 'g', -1, 64))
		if got := rec.Body.String(); got != want {
			t.Errorf("ratio %v:\n got %s\nwant %s", f, got, want)
		}
	}
}
