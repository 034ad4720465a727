package docs

import (
	"strconv"
	"strings"
	"unicode"
)

// headingAnchor is the anchor GitHub gives a heading whose text (as a
// reader sees it: no markup, code spans' content, links' text) is text,
// and the one markdownlint's MD051 checks links against: lower case, every
// character but letters, marks, digits, connector punctuation (_), - and
// spaces dropped, spaces turned into -. Docs sites (Docusaurus, MkDocs
// with its default slugifier aside) derive theirs the same way. GitHub
// adds -1, -2, … to repeated anchors; errgen keeps its headings unique so
// that none needs a suffix.
func headingAnchor(text string) string {
	if b, ok := asciiAnchor(text); ok {
		return b
	}
	return unicodeAnchor(text)
}

// unicodeAnchor is headingAnchor for any text.
func unicodeAnchor(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asciiAnchor is headingAnchor of ASCII text, where the letters, marks,
// digits and connector punctuation are a-z, A-Z, 0-9 and _.
func asciiAnchor(text string) (string, bool) {
	b := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= 0x80:
			return "", false
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_', c == '-':
			b = append(b, c)
		case c == ' ':
			b = append(b, '-')
		}
	}
	return string(b), true
}

// anchorSet holds the anchors a page's headings and <a id>s have taken.
type anchorSet map[string]bool

// add takes the anchor of a heading with the given plain text.
func (a anchorSet) add(text string) {
	a[headingAnchor(headingText(text))] = true
}

// addError takes the anchors of an error's section: its <a id>, its
// heading and the headings of its parts, as error.tmpl writes them.
func (a anchorSet) addError(e *Error) {
	code := " (" + e.Code + ")"
	a.add(e.Title + code)
	a.addParts(e, code)
}

// addParts takes the anchor of an error's <a id> and the anchors of the
// headings of its parts, each followed by suffix.
func (a anchorSet) addParts(e *Error, code string) {
	a[e.Anchor] = true
	parts := [...]struct {
		name  string
		shown bool
	}{
		{"Messages", len(e.Variants) > 0},
		{"Causes", len(e.Causes) > 0},
		{"Solution", e.Solution != ""},
		{"Parameters", len(e.Params) > 0},
		{"Example response", e.Example != nil},
	}
	for _, p := range parts {
		if p.shown {
			a.add(p.name + code)
		}
	}
}

// unique returns the heading of a section that no other heading or
// anchor of the page has: its title, else the title and its group id.
func (a anchorSet) unique(sec *Section) string {
	id := "ungrouped"
	if sec.Group != nil {
		id = sec.Group.ID
	}
	return a.uniqueHeading(sec.Title, id)
}

// uniqueHeading returns a heading that no other heading or anchor of the
// page has, and takes its anchor: title, else title and id ("Billing
// (billing)"), else with a number too.
func (a anchorSet) uniqueHeading(title, id string) string {
	h := title
	for n := 1; ; n++ {
		anchor := headingAnchor(headingText(h))
		if anchor == "" || !a[anchor] {
			a[anchor] = true
			return h
		}
		h = title + " (" + id + ")"
		if n > 1 {
			h = title + " (" + id + " " + strconv.Itoa(n) + ")"
		}
	}
}

// headingText is the text a reader sees of plain text escaped by
// escapeText in a heading: line breaks are <br />, which has no text.
func headingText(s string) string {
	if printableASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, strings.ReplaceAll(s, "\t", "    "))
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// addHeadings takes the anchors of the headings among blocks read by
// readBlocks (a # line in code is none).
func (a anchorSet) addHeadings(blocks []*block) {
	for _, b := range blocks {
		if b.kind != kindHeading {
			continue
		}
		var words []string
		for _, l := range rewriteUnit(b.unit, urlLinks) {
			words = append(words, strings.TrimSpace(l))
		}
		a.add(strings.Join(words, " "))
	}
}
