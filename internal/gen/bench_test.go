package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// benchPackages are the committed benchmark packages, each the output
// for a golden spec beside hand-written baselines: golden/basic
// (problem+json), golden/wire_stripe (a nested body with attributes, data
// and optional params), golden/wire_auth (two formats, a Bearer
// challenge built per response) and golden/wire_request_id (the request
// id in the problem and a response header).
var benchPackages = []struct{ dir, source string }{
	{"testdata/bench", "golden/basic/errors.yaml"},
	{"testdata/benchstripe", "golden/wire_stripe/errors.yaml"},
	{"testdata/benchauth", "golden/wire_auth/errors.yaml"},
	{"testdata/benchreqid", "golden/wire_request_id/errors.yaml"},
}

// TestBenchPackageUpToDate keeps the benchmark packages' generated files
// equal to what the renderer makes today (-update rewrites them), so
// `make bench-gen` measures the current output.
func TestBenchPackageUpToDate(t *testing.T) {
	for _, bp := range benchPackages {
		s, err := spec.Load("../../"+bp.source, bp.source)
		if err != nil {
			t.Fatal(err)
		}
		code, err := Go(s)
		if err != nil {
			t.Fatal(err)
		}
		upToDate(t, bp.dir+"/errors_gen.go", code)
		upToDate(t, bp.dir+"/"+RuntimeFile, Runtime(s))
	}
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
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
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
