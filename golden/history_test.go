package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/cli"
	"github.com/errgen/errgen/internal/testutil"
)

// TestHistory runs errgen diff and errgen changelog on each step of
// history/ (README.md there), from each version to the next, and compares
// what they print with the step's diff.txt and changelog.md. Every step
// must pass errgen diff: the history is that of a catalog that evolves
// without breaking its clients (the one breaking fix is accepted with
// -ignore).
func TestHistory(t *testing.T) {
	for n := 2; ; n++ {
		dir := filepath.Join("history", fmt.Sprintf("v%d", n))
		if _, err := os.Stat(dir); err != nil {
			if n < 6 {
				t.Fatalf("history has %d versions, want at least 5 steps", n-1)
			}
			return
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			args, err := os.ReadFile(filepath.Join(dir, "diff.args"))
			if err != nil {
				t.Fatal(err)
			}
			prev := filepath.Join("history", fmt.Sprintf("v%d", n-1), "errors.yaml")
			versions := []string{"-base", filepath.ToSlash(prev), "-spec", filepath.ToSlash(filepath.Join(dir, "errors.yaml"))}
			flags := strings.Fields(string(args))

			var out, errOut bytes.Buffer
			code := cli.Main(append(append([]string{"diff"}, versions...), flags...), nil, &out, &errOut)
			if code != cli.ExitOK {
				t.Errorf("errgen diff exits %d:\n%s%s", code, out.String(), errOut.String())
			}
			fmt.Fprintf(&out, "exit: %d\n", code)
			compare(t, filepath.Join(dir, "diff.txt"), out.Bytes())

			out.Reset()
			version := strings.TrimPrefix(firstLine(t, filepath.Join(dir, "errors.yaml")), "# Version ")
			version, _, _ = strings.Cut(version, " ")
			date := flagValue(flags, "-date")
			clArgs := append(append([]string{"changelog"}, versions...), "-date", date, "-heading", fmt.Sprintf("## [%s] - %s", version, date))
			if code := cli.Main(clArgs, nil, &out, &errOut); code != cli.ExitOK {
				t.Fatalf("errgen changelog exits %d: %s", code, errOut.String())
			}
			compare(t, filepath.Join(dir, "changelog.md"), out.Bytes())
		})
	}
}

// compare checks got against a golden file, or rewrites it with -update.
func compare(t *testing.T, file string, got []byte) {
	t.Helper()
	if *testutil.Update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./golden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test ./golden -update and review git diff)\ngot:\n%s\nwant:\n%s", file, got, want)
	}
}

func firstLine(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	line, _, _ := strings.Cut(string(data), "\n")
	return line
}

func flagValue(flags []string, name string) string {
	for i, f := range flags {
		if f == name && i+1 < len(flags) {
			return flags[i+1]
		}
	}
	return ""
}
