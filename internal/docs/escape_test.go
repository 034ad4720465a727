package docs

import "testing"

func TestEscapers(t *testing.T) {
	cases := []struct {
		name, got, want string
	}{
		{"text", escapeText("a|b *c* <d> _e_ snake_case 1. x\ny {p}"), `a\|b \*c\* \<d\> \_e\_ snake_case 1. x<br />y \{p\}`},
		{"text list start", escapeText("- x"), `\- x`},
		{"text ordered list start", escapeText("12. x"), `12\. x`},
		{"code", codeSpan("a`b"), "``a`b``"},
		{"code edge backtick", codeSpan("`a"), "`` `a ``"},
		{"cell code", cellCode("a|b"), "`a\\|b`"},
		{"block html", markdownBlock("x <script> `<b> {c}` <https://e.com/x> {p}"), "x &lt;script> `<b> {c}` [https://e.com/x](https://e.com/x) \\{p\\}"},
		{"block fence closed", markdownBlock("a\n\n```go\n<b>"), "a\n\n```go\n<b>\n```"},
		{"block fence kept", markdownBlock("~~~\n<b>\n~~~\n<i>"), "~~~text\n<b>\n~~~\n\n&lt;i>"},
		{"inline fence start", markdownInline("``` x"), "\\``` x"},
		{"inline bullet start", markdownInline("* x"), `\* x`},
		{"inline number start", markdownInline("12) x"), `12\) x`},
		{"inline", markdownInline("a | b\nc\n\n# d <e>"), `a \| b c<br /># d &lt;e>`},
		{"inline heading", markdownInline("# d"), `\# d`},
		{"inline escaped pipe", markdownInline(`a \| b`), `a \| b`},
		{"summary skips fences", firstParagraph("```\ncode\n```\n\nmore"), ""},
		{"fence for body", fenceOver(longestRun("a ```` b", '`')), "`````"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestYAMLScalar(t *testing.T) {
	cases := map[any]string{
		"a: b #c": `"a: b #c"`,
		"<&>\n":   `"<&>\n"`,
		int64(3):  "3",
		2.0:       "2.0",
		1e21:      "1e+21",
		false:     "false",
	}
	for in, want := range cases {
		if got := yamlScalar(in); got != want {
			t.Errorf("yamlScalar(%#v) = %s, want %s", in, got, want)
		}
	}
	if got := slugify("Acme Video API — errors!"); got != "acme-video-api-errors" {
		t.Errorf("slugify = %q", got)
	}
}
