package runtime

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// serve runs WriteError for err on a real server and returns the
// response with its body read.
func serve(t *testing.T, err error) (*http.Response, string) {
	t.Helper()
	var h http.Handler = HandlerFunc(func(http.ResponseWriter, *http.Request) error { return err })
	if err == nil { // HandlerFunc writes nothing for nil
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { WriteError(w, r, nil) })
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, e := http.Get(srv.URL + "/v1/things")
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

// TestWireBytes checks the exact responses of the catalog's errors.
func TestWireBytes(t *testing.T) {
	cases := []struct {
		err        error
		status     int
		retryAfter string
		body       string
	}{
		{NewInvalidAPIKey(), 401, "",
			`{"type":"https://docs.example.com/errors#invalid_api_key","title":"Invalid API key","status":401,"detail":"Invalid API Key","instance":"/v1/things","code":"invalid_api_key"}`},
		{NewMissingField("name").WithDetails(Detail{Field: "name", Message: "is required"}), 400, "",
			`{"type":"https://docs.example.com/errors#missing_field","title":"Missing field","status":400,"detail":"name is required","instance":"/v1/things","code":"missing_field","field":"name","errors":[{"field":"name","message":"is required"}]}`},
		{fmt.Errorf("op: %w", NewTooManyItems(25, 30)), 422, "",
			`{"type":"https://docs.example.com/errors#too_many_items","title":"Too many items","status":422,"detail":"At most 25 items are allowed, got 30","instance":"/v1/things","code":"too_many_items","max":25,"count":30}`},
		{NewRateLimited(1.5, true), 429, "30",
			`{"type":"https://docs.example.com/errors#rate_limited","title":"Rate limited","status":429,"detail":"Used 1.5 of the quota; retry: true","instance":"/v1/things","code":"rate_limited","tier":2,"ratio":1.5,"retry":true}`},
		{errors.New("pq: password authentication failed"), 500, "",
			`{"type":"https://docs.example.com/errors#internal_error","title":"Internal server error","status":500,"detail":"An internal error occurred.","instance":"/v1/things","code":"internal_error"}`},
	}
	for _, c := range cases {
		resp, body := serve(t, c.err)
		if resp.StatusCode != c.status || body != c.body || resp.Header.Get("Retry-After") != c.retryAfter ||
			resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%v:\n got %d %q %s\nwant %d %q %s", c.err, resp.StatusCode, resp.Header.Get("Retry-After"), body, c.status, c.retryAfter, c.body)
		}
	}
}

// TestRoundTrip writes every constructor's error on a real server and
// decodes it back into an equal value.
func TestRoundTrip(t *testing.T) {
	for _, want := range []*Error{
		NewInvalidAPIKey(), NewMissingField("name"), NewMissingFieldEmpty("title"), NewTooManyItems(25, 30),
		NewRateLimited(0.25, false), NewInternalError(),
		NewMissingField("x").WithDetails(Detail{Field: "a", Message: "b"}, Detail{Field: "c"}),
	} {
		resp, _ := serve(t, want)
		var got *Error
		if !errors.As(FromResponse(resp), &got) {
			t.Fatalf("%v: not an *Error", want)
		}
		w := *want
		w.entry = got.entry
		if !reflect.DeepEqual(got, &w) {
			t.Errorf("decoded\n %#v\nwant %#v", got, &w)
		}
		if !errors.Is(got, want) {
			t.Errorf("%v: errors.Is fails", want)
		}
	}
}
