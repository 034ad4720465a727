package engine

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Symbolic links inside the project must not lead errgen out of it: every
// read, write, rename and removal goes through the project's os.Root.

const linkSpec = `errgen: 1
api: {name: Pay API}
go: {package: apierr}
outputs:
  go: ../internal/apierr/errors_gen.go
  docs: ../docs/errors
docs:
  layout: per_error
errors:
  - {code: not_found, status: 404, message: Not found}
`

func skipLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
}

// outsideDir returns a directory outside any project, holding files.
func outsideDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// escapeRefused checks that err is the project root refusing a path that
// leads out, as an input error.
func escapeRefused(t *testing.T, err error, name string) {
	t.Helper()
	var ie *InputError
	if err == nil || !errors.As(err, &ie) || !strings.Contains(err.Error(), name+": a symbolic link leads out of the project") {
		t.Fatalf("err = %v, want %s refused as leading out of the project", err, name)
	}
}

// TestSymlinkedDirOut: an output directory that is a symbolic link out of
// the project (absolute or relative) is refused by generate and check,
// even with -allow-outside (the output's path is inside the project);
// nothing is written there and the files there are not stale.
func TestSymlinkedDirOut(t *testing.T) {
	skipLinks(t)
	for _, abs := range []bool{true, false} {
		for _, allow := range []bool{false, true} {
			t.Run(fmt.Sprintf("abs=%v/allow-outside=%v", abs, allow), func(t *testing.T) {
				outside := outsideDir(t, map[string]string{
					"errors_gen.go": "// " + Marker + " from spec/errors.yaml. DO NOT EDIT.\n",
					"old_gen.go":    goHeader,
				})
				before := snapshot(t, outside)
				root := project(t, map[string]string{"spec/errors.yaml": linkSpec})
				os.MkdirAll(filepath.Join(root, "internal"), 0o755)
				target := outside
				if !abs {
					rel, err := filepath.Rel(filepath.Join(root, "internal"), outside)
					if err != nil {
						t.Fatal(err)
					}
					target = rel
				}
				if err := os.Symlink(target, filepath.Join(root, "internal", "apierr")); err != nil {
					t.Fatal(err)
				}
				t.Chdir(root)
				r, err := Render(Options{SpecPath: "spec/errors.yaml", AllowOutside: allow})
				if err != nil {
					t.Fatal(err)
				}
				for _, o := range r.Stale {
					t.Errorf("stale file found through a link out of the project: %s", o.Name)
				}
				_, err = Write(OS, r)
				escapeRefused(t, err, "internal/apierr/errors_gen.go")
				_, err = Check(OS, r)
				escapeRefused(t, err, "internal/apierr/errors_gen.go")
				if after := snapshot(t, outside); fmt.Sprint(after) != fmt.Sprint(before) {
					t.Errorf("files outside changed:\nbefore %v\nafter  %v", before, after)
				}
				if _, err := os.Stat(filepath.Join(root, "docs", "errors", "not_found.md")); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("another output was written although the run failed: %v", err)
				}
			})
		}
	}
}

// TestSymlinkedFileOut: an output file that is a symbolic link to a file
// outside the project, even one carrying errgen's marker, is neither read
// nor replaced; a stale file linked out is neither read nor deleted
// through the link.
func TestSymlinkedFileOut(t *testing.T) {
	skipLinks(t)
	marked := "// " + Marker + " from spec/errors.yaml. DO NOT EDIT.\n"
	outside := outsideDir(t, map[string]string{"errors_gen.go": marked, "old.md": mdHeader})
	before := snapshot(t, outside)
	root := project(t, map[string]string{"spec/errors.yaml": linkSpec})
	os.MkdirAll(filepath.Join(root, "internal", "apierr"), 0o755)
	if err := os.Symlink(filepath.Join(outside, "errors_gen.go"), filepath.Join(root, "internal", "apierr", "errors_gen.go")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	r, err := Render(Options{SpecPath: "spec/errors.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Write(OS, r)
	escapeRefused(t, err, "internal/apierr/errors_gen.go")

	// A stale file reached through a link: the link itself is never
	// found (the search skips links), and Write refuses to follow it.
	os.MkdirAll(filepath.Join(root, "docs"), 0o755)
	link := filepath.Join(root, "docs", "old.md")
	if err := os.Symlink(filepath.Join(outside, "old.md"), link); err != nil {
		t.Fatal(err)
	}
	r.Outputs = nil
	r.Stale = []Output{{Path: link, Name: "docs/old.md"}}
	_, err = Write(OS, r)
	escapeRefused(t, err, "docs/old.md")
	if _, err := os.Lstat(link); err != nil {
		t.Errorf("link removed: %v", err)
	}
	if after := snapshot(t, outside); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("files outside changed:\nbefore %v\nafter  %v", before, after)
	}
}

// swapFS swaps a directory for a symbolic link out of the project just
// before the first rename, as another process could while errgen writes.
type swapFS struct {
	FS
	dir, to string
	done    bool
}

func (s *swapFS) OpenRoot(dir string) (RootFS, error) {
	r, err := s.FS.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &swapRoot{RootFS: r, s: s}, nil
}

type swapRoot struct {
	RootFS
	s *swapFS
}

func (r *swapRoot) Rename(o, n string) error {
	if !r.s.done {
		r.s.done = true
		if err := os.RemoveAll(r.s.dir); err != nil {
			return err
		}
		if err := os.Symlink(r.s.to, r.s.dir); err != nil {
			return err
		}
	}
	return r.RootFS.Rename(o, n)
}

// TestSymlinkSwappedIn: a directory replaced by a symbolic link out of
// the project after errgen checked it — after rendering, or after the
// outputs are staged — still cannot lead a write out.
func TestSymlinkSwappedIn(t *testing.T) {
	skipLinks(t)
	marked := "// " + Marker + " from spec/errors.yaml. DO NOT EDIT.\n"
	t.Run("after render", func(t *testing.T) {
		outside := outsideDir(t, map[string]string{"errors_gen.go": marked})
		before := snapshot(t, outside)
		root := project(t, map[string]string{"spec/errors.yaml": linkSpec, "internal/apierr/errors_gen.go": marked})
		t.Chdir(root)
		r, err := Render(Options{SpecPath: "spec/errors.yaml"})
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(root, "internal", "apierr")
		os.RemoveAll(dir)
		if err := os.Symlink(outside, dir); err != nil {
			t.Fatal(err)
		}
		_, err = Write(OS, r)
		escapeRefused(t, err, "internal/apierr/errors_gen.go")
		if after := snapshot(t, outside); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Errorf("files outside changed:\nbefore %v\nafter  %v", before, after)
		}
	})
	t.Run("after staging", func(t *testing.T) {
		outside := outsideDir(t, map[string]string{"keep.txt": "mine\n"})
		before := snapshot(t, outside)
		root := project(t, map[string]string{"spec/errors.yaml": linkSpec})
		t.Chdir(root)
		r, err := Render(Options{SpecPath: "spec/errors.yaml"})
		if err != nil {
			t.Fatal(err)
		}
		fsys := &swapFS{FS: OS, dir: filepath.Join(root, "internal", "apierr"), to: outside}
		_, err = Write(fsys, r)
		if !fsys.done {
			t.Fatal("no rename")
		}
		escapeRefused(t, err, "internal/apierr/errors_gen.go")
		if !strings.Contains(err.Error(), "no file was changed") {
			t.Errorf("err = %v", err)
		}
		if after := snapshot(t, outside); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Errorf("files outside changed:\nbefore %v\nafter  %v", before, after)
		}
	})
}

// TestAllowOutsideWritesOutside: with -allow-outside, an output whose
// path is outside the project is written the old way.
func TestAllowOutsideWritesOutside(t *testing.T) {
	outside := t.TempDir()
	root := project(t, map[string]string{"spec/errors.yaml": strings.Replace(linkSpec, "../internal/apierr/errors_gen.go", filepath.ToSlash(filepath.Join(outside, "errors_gen.go")), 1)})
	t.Chdir(root)
	if _, err := Render(Options{SpecPath: "spec/errors.yaml"}); err == nil {
		t.Fatal("output outside the project accepted without -allow-outside")
	}
	r, err := Render(Options{SpecPath: "spec/errors.yaml", AllowOutside: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(OS, r); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(outside, "errors_gen.go")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(root, "docs", "errors", "not_found.md")); err != nil {
		t.Error(err)
	}
}
