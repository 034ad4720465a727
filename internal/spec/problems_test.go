package spec

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/errgen/errgen/internal/testutil"
)

// TestProblems loads each testdata/problems/*.txtar spec and compares the
// problems reported, exactly, with its want section: every validation
// rule shows its message, line and column there. -update rewrites want.
func TestProblems(t *testing.T) {
	files, _ := filepath.Glob("testdata/problems/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src, want := section(ar, "errors.yaml"), section(ar, "want")
			if src == nil || want == nil {
				t.Fatal("case needs errors.yaml and want sections")
			}
			_, err = Parse("errors.yaml", src)
			if err == nil {
				t.Fatal("spec loaded without problems")
			}
			if _, ok := err.(Problems); !ok {
				t.Fatalf("error is %T, not Problems: %v", err, err)
			}
			got := []byte(err.Error() + "\n")
			if *testutil.Update {
				setSection(ar, "want", got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, want) {
				t.Errorf("problems differ\ngot:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func section(ar *txtar.Archive, name string) []byte {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

func setSection(ar *txtar.Archive, name string, data []byte) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = data
		}
	}
}
