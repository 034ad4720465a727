package spec

import (
	"testing"

	"github.com/errgen/errgen/internal/model"
)

// TestHeaderParams checks that ${param.NAME} in a header is accepted
// wherever the header is written, before or after the errors that declare
// the param: a format's headers (some error declares it), a group's (some
// error of the group), an error's own (the error itself).
func TestHeaderParams(t *testing.T) {
	const head = "errgen: 1\ngo: {package: apierr}\n"
	for _, c := range []struct{ name, src, header string }{
		{"group before errors", head + `groups: [{id: soft, headers: {X-Soft: "v ${param.hint}"}}]
errors: [{code: a, status: 400, group: soft, message: "Soft {hint}", params: [{name: hint}]}]
`, "X-Soft"},
		{"group after errors", head + `errors: [{code: a, status: 400, group: soft, message: "Soft {hint}", params: [{name: hint}]}]
groups: [{id: soft, headers: {X-Soft: "v ${param.hint}"}}]
`, "X-Soft"},
		{"group, one error of several", head + `groups: [{id: soft, headers: {X-Soft: "v ${param.hint}"}}]
errors:
  - {code: a, status: 400, group: soft, message: "A"}
  - {code: b, status: 400, group: soft, message: "B {hint}", params: [{name: hint}]}
`, "X-Soft"},
		{"error, first", head + `errors:
  - {code: a, status: 400, message: "A {hint}", params: [{name: hint}], headers: {X-Own: "${param.hint}"}}
  - {code: b, status: 400, message: "B"}
`, "X-Own"},
		{"error, params after headers", head + `errors:
  - code: a
    status: 400
    headers: {X-Own: "${param.hint}"}
    message: "A {hint}"
    params: [{name: hint}]
`, "X-Own"},
		{"response before errors", head + `response: {headers: {X-Any: "${param.hint}"}}
errors: [{code: a, status: 400, message: "A {hint}", params: [{name: hint}]}]
`, "X-Any"},
		{"response after errors", head + `errors: [{code: a, status: 400, message: "A {hint}", params: [{name: hint}]}]
response: {headers: {X-Any: "${param.hint}"}}
`, "X-Any"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := mustParse(t, c.src)
			var e *model.Error
			for _, x := range s.Errors {
				if x.Code == "a" {
					e = x
				}
			}
			if e == nil {
				t.Fatal("no error a")
			}
			var h *model.Header
			for _, x := range e.Headers {
				if x.Name == c.header {
					h = x
				}
			}
			if h == nil {
				t.Fatalf("error a has no header %s: %v", c.header, e.Headers)
			}
			if !hasParamPart(h.Value, "hint") {
				t.Errorf("header %s does not interpolate the param: %+v", c.header, h.Value)
			}
		})
	}
}

func hasParamPart(t model.Template, name string) bool {
	for _, p := range t.Parts {
		if p.Kind == model.ValueParam && p.Name == name {
			return true
		}
	}
	return false
}
