package diff

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Base is the version of a spec that another is compared with.
type Base struct {
	// Name is how positions name the base: the file as given, or
	// REV:PATH for the spec at a git revision (PATH from the
	// repository's root).
	Name string
	// Data is the base spec's source; nil when Missing.
	Data []byte
	// InGit is set when the base was read from a git revision.
	InGit bool
	// Missing is set when the spec did not exist at the revision: every
	// error of the new spec is then added.
	Missing bool
}

// BaseError is a base that cannot be read: no such file or revision, no
// git. errgen exits 3 on it, as on any input it cannot read.
type BaseError struct{ Msg string }

func (e *BaseError) Error() string { return e.Msg }

// GitCommand is the git program ReadBase runs; tests replace it.
var GitCommand = "git"

// ReadBase reads the base named by -base: the file base names when there
// is one, else the spec at specPath as it was in the git revision base,
// read with `git show REV:PATH` in the spec's repository.
func ReadBase(base, specPath string) (*Base, error) {
	st, err := os.Stat(base)
	switch {
	case err == nil && st.IsDir():
		return nil, &BaseError{fmt.Sprintf("-base %s is a directory; name the base spec file, or a git revision", base)}
	case err == nil:
		data, err := os.ReadFile(base)
		if err != nil {
			return nil, err
		}
		return &Base{Name: filepath.ToSlash(filepath.Clean(base)), Data: data}, nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	return readGit(base, specPath)
}

// readGit reads the spec at specPath as it was in a git revision.
func readGit(rev, specPath string) (*Base, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, &BaseError{fmt.Sprintf("-base %s: no such file, and a git revision does not start with -", rev)}
	}
	if _, err := exec.LookPath(GitCommand); err != nil {
		return nil, &BaseError{fmt.Sprintf("-base %s: no such file, and git is not installed to read it as a revision", rev)}
	}
	abs, err := filepath.Abs(specPath)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(abs)
	prefix, err := git(dir, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, &BaseError{fmt.Sprintf("-base %s: no such file, and %s is not in a git repository to read it as a revision", rev, filepath.ToSlash(specPath))}
	}
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, &BaseError{fmt.Sprintf("-base %s: no such file, and no such revision in the git repository of %s (in a shallow clone, fetch it first: git fetch --depth=1 origin %s)", rev, filepath.ToSlash(specPath), rev)}
	}
	path := strings.TrimSuffix(prefix, "\n") + filepath.Base(abs)
	b := &Base{Name: rev + ":" + path, InGit: true}
	// ls-tree tells a path missing at the revision (every error is then
	// new) from a failure to read it.
	// -z: names as they are, never quoted.
	listed, err := git(dir, "ls-tree", "-z", "--full-name", "--name-only", rev, "--", filepath.Base(abs))
	if err != nil {
		return nil, &BaseError{fmt.Sprintf("-base %s: listing %s: %v", rev, path, err)}
	}
	if strings.TrimSuffix(listed, "\x00") != path {
		b.Missing = true
		return b, nil
	}
	data, err := gitBytes(dir, "show", "--no-textconv", rev+":"+path)
	if err != nil {
		return nil, &BaseError{fmt.Sprintf("-base %s: reading %s: %v", rev, b.Name, err)}
	}
	b.Data = data
	return b, nil
}

func git(dir string, args ...string) (string, error) {
	out, err := gitBytes(dir, args...)
	return string(out), err
}

// gitBytes runs git in dir and returns its standard output; its error
// holds git's message.
func gitBytes(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command(GitCommand, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, err
	}
	return stdout.Bytes(), nil
}
