package engine

import (
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/docs"
	"github.com/errgen/errgen/internal/gen"
	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

func loadSynth(b *testing.B, n int) *model.Spec {
	b.Helper()
	s, err := spec.Parse("errors.yaml", testutil.SynthSpec(n))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// synthProject writes a synthetic spec of n errors into a fresh project
// directory and returns the spec's path.
func synthProject(b testing.TB, n int) string {
	b.Helper()
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module synth\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(dir, "errors.yaml")
	if err := os.WriteFile(p, testutil.SynthSpec(n), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// generate is errgen generate: load, render every output, write.
func generate(specPath string) (*Result, error) {
	r, err := Render(Options{SpecPath: specPath})
	if err != nil {
		return nil, err
	}
	_, err = Write(osFS{}, r)
	return r, err
}

// BenchmarkGenerate measures all of errgen generate (load, render every
// output, write the files) for catalogs of 100, 1,000 and 10,000 errors,
// beside its floor: gofmt of the Go file errgen produces
// (go/format.Source, what gofmt runs). The floor runs first, so each
// errgen run reports its ratio to it (x-gofmt, against the median of the
// floor's runs under -count).
func BenchmarkGenerate(b *testing.B) {
	if testing.Short() {
		b.Skip("generates catalogs of up to 10,000 errors")
	}
	for _, n := range []int{100, 1000, 10000} {
		specPath := synthProject(b, n)
		r, err := generate(specPath)
		if err != nil {
			b.Fatal(err)
		}
		goSrc := r.Outputs[0].Data
		var floor []float64
		b.Run(fmt.Sprintf("errors=%d/gofmt", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := format.Source(goSrc); err != nil {
					b.Fatal(err)
				}
			}
			floor = append(floor, float64(b.Elapsed().Nanoseconds())/float64(b.N))
			b.ReportMetric(floor[len(floor)-1]/float64(n), "ns/error")
		})
		b.Run(fmt.Sprintf("errors=%d/errgen", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := generate(specPath); err != nil {
					b.Fatal(err)
				}
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(ns/float64(n), "ns/error")
			if len(floor) > 0 {
				b.ReportMetric(ns/testutil.Median(floor), "x-gofmt")
			}
		})
	}
}

// BenchmarkStages splits generation of 10,000 errors by stage.
func BenchmarkStages(b *testing.B) {
	const n = 10000
	src := testutil.SynthSpec(n)
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
		if _, err := generate(synthProject(t, n)); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
	}
}

// BenchmarkScan measures the search for stale files (scanGenerated) in a
// project of 10,000 files in 500 directories: 6,000 Go files of 12 KiB,
// 2,000 Markdown pages, 1,000 YAML files and 1,000 files of other kinds,
// none of them generated from the spec. It is the cost every generate and
// check adds for a project of that size (with a warm file cache; it runs
// while the outputs render).
func BenchmarkScan(b *testing.B) {
	root := b.TempDir()
	goSrc := []byte("package p\n\n" + strings.Repeat("// A line of code, more or less.\n", 12<<10/33))
	md := []byte("# A page\n\n" + strings.Repeat("Some text of the page.\n", 100))
	n := 0
	for d := range 500 {
		dir := filepath.Join(root, fmt.Sprintf("pkg%d", d/20), fmt.Sprintf("sub%d", d))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for f := range 20 {
			name, data := fmt.Sprintf("file%d.go", f), goSrc
			switch {
			case f >= 18:
				name, data = fmt.Sprintf("data%d.bin", f), md
			case f >= 16:
				name, data = fmt.Sprintf("conf%d.yaml", f), md
			case f >= 12:
				name, data = fmt.Sprintf("page%d.md", f), md
			}
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if found := scanGenerated(root, "spec/errors.yaml", nil, nil); len(found) != 0 {
			b.Fatalf("found %v", found)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/file")
}
