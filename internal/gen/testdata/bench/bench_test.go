package apierr

// Benchmarks of the generated package (errors_gen.go, rendered from
// golden/basic/errors.yaml) against hand-written encoding/json code for the
// same body, measured in the same run: `make bench-gen`.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// problem is what a team would write by hand for the validation_failed
// body.
type problem struct {
	Type     string   `json:"type"`
	Title    string   `json:"title"`
	Status   int      `json:"status"`
	Detail   string   `json:"detail"`
	Instance string   `json:"instance,omitempty"`
	Code     string   `json:"code"`
	Field    string   `json:"field,omitempty"`
	Reason   string   `json:"reason,omitempty"`
	Errors   []Detail `json:"errors,omitempty"`
}

// handWritten writes err's body the usual way: fill a struct, marshal it.
func handWritten(w http.ResponseWriter, r *http.Request, e *Error) {
	field, _ := e.Param("field")
	reason, _ := e.Param("reason")
	p := problem{
		Type: "https://docs.acme.dev/errors#" + string(e.Code), Title: e.Title, Status: e.Status, Detail: e.Message,
		Instance: r.URL.Path, Code: string(e.Code), Field: field.(string), Reason: reason.(string), Errors: e.Details,
	}
	body, err := json.Marshal(p)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(e.Status)
	_, _ = w.Write(body)
}

type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) WriteHeader(int)             {}
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }

func TestSameBytes(t *testing.T) {
	r := httptest.NewRequest("GET", "/livestreams", nil)
	e := NewValidationFailed("name", "must be a <string>").WithDetails(Detail{Field: "name", Message: "too long"})
	a, b := httptest.NewRecorder(), httptest.NewRecorder()
	WriteError(a, r, e)
	handWritten(b, r, e)
	if a.Body.String() != b.Body.String() || a.Code != b.Code {
		t.Fatalf("generated %d %s\nhand-written %d %s", a.Code, a.Body, b.Code, b.Body)
	}
}

func BenchmarkWriteError(b *testing.B) {
	r := httptest.NewRequest("GET", "/livestreams", nil)
	e := NewValidationFailed("name", "must be a string")
	b.Run("errgen", func(b *testing.B) {
		w := &discard{h: http.Header{}}
		b.ReportAllocs()
		for b.Loop() {
			WriteError(w, r, e)
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		w := &discard{h: http.Header{}}
		b.ReportAllocs()
		for b.Loop() {
			handWritten(w, r, e)
		}
	})
}

// BenchmarkReport measures what reporting adds to WriteError: a 4xx
// with the default reporter (which logs nothing for it), any error with a
// reporter that does nothing, and a 5xx wrapping a cause with the
// default reporter logging through slog's JSON handler into io.Discard
// (every attribute formatted, nothing written), beside the same 4xx with
// the default reporter as the baseline.
func BenchmarkReport(b *testing.B) {
	r := httptest.NewRequest("GET", "/livestreams", nil)
	e := NewValidationFailed("name", "must be a string")
	run := func(b *testing.B, err error) {
		w := &discard{h: http.Header{}}
		b.ReportAllocs()
		for b.Loop() {
			WriteError(w, r, err)
		}
	}
	b.Run("4xx_default", func(b *testing.B) { run(b, e) })
	b.Run("5xx_noop_reporter", func(b *testing.B) {
		SetReporter(func(*http.Request, Report) {})
		defer SetReporter(nil)
		run(b, fmt.Errorf("load: %w", errors.New("connection refused")))
	})
	b.Run("5xx_default_discard", func(b *testing.B) {
		prev := slog.Default()
		slog.SetDefault(slog.New(slog.NewJSONHandler(io.Discard, nil)))
		defer slog.SetDefault(prev)
		run(b, fmt.Errorf("load: %w", errors.New("connection refused")))
	})
}

// response replays one recorded error response.
type response struct {
	body []byte
	rd   bytes.Reader
	resp http.Response
}

func newResponse(b *testing.B) *response {
	rec := httptest.NewRecorder()
	WriteError(rec, httptest.NewRequest("GET", "/livestreams", nil), NewValidationFailed("name", "must be a string"))
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
	res := newResponse(b)
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !errors.Is(FromResponse(res.next()), ErrValidationFailed) {
				b.Fatal("not identified")
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp := res.next()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				b.Fatal(err)
			}
			var p problem
			if err := json.Unmarshal(body, &p); err != nil || p.Code != "validation_failed" {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkInspect(b *testing.B) {
	err := fmt.Errorf("handler: %w", fmt.Errorf("store: %w", NewLivestreamNotFound()))
	b.Run("errors.Is", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !errors.Is(err, ErrLivestreamNotFound) {
				b.Fatal("no match")
			}
		}
	})
	b.Run("CodeOf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if CodeOf(err) != CodeLivestreamNotFound {
				b.Fatal("no match")
			}
		}
	})
	b.Run("StatusOf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if StatusOf(err) != 404 {
				b.Fatal("no match")
			}
		}
	})
	b.Run("errors.As_baseline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var e *Error
			if !errors.As(err, &e) {
				b.Fatal("no match")
			}
		}
	})
}
