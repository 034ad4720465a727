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
