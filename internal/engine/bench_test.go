package engine

import (
	"fmt"
	"go/format"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/docs"
	"github.com/errgen/errgen/internal/gen"
	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/spec"
)

// synthSpec makes a spec of n errors in g groups that uses every feature
// a real catalog does: params of each type, variants, details, retries,
// aliases, deprecations and operations.
func synthSpec(n int) []byte {
	var b strings.Builder
	b.WriteString("errgen: 1\napi:\n  name: Synthetic API\n  docs_url: https://docs.example.com/errors\n")
	b.WriteString("go:\n  package: synth\noutputs:\n  go: errors_gen.go\n  openapi: openapi.yaml\n  docs: errors.md\ngroups:\n")
	groups := max(1, n/50)
	for g := range groups {
		fmt.Fprintf(&b, "  - id: group%d\n    title: Group %d\n    description: Errors of area %d.\n", g, g, g)
	}
	b.WriteString("errors:\n")
	statuses := []int{400, 401, 403, 404, 409, 422, 429, 500, 503}
	for i := range n {
		st := statuses[i%len(statuses)]
		fmt.Fprintf(&b, "  - code: error_number_%d\n    status: %d\n    group: group%d\n", i, st, i%groups)
		fmt.Fprintf(&b, "    title: Error number %d\n    description: Error %d happens when the request is wrong in way %d.\n", i, i, i)
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "    message: Thing %d failed.\n    causes: [First cause, Second cause]\n    solution: Fix it.\n", i)
		case 1:
			b.WriteString("    message: \"{field} is invalid: {reason} (limit {limit})\"\n")
			b.WriteString("    params:\n      - {name: field, type: string}\n      - {name: reason, type: string}\n      - {name: limit, type: int}\n")
			b.WriteString("    example: {field: name, reason: too long, limit: 64}\n    details: true\n")
			b.WriteString("    variants:\n      - {name: missing, message: \"{field} is required\"}\n")
		case 2:
			fmt.Fprintf(&b, "    message: \"Used {ratio} of quota {n}\"\n    params:\n      - {name: ratio, type: float64}\n      - {name: n, type: int64}\n")
			fmt.Fprintf(&b, "    retry_after: %d\n    aliases: [legacy_alias_%d]\n", 1+i%120, i)
		case 3:
			fmt.Fprintf(&b, "    message: \"Flag is {on}\"\n    params: [{name: on, type: bool}]\n    deprecated: Use error_number_%d.\n", i-1)
			fmt.Fprintf(&b, "    operations: [op%d, op%d]\n", i%20, (i+7)%20)
		}
	}
	return []byte(b.String())
}

func loadSynth(b *testing.B, n int) *model.Spec {
	b.Helper()
	s, err := spec.Parse("errors.yaml", synthSpec(n))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// renderAllOutputs is errgen generate in memory: load, then every renderer.
func renderAllOutputs(src []byte) (goSrc []byte, err error) {
	s, err := spec.Parse("errors.yaml", src)
	if err != nil {
		return nil, err
	}
	if goSrc, err = gen.Go(s); err != nil {
		return nil, err
	}
	if _, err = openapi.Fragment(s); err != nil {
		return nil, err
	}
	_, err = docs.Render(s, nil)
	return goSrc, err
}

// BenchmarkGenerate measures all of errgen generate (in memory) for
// catalogs of 100, 1,000 and 10,000 errors, beside its floor: gofmt of the
// Go file errgen produces (go/format.Source, what gofmt runs).
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		src := synthSpec(n)
		goSrc, err := renderAllOutputs(src)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("errors=%d/errgen", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := renderAllOutputs(src); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/error")
		})
		b.Run(fmt.Sprintf("errors=%d/gofmt", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := format.Source(goSrc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/error")
		})
	}
}

// BenchmarkStages splits generation of 10,000 errors by stage.
func BenchmarkStages(b *testing.B) {
	const n = 10000
	src := synthSpec(n)
	s := loadSynth(b, n)
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := spec.Parse("errors.yaml", src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("go", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := gen.Go(s); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("openapi", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := openapi.Fragment(s); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("docs", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := docs.Render(s, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestSynthSpecIsValid keeps the benchmark input honest: it loads, and
// renders, at every size measured.
func TestSynthSpecIsValid(t *testing.T) {
	for _, n := range []int{1, 100} {
		if _, err := renderAllOutputs(synthSpec(n)); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
	}
}
