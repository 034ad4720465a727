package docs

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/internal/docs/mdinline"
)

// The escapers below are the template functions that put spec text into
// Markdown. Plain text (titles, messages) is escaped so that it renders
// exactly as written; Markdown (descriptions, causes, solutions) keeps its
// formatting but loses the power to break the page: raw HTML is
// neutralised outside code, a fence left open is closed, and text bound
// for one line (list items, table cells) is folded onto it with `|`
// escaped, so a table keeps its shape whatever the spec says.

// lineBreak joins the lines of text that must stay on one Markdown line.
// GFM renders it inside table cells and list items alike; the
// self-closing form is also valid MDX (Docusaurus).
const lineBreak = "<br />"

// normalizeNewlines turns CRLF and CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// markdownSource prepares spec Markdown for rewriting: CRLF and CR as LF,
// and no control characters but tabs and line feeds (they have no
// business on a page, and a link cannot hold one).
func markdownSource(s string) string {
	s = normalizeNewlines(s)
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return r != '\t' && r != '\n' && (r < ' ' || r == 0x7f)
}

// escapeText escapes plain text for any inline position, table cells
// included: every character Markdown could read as syntax is
// backslash-escaped, newlines become <br />, and a URL or email address
// becomes a link whose text is the URL as written ([url](url)). Braces are
// escaped too: MDX (Docusaurus) reads {name} as a JavaScript expression,
// CommonMark renders \{ as {.
func escapeText(s string) string { return escapeTextAs(s, urlLinks) }

// escapeTextAs is escapeText with URLs written in form f.
func escapeTextAs(s string, f urlForm) string {
	return escapeLines(s, f, true)
}

// escapeLinkText is escapeText for the text of a link errgen writes
// ([Billing](billing.md)): a URL in it stays text, since a link cannot
// hold another (the outer one would stop being a link).
func escapeLinkText(s string) string {
	return escapeLines(s, urlLinks, false)
}

func escapeLines(s string, f urlForm, links bool) string {
	if plainProse(s) {
		return s
	}
	return escapeAllLines(s, f, links)
}

// escapeAllLines is escapeLines without the shortcut for plain prose.
func escapeAllLines(s string, f urlForm, links bool) string {
	s = normalizeNewlines(s)
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString(lineBreak)
		}
		escapeLine(&b, line, f, links)
	}
	return b.String()
}

func escapeLine(b *strings.Builder, line string, f urlForm, links bool) {
	// Control characters have no business on a page; invalid UTF-8 shows
	// as U+FFFD, in a URL as elsewhere.
	line = strings.Map(func(r rune) rune {
		if r != '\t' && (r < ' ' || r == 0x7f) {
			return -1
		}
		return r
	}, line)
	link, linkEnd := -1, rune(0) // where the last link ended, and its last character
	for i := 0; i < len(line); {
		prev := rune(-1)
		if i > 0 {
			prev, _ = utf8.DecodeLastRuneInString(line[:i])
		}
		if i == link {
			prev = linkEnd
		}
		if end := mdinline.LiteralEndAfter(line, i, prev); end > 0 && links {
			// A URL or email address: a link, not a bare URL (MD034).
			linkEnd = writeURLLink(b, line[i:end], mdinline.Href(line[i:end]), f)
			i, link = end, end
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		switch r {
		case '\\', '`', '*', '[', ']', '<', '>', '|', '&', '~', '#', '!', '{', '}':
			b.WriteByte('\\')
		case '_':
			if !intraword(line, i-size) {
				b.WriteByte('\\')
			}
		case '-', '+', '=':
			if strings.TrimSpace(line[:i-size]) == "" {
				b.WriteByte('\\') // would start a list or a setext underline
			}
		case '.', ')':
			if isDigits(strings.TrimSpace(line[:i-size])) {
				b.WriteByte('\\') // "1." would start an ordered list
			}
		case '\t':
			b.WriteString("    ")
			continue
		}
		if r < ' ' || r == 0x7f {
			continue // control characters have no business on a page
		}
		b.WriteRune(r)
	}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// intraword reports whether the underscore at byte i sits between two
// letters or digits, where CommonMark never reads it as emphasis.
func intraword(s string, i int) bool {
	if i == 0 || i+1 >= len(s) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return alnum(before) && alnum(after)
}

// codeSpan renders s as an inline code span whose delimiters are longer
// than any backtick run inside it. Newlines become spaces (a code span
// cannot hold a line break). Not for table cells: see cellCode.
func codeSpan(s string) string {
	if printableASCII(s) && strings.IndexByte(s, '`') < 0 && !(s != "" && s[0] == ' ' && s[len(s)-1] == ' ' && strings.TrimSpace(s) != "") {
		return "`" + s + "`" // what codeSpanFull writes for it
	}
	return codeSpanFull(s)
}

// codeSpanFull is codeSpan without its shortcut for plain text.
func codeSpanFull(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || (strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.TrimSpace(s) != "") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// emptyCell is what a table cell with nothing to say shows: markdownlint's
// compact table style (MD060) wants content in every cell, and a reader
// tells "nothing" from a rendering fault.
const emptyCell = "—"

// cell is a table cell's content (already escaped), or emptyCell when it
// has none.
func cell(s string) string {
	if strings.TrimSpace(s) == "" {
		return emptyCell
	}
	return s
}

// cellCode is codeSpan for table cells: GFM splits cells on `|` before it
// parses code spans, so `|` is escaped even there (and GFM drops the
// backslash).
func cellCode(s string) string {
	return strings.ReplaceAll(codeSpan(s), "|", `\|`)
}

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// fenceOver is a code fence longer than a backtick run of n, so that
// nothing in a body whose longest run is n can close it.
func fenceOver(n int) string {
	return strings.Repeat("`", max(3, n+1))
}

// fenceOf returns the fence (run of ``` or ~~~) a line opens or closes
// with, or "".
func fenceOf(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && strings.Contains(t[n:], "`")) {
		return ""
	}
	return t[:n]
}

// neutralizeLine replaces `<` outside code spans with &lt; and escapes
// braces (for MDX), in a line of indented code: the block is code when
// the reading is right, and cannot open raw HTML when it is not.
// Autolinks (<https://...>, <mailto:...>) are written in form f.
func neutralizeLine(line string, f urlForm) string {
	if !strings.Contains(line, "<") {
		return line
	}
	var b strings.Builder
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line):
			b.WriteString(line[i : i+2])
			i += 2
			continue
		case c == '`':
			n := 1
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			if end := closingRun(line, i+n, n); end >= 0 {
				b.WriteString(line[i:end])
				i = end
				continue
			}
			b.WriteString(line[i : i+n])
			i += n
			continue
		case c == '<' && isAutolink(line[i:]):
			end := strings.IndexByte(line[i:], '>')
			url := line[i+1 : i+end]
			if f == urlAutolinks && autolinkable(url, url) {
				b.WriteString(line[i : i+end+1])
			} else {
				b.WriteString("[" + url + "](" + url + ")")
			}
			i += end + 1
			continue
		case c == '{' || c == '}':
			b.WriteByte('\\')
		case c == '<':
			b.WriteString("&lt;")
			i++
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// closingRun finds the end (exclusive) of a code span opened by n
// backticks, searching from i; -1 when it is not closed on this line.
func closingRun(line string, i, n int) int {
	for i < len(line) {
		if line[i] != '`' {
			i++
			continue
		}
		m := 0
		for i+m < len(line) && line[i+m] == '`' {
			m++
		}
		if m == n {
			return i + m
		}
		i += m
	}
	return -1
}

func isAutolink(s string) bool {
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return false
	}
	inner := s[1:end]
	if strings.ContainsAny(inner, " <\t") {
		return false
	}
	return webOrMailURL(inner)
}

// markdownInline folds spec Markdown onto one line (list items, table
// cells): lines of a paragraph are joined with a space, paragraphs with
// <br>, each paragraph is rewritten by inlineMarkdown (raw HTML, URLs,
// link texts, emphasis) and `|` is escaped.
func markdownInline(s string) string { return markdownInlineAs(s, urlLinks) }

// markdownInlineAs is markdownInline with URLs written in form f.
func markdownInlineAs(s string, f urlForm) string {
	if plainProse(s) {
		return s
	}
	return rewriteMarkdownInline(s, f)
}

// rewriteMarkdownInline is markdownInlineAs without the shortcut for
// plain prose.
func rewriteMarkdownInline(s string, f urlForm) string {
	s = strings.TrimSpace(strings.ReplaceAll(markdownSource(s), "\t", " "))
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			paras = append(paras, inlineMarkdownAs(strings.Join(lines, " "), f))
		}
	}
	out := strings.Join(paras, lineBreak)
	out = strings.ReplaceAll(out, `\|`, "|") // already escaped by the author
	out = strings.ReplaceAll(out, "|", `\|`)
	return escapeLeading(out)
}

// escapeLeading escapes a character that would start a block (a heading,
// a list, a quote, a code fence) when the text begins a list item's
// content.
func escapeLeading(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '=':
		return `\` + s
	case '*':
		if len(s) == 1 || s[1] == ' ' {
			return `\` + s // a bullet; emphasis would have been written *x
		}
	case '`', '~':
		if fenceOf(s) != "" {
			return `\` + s
		}
	}
	if m := orderedStart.FindStringIndex(s); m != nil {
		return s[:m[1]-1] + `\` + s[m[1]-1:] // 1. or 1) would start a list
	}
	return s
}

var orderedStart = regexp.MustCompile(`^[0-9]{1,9}[.)]`)

// firstParagraph returns the first paragraph of Markdown text, for
// summaries; "" when it starts with a code fence or a table.
func firstParagraph(s string) string {
	s = strings.TrimSpace(normalizeNewlines(s))
	p, _, _ := strings.Cut(s, "\n\n")
	if fenceOf(strings.SplitN(p, "\n", 2)[0]) != "" || strings.HasPrefix(p, "|") {
		return ""
	}
	return p
}
