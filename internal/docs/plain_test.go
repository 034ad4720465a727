package docs

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
	"github.com/errgen/errgen/templates"
)

// checkPlainProse requires every escaper to return s unchanged when
// plainProse says it does, and each shortcut to agree with the full
// rewriting whatever s is.
func checkPlainProse(t *testing.T, s string) bool {
	t.Helper()
	plain := plainProse(s)
	for _, f := range []urlForm{urlLinks, urlAutolinks} {
		for _, links := range []bool{true, false} {
			full := escapeAllLines(s, f, links)
			if got := escapeLines(s, f, links); got != full {
				t.Fatalf("escapeLines(%q, %d, %t) = %q, want %q", s, f, links, got, full)
			}
			if plain && full != s {
				t.Fatalf("%q is plain prose but escapeLines writes %q", s, full)
			}
		}
		full := rewriteMarkdownInline(s, f)
		if got := markdownInlineAs(s, f); got != full {
			t.Fatalf("markdownInlineAs(%q) = %q, want %q", s, got, full)
		}
		for level := range 4 {
			full := rewriteMarkdownBlocks(s, level, f)
			if got := markdownBlockAs(s, level, f); got != full {
				t.Fatalf("markdownBlockAs(%q, %d) = %q, want %q", s, level, got, full)
			}
		}
	}
	return plain
}

// checkJSON requires jsonValue to write what encoding/json writes.
func checkJSON(t *testing.T, v any) {
	t.Helper()
	want, err := json.Marshal(v)
	if err != nil {
		return
	}
	if got := jsonValue(v); string(got) != string(want) {
		t.Fatalf("jsonValue(%#v) = %s, want %s", v, got, want)
	}
}

// proseAlphabet is text that plain prose is made of, and the text next to
// it that changes what the escapers do: list and heading starts, hard
// breaks, links, emphasis, HTML, entities, escapes, tabs, breaks,
// non-ASCII, control characters.
var proseAlphabet = []string{"a", "b", "Z", "w", "h", "www", "W", "0", "1", "12", " ", " ", "  ", ",", ";", "?", "'", "\"", "(", ")", ".",
	"_", "-", "__", "a_b", "_a", "--", "www.", "Www.x", "http", "://", "x.co", "@", "mailto:", ":", "_", "*", "**", "`", "~", "#", ">", "<", "&", "&amp;",
	"[", "]", "](", "!", "|", "\\", "{", "}", "+", "=", "\t", "\n", "\n\n", "\r", "\u00e9", "\u2028", "\x00", "\xff", "1.", "1)", "- ", "# "}

func randomProse(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(10) {
		if r.IntN(3) > 0 {
			b.WriteString(proseAlphabet[r.IntN(25)]) // mostly the plain part
		} else {
			b.WriteString(proseAlphabet[r.IntN(len(proseAlphabet))])
		}
	}
	return b.String()
}

// TestPlainProseUnchanged holds the escapers' shortcuts to the full
// rewriting on random text near plain prose and on every text of the
// golden specs, the flagship spec and a synthetic catalog, and jsonValue
// to encoding/json.
func TestPlainProseUnchanged(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	plain := 0
	for range 30000 {
		s := randomProse(r)
		if checkPlainProse(t, s) {
			plain++
		}
		checkJSON(t, s)
	}
	if plain < 3000 {
		t.Errorf("only %d of 30000 random texts are plain prose: the test compares too little", plain)
	}
	for _, v := range []any{int64(-3), int64(1 << 60), 7, true, false, 1.5, 1e21, 1e-7, math.Copysign(0, -1), []any{"a", int64(1)}, "<a>&b", "\u2028", "é", "\x7f", ""} {
		checkJSON(t, v)
	}
	paths, _ := filepath.Glob(filepath.Join(testutil.Root(), "golden", "*", "errors.yaml"))
	paths = append(paths, filepath.Join(testutil.Root(), "spec", "errors.yaml"))
	var specs []*model.Spec
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s, err := spec.Parse("errors.yaml", data)
		if err != nil {
			continue // the hostile specs that do not load
		}
		specs = append(specs, s)
	}
	synth, err := spec.Parse("errors.yaml", testutil.SynthSpec(200))
	if err != nil {
		t.Fatal(err)
	}
	specs = append(specs, synth)
	texts := 0
	for _, s := range specs {
		for _, e := range s.AllErrors() {
			for _, text := range []string{e.Title, e.Description, e.Message.Display, e.Message.Example, e.StatusText, e.Deprecated, e.Since,
				e.Solution, e.Code, e.DocURL} {
				checkPlainProse(t, text)
				checkJSON(t, text)
				texts++
			}
			for _, c := range e.Causes {
				checkPlainProse(t, c)
			}
			for _, p := range e.Params {
				checkPlainProse(t, p.Description)
				checkJSON(t, p.Example)
			}
		}
	}
	t.Logf("%d random texts plain prose, %d spec texts compared", plain, texts)
}

// FuzzPlainProse explores the shortcuts: `go test -fuzz FuzzPlainProse
// ./internal/docs`.
func FuzzPlainProse(f *testing.F) {
	for _, s := range []string{"Thing 1 failed.", "1. first", "see www.example.com", "a  b", "Error number 12", "x-y", "- a", "12)", "a (b) c", "Use error_number_3.", "a_b_c", "_a_", "1_2."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPlainProse(t, s)
		checkJSON(t, s)
	})
}

// TestASCIIAnchors holds the ASCII shortcuts of headingAnchor and
// headingText to the Unicode path on random ASCII text.
func TestASCIIAnchors(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = byte(r.IntN(0x80))
		}
		s := string(b)
		got, ok := asciiAnchor(s)
		if want := unicodeAnchor(s); !ok || got != want {
			t.Fatalf("asciiAnchor(%q) = %q, %t; want %q", s, got, ok, want)
		}
		slow := strings.Map(func(r rune) rune {
			if r < ' ' || r == 0x7f {
				return -1
			}
			return r
		}, strings.ReplaceAll(s, "\t", "    "))
		if got := headingText(s); got != slow {
			t.Fatalf("headingText(%q) = %q, want %q", s, got, slow)
		}
	}
}

// tidyLines is tidy as it was first written, line by line on a string:
// the oracle of the byte-slice version.
func tidyLines(page []byte) []byte {
	var out bytes.Buffer
	fence := ""
	blank := true
	for line := range strings.SplitSeq(string(page), "\n") {
		if fence == "" {
			line = strings.TrimRight(line, " \t")
		}
		if f := fenceOf(line); f != "" {
			if fence == "" {
				fence = f
			} else if f[0] == fence[0] && len(f) >= len(fence) && strings.TrimSpace(line) == f {
				fence = ""
			}
		} else if fence == "" && line == "" {
			if blank {
				continue
			}
			blank = true
			out.WriteByte('\n')
			continue
		}
		blank = false
		out.WriteString(line)
		out.WriteByte('\n')
	}
	b := bytes.TrimRight(out.Bytes(), "\n")
	return append(b, '\n')
}

// TestTidyMatchesLines compares tidy with tidyLines on random pages of
// fences, blank lines, trailing blanks and text, and codeSpan's shortcut
// with the full path.
func TestTidyMatchesLines(t *testing.T) {
	parts := []string{"\n", "\n\n", "\n\n\n", " ", "\t", "  \n", "text", "```", "```go", "~~~", "````", "   ```", "    ```", "` x `", "a", "#", "\r"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		page := []byte(b.String())
		if got, want := tidy(page), tidyLines(page); !bytes.Equal(got, want) {
			t.Fatalf("tidy(%q) = %q, want %q", page, got, want)
		}
	}
	for range 20000 {
		s := randomProse(r)
		if got, want := codeSpan(s), codeSpanFull(s); got != want {
			t.Fatalf("codeSpan(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestDirectLoopsReplaced: the loops directPage stands for are in the
// embedded page templates, so that the pages do not make a template call
// per error.
func TestDirectLoopsReplaced(t *testing.T) {
	names, err := embeddedNames()
	if err != nil {
		t.Fatal(err)
	}
	replaced := 0
	for _, n := range names {
		src, err := fs.ReadFile(templates.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		if d := directPage(src); !bytes.Equal(d, src) {
			replaced++
			if bytes.Contains(d, []byte(`template "error.tmpl"`)) {
				t.Errorf("%s still calls error.tmpl after directPage", n)
			}
		}
	}
	if replaced < 2 {
		t.Errorf("directPage replaced loops in %d page templates, want the single and per-group pages", replaced)
	}
}

// checkIndent requires indentJSON to write what json.Indent writes
// whenever it writes anything, and to leave dst alone otherwise.
func checkIndent(t *testing.T, src []byte) bool {
	t.Helper()
	var got, want bytes.Buffer
	got.WriteString("x")
	ok := indentJSON(&got, src)
	err := json.Indent(&want, src, "", "  ")
	switch {
	case !ok && got.String() != "x":
		t.Fatalf("indentJSON(%q) failed but wrote %q", src, got.String())
	case ok && err != nil:
		t.Fatalf("indentJSON(%q) = %q, but json.Indent refuses it: %v", src, got.String()[1:], err)
	case ok && got.String()[1:] != want.String():
		t.Fatalf("indentJSON(%q) = %q, json.Indent %q", src, got.String()[1:], want.String())
	}
	return ok
}

// randomJSON is a random JSON value of strings (escapes, HTML, non-ASCII,
// invalid UTF-8), numbers, booleans, null, lists and objects, empty ones
// included.
func randomJSON(r *rand.Rand, depth int) any {
	switch n := r.IntN(8); {
	case n == 0 && depth < 4:
		l := make([]any, r.IntN(4))
		for i := range l {
			l[i] = randomJSON(r, depth+1)
		}
		return l
	case n == 1 && depth < 4:
		m := map[string]any{}
		for range r.IntN(4) {
			m[randomProse(r)] = randomJSON(r, depth+1)
		}
		return m
	case n == 2:
		return []float64{0, -1, 1.5, 1e21, 1e-7, -2.5e-300, 123456789}[r.IntN(7)]
	case n == 3:
		return r.IntN(3) == 0
	case n == 4:
		return nil
	}
	return randomProse(r)
}

// TestIndentJSON holds indentJSON to json.Indent on random values as
// encoding/json writes them, and on broken and spaced-out JSON.
func TestIndentJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	written := 0
	for range 20000 {
		src, err := json.Marshal(randomJSON(r, 0))
		if err != nil {
			t.Fatal(err)
		}
		if checkIndent(t, src) {
			written++
		}
		// The same bytes cut, doubled, spaced and with a byte changed.
		checkIndent(t, src[:r.IntN(len(src)+1)])
		checkIndent(t, append(append([]byte{}, src...), src...))
		checkIndent(t, append([]byte(" "), src...))
		b := append([]byte{}, src...)
		const junk = "{}[]:,\"\\ 0-.eE+tfnu\x01\xff"
		b[r.IntN(len(b))] = junk[r.IntN(len(junk))]
		checkIndent(t, b)
	}
	if written != 20000 {
		t.Errorf("indentJSON wrote %d of 20000 values encoding/json wrote", written)
	}
}

// FuzzIndentJSON: `go test -fuzz FuzzIndentJSON ./internal/docs`.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{}],"b":{"c":"\u00e9\n"}}`, `[]`, `{}`, `-0.5e+3`, `"x"`, `{"a":1,}`, `[01]`, `tru`, ` {}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkIndent(t, src)
	})
}
