package openapi

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/errgen/errgen/internal/docs/mdinline"
)

// OpenAPI descriptions are CommonMark, and docs portals render them as
// HTML. Spec text goes into them the way the Markdown reference treats it:
// plain text (names, titles, messages) renders exactly as written, and
// Markdown (descriptions) keeps its formatting but not raw HTML, so a
// description cannot inject a <script> into a portal. A URL or email
// address stays a link: CommonMark has no bare URLs (GFM's literal
// autolinks), so both are written as autolinks <https://…>, and the
// author's autolinks are kept (web and mail addresses only: a
// <javascript:…> autolink shows as text).

// escapePlain escapes what Markdown could read as syntax in plain text:
// "<" as an entity, the rest with backslashes; URLs and email addresses
// become autolinks.
func escapePlain(s string) string {
	return escapePlainText(s, true)
}

// escapePlainText is escapePlain; links turns URLs into autolinks.
func escapePlainText(s string, links bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if end := mdinline.LiteralEnd(s, i); links && end > 0 {
			writeAutolink(&b, s[i:end])
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '<': // an entity, not \<: naive HTML scanners see "\<script"
			b.WriteString("&lt;")
			continue
		case strings.ContainsRune("\\`*_[]>&|#!~", r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codeSpan writes s as inline code: the backtick fence is longer than any
// run of backticks inside, and padded when s starts or ends with one.
func codeSpan(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// writeAutolink writes a literal autolink's text (a URL, www.…, an
// email address) as a CommonMark link to it: <url>, or [text](url) where
// an autolink cannot hold it (www. needs its scheme; > and control
// characters end an autolink).
func writeAutolink(b *strings.Builder, lit string) {
	href := mdinline.Href(lit)
	if (href == lit || href == "mailto:"+lit) && mdinline.AutolinkEnd("<"+lit+">", 0) == len(lit)+2 {
		b.WriteString("<" + lit + ">")
	} else {
		b.WriteString("[" + escapePlainText(lit, false) + "](" + destination(href) + ")")
	}
}

// destination writes a URL as a link destination: parentheses and
// backslashes escaped, what a destination cannot hold percent-encoded.
func destination(href string) string {
	var b strings.Builder
	for i := 0; i < len(href); i++ {
		switch c := href[i]; {
		case c == '\\' || c == '(' || c == ')':
			b.WriteString(`\` + string(c))
		case c <= ' ' || c == '<' || c == '>' || c == 0x7f:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// markdownSafe keeps Markdown as written but turns "<" outside code into
// "&lt;", so raw HTML shows as text instead of running; autolinks to web
// and mail addresses stay, and bare URLs and email addresses become
// autolinks.
func markdownSafe(s string) string {
	// Only "<", an email address (@), a URL (://, www.) or a link's text
	// ([) can change: without them the text is as it was.
	if !strings.ContainsAny(s, "<@.") || !strings.ContainsAny(s, "<@[") && !strings.Contains(s, "://") && !containsWWW(s) {
		return s
	}
	return markdownSafeLines(s)
}

// containsWWW reports whether s holds "www." in any case.
func containsWWW(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
			return true
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// markdownSafeLines is markdownSafe without its shortcut.
func markdownSafeLines(s string) string {
	lines := strings.Split(s, "\n")
	fence := ""
	for i, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
		case strings.HasPrefix(trimmed, "```"), strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
		case len(line)-len(trimmed) >= 4: // maybe indented code: as it was
			lines[i] = escapeHTMLOutsideCode(line)
		default:
			lines[i] = linkSafe(line, 0, len(line), true)
		}
	}
	return strings.Join(lines, "\n")
}

// linkSafe writes line[from:to]: "<" outside code as "&lt;" but for
// autolinks to web and mail addresses, bare URLs and email addresses as
// autolinks (top is false inside a link's text, where links do not nest).
func linkSafe(line string, from, to int, top bool) string {
	var b strings.Builder
	for _, t := range mdinline.Scan(line, from, to, mdinline.Options{Links: true, Literals: top}) {
		tok := line[t.Start:t.End]
		switch t.Kind {
		case mdinline.Autolink:
			if inner := strings.ToLower(tok[1 : len(tok)-1]); strings.HasPrefix(inner, "http://") || strings.HasPrefix(inner, "https://") ||
				strings.HasPrefix(inner, "mailto:") || !strings.Contains(inner, ":") {
				b.WriteString(tok)
				continue
			}
			b.WriteString("&lt;" + linkSafe(line, t.Start+1, t.End, top))
		case mdinline.Less:
			b.WriteString("&lt;")
		case mdinline.Literal:
			writeAutolink(&b, tok)
		case mdinline.Link, mdinline.Image:
			if t.Kind == mdinline.Image {
				b.WriteByte('!')
			}
			b.WriteString("[" + linkSafe(line, t.TextStart, t.TextEnd, false) + "](" + line[t.DestStart:t.DestEnd] + ")")
		default:
			b.WriteString(tok)
		}
	}
	return b.String()
}

// escapeHTMLOutsideCode escapes "<" in one line except inside code spans.
func escapeHTMLOutsideCode(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		if line[i] == '`' {
			n := countRun(line[i:], '`')
			fence := line[i : i+n]
			if end := strings.Index(line[i+n:], fence); end >= 0 {
				b.WriteString(line[i : i+n+end+n])
				i += n + end + n
				continue
			}
			b.WriteString(fence)
			i += n
			continue
		}
		if line[i] == '<' {
			b.WriteString("&lt;")
		} else {
			b.WriteByte(line[i])
		}
		i++
	}
	return b.String()
}

func countRun(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}
