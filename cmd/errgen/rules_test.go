package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/diff"
)

// TestEveryRuleHasAScenario requires every rule of errgen diff, at each
// of its severities, to appear in the exact output of a script of
// testdata/script: each rule's report is specified there.
func TestEveryRuleHasAScenario(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
	}
	scripts := all.String()
	for _, r := range diff.Rules {
		for _, sev := range r.Severities {
			if want := ": " + string(sev) + " " + r.ID + " (" + string(r.Category) + "): "; !strings.Contains(scripts, want) {
				t.Errorf("no script shows %s at severity %s (%q)", r.ID, sev, want)
			}
		}
	}
}
