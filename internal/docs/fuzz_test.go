package docs

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// cellTable puts the cells into a one-row table between two fixed cells
// and parses it.
func cellTable(cells ...string) *parsed {
	src := []byte("| a | " + strings.Repeat("b | ", len(cells)) + "c |\n| --- | " + strings.Repeat("--- | ", len(cells)) + "--- |\n| x | " + strings.Join(cells, " | ") + " | y |\n")
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	return &parsed{page: &Page{Path: "fuzz.md"}, src: src, doc: doc}
}

// readable is what escapeText promises a reader sees of s: s without
// control characters (tabs as four spaces, line breaks as <br />).
func readable(s string) string {
	s = strings.ReplaceAll(normalizeNewlines(s), "\t", "    ")
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// FuzzTableCells: whatever the text, escaped plain text and folded
// Markdown each stay one cell, the plain text reads back as written, and
// no raw HTML but <br /> appears, with URLs written either way.
func FuzzTableCells(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Add("`a|b` \\| <x> {y}")
	f.Add("see https://x.com/a|b and a@b.co, <https://x.com/a_b>")
	f.Fuzz(func(t *testing.T, s string) {
		for _, form := range []urlForm{urlLinks, urlAutolinks} {
			p := cellTable(escapeTextAs(s, form), markdownInlineAs(s, form), cellCode(s))
			tables := p.tables()
			if len(tables) != 1 || len(tables[0].cells) != 2 {
				t.Fatalf("%q: the table did not survive: %q", s, p.src)
			}
			tb := tables[0]
			for r, n := range tb.rawCells {
				if n != 5 {
					t.Fatalf("%q: row %d has %d cells: %q", s, r, n, p.src)
				}
			}
			row := tb.cells[1]
			if row[0] != "x" || row[4] != "y" {
				t.Fatalf("%q: neighbours changed: %q", s, row)
			}
			if want := strings.TrimSpace(strings.ReplaceAll(readable(s), "\n", "")); strings.TrimSpace(row[1]) != want {
				t.Fatalf("%q: plain text reads back as %q, want %q", s, row[1], want)
			}
			p.anchors(t) // fails on raw HTML other than <br />
		}
	})
}
