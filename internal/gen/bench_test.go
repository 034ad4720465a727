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

// TestBenchPackageUpToDate keeps testdata/bench's generated files equal
// to what the renderer makes today (-update rewrites them), so `make
// bench-gen` measures the current output.
func TestBenchPackageUpToDate(t *testing.T) {
	s, err := spec.Load("../../"+benchSource, benchSource)
	if err != nil {
		t.Fatal(err)
	}
	code, err := Go(s)
	if err != nil {
		t.Fatal(err)
	}
	upToDate(t, "testdata/bench/errors_gen.go", code)
	upToDate(t, "testdata/bench/"+RuntimeFile, Runtime(s))
}

// TestRuntimeCatalogUpToDate keeps runtime/catalog_gen.go, the catalog
// the runtime package compiles and is tested with, equal to what the
// renderer makes of runtime/testdata/errors.yaml (-update rewrites it).
func TestRuntimeCatalogUpToDate(t *testing.T) {
	const source = "internal/gen/runtime/testdata/errors.yaml"
	s, err := spec.Load("../../"+source, source)
	if err != nil {
		t.Fatal(err)
	}
	code, err := Go(s)
	if err != nil {
		t.Fatal(err)
	}
	upToDate(t, "runtime/catalog_gen.go", code)
}

// upToDate compares a committed generated file with want, rewriting it
// first under -update.
func upToDate(t *testing.T, path string, want []byte) {
	t.Helper()
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
		t.Errorf("%s is stale; run go test ./internal/gen -run UpToDate -update", path)
	}
}
