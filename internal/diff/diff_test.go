package diff

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

func parse(t *testing.T, name, src string) *model.Spec {
	t.Helper()
	s, err := spec.Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func rules(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Rule+" "+c.Code)
	}
	return out
}

// TestAmbiguousRenames checks that renames are inferred only when one
// error went and one came with the same status and messages.
func TestAmbiguousRenames(t *testing.T) {
	base := parse(t, "base.yaml", `errgen: 1
go: {package: a}
errors:
  - {code: a, status: 400, message: Bad}
  - {code: b, status: 400, message: Bad}
  - {code: c, status: 404, message: Missing}
`)
	head := parse(t, "errors.yaml", `errgen: 1
go: {package: a}
errors:
  - {code: x, status: 400, message: Bad}
  - {code: y, status: 400, message: Bad}
  - {code: z, status: 404, message: Missing}
`)
	got := rules(Compare(base, head, Options{Date: "2026-01-15"}))
	want := []string{"error-added x", "error-added y", "code-renamed z", "code-removed a", "code-removed b"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestNoBase compares with a spec that did not exist: every error is
// added, nothing else.
func TestNoBase(t *testing.T) {
	head := parse(t, "errors.yaml", "errgen: 1\ngo: {package: a}\noutputs: {go: a/errors_gen.go}\nerrors:\n  - {code: a, status: 400, message: Bad}\n")
	got := rules(Compare(nil, head, Options{Date: "2026-01-15"}))
	if want := []string{"error-added a"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestEveryCatalogAgainstItself compares the repository's catalog and
// every golden case with themselves: no change at all.
func TestEveryCatalogAgainstItself(t *testing.T) {
	files := []string{filepath.Join(testutil.Root(), "spec", "errors.yaml")}
	for _, dir := range testutil.GoldenCases() {
		files = append(files, filepath.Join(dir, "errors.yaml"))
	}
	for _, f := range files {
		a, err := spec.Load(f, "a.yaml")
		if err != nil {
			continue // a golden case of invalid input
		}
		b, _ := spec.Load(f, "b.yaml")
		if cs := Compare(a, b, Options{Date: "2026-01-15"}); len(cs) > 0 {
			t.Errorf("%s: %d changes against itself, first %+v", f, len(cs), cs[0])
		}
	}
}

func TestFilter(t *testing.T) {
	cs := []Change{
		{Rule: "status-changed", Category: Wire, Code: "a"},
		{Rule: "status-changed", Category: Wire, Code: "b"},
		{Rule: "go-name-changed", Category: Go, Code: "a"},
		{Rule: "doc-link-changed", Category: Docs, Code: "a"},
	}
	kept, ignored := Filter(cs, []Category{Wire, Go}, []Ignore{{Rule: "status-changed", Code: "a"}, {Rule: "go-name-changed"}})
	if len(kept) != 1 || kept[0].Code != "b" || ignored != 2 {
		t.Errorf("kept %+v, ignored %d", kept, ignored)
	}
}

func TestParseIgnore(t *testing.T) {
	if ig, err := ParseIgnore("code-removed:not_found"); err != nil || ig != (Ignore{"code-removed", "not_found"}) {
		t.Errorf("ParseIgnore = %+v, %v", ig, err)
	}
	if _, err := ParseIgnore("codes-removed"); err == nil || !strings.Contains(err.Error(), `did you mean "code-removed"?`) {
		t.Errorf("ParseIgnore(codes-removed) = %v", err)
	}
}

// TestGitHubEscaping checks that a workflow command cannot be split or
// bent by what a spec holds: %, CR and LF in messages; ':' and ',' too in
// properties.
func TestGitHubEscaping(t *testing.T) {
	var b bytes.Buffer
	r := &Report{Spec: "a,b:c.yaml", Changes: []Change{{
		Rule: "message-changed", Category: Wire, Severity: Info, Code: "x",
		Message: "100% \r\n::error::injected", Pos: model.Pos{File: "a,b:c.yaml", Line: 1, Col: 2},
	}}}
	if err := GitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(b.String(), "\n")
	want := `::notice file=a%2Cb%3Ac.yaml,line=1,col=2,title=info message-changed (wire)::error "x": 100%25 %0D%0A::error::injected`
	if first != want {
		t.Errorf("got  %s\nwant %s", first, want)
	}
}

func TestMarkdownEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"code":   "`code`",
		"a`b":    "`` a`b ``",
		"`a``b`": "``` `a``b` ```",
	} {
		if got := mdCode(in); got != want {
			t.Errorf("mdCode(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := cell(mdText("a|b *c* <d>\nx")), `a\|b \*c\* \<d\> x`; got != want {
		t.Errorf("cell(mdText) = %q, want %q", got, want)
	}
}

// TestJSONDocument checks the JSON report's members, as docs/evolution.md
// documents them.
func TestJSONDocument(t *testing.T) {
	var b bytes.Buffer
	r := &Report{Base: "old.yaml", Spec: "errors.yaml", Date: "2026-01-15", Ignored: 1, Changes: []Change{{
		Rule: "status-changed", Category: Wire, Severity: Breaking, Code: "x", Message: "m", Fix: "f",
		Pos: model.Pos{File: "errors.yaml", Line: 3, Col: 4},
	}}}
	if err := JSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	check := func(what string, got, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s: members %q, want %q", what, got, want)
		}
	}
	check("document", keys(doc), []string{"base", "changes", "date", "spec", "summary", "version"})
	ch := doc["changes"].([]any)[0].(map[string]any)
	check("change", keys(ch), []string{"category", "code", "fix", "message", "position", "rule", "severity"})
	check("position", keys(ch["position"].(map[string]any)), []string{"col", "file", "line"})
	check("summary", keys(doc["summary"].(map[string]any)), []string{"breaking", "ignored", "info", "warning"})
}

// TestGitMissing checks the message when git is not installed.
func TestGitMissing(t *testing.T) {
	defer func(g string) { GitCommand = g }(GitCommand)
	GitCommand = "errgen-test-no-such-git"
	dir := t.TempDir()
	p := filepath.Join(dir, "errors.yaml")
	if err := os.WriteFile(p, []byte("errgen: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadBase("HEAD~1", p)
	var be *BaseError
	if !errors.As(err, &be) || !strings.Contains(err.Error(), "git is not installed") {
		t.Errorf("ReadBase without git: %v", err)
	}
}

// TestRulesDocumented requires docs/evolution.md to explain every rule.
func TestRulesDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(testutil.Root(), "docs", "evolution.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules {
		if !bytes.Contains(doc, []byte("`"+r.ID+"`")) {
			t.Errorf("docs/evolution.md does not document %s", r.ID)
		}
	}
}
