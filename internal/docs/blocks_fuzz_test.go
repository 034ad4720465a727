package docs

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzMarkdownBlock: whatever spec Markdown says, the rewritten text opens
// no raw HTML, and rewriting it again changes nothing but, at most, blank
// lines, with URLs written either way. (Bare URLs are
// markdownlint's to find, on the hostile pages: goldmark's linkify links
// more than GitHub and micromark do.)
func FuzzMarkdownBlock(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	for _, s := range []string{"Reasons:\n- a\n- b\n1. c", "> q\n- l\n# h\n```\nx", "| a |\n|---|\n| _b_ https://x.co |", "`a ` <b> [here](x) www.x.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 300 {
			return
		}
		for _, form := range []urlForm{urlLinks, urlAutolinks} {
			out := markdownBlockAs(s, 0, form)
			src := []byte(out)
			doc := md.Parser().Parse(text.NewReader(src))
			ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				switch n.(type) {
				case *ast.RawHTML, *ast.HTMLBlock:
					t.Fatalf("%q → %q: raw HTML", s, out)
				case *ast.FencedCodeBlock, *ast.CodeBlock:
					return ast.WalkSkipChildren, nil
				}
				return ast.WalkContinue, nil
			})
			// Again, it says the same; where a blank line goes around a
			// block may differ, as the second reading knows more of where
			// lists end.
			noBlanks := func(s string) string { return strings.ReplaceAll(s, "\n\n", "\n") }
			if again := markdownBlockAs(out, 0, form); noBlanks(again) != noBlanks(out) && !strings.Contains(s, "\t") {
				t.Fatalf("%q → %q → %q: not a fixed point", s, out, again)
			}
		}
	})
}
