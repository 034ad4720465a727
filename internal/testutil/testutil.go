// Package testutil holds what errgen's tests share: the -update flag that
// rewrites golden files, and the list of golden cases.
//
// Every test package imports it, so that `go test ./... -update` is
// understood by every test binary it reaches.
package testutil

import (
	"flag"
	"path/filepath"
	"runtime"
	"slices"
)

// Update is set by `go test ./... -update`: tests rewrite their golden
// files instead of comparing against them; `git diff` is the review.
var Update = flag.Bool("update", false, "rewrite golden files instead of comparing against them")

// Root is the repository root.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// GoldenCases returns the directories golden/<case>/ that hold an
// errors.yaml, sorted by name.
func GoldenCases() []string {
	matches, _ := filepath.Glob(filepath.Join(Root(), "golden", "*", "errors.yaml"))
	var dirs []string
	for _, m := range matches {
		dirs = append(dirs, filepath.Dir(m))
	}
	slices.Sort(dirs)
	return dirs
}
