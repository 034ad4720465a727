package diff_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/cli"
	"github.com/errgen/errgen/internal/diff"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// changedSynth is testutil.SynthSpec(n) with every tenth error changed,
// n/10 changes in all, in turn: its status, its message, its code (a
// rename), the error removed, its retry_after set or changed.
func changedSynth(n int) []byte {
	src := string(testutil.SynthSpec(n))
	head, rest, _ := strings.Cut(src, "\n  - code: ")
	blocks := strings.Split(rest, "\n  - code: ")
	status := regexp.MustCompile(`(?m)^    status: (\d+)$`)
	message := regexp.MustCompile(`(?m)^    message: (.*)$`)
	retry := regexp.MustCompile(`(?m)^    retry_after: \d+$`)
	var b strings.Builder
	b.WriteString(head)
	for i, blk := range blocks {
		if i%10 == 0 {
			switch (i / 10) % 5 {
			case 0:
				blk = status.ReplaceAllStringFunc(blk, func(s string) string {
					if strings.HasSuffix(s, " 400") {
						return "    status: 404"
					}
					return "    status: 400"
				})
			case 1:
				blk = message.ReplaceAllStringFunc(blk, func(s string) string {
					if strings.HasSuffix(s, `"`) {
						return strings.TrimSuffix(s, `"`) + ` (changed)"`
					}
					return s + " (changed)"
				})
			case 2:
				blk = "renamed_" + blk
			case 3:
				continue
			case 4:
				if retry.MatchString(blk) {
					blk = retry.ReplaceAllString(blk, "    retry_after: 999")
				} else {
					blk += "\n    retry_after: 7"
				}
			}
		}
		b.WriteString("\n  - code: " + blk)
	}
	return []byte(b.String())
}

// synthVersions writes a project with the changed catalog as its spec
// (errors.yaml, every output generated, so that check finds no drift)
// and the original beside it (base.yaml); it returns both paths.
func synthVersions(tb testing.TB, n int) (specPath, basePath string) {
	tb.Helper()
	dir := tb.TempDir()
	specPath, basePath = filepath.Join(dir, "errors.yaml"), filepath.Join(dir, "base.yaml")
	for name, data := range map[string][]byte{
		"go.mod":      []byte("module synth\n"),
		"base.yaml":   testutil.SynthSpec(n),
		"errors.yaml": changedSynth(n),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	if code := cli.Main([]string{"generate", "-q", "-spec", specPath}, nil, io.Discard, io.Discard); code != cli.ExitOK {
		tb.Fatalf("generate exits %d", code)
	}
	return specPath, basePath
}

// BenchmarkDiffVersusCheck runs errgen diff and errgen check, in-process
// as the command runs them, on a catalog of 10,000 errors with 1,000
// changes: diff reads and validates both versions and compares them;
// check renders every output of the new version and compares them with
// the files. diff is the cheaper, so a CI job can run both.
func BenchmarkDiffVersusCheck(b *testing.B) {
	const n = 10000
	specPath, basePath := synthVersions(b, n)
	b.Run(fmt.Sprintf("errors=%d/diff", n), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if code := cli.Main([]string{"diff", "-base", basePath, "-spec", specPath, "-date", "2026-01-15"}, nil, io.Discard, io.Discard); code != cli.ExitInput {
				b.Fatalf("diff exits %d, want %d (breaking changes)", code, cli.ExitInput)
			}
		}
	})
	b.Run(fmt.Sprintf("errors=%d/check", n), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if code := cli.Main([]string{"check", "-spec", specPath}, nil, io.Discard, io.Discard); code != cli.ExitOK {
				b.Fatalf("check exits %d", code)
			}
		}
	})
}

// BenchmarkCompare measures the comparison alone, both versions loaded.
func BenchmarkCompare(b *testing.B) {
	const n = 10000
	base, err := spec.Parse("base.yaml", testutil.SynthSpec(n))
	if err != nil {
		b.Fatal(err)
	}
	head, err := spec.Parse("errors.yaml", changedSynth(n))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		diff.Compare(base, head, diff.Options{Date: "2026-01-15"})
	}
}

// TestChangedSynth keeps the benchmark honest: the changed catalog loads,
// and each of its changes is reported by the rule meant for it.
func TestChangedSynth(t *testing.T) {
	const n = 1000
	base, err := spec.Parse("base.yaml", testutil.SynthSpec(n))
	if err != nil {
		t.Fatal(err)
	}
	head, err := spec.Parse("errors.yaml", changedSynth(n))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, ch := range diff.Compare(base, head, diff.Options{Date: "2026-01-15"}) {
		count[ch.Rule]++
	}
	for rule, want := range map[string]int{
		"status-changed":  n / 50,
		"message-changed": n / 50,
	} {
		if count[rule] != want {
			t.Errorf("%s: %d changes, want %d (all: %v)", rule, count[rule], want, count)
		}
	}
	// Renames among errors that share their status and messages are not
	// guessed: each is a removal (and an addition) instead.
	if got := count["code-renamed"] + count["code-removed"]; got != 2*n/50 {
		t.Errorf("renamed or removed: %d changes, want %d (all: %v)", got, 2*n/50, count)
	}
	if got := count["retry-after-added"] + count["retry-after-changed"]; got != n/50 {
		t.Errorf("retry_after: %d changes, want %d (all: %v)", got, n/50, count)
	}
}
