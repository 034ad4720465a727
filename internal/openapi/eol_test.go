package openapi

import (
	"bytes"
	"testing"
)

// TestMergeKeepsCRLF: a document checked out with CRLF line ends (Git for
// Windows' default) merges to the same document as with LF line ends,
// with CRLF line ends, YAML or JSON, and merging it again changes
// nothing. A document with mixed line ends is written with LF.
func TestMergeKeepsCRLF(t *testing.T) {
	s, orig, _ := mergeCase(t)
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }
	for name, doc := range map[string][]byte{"api.yaml": orig, "api.json": toJSON(t, orig)} {
		t.Run(name, func(t *testing.T) {
			lf, lfNotes := mustMerge(t, s, name, doc)
			out, notes := mustMerge(t, s, name, crlf(doc))
			if !bytes.Equal(out, crlf(lf)) {
				t.Errorf("merging the CRLF document does not give the LF merge with CRLF line ends:\n%q", out)
			}
			if len(notes) != len(lfNotes) || len(notes) > 0 && notes[0] != lfNotes[0] {
				t.Errorf("notes %q, want %q (same positions)", notes, lfNotes)
			}
			again, _ := mustMerge(t, s, name, out)
			if !bytes.Equal(again, out) {
				t.Error("merging the merged CRLF document again changes it")
			}
		})
	}
	t.Run("mixed", func(t *testing.T) {
		lf, _ := mustMerge(t, s, "api.yaml", orig)
		i := bytes.IndexByte(orig, '\n')
		mixed := append(append([]byte{}, orig[:i]...), append([]byte("\r"), orig[i:]...)...)
		out, _ := mustMerge(t, s, "api.yaml", mixed)
		if bytes.Contains(out, []byte("\r")) || !bytes.Equal(out, lf) {
			t.Errorf("a document with mixed line ends is not merged to LF:\n%q", out[:min(len(out), 200)])
		}
	})
}
