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
)

// runCase is a spec whose generated package is compiled and exercised.
type runCase struct {
	name    string // directory in the temp module
	spec    *model.Spec
	code    []byte // the catalog file
	runtime []byte // the runtime file
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
		out = append(out, runCase{name: name, spec: s, code: code, runtime: Runtime(s)})
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
// message and each variant) called with the example params.
func casesFile(s *model.Spec, wire []wireCase, decode []decodeCase) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport \"fmt\"\n\nvar _ = fmt.Errorf\n\n", s.Go.Package)
	b.WriteString("var testCases = []testCase{\n")
	for _, e := range s.AllErrors() {
		all := e.Message.Params()
		writeCase(&b, e, e.Code, "New"+e.GoName, &e.Message, all, "")
		for _, v := range e.Variants {
			writeCase(&b, e, e.Code+"/"+v.Name, "New"+e.GoName+v.GoName, &v.Message, v.Message.Params(), v.Name)
		}
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "var testInternal = Err%s\n\n", s.Internal.GoName)
	fmt.Fprintf(&b, "const testMediaType = %q\n\n", s.Response.MediaType)
	hasDetails, _ := s.Response.FindField(model.ValueDetails)
	fmt.Fprintf(&b, "const testHasDetails = %v\n\n", hasDetails != nil)
	hasMessage, _ := s.Response.FindField(model.ValueMessage)
	fmt.Fprintf(&b, "const testHasMessage = %v\n\n", hasMessage != nil)
	var garbage []string
	for _, st := range []int{418, 502, 599, 300, 451, 508} {
		if !slices.Contains(s.Statuses, st) {
			garbage = append(garbage, strconv.Itoa(st))
		}
	}
	fmt.Fprintf(&b, "var testGarbageStatuses = []int{%s}\n\n", strings.Join(garbage, ", "))
	b.WriteString("var testWire = []wireCase{\n")
	for _, w := range wire {
		fmt.Fprintf(&b, "\t{name: %q, err: func() error { return %s }, path: %q, status: %d, retryAfter: %q, body: %q},\n",
			w.name, w.expr, w.path, w.status, w.retryAfter, w.body)
	}
	b.WriteString("}\n\nvar testDecode = []decodeCase{\n")
	for _, d := range decode {
		fmt.Fprintf(&b, "\t{name: %q, status: %d, retryAfter: %q, body: %q, code: %q, message: %q, params: %q, variant: %q, wantRetry: %d},\n",
			d.name, d.status, d.retryAfter, d.body, d.code, d.message, d.params, d.variant, d.wantRetry)
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		panic(fmt.Sprintf("cases_test.go does not format: %v\n%s", err, b.String()))
	}
	return src
}

func writeCase(b *strings.Builder, e *model.Error, name, ctor string, m *model.Message, params []int, variant string) {
	var args, ps []string
	for _, j := range params {
		p := e.Params[j]
		v := goValue(p)
		args = append(args, v)
		ps = append(ps, fmt.Sprintf("{Name: %q, Value: %s}", p.Name, v))
	}
	var aliases []string
	for _, a := range e.Aliases {
		aliases = append(aliases, strconv.Quote(a))
	}
	paramList := "nil"
	if len(ps) > 0 {
		paramList = "[]Param{" + strings.Join(ps, ", ") + "}"
	}
	fmt.Fprintf(b, "\t{name: %q, code: %q, status: %d, sentinel: Err%s, aliases: []string{%s}, make: func() *Error { return %s(%s) }, message: %q, params: %s, variant: %q, retryAfter: %d},\n",
		name, e.Code, e.Status, e.GoName, strings.Join(aliases, ", "), ctor, strings.Join(args, ", "), m.Example, paramList, variant, e.RetryAfter)
}

// goValue is the Go literal of a param's example, typed as declared.
func goValue(p *model.Param) string {
	switch p.Type {
	case model.TypeString:
		return strconv.Quote(p.Example.(string))
	case model.TypeInt:
		return fmt.Sprintf("int(%d)", p.Example.(int64))
	case model.TypeInt64:
		return fmt.Sprintf("int64(%d)", p.Example.(int64))
	case model.TypeFloat64:
		return fmt.Sprintf("float64(%s)", strconv.FormatFloat(p.Example.(float64), 'g', -1, 64))
	case model.TypeBool:
		return strconv.FormatBool(p.Example.(bool))
	}
	panic("unknown param type " + string(p.Type))
}
