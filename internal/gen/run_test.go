package gen

import (
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// runCase is a spec whose generated package is compiled and exercised.
type runCase struct {
	name    string // directory in the temp module
	spec    *model.Spec
	code    []byte // the catalog file
	runtime []byte // the runtime file
	// catalog is the committed catalog file (outputs.catalog), which
	// CatalogHandler must serve byte for byte; nil without one.
	catalog []byte
}

// loadRunCases loads every golden spec with a Go output, and the
// repository's own spec.
func loadRunCases(t *testing.T) []runCase {
	t.Helper()
	paths, err := filepath.Glob("../../golden/*/errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, "../../spec/errors.yaml")
	var out []runCase
	for _, p := range paths {
		rel := strings.TrimPrefix(filepath.ToSlash(p), "../../")
		if _, err := os.Stat(p); err != nil {
			continue
		}
		s, err := spec.Load(p, rel)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		if s.Outputs.Go == "" {
			continue
		}
		code, err := Go(s)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		name := filepath.Base(filepath.Dir(p))
		var catalog []byte
		if s.Outputs.Catalog != "" {
			if catalog, err = os.ReadFile(filepath.Join(filepath.Dir(p), filepath.FromSlash(s.Outputs.Catalog))); err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
		}
		out = append(out, runCase{name: name, spec: s, code: code, runtime: Runtime(s), catalog: catalog})
	}
	return out
}

// TestGeneratedPackages writes every case's generated file into one temp
// module, one package per case, with harness_test.go and a generated
// cases_test.go, then runs go vet and go test there once.
func TestGeneratedPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs generated code")
	}
	harness, err := os.ReadFile("testdata/harness_test.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	catalogHarness, err := os.ReadFile("testdata/catalog_test.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	// ERRGEN_GEN_DIR keeps the module for debugging or fuzzing, e.g.
	// (cd $ERRGEN_GEN_DIR/basic && go test -fuzz FuzzFromResponse).
	dir := os.Getenv("ERRGEN_GEN_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	write(t, filepath.Join(dir, "go.mod"), []byte("module errgentest\n\ngo 1.25\n"))
	cases := loadRunCases(t)
	for _, c := range cases {
		pkg := filepath.Join(dir, c.name)
		write(t, filepath.Join(pkg, "errors_gen.go"), c.code)
		write(t, filepath.Join(pkg, RuntimeFile), c.runtime)
		write(t, filepath.Join(pkg, "harness_test.go"), []byte(strings.Replace(string(harness), "package PACKAGE", "package "+c.spec.Go.Package, 1)))
		write(t, filepath.Join(pkg, "cases_test.go"), casesFile(c.spec, wireCases[c.name], decodeCases[c.name]))
		if c.catalog != nil {
			write(t, filepath.Join(pkg, "testdata", "catalog.json"), c.catalog)
			write(t, filepath.Join(pkg, "catalog_test.go"), []byte(strings.Replace(string(catalogHarness), "package PACKAGE", "package "+c.spec.Go.Package, 1)))
		}
	}
	run(t, dir, "go", "vet", "./...")
	args := []string{"test", "-count=1"}
	if os.Getenv("ERRGEN_GEN_RACE") != "" { // make test-race
		args = append(args, "-race")
	}
	run(t, dir, "go", append(args, "./...")...)
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, dir string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	t.Logf("%s %s:\n%s", name, strings.Join(args, " "), out)
}

// casesFile renders cases_test.go: one testCase per constructor (main
// message and each variant) called with the example params (and, for an
// error with optional params, once more with them set), the catalog's
// writers per format, its With methods, details in its shape, and the
// hand-written wire and decode cases.
func casesFile(s *model.Spec, wire []wireCase, decode []decodeCase) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nvar _ = fmt.Errorf\n\nvar _ http.Handler\n\n", s.Go.Package)
	b.WriteString("var testCases = []testCase{\n")
	for _, e := range s.AllErrors() {
		optional := slices.ContainsFunc(e.Params, func(p *model.Param) bool { return p.Optional })
		writeCase(&b, s, e, e.Code, "New"+e.GoName, &e.Message, "", optional)
		if optional {
			writeCase(&b, s, e, e.Code+"/unset", "New"+e.GoName, &e.Message, "", false)
		}
		for _, v := range e.Variants {
			writeCase(&b, s, e, e.Code+"/"+v.Name, "New"+e.GoName+v.GoName, &v.Message, v.Name, optional)
		}
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "var testInternal = Err%s\n\n", s.Internal.GoName)
	fmt.Fprintf(&b, "const testMediaType = %q\n\n", s.Response.MediaType)
	fmt.Fprintf(&b, "var testDetails = []Detail{%s, %s}\n\n", detailLit(s, 0), detailLit(s, 1))
	var garbage []string
	for _, st := range []int{418, 502, 599, 300, 451, 508} {
		if !slices.Contains(s.Statuses, st) {
			garbage = append(garbage, strconv.Itoa(st))
		}
	}
	fmt.Fprintf(&b, "var testGarbageStatuses = []int{%s}\n\n", strings.Join(garbage, ", "))
	b.WriteString("var testWriters = []testWriter{\n")
	for _, r := range s.Formats {
		if !r.Extra() {
			continue
		}
		g := r.Group.GoName()
		var own, other []string
		for _, e := range s.AllErrors() {
			if e.Format == r {
				own = append(own, "Err"+e.GoName)
			} else {
				other = append(other, "Err"+e.GoName)
			}
		}
		fmt.Fprintf(&b, "\t{name: %q, write: Write%sError, handler: func(h func(http.ResponseWriter, *http.Request) error) http.Handler { return %sHandlerFunc(h) }, internal: Err%s, mediaType: %q, own: []*Error{%s}, other: []*Error{%s}},\n",
			g, g, g, r.Internal.GoName, r.MediaType, strings.Join(own, ", "), strings.Join(other, ", "))
	}
	b.WriteString("}\n\n")
	b.WriteString("var testWith = []withCase{\n")
	for _, m := range withMethods(s) {
		p := exampleParam(s, m)
		fmt.Fprintf(&b, "\t{method: %q, names: %#v, value: %s, apply: func(e *Error) *Error { return e.With%s(%s) }},\n",
			"With"+m.goName, m.names, testutil.GoExample(p), m.goName, testutil.GoExample(p))
	}
	b.WriteString("}\n\n")
	b.WriteString("var testWire = []wireCase{\n")
	for _, w := range wire {
		serve := "nil"
		if w.writer != "" {
			serve = fmt.Sprintf("func(h func(http.ResponseWriter, *http.Request) error) http.Handler { return %sHandlerFunc(h) }", w.writer)
		}
		fmt.Fprintf(&b, "\t{name: %q, err: func() error { return %s }, path: %q, status: %d, retryAfter: %q, headers: %#v, serve: %s, body: %q},\n",
			w.name, w.expr, w.path, w.status, w.retryAfter, w.headers, serve, w.body)
	}
	b.WriteString("}\n\nvar testDecode = []decodeCase{\n")
	for _, d := range decode {
		details := d.details
		if details == "" {
			details = "[]"
		}
		fmt.Fprintf(&b, "\t{name: %q, status: %d, retryAfter: %q, headers: %#v, body: %q, code: %q, message: %q, params: %q, details: %q, variant: %q, wantRetry: %d},\n",
			d.name, d.status, d.retryAfter, d.headers, d.body, d.code, d.message, d.params, details, d.variant, d.wantRetry)
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		panic(fmt.Sprintf("cases_test.go does not format: %v\n%s", err, b.String()))
	}
	return src
}

// exampleParam is a param a With method sets, with its example value.
func exampleParam(s *model.Spec, m *withMethod) *model.Param {
	for _, e := range s.Errors {
		for _, p := range e.Params {
			if p.Optional && p.GoName == m.goName {
				return p
			}
		}
	}
	panic("no optional param for " + m.goName)
}

// detailLit is the k-th (0 or 1) Detail of the harness, in the catalog's
// shape: for the default shape, {"name", "name must be a string"} and
// {"<b>", "\"quoted\" & \u2028"}.
func detailLit(s *model.Spec, k int) string {
	var fields []string
	for i, l := range model.DetailLeaves(s.Details) {
		var v string
		switch l.Type {
		case "int":
			v = []string{"7", "-3"}[k]
		case "bool":
			v = []string{"true", "false"}[k]
		default:
			texts := [][]string{{"name", "name must be a string", "third"}, {"<b>", "\"quoted\" & \u2028", "\\ \x01 ü"}}[k]
			v = strconv.Quote(texts[min(i, 2)])
		}
		fields = append(fields, l.GoName+": "+v)
	}
	return "{" + strings.Join(fields, ", ") + "}"
}

// writeCase writes one testCase: the constructor called with the example
// args, and with set, each optional param set with its With method.
func writeCase(b *strings.Builder, s *model.Spec, e *model.Error, name, ctor string, m *model.Message, variant string, set bool) {
	var args, ps []string
	takes := e.Args(m)
	for j, p := range e.Params {
		switch {
		case slices.Contains(takes, j):
			v := testutil.GoExample(p)
			args = append(args, v)
			ps = append(ps, fmt.Sprintf("{Name: %q, Value: %s}", p.Name, v))
		case p.Optional && set:
			ps = append(ps, fmt.Sprintf("{Name: %q, Value: %s}", p.Name, testutil.GoExample(p)))
		}
	}
	expr := fmt.Sprintf("%s(%s)", ctor, strings.Join(args, ", "))
	if set {
		for _, p := range e.Params {
			if p.Optional {
				expr += fmt.Sprintf(".With%s(%s)", p.GoName, testutil.GoExample(p))
			}
		}
	}
	var aliases []string
	for _, a := range e.Aliases {
		aliases = append(aliases, strconv.Quote(a))
	}
	paramList := "nil"
	if len(ps) > 0 {
		paramList = "[]Param{" + strings.Join(ps, ", ") + "}"
	}
	code := strconv.Quote(e.Code)
	if s.CodeType == model.CodeInteger {
		code = e.Code
	}
	fmt.Fprintf(b, "\t{name: %q, code: %s, status: %d, sentinel: Err%s, aliases: []string{%s}, make: func() *Error { return %s }, message: %q, params: %s, variant: %q, retryAfter: %d, mediaType: %q},\n",
		name, code, e.Status, e.GoName, strings.Join(aliases, ", "), expr, m.Example, paramList, variant, e.RetryAfter, e.Format.MediaType)
}
