package spec

import (
	"strings"
	"testing"
)

// TestFoldCase checks that foldCase gives strings equal under Unicode
// simple case folding one key, as the page checks need.
func TestFoldCase(t *testing.T) {
	for _, c := range [][2]string{
		{"Auth", "auth"},
		{"INDEX", "index"},
		{"\u212Aelvin", "kelvin"}, // KELVIN SIGN folds to k
		{"\u017Fign", "SIGN"},     // LATIN SMALL LETTER LONG S folds to s
		{"Ǆ", "ǆ"},
	} {
		if !strings.EqualFold(c[0], c[1]) {
			t.Fatalf("%q and %q are not equal folded", c[0], c[1])
		}
		if foldCase(c[0]) != foldCase(c[1]) {
			t.Errorf("foldCase(%q) = %q, foldCase(%q) = %q", c[0], foldCase(c[0]), c[1], foldCase(c[1]))
		}
	}
	if foldCase("auth") == foldCase("autb") {
		t.Error("different names share a key")
	}
}
