package gen

import (
	"fmt"
	"testing"

	"github.com/errgen/errgen/internal/spec"
)

// TestCompileTemplates compiles string templates of bodies and headers
// for one error: constant values are pre-encoded with the literal text
// (escaped for JSON, or for a header and its quoted-strings); a template
// that is exactly one value is left out when the error never has it, and
// marked only when the value varies; a longer one keeps an absent value
// as empty text.
func TestCompileTemplates(t *testing.T) {
	src := `errgen: 1
go: {package: apierr}
response:
  format: custom
  headers:
    X-Doc: "${doc_url}"
    X-Why: 'Bearer title="${title}", m="${message}", q=${message}'
    X-Raw: "a\tb ${param.p}"
  body:
    code: "ns#${code}"
    doc: "${doc_url}"
    both: "${doc_url}${instance}"
    kind: "${attr.kind} ${attr.none}"
    p: "${param.p}"
    q: "${param.q}"
    retry: "${retry_after}"
errors:
  - code: a_b
    status: 400
    title: 'Say "hi" \ <now>'
    message: "{p} failed"
    params: [{name: p}]
    attributes: {kind: 3}
  - {code: c, status: 400, message: C, params: [{name: q}], attributes: {none: x}}
`
	s, err := spec.Parse("errors.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e := s.Errors[0]
	var got []string
	for _, o := range bodyProgram(s, e) {
		got = append(got, fmt.Sprintf("%s %s only=%v %+v", o.kind, o.lit, o.only, o.parts))
	}
	want := []string{
		`errgenOpConst "code":"ns#a_b" only=false []`,
		`errgenOpTemplate "both": only=false [{kind:errgenPartInstance lit: name: quoted:false}]`,
		`errgenOpConst "kind":"3 " only=false []`,
		`errgenOpTemplate "p": only=true [{kind:errgenPartParam lit: name:p quoted:false}]`,
		`errgenOpTemplate "retry": only=true [{kind:errgenPartRetryAfter lit: name: quoted:false}]`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("body program\n got %q\nwant %q", got, want)
	}
	var headers []string
	for _, h := range e.Headers {
		parts, only, omit := compileTemplate(s, e, h.Value, true)
		def, ok := renderDefault(e, parts)
		headers = append(headers, fmt.Sprintf("%s omit=%v only=%v %+v default=%q,%v", h.Name, omit, only, parts, def, ok))
	}
	wantHeaders := []string{
		`X-Doc omit=true only=false [] default="",true`,
		`X-Why omit=false only=false [{kind:errgenPartLit lit:Bearer title="Say \"hi\" \\ <now>", m=" name: quoted:false} {kind:errgenPartMessage lit: name: quoted:true} {kind:errgenPartLit lit:", q= name: quoted:false} {kind:errgenPartMessage lit: name: quoted:false}] default="Bearer title=\"Say \\\"hi\\\" \\\\ <now>\", m=\"Say \\\"hi\\\" \\\\ <now>\", q=Say \"hi\" \\ <now>",true`,
		`X-Raw omit=false only=false [{kind:errgenPartLit lit:a b  name: quoted:false} {kind:errgenPartParam lit: name:p quoted:false}] default="a b ",true`,
	}
	if fmt.Sprint(headers) != fmt.Sprint(wantHeaders) {
		t.Errorf("headers\n got %q\nwant %q", headers, wantHeaders)
	}
}
