package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testutil"
)

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

func TestSameButCRLF(t *testing.T) {
	want := "a\nb\n"
	for _, tc := range []struct {
		disk string
		same bool
	}{
		{"a\r\nb\r\n", true},
		{"a\nb\n", false},     // the same bytes: not a CRLF difference
		{"a\r\nb\n", false},   // mixed line ends
		{"a\nb\r\n", false},   // mixed line ends
		{"a\r\nc\r\n", false}, // another difference
		{"a\r\nb\r\n\r\n", false},
		{"a\r\r\nb\r\r\n", false},
		{"", false},
	} {
		if got := sameButCRLF([]byte(tc.disk), []byte(want)); got != tc.same {
			t.Errorf("sameButCRLF(%q, %q) = %v, want %v", tc.disk, want, got, tc.same)
		}
	}
	if sameButCRLF([]byte("x"), []byte("x")) {
		t.Error("a file without line ends is not a CRLF file")
	}
	if got := string(toCRLF([]byte("a\nb\r\nc\n"))); got != "a\r\nb\r\nc\r\n" {
		t.Errorf("toCRLF = %q", got)
	}
}

// TestWriteCheckEOL covers the treatment of line ends by Write and Check:
// a CRLF copy is up to date and left alone; a CRLF file that must change
// is rewritten with CRLF, and its diff shows only the change; a file with
// mixed line ends is stale and written with LF; StrictEOL wants LF.
func TestWriteCheckEOL(t *testing.T) {
	dir := t.TempDir()
	const head = "// " + Marker + " from spec/errors.yaml. DO NOT EDIT.\n"
	want := head + "package x\n\nconst A = 1\n"
	files := map[string]string{
		"crlf.go":    crlf(want),                                                     // up to date
		"changed.go": crlf(strings.Replace(want, "A = 1", "A = 2", 1)),               // CRLF, another difference
		"mixed.go":   strings.Replace(crlf(want), "package x\r\n", "package x\n", 1), // mixed
	}
	r := &Result{}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		r.Outputs = append(r.Outputs, Output{Path: p, Name: name, Data: []byte(want)})
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	drift, err := Check(OS, r)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]Change{}
	for _, d := range drift {
		kinds[d.Name] = d
	}
	if _, ok := kinds["crlf.go"]; ok {
		t.Error("check: a CRLF copy of the output is reported")
	}
	if d := kinds["changed.go"]; d.Kind != "write" || bytes.Contains(d.Diff, []byte("-package x")) || !bytes.Contains(d.Diff, []byte("+const A = 1\r\n")) {
		t.Errorf("check: changed.go: kind %q, diff (only the changed line, against CRLF):\n%s", d.Kind, d.Diff)
	}
	if kinds["mixed.go"].Kind != "write" {
		t.Errorf("check: a file with mixed line ends is not reported")
	}

	strict, err := CheckEOL(OS, r, StrictEOL)
	if err != nil {
		t.Fatal(err)
	}
	var eol []string
	for _, d := range strict {
		if d.Kind == "eol" {
			eol = append(eol, d.Name)
		}
	}
	if len(strict) != 3 || len(eol) != 1 || eol[0] != "crlf.go" {
		t.Errorf("check -strict-eol: %+v, want crlf.go reported as eol and the two others as write", strict)
	}

	changes, err := Write(OS, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range changes {
		if wantKind := map[string]string{"crlf.go": "same", "changed.go": "write", "mixed.go": "write"}[c.Name]; c.Kind != wantKind {
			t.Errorf("write: %s: %s, want %s", c.Name, c.Kind, wantKind)
		}
	}
	if got := read("crlf.go"); got != crlf(want) {
		t.Errorf("crlf.go changed: %q", got)
	}
	if got := read("changed.go"); got != crlf(want) {
		t.Errorf("changed.go is not rewritten with CRLF: %q", got)
	}
	if got := read("mixed.go"); got != want {
		t.Errorf("mixed.go is not rewritten with LF: %q", got)
	}
	if drift, _ := Check(OS, r); len(drift) != 0 {
		t.Errorf("check after write: %+v", drift)
	}

	if _, err := WriteEOL(OS, r, StrictEOL); err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if got := read(name); got != want {
			t.Errorf("write -strict-eol: %s is %q, want LF", name, got)
		}
	}
}

// TestGoldenCRLF converts, in a copy of each golden case, every committed
// output to CRLF line ends (as Git for Windows checks them out) and the
// spec to CRLF with a byte order mark: the spec renders the same bytes,
// check finds everything up to date, generate writes nothing, and check
// with StrictEOL reports every output errgen owns (the merged document
// keeps its CRLF line ends, so it is up to date even then).
func TestGoldenCRLF(t *testing.T) {
	cases := testutil.GoldenCases()
	if len(cases) == 0 {
		t.Fatal("no golden cases found")
	}
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			orig, err := Render(Options{SpecPath: filepath.Join(dir, "errors.yaml")})
			if err != nil {
				t.Fatal(err)
			}
			cp := filepath.Join(root, "golden", filepath.Base(dir))
			if err := os.CopyFS(cp, os.DirFS(dir)); err != nil {
				t.Fatal(err)
			}
			convert := func(p string, prefix string) {
				t.Helper()
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				if bytes.Contains(b, []byte("\r")) {
					t.Fatalf("%s already holds a carriage return", p)
				}
				if err := os.WriteFile(p, []byte(prefix+crlf(string(b))), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			convert(filepath.Join(cp, "errors.yaml"), "\ufeff")
			for _, o := range orig.Outputs {
				rel, err := filepath.Rel(dir, o.Path)
				if err != nil || strings.HasPrefix(rel, "..") {
					t.Fatalf("output %s is outside the case", o.Name)
				}
				convert(filepath.Join(cp, rel), "")
			}
			before := snapshot(t, cp)

			r, err := Render(Options{SpecPath: filepath.Join(cp, "errors.yaml")})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Outputs) != len(orig.Outputs) {
				t.Fatalf("%d outputs, want %d", len(r.Outputs), len(orig.Outputs))
			}
			for i, o := range r.Outputs {
				w := orig.Outputs[i].Data
				if o.Merged {
					w = []byte(crlf(string(w))) // the merge keeps the document's CRLF
				}
				if !bytes.Equal(o.Data, w) {
					t.Errorf("%s: the CRLF spec with a byte order mark renders differently", o.Name)
				}
			}
			drift, err := Check(OS, r)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range drift {
				t.Errorf("check: %s %s\n%s", d.Kind, d.Name, d.Diff)
			}
			strict, err := CheckEOL(OS, r, StrictEOL)
			if err != nil {
				t.Fatal(err)
			}
			owned := 0
			for _, o := range r.Outputs {
				if !o.Merged {
					owned++
				}
			}
			if len(strict) != owned {
				t.Errorf("check -strict-eol: %d files reported, want %d", len(strict), owned)
			}
			for _, d := range strict {
				if d.Kind != "eol" {
					t.Errorf("check -strict-eol: %s %s", d.Kind, d.Name)
				}
			}
			changes, err := Write(OS, r)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range changes {
				if c.Kind != "same" {
					t.Errorf("generate: %s %s", c.Kind, c.Name)
				}
			}
			after := snapshot(t, cp)
			for name, data := range before {
				if after[name] != data {
					t.Errorf("generate changed %s", name)
				}
			}
			if len(after) != len(before) {
				t.Errorf("generate left %d files, want %d", len(after), len(before))
			}
		})
	}
}
