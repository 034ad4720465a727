package engine

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/diff"
)

// FS is the file system the writer uses; tests swap it to inject
// failures at every step.
type FS interface {
	ReadFile(name string) ([]byte, error)
	MkdirAll(path string, perm fs.FileMode) error
	// OpenFile opens a file as os.OpenFile does; the writer creates its
	// temporary files with it (O_CREATE|O_EXCL).
	OpenFile(name string, flag int, perm fs.FileMode) (File, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
	Stat(name string) (fs.FileInfo, error)
	// OpenRoot returns the file system of the directory dir, which no
	// name, symbolic link or ".." can lead out of (os.Root): names are
	// relative to dir. Closing it releases the directory.
	OpenRoot(dir string) (RootFS, error)
}

// RootFS is a file system confined to one directory (see FS.OpenRoot).
type RootFS interface {
	FS
	Close() error
}

// File is a temp file being staged.
type File interface {
	io.Writer
	Sync() error
	Close() error
	Chmod(fs.FileMode) error
}

// OS is the real file system.
var OS FS = osFS{}

type osFS struct{}

func (osFS) ReadFile(name string) ([]byte, error)         { return os.ReadFile(name) }
func (osFS) MkdirAll(path string, perm fs.FileMode) error { return os.MkdirAll(path, perm) }
func (osFS) OpenFile(name string, flag int, perm fs.FileMode) (File, error) {
	return os.OpenFile(name, flag, perm)
}
func (osFS) Rename(oldpath, newpath string) error  { return os.Rename(oldpath, newpath) }
func (osFS) Remove(name string) error              { return os.Remove(name) }
func (osFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
func (osFS) OpenRoot(dir string) (RootFS, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return rootFS{r}, nil
}

// rootFS is os.Root as a RootFS.
type rootFS struct{ r *os.Root }

func (f rootFS) ReadFile(name string) ([]byte, error)         { return f.r.ReadFile(name) }
func (f rootFS) MkdirAll(path string, perm fs.FileMode) error { return f.r.MkdirAll(path, perm) }
func (f rootFS) OpenFile(name string, flag int, perm fs.FileMode) (File, error) {
	return f.r.OpenFile(name, flag, perm)
}
func (f rootFS) Rename(oldpath, newpath string) error  { return f.r.Rename(oldpath, newpath) }
func (f rootFS) Remove(name string) error              { return f.r.Remove(name) }
func (f rootFS) Stat(name string) (fs.FileInfo, error) { return f.r.Stat(name) }
func (f rootFS) OpenRoot(dir string) (RootFS, error) {
	r, err := f.r.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return rootFS{r}, nil
}
func (f rootFS) Close() error { return f.r.Close() }

// target is where one file is read, written or removed: through the
// project's root (name relative to it) or, for a file outside the
// project written with -allow-outside, through the plain file system.
type target struct {
	fsys FS
	name string
}

// targets resolves the paths of files Write and Check touch. Inside the
// project (r.root), every operation goes through the project's os.Root,
// so a symbolic link or ".." that leads out of it, even one swapped in
// while errgen runs, makes the operation fail instead of writing there.
type targets struct {
	plain FS
	root  RootFS // nil when r has no project root
	dir   string // the project root, absolute
	// outside: outputs whose path is outside the project are written the
	// old way, through the plain file system (-allow-outside).
	outside bool
}

func openTargets(fsys FS, r *Result) (*targets, error) {
	t := &targets{plain: fsys, dir: r.root, outside: r.allowOutside}
	if r.root == "" {
		return t, nil
	}
	root, err := fsys.OpenRoot(r.root)
	if err != nil {
		return nil, fmt.Errorf("opening the project root: %w", err)
	}
	t.root = root
	return t, nil
}

func (t *targets) close() {
	if t.root != nil {
		t.root.Close()
	}
}

// output resolves an output's path: through the root when the path is
// inside the project; the old way, wherever it leads, when it is outside
// and -allow-outside was given.
func (t *targets) output(o Output) (target, error) {
	if t.outside && !t.isInside(o.Path) {
		return target{t.plain, o.Path}, nil
	}
	return t.inside(o)
}

func (t *targets) isInside(p string) bool {
	abs, err := filepath.Abs(p)
	return err == nil && within(t.dir, abs)
}

// inside resolves the path of a file below the project root through the
// root; any other path is refused.
func (t *targets) inside(o Output) (target, error) {
	if t.root == nil {
		return target{t.plain, o.Path}, nil
	}
	if abs, err := filepath.Abs(o.Path); err == nil && within(t.dir, abs) {
		if rel, err := filepath.Rel(t.dir, abs); err == nil {
			return target{t.root, rel}, nil
		}
	}
	return target{}, inputErr("%s is outside the project; pass -allow-outside to write it anyway", o.Name)
}

// Change is what Write did, or what Check found, for one file.
type Change struct {
	Name string
	// Kind is, for Write, "write" (created or rewritten), "delete" (a
	// stale generated file, deleted) or "same" (unchanged, left alone);
	// for Check, "write" (the file differs), "missing" (it does not
	// exist), "delete" (it is stale), "conflict" (it differs and errgen
	// did not generate it: Write refuses to overwrite it) or, with
	// StrictEOL only, "eol" (it differs only by its "\r\n" line ends).
	Kind string
	// Reason says why a file is not errgen's (Check, kind "conflict"
	// only); Conflict words it for the user.
	Reason string
	// Diff is the unified diff from the file on disk to the wanted file
	// (Check, kind "write" only).
	Diff []byte
}

// notGenerated says why a file at an output's path is not errgen's to
// overwrite: "NAME exists and was not generated by errgen (...)". Write
// refuses such files, and Check reports them, in these words.
func notGenerated(o Output) string {
	if isJSON(o.Path) {
		return fmt.Sprintf("%s exists and was not generated by errgen (its first member is not a \"$comment\": %q marker)", o.Name, Marker+" … DO NOT EDIT.")
	}
	return fmt.Sprintf("%s exists and was not generated by errgen (no %q header)", o.Name, Marker)
}

// Conflict is a file errgen did not generate at one of its outputs'
// paths, which Check found (Change kind "conflict"): errgen generate
// refuses to overwrite it.
func Conflict(c Change) string {
	return c.Reason + "; errgen generate refuses to overwrite it"
}

// hasMarker reports whether the file name, holding data, carries errgen's
// marker: near its top; for a .json file, as the "$comment" member that
// opens the document (see jsonMarker) or in a header comment line that
// starts the file, never elsewhere, so a hand-written JSON document that
// mentions errgen is not errgen's.
func hasMarker(name string, data []byte) bool {
	head := data[:min(len(data), markerWindow)]
	if isJSON(name) {
		if jsonMarker(head, len(data) <= markerWindow, "") {
			return true
		}
		line, _ := nextLine(head)
		for _, c := range comments {
			if bytes.HasPrefix(line, []byte(c.open+Marker+" from ")) {
				return true // an output other than the catalog with a .json name
			}
		}
		return false
	}
	return bytes.Contains(head, []byte(Marker))
}

// Write writes every output whose bytes differ from the file on disk and
// deletes the stale files (each only if it still carries the marker). It
// refuses, before touching anything, to overwrite a file errgen did not
// generate, naming every such file at once. It stages every file beside
// its target and renames them into place only when all are staged, so a
// failure leaves every existing file as it was. It keeps the line ends of
// existing files (KeepEOL): see WriteEOL.
//
// Files inside the project are read, written, renamed and removed
// through the project's root (os.Root): a symbolic link or ".." leading
// out of the project makes Write fail rather than follow it, unless
// -allow-outside was given.
func Write(fsys FS, r *Result) ([]Change, error) {
	return WriteEOL(fsys, r, KeepEOL)
}

// WriteEOL is Write with the given treatment of "\r\n" line ends. With
// KeepEOL, a file that differs from its output only by having "\r\n"
// line ends is left alone, and a file with "\r\n" line ends that must be
// rewritten is written with "\r\n" line ends. With StrictEOL, every
// file whose bytes differ is written with the output's bytes.
func WriteEOL(fsys FS, r *Result, eol EOL) ([]Change, error) {
	ts, err := openTargets(fsys, r)
	if err != nil {
		return nil, err
	}
	defer ts.close()
	var todo []Output
	var where []target
	var prev []*[]byte // the file each todo replaces; nil when new
	var changes []Change
	var refused []string // the files errgen did not generate, one line each
	for _, o := range r.Outputs {
		t, err := ts.output(o)
		if err != nil {
			return nil, err
		}
		old, err := t.fsys.ReadFile(t.name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fileErr(o, err)
		case bytes.Equal(old, o.Data), eol == KeepEOL && sameButCRLF(old, o.Data):
			changes = append(changes, Change{Name: o.Name, Kind: "same"})
			continue
		case !o.Merged && !hasMarker(o.Path, old):
			refused = append(refused, notGenerated(o)+"; refusing to overwrite it")
			continue
		}
		if eol == KeepEOL && old != nil && isCRLF(old) {
			o.Data = toCRLF(o.Data)
		}
		todo = append(todo, o)
		where = append(where, t)
		if old != nil {
			prev = append(prev, &old)
		} else {
			prev = append(prev, nil)
		}
	}
	if len(refused) > 0 {
		// Every such file is named at once, and nothing is written.
		return nil, &InputError{Err: errors.New(strings.Join(refused, "\n"))}
	}
	staged, err := stage(todo, where)
	if err != nil {
		return nil, err
	}
	for i, o := range todo {
		if err := where[i].fsys.Rename(staged[i].name, where[i].name); err != nil {
			for _, t := range staged[i:] {
				t.fsys.Remove(t.name)
			}
			rollback(todo[:i], where[:i], prev[:i])
			if escapes(err) {
				return nil, fmt.Errorf("%w (no file was changed)", fileErr(o, err))
			}
			return nil, fmt.Errorf("writing %s: %w (no file was changed)", o.Name, err)
		}
	}
	for _, o := range todo {
		changes = append(changes, Change{Name: o.Name, Kind: "write"})
	}
	for _, o := range r.Stale {
		t, err := ts.inside(o)
		if err != nil {
			return changes, err
		}
		old, err := t.fsys.ReadFile(t.name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return changes, fileErr(o, err)
		}
		if !hasMarker(o.Path, old) {
			continue // no longer errgen's: never deleted
		}
		if err := t.fsys.Remove(t.name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return changes, fileErr(o, err)
		}
		changes = append(changes, Change{Name: o.Name, Kind: "delete"})
	}
	return changes, nil
}

// fileErr names the file an operation failed on, and explains a path
// the project's root refused.
func fileErr(o Output, err error) error {
	if escapes(err) {
		return &InputError{Err: fmt.Errorf("%s: a symbolic link leads out of the project, or is absolute (%w); errgen writes only inside the project, through relative links", o.Name, err)}
	}
	return fmt.Errorf("%s: %w", o.Name, err)
}

// escapes reports whether err is os.Root refusing a path that leads out
// of it (a ".." or a symbolic link, absolute links included). os has no
// exported error for it.
func escapes(err error) bool {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	default:
		return false
	}
	return err.Error() == "path escapes from parent"
}

// rollback puts back the files a failed Write had already renamed into
// place: the previous contents where there was a file, nothing where
// there was none.
func rollback(done []Output, where []target, prev []*[]byte) {
	for i, o := range done {
		t := where[i]
		if prev[i] == nil {
			t.fsys.Remove(t.name)
			continue
		}
		restore := o
		restore.Data = *prev[i]
		if temps, err := stage([]Output{restore}, where[i:i+1]); err == nil {
			if t.fsys.Rename(temps[0].name, t.name) != nil {
				t.fsys.Remove(temps[0].name)
			}
		}
	}
}

// createTemp creates a new file for staging next to name, with a random
// name that no other file has (O_CREATE|O_EXCL): os.Root has no
// CreateTemp.
func createTemp(fsys FS, name string) (File, string, error) {
	dir, base := filepath.Split(name)
	for try := 0; ; try++ {
		p := filepath.Join(dir, "."+base+".errgen-"+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := fsys.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) && try < 10000 {
			continue
		}
		return f, p, err
	}
}

// stage writes each output to a temp file in its target's directory. On
// any failure it removes what it staged and returns the error.
func stage(outs []Output, where []target) (temps []target, err error) {
	defer func() {
		if err != nil {
			for _, t := range temps {
				t.fsys.Remove(t.name)
			}
			temps = nil
		}
	}()
	for i, o := range outs {
		t := where[i]
		if err := t.fsys.MkdirAll(filepath.Dir(t.name), 0o755); err != nil {
			return temps, fileErr(o, err)
		}
		f, tmp, err := createTemp(t.fsys, t.name)
		if err != nil {
			return temps, fileErr(o, err)
		}
		temps = append(temps, target{t.fsys, tmp})
		mode := fs.FileMode(0o644)
		if st, err := t.fsys.Stat(t.name); err == nil {
			mode = st.Mode().Perm()
		}
		if _, err := f.Write(o.Data); err != nil {
			f.Close()
			return temps, fmt.Errorf("writing %s: %w", o.Name, err)
		}
		if err := f.Chmod(mode); err != nil {
			f.Close()
			return temps, err
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return temps, err
		}
		if err := f.Close(); err != nil {
			return temps, err
		}
	}
	return temps, nil
}

// Check compares every output with the file on disk and returns the files
// that differ (each with a unified diff), are missing, or differ and were
// not generated by errgen (conflicts, which Write refuses to overwrite),
// in the order of the outputs, then the stale files. A file that differs only by having
// "\r\n" line ends is up to date (KeepEOL): see CheckEOL.
func Check(fsys FS, r *Result) ([]Change, error) {
	return CheckEOL(fsys, r, KeepEOL)
}

// CheckEOL is Check with the given treatment of "\r\n" line ends. With
// KeepEOL, a file that differs from its output only by having "\r\n"
// line ends is up to date, and the diff of a "\r\n" file that differs
// otherwise is taken against the output with "\r\n" line ends (what
// Write would write), so that it shows only the real changes. With
// StrictEOL, a file that differs only by its "\r\n" line ends is
// reported with kind "eol" (and no diff).
func CheckEOL(fsys FS, r *Result, eol EOL) ([]Change, error) {
	ts, err := openTargets(fsys, r)
	if err != nil {
		return nil, err
	}
	defer ts.close()
	var drift []Change
	for _, o := range r.Outputs {
		t, err := ts.output(o)
		if err != nil {
			return nil, err
		}
		old, err := t.fsys.ReadFile(t.name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			drift = append(drift, Change{Name: o.Name, Kind: "missing"})
		case err != nil:
			return nil, fileErr(o, err)
		case bytes.Equal(old, o.Data):
		case sameButCRLF(old, o.Data):
			if eol == StrictEOL {
				drift = append(drift, Change{Name: o.Name, Kind: "eol"})
			}
		case !o.Merged && !hasMarker(o.Path, old):
			drift = append(drift, Change{Name: o.Name, Kind: "conflict", Reason: notGenerated(o)})
		default:
			want := o.Data
			if eol == KeepEOL && isCRLF(old) {
				want = toCRLF(want)
			}
			drift = append(drift, Change{Name: o.Name, Kind: "write", Diff: diff.Diff(o.Name, old, o.Name, want)})
		}
	}
	for _, o := range r.Stale {
		drift = append(drift, Change{Name: o.Name, Kind: "delete"})
	}
	return drift, nil
}
