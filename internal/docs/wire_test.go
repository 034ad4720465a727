package docs

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/gen"
	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/testutil"
)

// served is one response the generated server wrote, as the probe
// program reports it: Headers are its headers but Date and
// Content-Length, "Name: value" lines sorted by name.
type served struct {
	Case, Code, StatusLine, Headers, Body string
}

// TestExamplesMatchServer generates the Go package of every golden case
// that has docs, builds each error with its example params (optional
// params set, and the example details), writes it with the generated
// WriteError (Write<Group>Error for an error of a group with its own
// format) behind a real loopback HTTP server, and requires the
// documented example response: the same status line, headers and body
// bytes (the docs indent the JSON; the server sends it compact).
func TestExamplesMatchServer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	tmp := t.TempDir()
	specs := map[string]*model.Spec{}
	var imports, calls strings.Builder
	for i, dir := range testutil.GoldenCases() {
		name := filepath.Base(dir)
		s := loadCase(t, dir)
		if s.Outputs.Docs == "" || s.Go.Package == "" {
			continue
		}
		src, err := gen.Go(s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pkg := fmt.Sprintf("c%d", i)
		writeFile(t, filepath.Join(tmp, pkg, "errors_gen.go"), src)
		writeFile(t, filepath.Join(tmp, pkg, gen.RuntimeFile), gen.Runtime(s))
		specs[name] = s
		fmt.Fprintf(&imports, "\t%s \"probe/%s\"\n", pkg, pkg)
		for _, f := range s.Formats {
			writer := "WriteError"
			if f.Group != nil {
				writer = "Write" + groupGoName(f.Group) + "Error"
			}
			errs := s.ErrorsOf(f)
			if len(errs) == 0 {
				continue
			}
			idHeader := ""
			if s.RequestID != nil {
				idHeader = s.RequestID.Header
			}
			fmt.Fprintf(&calls, "\tprobe(%q, %s.%s, %q, []probeErr{\n", name, pkg, writer, idHeader)
			for _, e := range errs {
				fmt.Fprintf(&calls, "\t\t{%q, %s},\n", e.Code, construct(pkg, s, e))
			}
			calls.WriteString("\t})\n")
		}
	}
	writeFile(t, filepath.Join(tmp, "go.mod"), []byte("module probe\n\ngo 1.25\n"))
	writeFile(t, filepath.Join(tmp, "main.go"), []byte(fmt.Sprintf(probeMain, imports.String(), calls.String())))
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("probe: %v\n%s", err, stderr.String())
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var got served
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("probe output %q: %v", line, err)
		}
		checkServed(t, specs[got.Case], got)
		n++
	}
	want := 0
	for _, s := range specs {
		want += len(s.AllErrors())
	}
	if n != want || n == 0 {
		t.Fatalf("probe reported %d responses, want %d", n, want)
	}
}

// checkServed compares one served response with the documented example.
func checkServed(t *testing.T, s *model.Spec, got served) {
	t.Helper()
	var e *model.Error
	for _, x := range s.AllErrors() {
		if x.Code == got.Code {
			e = x
		}
	}
	ex, err := example(s, e)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	if err := json.Compact(&body, []byte(ex.Body)); err != nil {
		t.Fatal(err)
	}
	// The docs' status line carries errgen's status text; Go's server
	// writes net/http's reason phrase, "status code N" when it has none.
	// The status must match, and the phrases wherever both name it.
	if wantLine := fmt.Sprintf("HTTP/1.1 %d %s", e.Status, e.StatusText); ex.StatusLine != wantLine {
		t.Errorf("%s %s: the docs show the status line %q, want %q", got.Case, got.Code, ex.StatusLine, wantLine)
	}
	goLine := fmt.Sprintf("HTTP/1.1 %d %s", e.Status, cmp.Or(http.StatusText(e.Status), fmt.Sprintf("status code %d", e.Status)))
	if got.StatusLine == goLine {
		got.StatusLine = ex.StatusLine
	}
	var headers []string
	for _, h := range ex.Headers {
		headers = append(headers, h.Name+": "+h.Value)
	}
	slices.Sort(headers)
	want := served{Case: got.Case, Code: e.Code, StatusLine: ex.StatusLine, Headers: strings.Join(headers, "\n"), Body: body.String()}
	if got != want {
		t.Errorf("%s %s: the server wrote\n%+v\nthe docs show\n%+v", got.Case, got.Code, got, want)
	}
}

// construct is the Go expression that builds e as its example response
// shows it: its constructor with the example params it takes, each
// optional param set with its With method, and, when it carries details,
// the example details.
func construct(pkg string, s *model.Spec, e *model.Error) string {
	var args []string
	for _, i := range e.Args(&e.Message) {
		args = append(args, goLiteral(e.Params[i].Type, e.Params[i].Example))
	}
	expr := fmt.Sprintf("%s.New%s(%s)", pkg, e.GoName, strings.Join(args, ", "))
	for _, p := range e.Params {
		if p.Optional {
			expr += fmt.Sprintf(".With%s(%s)", p.GoName, goLiteral(p.Type, p.Example))
		}
	}
	if e.Details {
		leaves := model.DetailLeaves(detailShape(s))
		var ds []string
		for _, vals := range exampleDetailValues(s, e, &e.Message) {
			var fields []string
			for i, l := range leaves {
				fields = append(fields, fmt.Sprintf("%s: %s", l.GoName, goLiteral(model.ParamType(l.Type), vals[i])))
			}
			ds = append(ds, fmt.Sprintf("%s.Detail{%s}", pkg, strings.Join(fields, ", ")))
		}
		expr += ".WithDetails(" + strings.Join(ds, ", ") + ")"
	}
	return expr
}

// goLiteral is the Go expression of a value of type t.
func goLiteral(t model.ParamType, v any) string {
	if list, ok := v.([]any); ok {
		var elems []string
		for _, x := range list {
			elems = append(elems, goLiteral(t.Elem(), x))
		}
		return string(t) + "{" + strings.Join(elems, ", ") + "}"
	}
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

// groupGoName is the Go name of a group in Write<Group>Error: its id's
// words, each capitalised.
func groupGoName(g *model.Group) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(g.ID, func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func writeFile(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// probeMain serves each error from a loopback httptest server at the
// example request path, with the example request id in the spec's
// request id header, and prints what came back, one JSON line each.
const probeMain = `package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"

%s)

type probeErr struct {
	code string
	err  error
}

func probe(name string, write func(http.ResponseWriter, *http.Request, error), idHeader string, errs []probeErr) {
	var cur error
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { write(w, r, cur) }))
	defer srv.Close()
	for _, pe := range errs {
		cur = pe.err
		req, err := http.NewRequest("GET", srv.URL+` + "`" + ExampleInstance + "`" + `, nil)
		if err != nil {
			panic(err)
		}
		if idHeader != "" {
			req.Header.Set(idHeader, ` + "`" + model.ExampleRequestID + "`" + `)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			panic(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			panic(err)
		}
		var headers []string
		for name, vs := range resp.Header {
			if name == "Date" || name == "Content-Length" {
				continue
			}
			for _, v := range vs {
				headers = append(headers, name+": "+v)
			}
		}
		sort.Strings(headers)
		json.NewEncoder(os.Stdout).Encode(map[string]string{
			"Case": name, "Code": pe.code,
			"StatusLine": resp.Proto + " " + resp.Status,
			"Headers":    strings.Join(headers, "\n"),
			"Body":       strings.TrimSuffix(string(body), "\n"),
		})
	}
}

func main() {
%s}
`
