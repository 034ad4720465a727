package docs

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// checkDirectMatchesTemplates renders s's pages twice, with the Go
// writers of direct.go and with the embedded templates they stand for,
// and requires the same files, byte for byte.
func checkDirectMatchesTemplates(t *testing.T, name string, s *model.Spec, overrides fs.FS) {
	t.Helper()
	direct, err := render(s, overrides, true)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	tmpl, err := render(s, overrides, false)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(direct) != len(tmpl) {
		t.Fatalf("%s: %d pages written directly, %d by the templates", name, len(direct), len(tmpl))
	}
	for i := range direct {
		d, p := direct[i], tmpl[i]
		if d.Path != p.Path || !bytes.Equal(d.Data, p.Data) {
			t.Fatalf("%s: %s written directly differs from %s written by the templates:\n%s", name, d.Path, p.Path, firstDiff(d.Data, p.Data))
		}
	}
}

// firstDiff shows where two pages part.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return "direct:    …" + string(a[from:min(len(a), i+200)]) + "\ntemplates: …" + string(b[from:min(len(b), i+200)])
}

// TestDirectWritersMatchTemplates: error.tmpl and overview.tmpl, written
// in Go, write exactly what the templates write, on every golden case
// (with its overrides), the flagship spec, every hostile string in every
// layout and front matter style, and a synthetic catalog in each layout.
func TestDirectWritersMatchTemplates(t *testing.T) {
	for _, dir := range testutil.GoldenCases() {
		s := loadCase(t, dir)
		if s.Outputs.Docs == "" {
			s.Outputs.Docs = "errors.md"
		}
		checkDirectMatchesTemplates(t, filepath.Base(dir), s, overridesOf(dir, s))
	}
	flagship, err := spec.Load(filepath.Join(testutil.Root(), "spec", "errors.yaml"), "spec/errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	checkDirectMatchesTemplates(t, "flagship", flagship, nil)
	layouts := []model.Layout{model.LayoutSingle, model.LayoutPerGroup, model.LayoutPerError}
	styles := []model.FrontMatterStyle{model.FrontMatterNone, model.FrontMatterReadme, model.FrontMatterDocusaurus}
	for _, h := range hostile {
		for _, l := range layouts {
			for _, fm := range styles {
				checkDirectMatchesTemplates(t, "hostile "+h, hostileSpec(t, h, l, fm), nil)
				checkDirectMatchesTemplates(t, "hostile format "+h, hostileFormatSpec(t, h, l, fm), nil)
			}
		}
	}
	for _, l := range layouts {
		for _, fm := range styles {
			s, err := spec.Parse("errors.yaml", testutil.SynthSpec(120))
			if err != nil {
				t.Fatal(err)
			}
			s.Docs.Layout, s.Docs.FrontMatter = l, fm
			if l != model.LayoutSingle {
				s.Outputs.Docs = "reference"
			}
			checkDirectMatchesTemplates(t, "synthetic "+string(l)+" "+string(fm), s, nil)
		}
	}
}
