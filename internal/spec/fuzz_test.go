package spec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testutil"
)

// FuzzParse feeds the loader arbitrary bytes: it must return a valid
// model or positioned problems, never panic or hang. The seed corpus is
// every spec in the repository plus the invalid cases.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(testutil.Root(), "golden", "*", "errors.yaml"))
	seeds = append(seeds, filepath.Join(testutil.Root(), "spec", "errors.yaml"))
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	cases, _ := filepath.Glob("testdata/problems/*.txtar")
	for _, p := range cases {
		data, _ := os.ReadFile(p)
		if _, body, ok := strings.Cut(string(data), "-- errors.yaml --\n"); ok {
			src, _, _ := strings.Cut(body, "-- want --")
			f.Add([]byte(src))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("errors.yaml", data)
		if err == nil {
			if s == nil || s.Internal == nil {
				t.Fatal("valid spec without a model or an internal error")
			}
			return
		}
		ps, ok := err.(Problems)
		if !ok || len(ps) == 0 {
			t.Fatalf("error is not positioned problems: %T %v", err, err)
		}
		for _, p := range ps {
			if p.Pos.File != "errors.yaml" || p.Msg == "" {
				t.Fatalf("problem without position or message: %+v", p)
			}
		}
	})
}

// FuzzTemplate checks the message template parser: it never panics, and
// what it accepts round-trips (re-escaping the literal parts and writing
// placeholders back gives a template that parses to the same parts).
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{"", "plain", "{a} and {b}", "{{x}}", "{", "}", "{}", "{a", "a}", "{{{a}}}", "{ a }", "é{ü}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parts, err := parseTemplate(s)
		if err != nil {
			return
		}
		var b strings.Builder
		for _, p := range parts {
			if p.param != "" {
				b.WriteString("{" + p.param + "}")
				continue
			}
			b.WriteString(strings.NewReplacer("{", "{{", "}", "}}").Replace(p.literal))
		}
		again, err := parseTemplate(b.String())
		if err != nil {
			t.Fatalf("re-escaped template %q does not parse: %v", b.String(), err)
		}
		if len(again) != len(parts) {
			t.Fatalf("round trip of %q changed the parts: %v vs %v", s, parts, again)
		}
		for i := range parts {
			if parts[i] != again[i] {
				t.Fatalf("round trip of %q changed part %d: %v vs %v", s, i, parts[i], again[i])
			}
		}
	})
}
