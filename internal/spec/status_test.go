package spec

import (
	"testing"

	"github.com/errgen/errgen/internal/model"
)

// TestStatusText checks where each error's status text comes from: the
// spec's status_text, else net/http, else the common names, else the
// status class; the built-in internal error included.
func TestStatusText(t *testing.T) {
	s := mustParse(t, `errgen: 1
go: {package: apierr}
status_text:
  404: No Such Thing
  "522": Upstream Timed Out
  500: Internal Error
errors:
  - {code: a, status: 400, message: x}
  - {code: b, status: 404, message: x}
  - {code: c, status: 499, message: x}
  - {code: d, status: 520, message: x}
  - {code: e, status: 522, message: x}
  - {code: f, status: 530, message: x}
  - {code: g, status: 460, message: x}
  - {code: h, status: 561, message: x}
`)
	want := map[string]string{
		"a":              "Bad Request",
		"b":              "No Such Thing",
		"c":              "Client Closed Request",
		"d":              "Web Server Returned an Unknown Error",
		"e":              "Upstream Timed Out",
		"f":              "Origin DNS Error",
		"g":              "Client Error",
		"h":              "Server Error",
		"internal_error": "Internal Error",
	}
	for _, e := range s.AllErrors() {
		if e.StatusText != want[e.Code] {
			t.Errorf("%s (%d): status text %q, want %q", e.Code, e.Status, e.StatusText, want[e.Code])
		}
	}
}

// TestWireTitle checks the title responses carry: the status text for a
// problem of type about:blank (RFC 9457 section 4.2.1), the error's own
// title when the type is its doc link or the format writes no type.
func TestWireTitle(t *testing.T) {
	const errs = `
errors:
  - {code: missing_field, status: 400, title: Missing field, message: x}
  - {code: gone, status: 499, message: x}
`
	for _, c := range []struct {
		name, head string
		want       map[string]string
	}{
		{"about:blank", "errgen: 1\ngo: {package: apierr}\n", map[string]string{
			"missing_field": "Bad Request", "gone": "Client Closed Request", "internal_error": "Internal Server Error"}},
		{"own status text", "errgen: 1\ngo: {package: apierr}\nstatus_text: {499: Request Cancelled}\n", map[string]string{
			"missing_field": "Bad Request", "gone": "Request Cancelled", "internal_error": "Internal Server Error"}},
		{"docs_url", "errgen: 1\ngo: {package: apierr}\napi: {docs_url: 'https://docs.acme.dev/errors'}\n", map[string]string{
			"missing_field": "Missing field", "gone": "Gone", "internal_error": "Internal server error"}},
		{"custom body", "errgen: 1\ngo: {package: apierr}\nresponse: {format: custom, body: {title: $title}}\n", map[string]string{
			"missing_field": "Missing field", "gone": "Gone", "internal_error": "Internal server error"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := mustParse(t, c.head+errs)
			for _, e := range s.AllErrors() {
				if e.WireTitle != c.want[e.Code] {
					t.Errorf("%s: wire title %q, want %q", e.Code, e.WireTitle, c.want[e.Code])
				}
				if e.Code == "missing_field" && e.Title != "Missing field" {
					t.Errorf("%s: title %q, want the error's own", e.Code, e.Title)
				}
			}
		})
	}
}

func mustParse(t *testing.T, src string) *model.Spec {
	t.Helper()
	s, err := Parse("errors.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}
