package diff

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestReadBaseQuotedPath reads a spec whose path git would quote (a space,
// a letter outside ASCII) from a revision, and tells a revision without
// it from one with it.
func TestReadBaseQuotedPath(t *testing.T) {
	if _, err := exec.LookPath(GitCommand); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command(GitCommand, args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("commit", "-q", "--allow-empty", "-m", "empty")
	spec := filepath.Join(repo, "spéc dir", "errors v2.yaml")
	if err := os.MkdirAll(filepath.Dir(spec), 0o755); err != nil {
		t.Fatal(err)
	}
	src := []byte("errgen: 1\ngo: {package: a}\nerrors: []\n")
	if err := os.WriteFile(spec, src, 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", ".")
	git("commit", "-q", "-m", "spec")

	b, err := ReadBase("HEAD", spec)
	if err != nil {
		t.Fatal(err)
	}
	if b.Missing || string(b.Data) != string(src) || b.Name != "HEAD:spéc dir/errors v2.yaml" {
		t.Errorf("HEAD: %+v", b)
	}
	b, err = ReadBase("HEAD~1", spec)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Missing {
		t.Errorf("HEAD~1: the spec is not missing: %+v", b)
	}
}
