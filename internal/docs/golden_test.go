package docs

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// loadCase loads golden/<name>/errors.yaml as the engine does: Source is
// the path from the repository root.
func loadCase(t *testing.T, dir string) *model.Spec {
	t.Helper()
	rel, err := filepath.Rel(testutil.Root(), dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(filepath.Join(dir, "errors.yaml"), filepath.ToSlash(filepath.Join(rel, "errors.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// renderCase renders a case's docs, with its docs.templates overrides.
func renderCase(t *testing.T, dir string) (*model.Spec, []model.File) {
	t.Helper()
	s := loadCase(t, dir)
	if s.Outputs.Docs == "" {
		return s, nil
	}
	files, err := Render(s, overridesOf(dir, s))
	if err != nil {
		t.Fatal(err)
	}
	return s, files
}

// overridesOf opens the case's docs.templates directory, as the engine
// does; nil when there is none.
func overridesOf(dir string, s *model.Spec) fs.FS {
	if s.Docs.Templates == "" {
		return nil
	}
	return os.DirFS(filepath.Join(dir, filepath.FromSlash(s.Docs.Templates)))
}

// TestGoldenDocs compares the pages of the docs-* golden cases with the
// files on disk (go test ./internal/docs -update rewrites them). The
// repository-wide golden test checks every case too; this one runs
// without the other renderers.
func TestGoldenDocs(t *testing.T) {
	for _, dir := range testutil.GoldenCases() {
		if !strings.HasPrefix(filepath.Base(dir), "docs-") {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			_, files := renderCase(t, dir)
			for _, f := range files {
				p := filepath.Join(dir, filepath.FromSlash(f.Path))
				if *testutil.Update {
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(p)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/docs -update)", err)
				}
				if !bytes.Equal(f.Data, want) {
					t.Errorf("%s differs from the golden file (run go test ./internal/docs -update and review git diff)", f.Path)
				}
			}
		})
	}
}

// TestLayoutPaths checks the file set of each layout.
func TestLayoutPaths(t *testing.T) {
	root := testutil.Root()
	cases := map[string][]string{
		"docs-single":    {"errors.md"},
		"docs-readme":    {"docs/errors.md"},
		"docs-per-group": {"reference/index.md", "reference/params.md", "reference/access.md", "reference/billing.md", "reference/ungrouped.md"},
		"docs-per-error": {"errors/index.md", "errors/bad_request.md", "errors/unauthenticated.md", "errors/payment-declined.md", "errors/card_declined.md", "errors/internal_error.md"},
	}
	for name, want := range cases {
		_, files := renderCase(t, filepath.Join(root, "golden", name))
		var got []string
		for _, f := range files {
			got = append(got, f.Path)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: pages %v, want %v", name, got, want)
		}
	}
}
