package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/model"
	_ "github.com/errgen/errgen/internal/testutil" // -update
)

// faultFS is the real file system (or base, a root opened through it)
// with one operation made to fail: the nth call (1-based) of the named
// operation, counted across the file system and the roots it opens.
type faultFS struct {
	op    string
	nth   int
	calls map[string]int
	base  FS
}

var errInjected = errors.New("injected failure")

func (f *faultFS) hit(op string) error {
	if f.calls == nil {
		f.calls = map[string]int{}
	}
	f.calls[op]++
	if op == f.op && f.calls[op] == f.nth {
		return fmt.Errorf("%s: %w", op, errInjected)
	}
	return nil
}

func (f *faultFS) fs() FS {
	if f.base == nil {
		return OS
	}
	return f.base
}

func (f *faultFS) ReadFile(name string) ([]byte, error) {
	if err := f.hit("read"); err != nil {
		return nil, err
	}
	return f.fs().ReadFile(name)
}

func (f *faultFS) MkdirAll(p string, perm fs.FileMode) error {
	if err := f.hit("mkdir"); err != nil {
		return err
	}
	return f.fs().MkdirAll(p, perm)
}

func (f *faultFS) OpenFile(name string, flag int, perm fs.FileMode) (File, error) {
	if err := f.hit("create"); err != nil {
		return nil, err
	}
	file, err := f.fs().OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return &faultFile{File: file.(*os.File), fs: f}, nil
}

func (f *faultFS) Rename(o, n string) error {
	if err := f.hit("rename"); err != nil {
		return err
	}
	return f.fs().Rename(o, n)
}

func (f *faultFS) Remove(name string) error              { return f.fs().Remove(name) }
func (f *faultFS) Stat(name string) (fs.FileInfo, error) { return f.fs().Stat(name) }

func (f *faultFS) OpenRoot(dir string) (RootFS, error) {
	r, err := f.fs().OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	if f.calls == nil {
		f.calls = map[string]int{}
	}
	return &faultRoot{faultFS{op: f.op, nth: f.nth, calls: f.calls, base: r}, r}, nil
}

type faultRoot struct {
	faultFS
	r RootFS
}

func (f *faultRoot) Close() error { return f.r.Close() }

type faultFile struct {
	*os.File
	fs *faultFS
}

func (f *faultFile) Write(p []byte) (int, error) {
	if err := f.fs.hit("write"); err != nil {
		// A short write, as on a full disk.
		n, _ := f.File.Write(p[:len(p)/2])
		return n, err
	}
	return f.File.Write(p)
}

func (f *faultFile) Sync() error {
	if err := f.fs.hit("sync"); err != nil {
		return err
	}
	return f.File.Sync()
}

// snapshot reads every file below dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[rel] = string(data)
		}
		return nil
	})
	return out
}

// TestWriteFailuresChangeNothing makes every step of a write fail in turn
// (reads, directory creation, temp files, short writes, syncs, each
// rename) and checks that every existing file is left exactly as it was
// and no temp file is left behind.
func TestWriteFailuresChangeNothing(t *testing.T) {
	for _, rooted := range []bool{false, true} {
		for _, op := range []string{"read", "mkdir", "create", "write", "sync", "rename"} {
			for nth := 1; nth <= 3; nth++ {
				t.Run(fmt.Sprintf("rooted=%v/%s#%d", rooted, op, nth), func(t *testing.T) {
					dir := t.TempDir()
					a, b, c := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.md"), filepath.Join(dir, "sub", "c.yaml")
					os.WriteFile(a, []byte("// "+Marker+". old a\n"), 0o644)
					os.WriteFile(b, []byte("<!-- "+Marker+" --> old b\n"), 0o644)
					before := snapshot(t, dir)
					r := &Result{Outputs: []Output{
						{Path: a, Name: "a.go", Data: []byte("// " + Marker + ". new a\n")},
						{Path: b, Name: "b.md", Data: []byte("<!-- " + Marker + " --> new b\n")},
						{Path: c, Name: "sub/c.yaml", Data: []byte("# " + Marker + " new c\n")},
					}}
					if rooted {
						r.root = dir
					}
					fsys := &faultFS{op: op, nth: nth}
					_, err := Write(fsys, r)
					if fsys.calls[op] < nth {
						t.Skipf("only %d %s calls", fsys.calls[op], op)
					}
					if !errors.Is(err, errInjected) {
						t.Fatalf("Write error = %v, want the injected failure", err)
					}
					after := snapshot(t, dir)
					if fmt.Sprint(after) != fmt.Sprint(before) {
						t.Errorf("files changed by a failed write:\nbefore %v\nafter  %v", before, after)
					}
				})
			}
		}
	}
}

// TestWriteSuccess writes new and changed files, leaves unchanged ones
// alone, keeps file modes, and deletes stale generated pages.
func TestWriteSuccess(t *testing.T) {
	dir := t.TempDir()
	same := filepath.Join(dir, "same.go")
	changed := filepath.Join(dir, "changed.go")
	stale := filepath.Join(dir, "stale.md")
	os.WriteFile(same, []byte("// "+Marker+" same\n"), 0o600)
	os.WriteFile(changed, []byte("// "+Marker+" old\n"), 0o640)
	os.WriteFile(stale, []byte("<!-- "+Marker+" -->\n"), 0o644)
	r := &Result{
		Outputs: []Output{
			{Path: same, Name: "same.go", Data: []byte("// " + Marker + " same\n")},
			{Path: changed, Name: "changed.go", Data: []byte("// " + Marker + " new\n")},
			{Path: filepath.Join(dir, "new", "new.go"), Name: "new/new.go", Data: []byte("// " + Marker + " new\n")},
		},
		Stale: []Output{{Path: stale, Name: "stale.md"}},
	}
	changes, err := Write(OS, r)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		got = append(got, c.Kind+" "+c.Name)
	}
	want := "same same.go|write changed.go|write new/new.go|delete stale.md"
	if strings.Join(got, "|") != want {
		t.Errorf("changes = %q, want %q", strings.Join(got, "|"), want)
	}
	if st, _ := os.Stat(changed); st.Mode().Perm() != 0o640 {
		t.Errorf("mode of rewritten file = %v, want 0640", st.Mode().Perm())
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale page not deleted: %v", err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*errgen-*")); len(leftovers) > 0 {
		t.Errorf("temp files left: %v", leftovers)
	}
}

// TestWriteRefusesForeignFiles checks that a file without the marker is
// never overwritten, and that nothing else is written either.
func TestWriteRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine.go")
	theirs := filepath.Join(dir, "theirs.md")
	os.WriteFile(theirs, []byte("# Hand-written\n"), 0o644)
	r := &Result{Outputs: []Output{
		{Path: mine, Name: "mine.go", Data: []byte("// " + Marker + "\n")},
		{Path: theirs, Name: "theirs.md", Data: []byte("<!-- " + Marker + " -->\n")},
	}}
	_, err := Write(OS, r)
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "theirs.md exists and was not generated by errgen") {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(theirs); string(data) != "# Hand-written\n" {
		t.Errorf("foreign file changed: %q", data)
	}
	if _, err := os.Stat(mine); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("another output was written although the run failed")
	}
	// The team's OpenAPI document is the one foreign file errgen edits.
	r.Outputs = []Output{{Path: theirs, Name: "theirs.md", Data: []byte("merged\n"), Merged: true}}
	if _, err := Write(OS, r); err != nil {
		t.Fatal(err)
	}
}

// TestPlaceOutput checks the project boundary.
func TestPlaceOutput(t *testing.T) {
	root := t.TempDir()
	specDir := filepath.Join(root, "spec")
	for _, tc := range []struct {
		rel     string
		allowed bool
	}{
		{"../internal/apierr/errors_gen.go", true},
		{"errors.md", true},
		{"../../etc/x", false},
		{"../../../../../../../../etc/passwd", false},
		{"/etc/passwd", false},
		{filepath.Join(root, "docs", "x.md"), true},
	} {
		_, err := placeOutput(specDir, root, tc.rel, model.Pos{}, false, namer{base: root})
		if (err == nil) != tc.allowed {
			t.Errorf("placeOutput(%q) err = %v, want allowed=%v", tc.rel, err, tc.allowed)
		}
		if _, err := placeOutput(specDir, root, tc.rel, model.Pos{}, true, namer{base: root}); err != nil {
			t.Errorf("with -allow-outside, placeOutput(%q) = %v", tc.rel, err)
		}
	}
}
