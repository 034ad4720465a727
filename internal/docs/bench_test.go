package docs

import (
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// BenchmarkRender renders the basic golden case's single page. Its
// baseline, BenchmarkLoadTemplates, is the part of each Render spent
// parsing the templates; the rest is building the data and executing.
func BenchmarkRender(b *testing.B) {
	s, err := spec.Load(filepath.Join(testutil.Root(), "golden", "basic", "errors.yaml"), "golden/basic/errors.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(s, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadTemplates(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadTemplates(nil, urlLinks, true); err != nil {
			b.Fatal(err)
		}
	}
}
