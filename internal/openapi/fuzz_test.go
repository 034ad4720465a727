package openapi

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/testutil"
)

// FuzzMerge feeds Merge arbitrary documents: it must never panic, and
// whenever it succeeds its output must be valid and a fixed point (merging
// again changes nothing). `go test` runs the seeds; `go test -fuzz
// FuzzMerge ./internal/openapi` explores.
func FuzzMerge(f *testing.F) {
	dir := filepath.Join(testutil.Root(), "golden", "openapi-merge")
	for _, name := range []string{"api.orig.yaml", "api.yaml"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	json, err := os.ReadFile(filepath.Join("testdata", "api.orig.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(json)
	f.Add([]byte(conflictDoc))
	f.Add([]byte(`{"openapi": "3.0.3", "info": {"title": "\ud83d\ude00 \udc00", "version": "1"}, "paths": {"/a": {"get": {"operationId": "getLivestream", "responses": {}}}}}`))
	f.Add([]byte("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get: {operationId: getLivestream, responses: {'404': {description: x}}}\n"))
	s := loadCase(f, dir)
	f.Fuzz(func(t *testing.T, doc []byte) {
		out, _, err := Merge(s, "api.yaml", doc)
		if err != nil {
			return
		}
		again, _, err := Merge(s, "api.yaml", out)
		if err != nil {
			t.Fatalf("merging the merged document fails: %v\n%s", err, out)
		}
		if !bytes.Equal(out, again) {
			t.Fatalf("not a fixed point:\n%s\n---\n%s", out, again)
		}
	})
}
