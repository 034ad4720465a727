package docs

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func TestInlineMarkdown(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"bare URL", "see https://example.com/a_b.", `see [https://example.com/a\_b](https://example.com/a_b).`},
		{"bare URL in parentheses", "(https://x.com/(a)) and https://x.com/a)", `([https://x.com/(a)](https://x.com/\(a\))) and [https://x.com/a](https://x.com/a))`},
		{"www", "www.example.com/x?y=1&z", `[www.example.com/x?y=1\&z](http://www.example.com/x?y=1&z)`},
		{"a backslash before a URL", `\https://x.co`, `\\[https://x.co](https://x.co)`},
		{"an address right after a link", "a@b.co+c@d.co", "[a@b.co](mailto:a@b.co)[+c@d.co](mailto:+c@d.co)"},
		{"email", "mail support@example.com.", `mail [support@example.com](mailto:support@example.com).`},
		{"autolink", "<https://e.com/x>", "[https://e.com/x](https://e.com/x)"},
		{"email autolink", "<a@b.co>", "[a@b.co](mailto:a@b.co)"},
		{"unsafe autolink", "<javascript:alert(1)>", "&lt;javascript:alert(1)>"},
		{"URL in code", "`https://x.com _a_` and ``<b>``", "`https://x.com _a_` and ``<b>``"},
		{"URL as link text", "[https://x.com](https://x.com/_y_)", "[https://x.com](https://x.com/_y_)"},
		{"link destination kept", "[docs](https://x.com/a_b_ \"T_i_tle\") {x}", "[docs](https://x.com/a_b_ \"T_i_tle\") \\{x\\}"},
		{"non-descriptive link", "see [here](https://x.com/a).", "see here ([https://x.com/a](https://x.com/a))."},
		{"non-descriptive link text, case and punctuation", "[Click *here*!](x.md)", "Click *here*! ([x.md](x.md))"},
		{"non-descriptive link to another scheme", "[link](javascript:alert(1)) and [here](<data:text/html,`x`>)", "link (`javascript:alert(1)`) and here (`` data:text/html,`x` ``)"},
		{"non-descriptive link, scheme in any case", "[more](JavaScript:x) [here](mailto:a@b.co)", "more (`JavaScript:x`) here ([mailto:a@b.co](mailto:a@b.co))"},
		{"image kept", "![here](y.png)", "![here](y.png)"},
		{"underscore emphasis", "_a_ and __b__ and ___c___", "*a* and **b** and ***c***"},
		{"asterisk emphasis kept", "*a* **b**", "*a* **b**"},
		{"intraword underscores", "snake_case_name and a_b", "snake_case_name and a_b"},
		{"literal stars escaped", "*/ and 2 * 3", `\*/ and 2 * 3`},
		{"literal intraword star escaped", "a*b", `a\*b`},
		{"unmatched underscore escaped", "_a and b", `\_a and b`},
		{"partly matched run", "**a*", `\**a*`},
		{"nested", "_**x**_ and *__y__*", "***x*** and ***y***"},
		{"emphasis across lines", "_a\nb_", "*a\nb*"},
		{"runs that would merge", "_a_*b*", `\_a\_\*b\*`},
		{"emphasis in link text", "[_a_](x)", "[*a*](x)"},
		{"strikethrough takes delimiters away", "~*~*_0*", `~\*~*\_0*`},
		{"strikethrough of unequal runs", "~~a~ _b_", "~~a~ *b*"},
		{"escapes kept", `\_a\_ \*b\*`, `\_a\_ \*b\*`},
		{"raw HTML", "a <b>x</b> {y}", "a &lt;b>x&lt;/b> \\{y\\}"},
		{"code span spaces", "`a ` and ` b` and ` c ` and `` `d` `` and ` ` and `` ` `e`` and `  f  `", "`a` and `b` and ` c ` and `` `d` `` and ` ` and `` ` `e`` and `f`"},
	}
	for _, c := range cases {
		if got := inlineMarkdown(c.in); got != c.want {
			t.Errorf("%s: inlineMarkdown(%q)\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

func TestMarkdownBlockTables(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"compact, aligned, cells padded and dropped",
			"Text before\n| A | B |\n|---|:-:|\n|  1 |\n| 2 | 3 | 4 |\nlazy row\n# After",
			"Text before\n\n| A | B |\n| --- | :---: |\n| 1 | |\n| 2 | 3 |\n| lazy row | |\n\n# After"},
		{"aligned table with wide characters",
			"| Status Code | Description |\n| :---------- | ----------: |\n| 200 - ✅ Success | OK.        |",
			"| Status Code | Description |\n| :--- | ---: |\n| 200 - ✅ Success | OK. |"},
		{"cells are inline Markdown",
			"| a | b |\n| - | - |\n| _x_ `a\\|b` | https://x.com <i> |",
			"| a | b |\n| --- | --- |\n| *x* `a\\|b` | [https://x.com](https://x.com) &lt;i> |"},
		{"not a table", "a | b\nc | d", "a | b\nc | d"},
		{"table in a fence", "```\n| a |\n|---|\n```", "```text\n| a |\n|---|\n```"},
	}
	for _, c := range cases {
		if got := markdownBlock(c.in); got != c.want {
			t.Errorf("%s: markdownBlock(%q)\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

func TestMarkdownBlockStructure(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"list markers are not emphasis, bullets are -", "* _a_\n+ b*", "- *a*\n- b\\*"},
		{"thematic break kept", "a\n\n* * *\n\n___", "a\n\n* * *\n\n___"},
		{"heading text", "## _Why_ https://x.com", "## *Why* [https://x.com](https://x.com)"},
		{"quote", "> _a\n> b_", "> *a\n> b*"},
		{"indented code kept", "text\n\n    _a_ https://x.com", "text\n\n    _a_ https://x.com"},
		{"list continuation is not code", "- a\n\n    _b_", "- a\n\n    *b*"},
		{"blank lines around lists, headings and fences", "Reasons:\n- a\n- b\n1. c\n# H\ntext\n```go\nx\n```\nafter",
			"Reasons:\n\n- a\n- b\n\n1. c\n\n# H\n\ntext\n\n```go\nx\n```\n\nafter"},
		{"lazy lines stay in their item", "- a\nlazy\n- b", "- a\nlazy\n- b"},
		{"a number but 1 does not interrupt a paragraph", "text\n2. more", "text\n2. more"},
		{"nested lists stay tight", "- a\n  1. b\n- c", "- a\n  1. b\n- c"},
		{"no blank line inside a quote", "> # H\n> - a\n> text", "> # H\n> - a\n> text"},
		{"a quote after a list", "1. a\n> q\nlazy", "1. a\n\n> q\nlazy"},
		{"a quote stays one quote", "> a\n> # H\n> b\n\ntext", "> a\n> # H\n> b\n\ntext"},
		{"fence gets a language", "~~~\nx\n~~~", "~~~text\nx\n~~~"},
	}
	for _, c := range cases {
		if got := markdownBlock(c.in); got != c.want {
			t.Errorf("%s: markdownBlock(%q)\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

func TestHeadingsNest(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		level int
		want  string
	}{
		{"under a level 2 heading", "# A\n\ntext\n\n### B\n\nSetext\n===\n\n## C ##", 2,
			"### A\n\ntext\n\n#### B\n\n### Setext\n\n#### C"},
		{"deep headings come up", "#### A\n\n###### B", 1, "## A\n\n### B"},
		{"at most 6", "# A\n\n## B\n\n### C", 5, "###### A\n\n###### B\n\n###### C"},
		{"levels kept, style made #", "Title\n---\n\n> ## Quoted ##", 0, "## Title\n\n> ## Quoted"},
		{"a heading of #s keeps them", "# # #\n\nC#\n---", 0, "# \\#\n\n## C#"},
		{"a break is not a heading", "- item\n---", 1, "- item\n\n---"},
	}
	for _, c := range cases {
		if got := markdownBlockUnder(c.in, c.level); got != c.want {
			t.Errorf("%s: markdownBlockUnder(%q, %d)\n got %q\nwant %q", c.name, c.in, c.level, got, c.want)
		}
	}
}

func TestEscapeTextURLs(t *testing.T) {
	cases := map[string]string{
		"see https://x.com/a_b, then":   `see [https://x.com/a\_b](https://x.com/a_b), then`,
		"write to help@example.com":     `write to [help@example.com](mailto:help@example.com)`,
		"at www.example.com.":           `at [www.example.com](http://www.example.com).`,
		"not a URL: xhttps://x.com *a*": `not a URL: xhttps://x.com \*a\*`,
	}
	for in, want := range cases {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

func html(t *testing.T, s string) string {
	var b bytes.Buffer
	if err := md.Convert([]byte(s), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var emphasisTag = regexp.MustCompile(`</?(em|strong)>`)

// checkEmphasis: normalised text renders exactly as the original (goldmark
// HTML), or, when the emphasis could not be kept, with no emphasis at all;
// either way no _ is left that could open or close emphasis.
func checkEmphasis(t *testing.T, s string) {
	out, kept := normalizeEmphasisKept(s)
	if kept {
		if a, b := html(t, s), html(t, out); a != b {
			t.Fatalf("%q → %q renders differently:\n%s\n%s", s, out, a, b)
		}
	} else if h := html(t, out); emphasisTag.MatchString(h) {
		t.Fatalf("%q → %q: emphasis left after escaping every delimiter: %s", s, out, h)
	}
	runs, pairs := emphasis(out)
	for _, p := range pairs {
		if out[p.open] == '~' {
			continue // strikethrough
		}
		if out[p.open] != '*' || out[p.close] != '*' {
			t.Fatalf("%q → %q: emphasis with %q left", s, out, out[p.open])
		}
	}
	for _, r := range runs {
		if r.c == '_' && (r.open || r.close) {
			t.Fatalf("%q → %q: a _ that may open or close emphasis is left at %d", s, out, r.start)
		}
	}
}

func TestEmphasisRendersTheSame(t *testing.T) {
	for _, s := range []string{
		"_a_ __b__ *c* **d** ***e*** _**f**_ **_g_**", "a_b_c *a*b* _a _b_ c_", "**a*", "*a**", "_a_*b*",
		"__a__b__", "*a **b** c*", "_(a)_ _a_. (_a_)", "***a* b**", "*a `*` b*", "[_a_](b_c_) _[a](b)_",
		"foo*bar*baz", "_foo_bar_", "**foo*bar**", "*foo**bar**baz*", "__foo, __bar__, baz__",
	} {
		checkEmphasis(t, s)
	}
	for _, h := range hostile {
		for _, p := range strings.Split(h, "\n\n") {
			checkEmphasis(t, p)
		}
	}
}

// FuzzEmphasis: see checkEmphasis.
func FuzzEmphasis(f *testing.F) {
	for _, s := range []string{"_a_ *b*", "__a__*b*", "a_*b_*", "***a_b_***", "*_a_*", "_a *b_ c*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\n\r\\`[<&@:~") || strings.Contains(strings.ToLower(s), "www") || len(s) > 40 || !utf8.ValidString(s) ||
			strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || (r >= 0x7f && r <= 0x9f) }) {
			return // one line of emphasis and words; links, code, strikethrough (goldmark pairs tildes of
			// unequal runs, GitHub does not) and control characters (where
			// goldmark's idea of whitespace differs from CommonMark's) are not its
			// business
		}
		checkEmphasis(t, "p "+s) // inline text, whatever s starts with
	})
}
