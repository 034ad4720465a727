// Package mdinline reads CommonMark and GitHub Flavored Markdown inline
// text as far as errgen needs to put spec text on a page or into an
// OpenAPI description: backslash escapes, code spans, autolinks, inline
// links and images, GFM literal autolinks (bare URLs and email
// addresses) and emphasis delimiter runs. It splits text into tokens and
// leaves what to do with each to the caller; everything it does not
// recognise is text.
//
// The rules are CommonMark's (https://spec.commonmark.org/0.31.2/) and,
// for literal autolinks, those of micromark-extension-gfm-autolink-literal,
// the parser markdownlint uses.
package mdinline

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Kind is the kind of a token.
type Kind int

// The kinds of tokens.
const (
	// Text is ordinary text.
	Text Kind = iota
	// Escape is a backslash and the ASCII punctuation character it escapes.
	Escape
	// Code is a code span, backtick fences included.
	Code
	// Autolink is <scheme:...> or <address@example.com>.
	Autolink
	// Less is a < that opens no autolink (raw HTML, or just a less-than).
	Less
	// Literal is a GFM literal autolink: a bare URL or email address.
	Literal
	// Link is an inline link [text](destination "title").
	Link
	// Image is an inline image ![text](source "title").
	Image
	// Delim is a run of * or _ that may open or close emphasis, or of ~
	// (GFM strikethrough).
	Delim
)

// Token is one token of a text.
type Token struct {
	Kind       Kind
	Start, End int // the token's bytes
	// TextStart and TextEnd delimit the text of a Link or Image (between
	// the brackets); DestStart and DestEnd what is between "](" and the
	// closing ")": the destination and the title as written.
	TextStart, TextEnd int
	DestStart, DestEnd int
}

// Options choose what Scan recognises.
type Options struct {
	// Links recognises inline links and images (link texts cannot hold
	// links, so callers scanning a link's text turn it off).
	Links bool
	// Literals recognises GFM literal autolinks (not inside link texts).
	Literals bool
}

// Scan splits s[from:to] into tokens. Link texts are not split: scan
// s[TextStart:TextEnd] for them.
func Scan(s string, from, to int, opt Options) []Token {
	var out []Token
	text := -1 // start of the pending text token
	flush := func(at int) {
		if text >= 0 {
			out = append(out, Token{Kind: Text, Start: text, End: at})
			text = -1
		}
	}
	emit := func(t Token) {
		flush(t.Start)
		out = append(out, t)
	}
	s = s[:to]
	for i := from; i < to; {
		c := s[i]
		switch {
		case c == '\\' && i+1 < to && isASCIIPunct(s[i+1]):
			emit(Token{Kind: Escape, Start: i, End: i + 2})
			i += 2
			continue
		case c == '`':
			n := run(s, i, '`')
			if end := closeCode(s, i+n, n); end > 0 {
				emit(Token{Kind: Code, Start: i, End: end})
				i = end
				continue
			}
			if text < 0 {
				text = i
			}
			i += n
			continue
		case c == '<':
			if end := AutolinkEnd(s, i); end > 0 {
				emit(Token{Kind: Autolink, Start: i, End: end})
				i = end
				continue
			}
			emit(Token{Kind: Less, Start: i, End: i + 1})
			i++
			continue
		case c == '!' && opt.Links && i+1 < to && s[i+1] == '[':
			if l, ok := parseLink(s, i+1); ok {
				l.Kind, l.Start = Image, i
				emit(l)
				i = l.End
				continue
			}
		case c == '[' && opt.Links:
			if l, ok := parseLink(s, i); ok {
				emit(l)
				i = l.End
				continue
			}
		}
		if opt.Literals {
			prev := rune(-1)
			if i > 0 {
				prev, _ = utf8.DecodeLastRuneInString(s[:i])
			}
			if n := len(out); n > 0 && out[n-1].Kind == Literal && out[n-1].End == i {
				// Literals are written as links, [text](url) or <url>:
				// what follows one follows a ) or a >.
				prev = ')'
			}
			if end := LiteralEndAfter(s, i, prev); end > 0 {
				emit(Token{Kind: Literal, Start: i, End: end})
				i = end
				continue
			}
		}
		if c == '*' || c == '_' || c == '~' {
			n := run(s, i, c)
			emit(Token{Kind: Delim, Start: i, End: i + n})
			i += n
			continue
		}
		if text < 0 {
			text = i
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	flush(to)
	return out
}

func isASCIIPunct(c byte) bool {
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
}

// run is the length of the run of c at s[i].
func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// closeCode returns the end of the code span whose opening run of n
// backticks ends at i, or -1 when no run of exactly n closes it.
func closeCode(s string, i, n int) int {
	for i < len(s) {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			return -1
		}
		i += j
		m := run(s, i, '`')
		if m == n {
			return i + m
		}
		i += m
	}
	return -1
}

var (
	uriAutolink   = regexp.MustCompile(`^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>\x7f]*>`)
	emailAutolink = regexp.MustCompile(`^<[a-zA-Z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*>`)
)

// AutolinkEnd returns the end of the CommonMark autolink (<scheme:...> or
// <address@example.com>) at s[i], or -1.
func AutolinkEnd(s string, i int) int {
	if i >= len(s) || s[i] != '<' {
		return -1
	}
	if m := uriAutolink.FindStringIndex(s[i:]); m != nil {
		return i + m[1]
	}
	if m := emailAutolink.FindStringIndex(s[i:]); m != nil {
		return i + m[1]
	}
	return -1
}

// parseLink reads an inline link at s[i] == '[': the text up to the
// matching ], then "(", an optional destination and title, and ")".
func parseLink(s string, i int) (Token, bool) {
	textEnd := closeBracket(s, i+1)
	if textEnd < 0 || textEnd+1 >= len(s) || s[textEnd+1] != '(' {
		return Token{}, false
	}
	j := skipSpace(s, textEnd+2)
	if j < len(s) && s[j] == '<' {
		for j++; j < len(s) && s[j] != '>'; j++ {
			switch s[j] {
			case '\n', '<':
				return Token{}, false
			case '\\':
				j++
			}
		}
		if j >= len(s) {
			return Token{}, false
		}
		j++
	} else {
		depth := 0
	dest:
		for ; j < len(s); j++ {
			switch c := s[j]; {
			case c == '\\' && j+1 < len(s) && isASCIIPunct(s[j+1]):
				j++
			case c == '(':
				depth++
			case c == ')':
				if depth == 0 {
					break dest
				}
				depth--
			case c <= ' ' || c == 0x7f:
				break dest
			}
		}
		if depth != 0 {
			return Token{}, false
		}
	}
	k := skipSpace(s, j)
	if k < len(s) && k > j && (s[k] == '"' || s[k] == '\'' || s[k] == '(') {
		closer := s[k]
		if closer == '(' {
			closer = ')'
		}
		k++
		for ; k < len(s) && s[k] != closer; k++ {
			switch {
			case s[k] == '\\':
				k++
			case s[k] == '(' && closer == ')':
				return Token{}, false
			}
		}
		if k >= len(s) {
			return Token{}, false
		}
		k = skipSpace(s, k+1)
	}
	if k >= len(s) || s[k] != ')' {
		return Token{}, false
	}
	return Token{Kind: Link, Start: i, End: k + 1, TextStart: i + 1, TextEnd: textEnd, DestStart: textEnd + 2, DestEnd: k}, true
}

// closeBracket finds the ] that closes a link text starting at i, past
// nested brackets, escapes, code spans and autolinks; -1 when none does.
func closeBracket(s string, i int) int {
	depth := 0
	for i < len(s) {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i += 2
			continue
		case c == '`':
			n := run(s, i, '`')
			if end := closeCode(s, i+n, n); end > 0 {
				i = end
				continue
			}
			i += n
			continue
		case c == '<':
			if end := AutolinkEnd(s, i); end > 0 {
				i = end
				continue
			}
		case c == '[':
			depth++
		case c == ']':
			if depth == 0 {
				return i
			}
			depth--
		}
		i++
	}
	return -1
}

// skipSpace skips spaces, tabs and at most one line ending.
func skipSpace(s string, i int) int {
	newline := false
	for i < len(s) {
		switch s[i] {
		case ' ', '\t':
		case '\n':
			if newline {
				return i
			}
			newline = true
		default:
			return i
		}
		i++
	}
	return i
}

// Destination is the destination of a Link or Image token as a URL:
// without angle brackets, backslash escapes undone ("" when there is
// none).
func Destination(s string, t Token) string {
	d := strings.TrimLeft(s[t.DestStart:t.DestEnd], " \t\n")
	if strings.HasPrefix(d, "<") {
		d = d[1:strings.IndexByte(d, '>')]
	} else if end := strings.IndexAny(d, " \t\n"); end >= 0 {
		d = d[:end]
	}
	var b strings.Builder
	for i := 0; i < len(d); i++ {
		if d[i] == '\\' && i+1 < len(d) && isASCIIPunct(d[i+1]) {
			i++
		}
		b.WriteByte(d[i])
	}
	return b.String()
}
