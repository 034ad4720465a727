package openapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// benchSpec is the benchmarks' synthetic catalog of n errors.
func benchSpec(b testing.TB, n int) *model.Spec {
	b.Helper()
	s, err := spec.Parse("errors.yaml", testutil.SynthSpec(n))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkFragment renders the fragment of catalogs of 100, 1,000 and
// 10,000 errors, validation included.
func BenchmarkFragment(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		s := benchSpec(b, n)
		b.Run(fmt.Sprintf("errors=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Fragment(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMerge merges catalogs of 100, 1,000 and 10,000 errors into a
// small team document whose operations the catalog names, validation
// included.
func BenchmarkMerge(b *testing.B) {
	var doc strings.Builder
	doc.WriteString("openapi: 3.0.3\ninfo:\n  title: T\n  version: \"1\"\npaths:\n")
	for i := range 20 {
		fmt.Fprintf(&doc, "  /p%d:\n    get:\n      operationId: op%d\n      responses:\n        \"200\":\n          description: OK\n", i, i)
	}
	for _, n := range []int{100, 1000, 10000} {
		s := benchSpec(b, n)
		b.Run(fmt.Sprintf("errors=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Merge(s, "api.yaml", []byte(doc.String())); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
