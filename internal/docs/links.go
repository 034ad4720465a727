package docs

import (
	"regexp"
	"strings"

	"github.com/errgen/errgen/internal/docs/mdinline"
	"github.com/errgen/errgen/internal/model"
)

// urlForm is how the pages of one render write a URL they show as a link:
// a URL or email address in spec text (markdownlint's MD034 wants no bare
// URL), an error's own doc link.
type urlForm uint8

const (
	// urlLinks writes [https://…](https://…), the only link to a URL
	// that MDX reads: Docusaurus pages (docs.front_matter: docusaurus),
	// whose MDX parser takes <https://…> for a JSX tag.
	urlLinks urlForm = iota
	// urlAutolinks writes CommonMark autolinks, <https://…> and
	// <a@b.co>, on every other page (front_matter none or readme). A URL
	// that an autolink cannot show exactly as written is written as a
	// link instead (see autolinkable), and so is a URL in a heading on
	// every page: markdownlint's MD051 derives a heading's anchor without
	// the text of its autolinks, GitHub with it, so a link to the heading
	// could not satisfy both.
	urlAutolinks
)

// formOf is the URL form of a spec's pages.
func formOf(s *model.Spec) urlForm {
	if s.Docs.FrontMatter == model.FrontMatterDocusaurus {
		return urlLinks
	}
	return urlAutolinks
}

// writeURLLink writes a link whose text is the URL (or address) as
// written, text, to href: in form f, an autolink when one shows text and
// goes to href, else [text](href). A backslash written just before
// (text, not an escape: "\\https://…") is escaped first, so that it
// cannot escape the link's [ or <. It returns the last character it
// wrote, the one the next literal sees before it.
func writeURLLink(b *strings.Builder, text, href string, f urlForm) rune {
	written := b.String()
	if n := len(written) - len(strings.TrimRight(written, `\`)); n%2 == 1 {
		b.WriteByte('\\')
	}
	if f == urlAutolinks && autolinkable(text, href) {
		b.WriteString("<" + text + ">")
		return '>'
	}
	b.WriteString("[" + escapeLabel(text) + "](" + escapeDestination(href) + ")")
	return ')'
}

// urlLink is the template function url: a URL as a link in form f.
func urlLink(u string, f urlForm) string {
	var b strings.Builder
	writeURLLink(&b, u, u, f)
	return b.String()
}

// entityLike matches what CommonMark reads as an entity or numeric
// character reference, which it decodes inside autolinks too.
var entityLike = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);`)

// autolinkable reports whether <text> is a CommonMark autolink that
// shows text and goes to href, to a web or mail address, wherever errgen
// writes it: not when text holds a | (GFM splits table cells at it before
// it reads autolinks, and a \| in an autolink is not an escape) or
// something CommonMark would decode as a character reference (&amp;),
// and not for www. addresses, whose link text would have to change
// (<http://www.…>).
func autolinkable(text, href string) bool {
	if text == "" || strings.ContainsRune(text, '|') || entityLike.MatchString(text) {
		return false
	}
	a := "<" + text + ">"
	if mdinline.AutolinkEnd(a, 0) != len(a) {
		return false
	}
	lower := strings.ToLower(text)
	switch {
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"), strings.HasPrefix(lower, "mailto:"):
		return href == text
	case strings.Contains(text, ":"):
		return false // another scheme
	}
	return href == "mailto:"+text // an email autolink
}

// escapeLabel escapes a URL for a link's text: every character Markdown
// or MDX could read as syntax, and | (a table cell's end).
func escapeLabel(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("\\`*_[]<>&~{}!|", s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// escapeDestination escapes a URL for a link's destination, | included
// (a table cell's end; \| is | in a destination too).
func escapeDestination(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("\\(){}<>|", s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// retargetFragments rewrites the links of Markdown text written for one
// page and shown on another whose destination is a bare fragment
// ("[declined](#card_declined)"), which would point into the page the
// text is shown on: to the href resolve gives for the fragment (the
// page that defines the anchor), or, when resolve knows none, to the
// link's text alone; an href equal to the link's own destination keeps
// the link as written. Links with a path or a scheme are kept as written.
func retargetFragments(s string, resolve func(frag string) (href string, ok bool)) string {
	var b strings.Builder
	for _, t := range mdinline.Scan(s, 0, len(s), mdinline.Options{Links: true}) {
		dest := ""
		if t.Kind == mdinline.Link {
			dest = mdinline.Destination(s, t)
		}
		if !strings.HasPrefix(dest, "#") {
			b.WriteString(s[t.Start:t.End])
			continue
		}
		href, ok := resolve(dest[1:])
		switch {
		case !ok:
			b.WriteString(s[t.TextStart:t.TextEnd])
			continue
		case href == dest:
			b.WriteString(s[t.Start:t.End])
			continue
		}
		b.WriteString(s[t.Start:t.DestStart] + escapeDestination(href) + linkTitle(s, t) + ")")
	}
	return b.String()
}

// linkTitle is what follows a link's destination up to its closing
// parenthesis: its title, if any, with the space before it.
func linkTitle(s string, t mdinline.Token) string {
	raw := s[t.DestStart:t.DestEnd]
	d := strings.TrimLeft(raw, " \t\n")
	if strings.HasPrefix(d, "<") {
		return d[strings.IndexByte(d, '>')+1:]
	}
	if end := strings.IndexAny(d, " \t\n"); end >= 0 {
		return d[end:]
	}
	return ""
}
