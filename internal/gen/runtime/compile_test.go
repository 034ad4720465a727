package runtime

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompileTemplates compiles string templates of bodies and headers
// for one error: constant values are pre-encoded with the literal text
// (escaped for JSON, or for a header and its quoted-strings); a template
// that is exactly one value is left out when the error never has it, and
// marked only when the value varies; a longer one keeps an absent value
// as empty text.
func TestCompileTemplates(t *testing.T) {
	tmpl := func(parts ...errgenTmpl) []errgenTmpl { return parts }
	lit := func(s string) errgenTmpl { return errgenTmpl{kind: errgenVLiteral, text: s} }
	ent := &errgenEntry{code: "a_b", title: `Say "hi" \ <now>`, msg: "{p} failed", params: "p", status: 409,
		more: &errgenMore{attrs: []string{"kind", "3", "3"}}}
	c := errgenCompile(ent)
	body := []errgenField{
		{kind: errgenVTemplate, name: "code", parts: tmpl(lit("ns#"), errgenTmpl{kind: errgenVCode})},
		{kind: errgenVTemplate, name: "both", parts: tmpl(errgenTmpl{kind: errgenVTitle}, errgenTmpl{kind: errgenVInstance})},
		{kind: errgenVTemplate, name: "kind", parts: tmpl(errgenTmpl{kind: errgenVAttr, ref: "kind"}, lit(" "), errgenTmpl{kind: errgenVAttr, ref: "none"})},
		{kind: errgenVTemplate, name: "none", parts: tmpl(errgenTmpl{kind: errgenVAttr, ref: "none"})},
		{kind: errgenVTemplate, name: "p", parts: tmpl(errgenTmpl{kind: errgenVParam, ref: "p"})},
		{kind: errgenVTemplate, name: "q", parts: tmpl(errgenTmpl{kind: errgenVParam, ref: "q"})},
		{kind: errgenVTemplate, name: "retry", parts: tmpl(errgenTmpl{kind: errgenVRetryAfter})},
		{kind: errgenVObject, name: "empty", children: []errgenField{{kind: errgenVParam, name: "q", ref: "q"}}},
		{kind: errgenVAttr, name: "k", ref: "kind"},
		{kind: errgenVStatusText, name: "st"},
	}
	var got []string
	for _, o := range errgenCompileBody(ent, c, body) {
		got = append(got, fmt.Sprintf("%d %s only=%v %+v", o.op, o.lit, o.only, o.parts))
	}
	want := []string{
		`0 "code":"ns#a_b" only=false []`,
		`10 "both": only=false [{kind:0 quoted:false lit:Say \"hi\" \\ \u003cnow\u003e name:} {kind:2 quoted:false lit: name:}]`,
		`0 "kind":"3 " only=false []`,
		`10 "p": only=true [{kind:4 quoted:false lit: name:p}]`,
		`10 "retry": only=true [{kind:3 quoted:false lit: name:}]`,
		`0 "k":3,"st":"Conflict of windows" only=false []`,
	}
	// The stand-in catalog's spec names 409 "Conflict of windows"
	// (status_text), not net/http's "Conflict": the text comes from the
	// generated errgenStatusText.
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("body program\n got %q\nwant %q", got, want)
	}
	headers := []errgenHeaderTmpl{
		{name: "X-Doc", parts: tmpl(errgenTmpl{kind: errgenVAttr, ref: "none"})},
		{name: "X-Why", parts: tmpl(lit(`Bearer title="`), errgenTmpl{kind: errgenVTitle, quoted: true}, lit(`", m="`),
			errgenTmpl{kind: errgenVMessage, quoted: true}, lit(`", q=`), errgenTmpl{kind: errgenVMessage})},
		{name: "X-Raw", parts: tmpl(lit("a\tb "), errgenTmpl{kind: errgenVParam, ref: "p"})},
	}
	var hs []string
	for k := range headers {
		h, ok := errgenCompileHeader(ent, c, &headers[k])
		hs = append(hs, fmt.Sprintf("%s %v only=%v %+v %q", h.name, ok, h.only, h.parts, h.value))
	}
	wantHeaders := []string{
		` false only=false [] []`,
		`X-Why true only=false [{kind:0 quoted:false lit:Bearer title="Say \"hi\" \\ <now>", m=" name:} {kind:1 quoted:true lit: name:} {kind:0 quoted:false lit:", q= name:} {kind:1 quoted:false lit: name:}] ["Bearer title=\"Say \\\"hi\\\" \\\\ <now>\", m=\"Say \\\"hi\\\" \\\\ <now>\", q=Say \"hi\" \\ <now>"]`,
		`X-Raw true only=false [{kind:0 quoted:false lit:a b  name:} {kind:4 quoted:false lit: name:p}] ["a b "]`,
	}
	if fmt.Sprint(hs) != fmt.Sprint(wantHeaders) {
		t.Errorf("headers\n got %q\nwant %q", hs, wantHeaders)
	}
}

// TestStatusTextFromCatalog checks that every catalog error's status
// text is the one errgen resolved from the spec, which the generated
// errgenStatusText returns, and that the runtime's code calls
// http.StatusText nowhere but for responses outside the catalog
// (errgenUnknown): a Go release that renames a status cannot change what
// a server sends for its own errors.
func TestStatusTextFromCatalog(t *testing.T) {
	for _, ent := range errgenCatalog {
		if got := ent.statusTextOf(); got != errgenStatusText(int(ent.status)) || got == "" {
			t.Errorf("%s: status text %q, the catalog's for %d is %q", ent.code, got, ent.status, errgenStatusText(int(ent.status)))
		}
	}
	if got, std := errgenStatusText(http.StatusConflict), http.StatusText(http.StatusConflict); got != "Conflict of windows" || got == std {
		t.Errorf("errgenStatusText(409) = %q (net/http: %q), want the spec's %q", got, std, "Conflict of windows")
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, _ := d.(*ast.FuncDecl)
			ast.Inspect(d, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "StatusText" {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "http" && (fn == nil || fn.Name.Name != "errgenUnknown") {
					t.Errorf("%s: http.StatusText used outside errgenUnknown", fset.Position(sel.Pos()))
				}
				return true
			})
		}
	}
}

// TestCatalogOrder checks that the sentinels' initialization lists every
// row once, in spec order, each with its sentinel.
func TestCatalogOrder(t *testing.T) {
	want := []*Error{ErrInvalidAPIKey, ErrMissingField, ErrTooManyItems, ErrRateLimited,
		ErrWindowConflict, ErrLegacyNotReady, ErrLegacyFailure, ErrInternalError}
	if len(errgenCatalog) != len(want) {
		t.Fatalf("errgenCatalog has %d rows, want %d", len(errgenCatalog), len(want))
	}
	for i, ent := range errgenCatalog {
		if ent.sentinel != want[i] || ent.code != want[i].Code {
			t.Errorf("errgenCatalog[%d] is %s, want %s", i, ent.code, want[i].Code)
		}
	}
}

// TestHasParam holds errgenHasParam, which sentinels use at init instead
// of parsing their message, to what errgenParseTemplate reads.
func TestHasParam(t *testing.T) {
	for _, s := range []string{
		"", "plain", "{a}", "x {a} y", "{{a}}", "{{", "}}", "{", "}", "{{{a}}}", "}}{a}", "}{a}",
		"a {{b}} {c}", "{a", "a}", "{}", "{{}", "{}}", "{{{", "}}}", "x {{ y }} z", "{{{", "{ {a}",
	} {
		want := len(errgenParseTemplate(s, nil).params) > 0
		if got := errgenHasParam(s); got != want {
			t.Errorf("errgenHasParam(%q) = %v, the parser finds params: %v", s, got, want)
		}
	}
}

// FuzzHasParam compares errgenHasParam with errgenParseTemplate on any
// text.
func FuzzHasParam(f *testing.F) {
	f.Add("x {a} {{b}}")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := errgenHasParam(s), len(errgenParseTemplate(s, nil).params) > 0; got != want {
			t.Errorf("errgenHasParam(%q) = %v, the parser finds params: %v", s, got, want)
		}
	})
}
