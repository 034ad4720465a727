package gen

import (
	"bytes"
	"os"
	"testing"

	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// benchSource is the spec the committed benchmark package is generated
// from; testdata/bench holds its output beside hand-written baselines.
const benchSource = "golden/basic/errors.yaml"

// TestBenchPackageUpToDate keeps testdata/bench/errors_gen.go equal to
// what the renderer makes today (-update rewrites it), so `make
// bench-gen` measures the current output.
func TestBenchPackageUpToDate(t *testing.T) {
	s, err := spec.Load("../../"+benchSource, benchSource)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Go(s)
	if err != nil {
		t.Fatal(err)
	}
	const path = "testdata/bench/errors_gen.go"
	if *testutil.Update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; run go test ./internal/gen -run TestBenchPackageUpToDate -update", path)
	}
}
