package reqiderr

// Benchmarks of the package generated from golden/wire_request_id/errors.yaml
// (the request id in the problem's request_id member and an X-Request-Id
// response header) against hand-written encoding/json code for the same
// response, measured in the same run: `make bench-gen`.

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// problem is what a team would write by hand for the not_found body.
type problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Instance  string `json:"instance,omitempty"`
	Code      string `json:"code"`
	RequestID string `json:"request_id"`
	Resource  string `json:"resource"`
}

// handWritten writes e the usual way: take the request id from the
// header, fill a struct, marshal it.
func handWritten(w http.ResponseWriter, r *http.Request, e *Error) {
	resource, _ := e.Param("resource")
	id := r.Header.Get("X-Request-Id")
	p := problem{
		Type: "https://docs.example.com/errors#" + string(e.Code), Title: e.Title, Status: e.Status, Detail: e.Message,
		Instance: r.URL.Path, Code: string(e.Code), RequestID: id, Resource: resource.(string),
	}
	body, err := json.Marshal(p)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("X-Request-Id", id)
	w.WriteHeader(e.Status)
	_, _ = w.Write(body)
}

type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) WriteHeader(int)             {}
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }

func newRequest() *http.Request {
	r := httptest.NewRequest("GET", "/videos/42", nil)
	r.Header.Set("X-Request-Id", "7f3a9c2e-41d8-4b6a-9e0f-3c5d7a1b2e4f")
	return r
}

func TestSameBytes(t *testing.T) {
	r := newRequest()
	e := NewNotFound("video <42>")
	a, b := httptest.NewRecorder(), httptest.NewRecorder()
	WriteError(a, r, e)
	handWritten(b, r, e)
	if a.Body.String() != b.Body.String() || a.Code != b.Code || a.Header().Get("X-Request-Id") != b.Header().Get("X-Request-Id") {
		t.Fatalf("generated %d %v %s\nhand-written %d %v %s", a.Code, a.Header(), a.Body, b.Code, b.Header(), b.Body)
	}
}

// TestZeroAllocs: with the request id present, writing a 4xx allocates
// nothing, with the default reporter and with one that does nothing.
func TestZeroAllocs(t *testing.T) {
	r := newRequest()
	e := NewNotFound("video")
	w := &discard{h: http.Header{}}
	if n := testing.AllocsPerRun(100, func() { WriteError(w, r, e) }); n != 0 {
		t.Errorf("default reporter: %v allocations", n)
	}
	SetReporter(func(*http.Request, Report) {})
	defer SetReporter(nil)
	if n := testing.AllocsPerRun(100, func() { WriteError(w, r, e) }); n != 0 {
		t.Errorf("no-op reporter: %v allocations", n)
	}
}

func BenchmarkWriteError(b *testing.B) {
	r := newRequest()
	e := NewNotFound("video")
	b.Run("errgen", func(b *testing.B) {
		w := &discard{h: http.Header{}}
		b.ReportAllocs()
		for b.Loop() {
			WriteError(w, r, e)
		}
	})
	b.Run("errgen_noop_reporter", func(b *testing.B) {
		SetReporter(func(*http.Request, Report) {})
		defer SetReporter(nil)
		w := &discard{h: http.Header{}}
		b.ReportAllocs()
		for b.Loop() {
			WriteError(w, r, e)
		}
	})
	b.Run("errgen_fresh_id", func(b *testing.B) {
		r := httptest.NewRequest("GET", "/videos/42", nil)
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
