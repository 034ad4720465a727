// Package golden holds one directory per end-to-end case: a spec
// (errors.yaml) and every output errgen generates from it. This test
// regenerates each case in memory and compares every file byte for byte;
// `go test ./golden -update` (or ./... -update) rewrites them.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
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

// TestDeterministic renders every case twice and requires identical bytes.
func TestDeterministic(t *testing.T) {
	for _, dir := range testutil.GoldenCases() {
		opts := engine.Options{SpecPath: filepath.Join(dir, "errors.yaml")}
		a, err := engine.Render(opts)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		b, err := engine.Render(opts)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for i := range a.Outputs {
			if !bytes.Equal(a.Outputs[i].Data, b.Outputs[i].Data) {
				t.Errorf("%s: two renders differ", a.Outputs[i].Name)
			}
		}
	}
}
