package livestreamerr

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// compact removes the insignificant white space of a JSON document the
// seed page prints, keeping member order, so it can be compared with the
// bytes the generated server writes.
func compact(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		t.Fatalf("seed JSON does not parse: %v", err)
	}
	return b.Bytes()
}

// TestSeedExamples checks every JSON example seed 001's page prints: the
// generated server writes exactly those bytes over a real HTTP server,
// and the generated client decodes them back to the right error.
func TestSeedExamples(t *testing.T) {
	cases := []struct {
		name     string
		err      *Error
		sentinel *Error
		page     string // as printed on the page
	}{
		{"Error Response Format", NewValidationFailed().WithDetails(Detail{Field: "name", Message: "name must be a string"}), ErrValidationFailed, `{
"statusCode": 400,
"message": "Validation failed",
"error": "Bad Request",
"details": [
{
"field": "name",
"message": "name must be a string"
}
]
}`},
		{"401 - Invalid API Key", NewInvalidAPIKey(), ErrInvalidAPIKey, `{
"statusCode": 401,
"message": "Invalid API Key",
"error": "Unauthorized"
}`},
		{"403 - Access Denied", NewAccessDenied(), ErrAccessDenied, `{
"statusCode": 403,
"message": "Access denied to this resource",
"error": "Forbidden"
}`},
		{"400 - Missing Required Field", NewMissingRequiredField("name"), ErrMissingRequiredField, `{
"statusCode": 400,
"message": "name is required",
"error": "Bad Request"
}`},
		{"400 - Invalid UUID", NewInvalidUUID("projectId"), ErrInvalidUUID, `{
"statusCode": 400,
"message": "projectId must be a valid UUID",
"error": "Bad Request"
}`},
		{"404 - Livestream Not Found", NewLivestreamNotFound(), ErrLivestreamNotFound, `{
"statusCode": 404,
"message": "Livestream not found",
"error": "Not Found"
}`},
		{"404 - Media Server Not Found", NewMediaServerNotFound(), ErrMediaServerNotFound, `{
"statusCode": 404,
"message": "Media server not found",
"error": "Not Found"
}`},
		{"429 - Too Many Requests", NewTooManyRequests(), ErrTooManyRequests, `{
"statusCode": 429,
"message": "Rate limit exceeded",
"error": "Too Many Requests",
"retryAfter": 60
}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(HandlerFunc(func(w http.ResponseWriter, r *http.Request) error { return tc.err }))
			defer srv.Close()
			resp, err := http.Get(srv.URL + "/livestreams")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if want := compact(t, tc.page); !bytes.Equal(body, want) {
				t.Errorf("body\n got %s\nwant %s", body, want)
			}
			if resp.StatusCode != tc.err.Status || resp.Header.Get("Content-Type") != "application/json" {
				t.Errorf("status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			if tc.err.RetryAfter > 0 && resp.Header.Get("Retry-After") != "60" {
				t.Errorf("Retry-After = %q, want 60", resp.Header.Get("Retry-After"))
			}
			// Decode what the page shows, as a client receiving it would.
			resp.Body = io.NopCloser(bytes.NewReader(body))
			got := FromResponse(resp)
			if !errors.Is(got, tc.sentinel) {
				t.Fatalf("FromResponse = %#v, want %s", got, tc.sentinel.Code)
			}
			var e *Error
			errors.As(got, &e)
			if e.Message != tc.err.Message || e.RetryAfter != tc.err.RetryAfter || len(e.Details) != len(tc.err.Details) {
				t.Errorf("decoded %+v, want %+v", e, tc.err)
			}
			for i, p := range tc.err.Params {
				if e.Params[i] != p {
					t.Errorf("param %d = %+v, want %+v", i, e.Params[i], p)
				}
			}
		})
	}
}
