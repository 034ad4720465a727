package autherr

// Benchmarks of the generated package (errors_gen.go, rendered from
// golden/wire_auth/errors.yaml: problem+json with an RFC 6750 Bearer
// challenge, and a token endpoint in RFC 6749's format) against
// hand-written encoding/json code for the same responses, measured in the
// same run: `make bench-gen`.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// problem is what a team would write by hand for the problem body.
type problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Instance string `json:"instance,omitempty"`
	Code     string `json:"code"`
	Scope    string `json:"scope,omitempty"`
}

// tokenError is RFC 6749 section 5.2's body.
type tokenError struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
	ErrorURI         string `json:"error_uri,omitempty"`
}

// quote writes s as an HTTP quoted-string's content, as a careful team
// would: control characters made spaces, quotes and backslashes escaped.
var quote = strings.NewReplacer("\\", "\\\\", "\"", "\\\"", "\r", " ", "\n", " ")

// handWritten writes an error of the auth group: the Bearer challenge,
// then the problem.
func handWritten(w http.ResponseWriter, r *http.Request, e *Error) {
	p := problem{
		Type: "https://docs.example.com/errors#" + string(e.Code), Title: e.Title, Status: e.Status, Detail: e.Message,
		Instance: r.URL.Path, Code: string(e.Code),
	}
	if v, ok := e.Param("scope"); ok {
		p.Scope = v.(string)
	}
	body, err := json.Marshal(p)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("WWW-Authenticate", `Bearer realm="example", error="`+string(e.Code)+`", error_description="`+quote.Replace(e.Message)+`"`)
	w.WriteHeader(e.Status)
	_, _ = w.Write(body)
}

// handWrittenToken writes a token endpoint error.
func handWrittenToken(w http.ResponseWriter, _ *http.Request, e *Error) {
	body, err := json.Marshal(tokenError{string(e.Code), e.Message, "https://docs.example.com/errors#" + string(e.Code)})
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Set("Pragma", "no-cache")
	w.WriteHeader(e.Status)
	_, _ = w.Write(body)
}

type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) WriteHeader(int)             {}
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }

func TestSameBytes(t *testing.T) {
	r := httptest.NewRequest("GET", "/me", nil)
	for _, e := range []*Error{NewInvalidToken(), NewInsufficientScope("write \"all\"")} {
		a, b := httptest.NewRecorder(), httptest.NewRecorder()
		WriteError(a, r, e)
		handWritten(b, r, e)
		if a.Body.String() != b.Body.String() || a.Code != b.Code || a.Header().Get("WWW-Authenticate") != b.Header().Get("WWW-Authenticate") {
			t.Fatalf("generated %d %v %s\nhand-written %d %v %s", a.Code, a.Header(), a.Body, b.Code, b.Header(), b.Body)
		}
	}
	e := NewInvalidRequest("grant_type")
	a, b := httptest.NewRecorder(), httptest.NewRecorder()
	WriteTokenError(a, r, e)
	handWrittenToken(b, r, e)
	if a.Body.String() != b.Body.String() || a.Code != b.Code || a.Header().Get("Cache-Control") != b.Header().Get("Cache-Control") {
		t.Fatalf("generated %d %s\nhand-written %d %s", a.Code, a.Body, b.Code, b.Body)
	}
}

func BenchmarkWriteError(b *testing.B) {
	r := httptest.NewRequest("GET", "/me", nil)
	for _, c := range []struct {
		name  string
		e     *Error
		token bool
	}{
		{"challenge_prebuilt", NewInvalidToken(), false},
		{"challenge_per_response", NewInsufficientScope("write"), false},
		{"token_endpoint", NewInvalidRequest("grant_type"), true},
	} {
		b.Run(c.name+"/errgen", func(b *testing.B) {
			w := &discard{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				if c.token {
					WriteTokenError(w, r, c.e)
				} else {
					WriteError(w, r, c.e)
				}
			}
		})
		b.Run(c.name+"/encoding_json", func(b *testing.B) {
			w := &discard{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				if c.token {
					handWrittenToken(w, r, c.e)
				} else {
					handWritten(w, r, c.e)
				}
			}
		})
	}
}

// response replays one recorded error response.
type response struct {
	body []byte
	rd   bytes.Reader
	resp http.Response
}

func newResponse(write func(http.ResponseWriter, *http.Request, error), e *Error) *response {
	rec := httptest.NewRecorder()
	write(rec, httptest.NewRequest("GET", "/me", nil), e)
	res := &response{body: rec.Body.Bytes()}
	res.resp = http.Response{StatusCode: rec.Code, Header: rec.Header()}
	return res
}

func (r *response) next() *http.Response {
	r.rd.Reset(r.body)
	r.resp.Body = io.NopCloser(&r.rd)
	return &r.resp
}

func BenchmarkFromResponse(b *testing.B) {
	problemResp := newResponse(WriteError, NewInsufficientScope("write"))
	tokenResp := newResponse(WriteTokenError, NewInvalidRequest("grant_type"))
	b.Run("problem/errgen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !errors.Is(FromResponse(problemResp.next()), ErrInsufficientScope) {
				b.Fatal("not identified")
			}
		}
	})
	b.Run("problem/encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			body, err := io.ReadAll(problemResp.next().Body)
			if err != nil {
				b.Fatal(err)
			}
			var p problem
			if err := json.Unmarshal(body, &p); err != nil || p.Code != "insufficient_scope" {
				b.Fatal(err)
			}
		}
	})
	b.Run("token/errgen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !errors.Is(FromResponse(tokenResp.next()), ErrInvalidRequest) {
				b.Fatal("not identified")
			}
		}
	})
	b.Run("token/encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			body, err := io.ReadAll(tokenResp.next().Body)
			if err != nil {
				b.Fatal(err)
			}
			var p tokenError
			if err := json.Unmarshal(body, &p); err != nil || p.Error != "invalid_request" {
				b.Fatal(err)
			}
		}
	})
}
