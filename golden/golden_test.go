// Package golden holds one directory per end-to-end case: a spec
// (errors.yaml) and every output errgen generates from it. This test
// regenerates each case in memory and compares every file byte for byte;
// `go test ./golden -update` (or ./... -update) rewrites them.
package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/errgen/errgen/internal/engine"
	"github.com/errgen/errgen/internal/testutil"
)

func TestGolden(t *testing.T) {
	cases := testutil.GoldenCases()
	if len(cases) == 0 {
		t.Fatal("no golden cases found")
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r, err := engine.Render(engine.Options{SpecPath: filepath.Join(dir, "errors.yaml")})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Outputs) == 0 {
				t.Fatal("case configures no outputs")
			}
			if *testutil.Update {
				if _, err := engine.Write(engine.OS, r); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, o := range r.Outputs {
				want, err := os.ReadFile(o.Path)
				if err != nil {
					t.Errorf("%s: %v (run go test ./golden -update)", o.Name, err)
					continue
				}
				if !bytes.Equal(o.Data, want) {
					t.Errorf("%s differs from the golden file (run go test ./golden -update and review git diff)", o.Name)
				}
			}
			for _, o := range r.Stale {
				t.Errorf("%s is generated but no longer produced", o.Name)
			}
		})
	}
}

// TestDeterministic renders every case again and again, at GOMAXPROCS 1
// to 8, and from a copy of the repository at another path (as another
// machine would check it out), and requires identical bytes every time.
func TestDeterministic(t *testing.T) {
	elsewhere := t.TempDir()
	if err := os.WriteFile(filepath.Join(elsewhere, "go.mod"), []byte("module elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range testutil.GoldenCases() {
		want, err := engine.Render(engine.Options{SpecPath: filepath.Join(dir, "errors.yaml")})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		same := func(how string, got *engine.Result) {
			t.Helper()
			if len(got.Outputs) != len(want.Outputs) {
				t.Fatalf("%s, %s: %d outputs, want %d", dir, how, len(got.Outputs), len(want.Outputs))
			}
			for i := range want.Outputs {
				if !bytes.Equal(got.Outputs[i].Data, want.Outputs[i].Data) {
					t.Errorf("%s, %s: differs", want.Outputs[i].Name, how)
				}
				if bytes.Contains(got.Outputs[i].Data, []byte(testutil.Root())) {
					t.Errorf("%s: holds the absolute path of the repository", want.Outputs[i].Name)
				}
			}
		}
		for run := range 8 {
			procs := 1 + run
			prev := runtime.GOMAXPROCS(procs)
			got, err := engine.Render(engine.Options{SpecPath: filepath.Join(dir, "errors.yaml")})
			runtime.GOMAXPROCS(prev)
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			same(fmt.Sprintf("GOMAXPROCS=%d", procs), got)
		}
		copyDir := filepath.Join(elsewhere, "golden", filepath.Base(dir))
		if err := os.CopyFS(copyDir, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		got, err := engine.Render(engine.Options{SpecPath: filepath.Join(copyDir, "errors.yaml")})
		if err != nil {
			t.Fatalf("%s: %v", copyDir, err)
		}
		same("rendered at "+copyDir, got)
	}
}
