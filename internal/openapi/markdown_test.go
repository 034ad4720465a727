package openapi

import "testing"

func TestMarkdownEscaping(t *testing.T) {
	for _, tc := range []struct {
		fn   func(string) string
		in   string
		want string
	}{
		{escapePlain, "Hostile <script> | *API*", `Hostile &lt;script\> \| \*API\*`},
		{escapePlain, "plain text", "plain text"},
		{codeSpan, "{field} is required", "`{field} is required`"},
		{codeSpan, "use `x` here", "``use `x` here``"},
		{codeSpan, "`edge`", "`` `edge` ``"},
		{markdownSafe, "a <b>bold</b> `<code>` move", "a &lt;b>bold&lt;/b> `<code>` move"},
		{markdownSafe, "text\n```html\n<script>x</script>\n```\n<i>after</i>", "text\n```html\n<script>x</script>\n```\n&lt;i>after&lt;/i>"},
		{markdownSafe, "unclosed ` tick <x>", "unclosed ` tick &lt;x>"},
		{markdownSafe, "**Markdown** stays", "**Markdown** stays"},
	} {
		if got := tc.fn(tc.in); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLinksStayLinks: OpenAPI descriptions are CommonMark, which has no
// bare URLs: URLs and email addresses become autolinks, the author's
// autolinks to web and mail addresses stay, other schemes show as text.
func TestLinksStayLinks(t *testing.T) {
	for _, tc := range []struct {
		fn   func(string) string
		in   string
		want string
	}{
		{escapePlain, "Docs at https://x.com/a_b.", `Docs at <https://x.com/a_b>.`},
		{escapePlain, "Mail help@x.com or see www.x.com", `Mail <help@x.com> or see [www.x.com](http://www.x.com)`},
		{escapePlain, "https://x.com/a>b", `[https://x.com/a\>b](https://x.com/a%3Eb)`},
		{markdownSafe, "See https://x.com/a_b, <https://y.com> and <mailto:a@b.co>.", "See <https://x.com/a_b>, <https://y.com> and <mailto:a@b.co>."},
		{markdownSafe, "<javascript:alert(1)> <b>x</b>", "&lt;javascript:alert(1)> &lt;b>x&lt;/b>"},
		{markdownSafe, "[docs](https://x.com/_a_) [https://x.com](https://x.com) `https://code`", "[docs](https://x.com/_a_) [https://x.com](https://x.com) `https://code`"},
		{markdownSafe, "[a <b>](x)", "[a &lt;b>](x)"},
		{markdownSafe, "```\nhttps://in.code <b>\n```\n    indented https://x.com <b>", "```\nhttps://in.code <b>\n```\n    indented https://x.com &lt;b>"},
	} {
		if got := tc.fn(tc.in); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}
