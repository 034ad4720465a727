package identityerr

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCodeField checks seed 002's wire format: the code travels in the
// body's "error" member, and either name of the aliased pair
// (access_denied | insufficient_scope) decodes to the same error.
func TestCodeField(t *testing.T) {
	srv := httptest.NewServer(HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		return NewPreconditionFailed()
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want := `{"error":"precondition_failed","error_description":"The request included an If-Match header whose value does not match the resource’s current ETag."}`
	if string(body) != want || resp.StatusCode != 412 {
		t.Fatalf("got %d %s\nwant 412 %s", resp.StatusCode, body, want)
	}

	for _, code := range []string{"access_denied", "insufficient_scope"} {
		resp := &http.Response{
			StatusCode: 403,
			Header:     http.Header{"Content-Type": {"application/json"}},
			Body:       io.NopCloser(strings.NewReader(`{"error":"` + code + `","error_description":"no"}`)),
		}
		err := FromResponse(resp)
		if !errors.Is(err, ErrAccessDenied) || CodeOf(err) != CodeAccessDenied {
			t.Errorf("%s decoded to %v (code %q), want access_denied", code, err, CodeOf(err))
		}
	}

	// Every code of the page round-trips.
	for _, code := range []Code{CodeInvalidRequest, CodeInvalidContentType, CodeAccessDenied, CodeSessionExpired,
		CodeUnauthorizedClient, CodeNotFound, CodeConflict, CodePreconditionFailed, CodeUsageLimitExceeded, CodeServerError} {
		e, ok := Lookup(string(code))
		if !ok {
			t.Fatalf("Lookup(%s) failed", code)
		}
		rec := httptest.NewRecorder()
		WriteError(rec, httptest.NewRequest("GET", "/", nil), e)
		res := rec.Result()
		if !bytes.HasPrefix(rec.Body.Bytes(), []byte(`{"error":"`+string(code)+`",`)) {
			t.Errorf("%s: body %s", code, rec.Body.Bytes())
		}
		if got := FromResponse(res); CodeOf(got) != code {
			t.Errorf("%s decoded as %q", code, CodeOf(got))
		}
	}
}
