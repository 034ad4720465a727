package mdinline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds GitHub Flavored Markdown's literal autolinks: the
// www., http:// and https:// URLs and the email addresses GitHub turns
// into links without angle brackets. The rules are those of
// micromark-extension-gfm-autolink-literal, the parser markdownlint runs
// (its MD034, "no bare URLs", reports exactly these), which follows
// cmark-gfm's autolink extension.

// LiteralEnd returns the end (exclusive) of the literal autolink that starts
// at s[i], or -1 when none does. The text before i decides too: a URL
// must not follow a letter (an email address must not follow an address
// character or a slash, www. must follow a space, a line start or one of
// ( * _ [ ] ~).
func LiteralEnd(s string, i int) int {
	prev := rune(-1) // the start of the text
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	return LiteralEndAfter(s, i, prev)
}

// LiteralEndAfter is LiteralEnd with the character before s[i] given
// (-1 for none): the one the page will show there, which is not s[i-1]
// when what comes before is rewritten (a URL written as a link ends in
// a ")").
func LiteralEndAfter(s string, i int, prev rune) int {
	if i >= len(s) {
		return -1
	}
	// Email addresses are tried first, as micromark does: www.a@b.co is
	// an address.
	if isAtext(s[i]) && prev != '/' && (prev < 0 || prev >= utf8.RuneSelf || !isAtext(byte(prev))) {
		if end := emailLiteral(s, i); end > 0 {
			return end
		}
	}
	switch c := s[i]; {
	case (c == 'h' || c == 'H') && !isASCIIAlpha(prev):
		return protocolLiteral(s, i)
	case (c == 'w' || c == 'W') && previousWWW(prev):
		return wwwLiteral(s, i)
	}
	return -1
}

// Href is the link destination of a literal autolink's text: mailto: for
// an email address, http:// for www., the URL itself otherwise.
func Href(lit string) string {
	lower := strings.ToLower(lit)
	switch {
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"):
		return lit
	case strings.HasPrefix(lower, "www."):
		return "http://" + lit
	}
	return "mailto:" + lit
}

func previousWWW(r rune) bool {
	switch r {
	case -1, '(', '*', '_', '[', ']', '~', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

// protocolLiteral matches http:// or https://, a domain and a path.
func protocolLiteral(s string, i int) int {
	j := i
	for j < len(s) && j-i < 5 && isASCIIAlpha(rune(s[j])) {
		j++
	}
	if p := strings.ToLower(s[i:j]); p != "http" && p != "https" {
		return -1
	}
	if !strings.HasPrefix(s[j:], "://") {
		return -1
	}
	j += 3
	r, _ := utf8.DecodeRuneInString(s[j:])
	if j >= len(s) || r < ' ' || r == 0x7f || isWhitespace(r) || isPunctuation(r) {
		return -1
	}
	end := domain(s, j)
	if end < 0 {
		return -1
	}
	return path(s, end)
}

// wwwLiteral matches www., a domain and a path.
func wwwLiteral(s string, i int) int {
	if len(s)-i < 5 || !strings.EqualFold(s[i:i+4], "www.") {
		return -1
	}
	end := domain(s, i)
	if end < 0 {
		return -1
	}
	return path(s, end)
}

// domain matches a domain from s[i]: anything but whitespace and
// punctuation other than - . _, with no _ in its last two labels, and not
// counting trailing punctuation. It returns the domain's end, -1 when
// there is none.
func domain(s string, i int) int {
	seen, underLast, underLastLast := false, false, false
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == '.' || r == '_' {
			if trail(s, j) {
				break
			}
			if r == '_' {
				underLast = true
			} else {
				underLastLast, underLast = underLast, false
			}
			j += size
			continue
		}
		if isWhitespace(r) || (r != '-' && isPunctuation(r)) {
			break
		}
		seen = true
		j += size
	}
	if underLast || underLastLast || !seen {
		return -1
	}
	return j
}

// path extends a literal from s[i] to the next whitespace, without its
// trailing punctuation and without a closing parenthesis it did not open.
// Unlike micromark, it stops before a backslash escape: "http://x\*"
// is the URL http://x and an escaped *, so that writing a URL as a link
// never takes the backslash of an escape that follows it.
func path(s string, i int) int {
	open, closed := 0, 0
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '\\' && j+1 < len(s) && isASCIIPunct(s[j+1]):
			return j
		case r == '(':
			open++
		case r == ')' && closed < open:
			closed++
		case strings.ContainsRune(`!"&')*,.:;<?]_~`, r):
			if trail(s, j) {
				return j
			}
			if r == ')' {
				closed++
			}
		case isWhitespace(r):
			return j
		}
		j += size
	}
	return j
}

// trail reports whether s[i:] is trailing punctuation: a run of
// ! " ' ) * , . : ; ? _ ~ (an entity-like &name; counts as one) and ]
// before whitespace, the end, or <.
func trail(s string, i int) bool {
	for i < len(s) {
		c := s[i]
		switch {
		case strings.IndexByte(`!"')*,.:;?_~`, c) >= 0:
			i++
		case c == '&':
			j := i + 1
			for j < len(s) && isASCIIAlpha(rune(s[j])) {
				j++
			}
			if j == i+1 || j >= len(s) || s[j] != ';' {
				return false
			}
			i = j + 1
		case c == ']':
			i++
			if i >= len(s) || s[i] == '(' || s[i] == '[' {
				return true
			}
			if r, _ := utf8.DecodeRuneInString(s[i:]); isWhitespace(r) {
				return true
			}
		case c == '<':
			return true
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return isWhitespace(r)
		}
	}
	return true
}

// emailLiteral matches an email address: address characters, @, and a
// domain of letters, digits, - and _ with at least one inner dot, ending
// in a letter.
func emailLiteral(s string, i int) int {
	j := i
	for j < len(s) && isAtext(s[j]) {
		j++
	}
	if j >= len(s) || s[j] != '@' {
		return -1
	}
	j++
	dot, data := false, false
	for j < len(s) {
		c := s[j]
		if c == '.' {
			if j+1 >= len(s) || !isASCIIAlnum(s[j+1]) {
				break // a trailing dot
			}
			dot = true
			j++
			continue
		}
		if c == '-' || c == '_' || isASCIIAlnum(c) {
			data = true
			j++
			continue
		}
		break
	}
	if !data || !dot || !isASCIIAlpha(rune(s[j-1])) {
		return -1
	}
	return j
}

func isAtext(c byte) bool {
	return c == '+' || c == '-' || c == '.' || c == '_' || isASCIIAlnum(c)
}

func isASCIIAlpha(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

func isASCIIAlnum(c byte) bool {
	return isASCIIAlpha(rune(c)) || (c >= '0' && c <= '9')
}

// isWhitespace is CommonMark's Unicode whitespace (the end of the text
// counts as whitespace too, for callers that pass -1).
func isWhitespace(r rune) bool {
	return r == -1 || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || unicode.Is(unicode.Zs, r)
}

// isPunctuation is CommonMark's Unicode punctuation: the P and S
// categories (ASCII punctuation included).
func isPunctuation(r rune) bool {
	if r < 0 {
		return false
	}
	if r < utf8.RuneSelf {
		return (r >= '!' && r <= '/') || (r >= ':' && r <= '@') || (r >= '[' && r <= '`') || (r >= '{' && r <= '~')
	}
	return unicode.In(r, unicode.P, unicode.S)
}

// IsWhitespace and IsPunctuation expose CommonMark's character classes
// (-1 stands for the start or the end of the text, which is whitespace).
func IsWhitespace(r rune) bool { return isWhitespace(r) }

// IsPunctuation reports whether r is CommonMark Unicode punctuation.
func IsPunctuation(r rune) bool { return isPunctuation(r) }
