package stripeerr

// Benchmarks of the generated package (errors_gen.go, rendered from
// golden/wire_stripe/errors.yaml: a nested body with a constant type per
// group, data and optional params and kebab doc links) against
// hand-written encoding/json code for the same body, measured in the same
// run: `make bench-gen`.

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

// stripeError is what a team would write by hand for Stripe's body.
type stripeError struct {
	Error struct {
		Type        string `json:"type"`
		Code        string `json:"code"`
		DeclineCode string `json:"decline_code,omitempty"`
		Param       string `json:"param,omitempty"`
		Message     string `json:"message"`
		DocURL      string `json:"doc_url,omitempty"`
	} `json:"error"`
}

// errorTypes is the hand-written table of each code's type.
var errorTypes = map[Code]string{
	CodeCardDeclined: "card_error", CodeExpiredCard: "card_error",
	CodeParameterMissing: "invalid_request_error", CodeResourceMissing: "invalid_request_error",
	CodeAPIError: "api_error",
}

// handWritten writes e's body the usual way: fill a struct, marshal it.
func handWritten(w http.ResponseWriter, _ *http.Request, e *Error) {
	var b stripeError
	b.Error.Type = errorTypes[e.Code]
	b.Error.Code = string(e.Code)
	if v, ok := e.Param("decline_code"); ok {
		b.Error.DeclineCode = v.(string)
	}
	if v, ok := e.Param("param"); ok {
		b.Error.Param = v.(string)
	}
	b.Error.Message = e.Message
	b.Error.DocURL = "https://docs.stripe.example/error-codes/" + strings.ReplaceAll(string(e.Code), "_", "-")
	body, err := json.Marshal(b)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.Status)
	_, _ = w.Write(body)
}

type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) WriteHeader(int)             {}
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }

func example() *Error {
	return NewCardDeclined().WithDeclineCode("insufficient_funds").WithParam("number")
}

func TestSameBytes(t *testing.T) {
	r := httptest.NewRequest("POST", "/v1/charges", nil)
	for _, e := range []*Error{example(), NewExpiredCard("exp_month"), NewResourceMissing("customer", "cus_<9>")} {
		a, b := httptest.NewRecorder(), httptest.NewRecorder()
		WriteError(a, r, e)
		handWritten(b, r, e)
		if a.Body.String() != b.Body.String() || a.Code != b.Code {
			t.Fatalf("generated %d %s\nhand-written %d %s", a.Code, a.Body, b.Code, b.Body)
		}
	}
}

func BenchmarkWriteError(b *testing.B) {
	r := httptest.NewRequest("POST", "/v1/charges", nil)
	e := example()
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

// response replays one recorded error response.
type response struct {
	body []byte
	rd   bytes.Reader
	resp http.Response
}

func newResponse() *response {
	rec := httptest.NewRecorder()
	WriteError(rec, httptest.NewRequest("POST", "/v1/charges", nil), example())
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
	res := newResponse()
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			err := FromResponse(res.next())
			var e *Error
			if !errors.As(err, &e) || e.Code != CodeCardDeclined || len(e.Params) != 2 {
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
			var s stripeError
			if err := json.Unmarshal(body, &s); err != nil || s.Error.Code != "card_declined" || s.Error.DeclineCode == "" {
				b.Fatal(err)
			}
		}
	})
}
