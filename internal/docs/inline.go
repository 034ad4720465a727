package docs

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/errgen/errgen/internal/docs/mdinline"
)

// This file rewrites the inline Markdown of spec text (a paragraph, a
// heading's text, a table cell) so that the page passes a docs team's
// markdownlint with its defaults, whatever the author wrote, and shows
// the same text:
//
//   - outside code, < becomes &lt; (spec text never opens raw HTML) and
//     braces are escaped (MDX reads {x} as an expression);
//   - autolinks <https://…> and bare URLs and email addresses (MD034)
//     become links [https://…](https://…), which CommonMark and MDX both
//     read; autolinks with other schemes (javascript:…) become text;
//   - a link whose text says nothing (here, link, more, click here:
//     MD059) keeps its text and gains its destination as the link:
//     "[here](https://x)" becomes "here ([https://x](https://x))";
//   - emphasis is written with asterisks (MD049, MD050), and * and _ that
//     CommonMark reads literally are escaped, so that no parser reads them
//     otherwise (see normalizeEmphasis).

// nonDescriptive are the link texts markdownlint's MD059 rejects by
// default, normalised as it normalises them.
var nonDescriptive = []string{"click here", "here", "link", "more"}

// inlineMarkdown rewrites one inline unit of spec Markdown (see above),
// URLs written as [url](url).
func inlineMarkdown(s string) string { return inlineMarkdownAs(s, urlLinks) }

// inlineMarkdownAs is inlineMarkdown with URLs written in form f.
func inlineMarkdownAs(s string, f urlForm) string {
	s = describeLinks(s, f)
	s = rewriteInline(s, 0, len(s), true, f)
	if !strings.ContainsAny(s, "*_") {
		return s
	}
	// An escaped delimiter can complete a URL that was none ("http://0_!"
	// has no domain, "http://0\_!" has), and a URL turned into a link
	// changes what its neighbours may open or close: again until nothing
	// changes (twice, for all but contrived text).
	for range 4 {
		next := normalizeEmphasis(s)
		next = rewriteInline(next, 0, len(next), true, f)
		if next == s {
			break
		}
		s = next
	}
	return s
}

// describeLinks gives a link whose text says nothing (MD059) its
// destination as a link: "[here](https://x)" becomes
// "here ([https://x](https://x))" (or "here (<https://x>)" in the
// autolink form). A destination with a scheme other than http, https
// and mailto is shown as code instead: "[link](javascript:alert(1))"
// becomes "link (`javascript:alert(1)`)", not a second link. It runs before the rest of the rewriting, which then
// reads the text it moved out of the link like any other (a URL it now
// completes becomes a link).
func describeLinks(s string, f urlForm) string {
	if !strings.Contains(s, "](") {
		return s
	}
	var b strings.Builder
	for _, t := range mdinline.Scan(s, 0, len(s), mdinline.Options{Links: true}) {
		if t.Kind == mdinline.Link && isNonDescriptive(s[t.TextStart:t.TextEnd]) {
			if href := mdinline.Destination(s, t); href != "" {
				if otherScheme(href) {
					// javascript:, data:, …: shown as code, which no
					// renderer makes a link.
					b.WriteString(s[t.TextStart:t.TextEnd] + " (" + codeSpan(href) + ")")
					continue
				}
				if f == urlAutolinks && autolinkable(href, href) {
					b.WriteString(s[t.TextStart:t.TextEnd] + " (<" + href + ">)")
					continue
				}
				b.WriteString(s[t.TextStart:t.TextEnd] + " ([" + escapeLabel(href) + "](" + s[t.DestStart:t.DestEnd] + "))")
				continue
			}
		}
		b.WriteString(s[t.Start:t.End])
	}
	return b.String()
}

// rewriteInline rewrites s[from:to]; top is false inside a link's text,
// where no bare URL becomes a link (links do not nest).
func rewriteInline(s string, from, to int, top bool, f urlForm) string {
	var b strings.Builder
	for _, t := range mdinline.Scan(s, from, to, mdinline.Options{Links: true, Literals: top}) {
		tok := s[t.Start:t.End]
		switch t.Kind {
		case mdinline.Text:
			b.WriteString(escapeBraces(tok))
		case mdinline.Autolink:
			inner := tok[1 : len(tok)-1]
			if safeAutolink(inner) {
				href := inner
				if !strings.Contains(inner, ":") {
					href = "mailto:" + inner
				}
				writeURLLink(&b, inner, href, f)
				continue
			}
			// Another scheme (javascript:, data:, …): shown as text.
			b.WriteString("&lt;")
			b.WriteString(rewriteInline(s, t.Start+1, t.End, top, f))
		case mdinline.Less:
			b.WriteString("&lt;")
		case mdinline.Literal:
			writeURLLink(&b, tok, mdinline.Href(tok), f)
		case mdinline.Link, mdinline.Image:
			text := rewriteInline(s, t.TextStart, t.TextEnd, false, f)
			dest := escapeBraces(s[t.DestStart:t.DestEnd])
			if t.Kind == mdinline.Image {
				b.WriteByte('!')
			}
			b.WriteString("[" + text + "](" + dest + ")")
		case mdinline.Code:
			b.WriteString(tidyCodeSpan(tok))
		default: // escapes and emphasis delimiters, as written
			b.WriteString(tok)
		}
	}
	return b.String()
}

// tidyCodeSpan drops the spaces a code span shows at its start or end
// (MD038): "`a `" becomes "`a`". CommonMark takes one space off each end
// of "` a `", and a space next to a backtick that starts or ends the
// content is how a span holds it: those stay, as does a span of spaces
// only.
func tidyCodeSpan(tok string) string {
	n := strings.IndexFunc(tok, func(r rune) bool { return r != '`' })
	if n < 0 {
		return tok
	}
	fence, content := tok[:n], tok[n:len(tok)-n]
	if strings.Contains(content, "\n") {
		return tok // the span's lines are the paragraph's: keep them
	}
	shown := content
	padded := len(shown) >= 2 && shown[0] == ' ' && shown[len(shown)-1] == ' ' && strings.Trim(shown, " ") != ""
	if padded {
		shown = shown[1 : len(shown)-1]
	}
	trimmed := strings.Trim(shown, " ")
	if trimmed == "" {
		return tok
	}
	// The spaces shown at each end, but the one a backtick needs.
	lead, trail := len(shown)-len(strings.TrimLeft(shown, " ")), len(shown)-len(strings.TrimRight(shown, " "))
	if !padded && lead > 0 && trimmed[0] == '`' {
		lead--
	}
	if !padded && trail > 0 && trimmed[len(trimmed)-1] == '`' {
		trail--
	}
	if lead == 0 && trail == 0 {
		return tok
	}
	if strings.HasPrefix(trimmed, "`") || strings.HasSuffix(trimmed, "`") {
		trimmed = " " + trimmed + " "
	}
	return fence + trimmed + fence
}

// safeAutolink reports whether an autolink's target is a web or mail
// address (other schemes, such as javascript:, never become links).
func safeAutolink(inner string) bool {
	return webOrMailURL(inner) || !strings.Contains(inner, ":") && strings.Contains(inner, "@")
}

// webOrMailURL reports whether s is an http, https or mailto URL with
// something after its scheme.
func webOrMailURL(s string) bool {
	lower := strings.ToLower(s)
	for _, scheme := range []string{"https://", "http://", "mailto:"} {
		if strings.HasPrefix(lower, scheme) && len(s) > len(scheme) {
			return true
		}
	}
	return false
}

// uriScheme matches the scheme of an absolute URI (RFC 3986).
var uriScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// otherScheme reports whether a link destination names a scheme other
// than http, https and mailto (javascript:, data:, …); a relative
// reference (page.md#x) names none.
func otherScheme(href string) bool {
	m := uriScheme.FindString(href)
	switch strings.ToLower(m) {
	case "", "http:", "https:", "mailto:":
		return false
	}
	return true
}

// isNonDescriptive reports whether a link text is one MD059 rejects.
func isNonDescriptive(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	return slices.Contains(nonDescriptive, strings.Join(words, " "))
}

// escapeBraces escapes { and } (MDX expressions) not yet escaped.
func escapeBraces(s string) string {
	if !strings.ContainsAny(s, "{}") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			b.WriteString(s[i : i+2])
			i++
			continue
		case c == '{' || c == '}':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Emphasis. CommonMark pairs * and _ delimiter runs by an algorithm
// (https://spec.commonmark.org/0.31.2/#emphasis-and-strong-emphasis);
// normalizeEmphasis runs it, writes every delimiter that ends up emphasis
// as *, and escapes every * and _ that could have been a delimiter but
// is text. It then runs the algorithm on its own output: when the
// emphasis is not the same (a _ turned * can merge with a neighbouring
// run: _a_*b*), it escapes every delimiter instead, so that the text
// stays and only the emphasis of that paragraph goes.

// delimRun is a run of * or _ in an inline scope.
type delimRun struct {
	c           byte
	start, n    int  // position and length in the text
	lused       int  // characters used, from the left, as a closer
	rused       int  // characters used, from the right, as an opener
	open, close bool // whether it can open or close emphasis
	gone        bool // removed from the delimiter stack
}

func (d *delimRun) left() int { return d.n - d.lused - d.rused }

// emPair is one emphasis: n (1 or 2) delimiter characters at open and at
// close.
type emPair struct{ open, close, n int }

// emphasis returns the delimiter runs of s (every scope) and the emphasis
// CommonMark builds from them.
func emphasis(s string) ([]*delimRun, []emPair) {
	var runs []*delimRun
	var pairs []emPair
	var scope func(from, to int, top bool)
	scope = func(from, to int, top bool) {
		var stack []*delimRun
		for _, t := range mdinline.Scan(s, from, to, mdinline.Options{Links: true, Literals: top}) {
			switch t.Kind {
			case mdinline.Link, mdinline.Image:
				scope(t.TextStart, t.TextEnd, false)
			case mdinline.Delim:
				d := newRun(s, t.Start, t.End)
				stack = append(stack, d)
				runs = append(runs, d)
			}
		}
		pairs = append(pairs, processEmphasis(stack)...)
	}
	scope(0, len(s), true)
	return runs, pairs
}

func newRun(s string, start, end int) *delimRun {
	prev, next := rune(-1), rune(-1)
	if start > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:start])
	}
	if end < len(s) {
		next, _ = utf8.DecodeRuneInString(s[end:])
	}
	ws, punct := mdinline.IsWhitespace, mdinline.IsPunctuation
	left := !ws(next) && (!punct(next) || ws(prev) || punct(prev))
	right := !ws(prev) && (!punct(prev) || ws(next) || punct(next))
	d := &delimRun{c: s[start], start: start, n: end - start, open: left, close: right}
	switch {
	case d.c == '_':
		d.open = left && (!right || punct(prev))
		d.close = right && (!left || punct(next))
	case d.c == '~' && d.n > 2: // text, for GFM strikethrough
		d.open, d.close = false, false
	}
	return d
}

// processEmphasis is CommonMark's "process emphasis" over one scope's
// delimiter stack, with its openers_bottom bounds.
func processEmphasis(stack []*delimRun) []emPair {
	var pairs []emPair
	type key struct {
		c    byte
		open bool
		mod  int
	}
	bottom := map[key]int{}
	for ci, closer := range stack {
		if !closer.close || closer.gone {
			continue
		}
		if closer.c == '~' {
			pairs = append(pairs, strikethrough(stack, ci)...)
			continue
		}
		for closer.left() > 0 {
			k := key{closer.c, closer.open, closer.n % 3}
			lo, ok := bottom[k]
			if !ok {
				lo = -1
			}
			found := -1
			for oi := ci - 1; oi > lo; oi-- {
				o := stack[oi]
				if o.gone || o.left() == 0 || o.c != closer.c || !o.open {
					continue
				}
				if (o.close || closer.open) && (o.n+closer.n)%3 == 0 && !(o.n%3 == 0 && closer.n%3 == 0) {
					continue
				}
				found = oi
				break
			}
			if found < 0 {
				bottom[k] = ci - 1
				if !closer.open {
					closer.gone = true
				}
				break
			}
			o := stack[found]
			use := 1
			if o.left() >= 2 && closer.left() >= 2 {
				use = 2
			}
			pairs = append(pairs, emPair{open: o.start + o.n - o.rused - use, close: closer.start + closer.lused, n: use})
			o.rused += use
			closer.lused += use
			for _, between := range stack[found+1 : ci] {
				between.gone = true
			}
			if o.left() == 0 {
				o.gone = true
			}
		}
	}
	return pairs
}

// strikethrough matches the ~ closer at stack[ci] as cmark-gfm (GitHub)
// does: with the nearest ~ opener, a strikethrough when both runs have the
// same length, text otherwise; the delimiters between are gone either way.
func strikethrough(stack []*delimRun, ci int) []emPair {
	closer := stack[ci]
	for oi := ci - 1; oi >= 0; oi-- {
		o := stack[oi]
		if o.gone || o.c != '~' || !o.open {
			continue
		}
		for _, between := range stack[oi+1 : ci] {
			between.gone = true
		}
		o.gone, closer.gone = true, true
		if o.n != closer.n {
			return nil
		}
		o.rused, closer.lused = o.n, closer.n
		return []emPair{{open: o.start, close: closer.start, n: o.n}}
	}
	if !closer.open {
		closer.gone = true
	}
	return nil
}

// normalizeEmphasis writes the emphasis of s with asterisks and escapes
// the * and _ that are text (see above).
func normalizeEmphasis(s string) string {
	out, _ := normalizeEmphasisKept(s)
	return out
}

// normalizeEmphasisKept is normalizeEmphasis; kept is false when it had to
// escape every delimiter (the emphasis could not be kept).
func normalizeEmphasisKept(s string) (out string, kept bool) {
	if !strings.ContainsAny(s, "*_") {
		return s, true
	}
	// Strikethrough (~) takes part in the pairing: GFM removes the * and _
	// between two tildes it pairs.
	runs, pairs := emphasis(s)
	if len(runs) == 0 {
		return s, true
	}
	var origin []int
	used := map[int]bool{}
	for _, p := range pairs {
		for i := 0; i < p.n; i++ {
			used[p.open+i], used[p.close+i] = true, true
		}
	}
	out, origin = rewriteDelims(s, runs, func(d *delimRun, i int) string {
		switch {
		case d.c == '~': // strikethrough, and tildes, stay as written
			return s[i : i+1]
		case used[i]:
			return "*"
		case d.open || d.close:
			return `\` + s[i:i+1]
		}
		return s[i : i+1]
	})
	if samePairs(pairs, out, origin) {
		return out, true
	}
	out, _ = rewriteDelims(s, runs, func(d *delimRun, i int) string {
		if d.c != '~' && (d.open || d.close) {
			return `\` + s[i:i+1]
		}
		return s[i : i+1]
	})
	return out, false
}

// rewriteDelims writes s with each delimiter character replaced by
// what(run, index); origin maps each output byte to its byte in s (-1 for
// added backslashes).
func rewriteDelims(s string, runs []*delimRun, what func(*delimRun, int) string) (string, []int) {
	var b strings.Builder
	origin := make([]int, 0, len(s)+8)
	last := 0
	copyTo := func(end int) {
		for i := last; i < end; i++ {
			origin = append(origin, i)
		}
		b.WriteString(s[last:end])
		last = end
	}
	for _, d := range runs {
		copyTo(d.start)
		for i := d.start; i < d.start+d.n; i++ {
			w := what(d, i)
			for k := range len(w) {
				if k == len(w)-1 {
					origin = append(origin, i)
				} else {
					origin = append(origin, -1)
				}
			}
			b.WriteString(w)
		}
		last = d.start + d.n
	}
	copyTo(len(s))
	return b.String(), origin
}

// samePairs reports whether out, read again, has exactly the emphasis
// pairs of the original (positions mapped back through origin).
func samePairs(want []emPair, out string, origin []int) bool {
	_, got := emphasis(out)
	if len(got) != len(want) {
		return false
	}
	mapped := make([]emPair, len(got))
	for i, p := range got {
		mapped[i] = emPair{open: origin[p.open], close: origin[p.close], n: p.n}
	}
	cmp := func(a, b emPair) int {
		if a.open != b.open {
			return a.open - b.open
		}
		return a.close - b.close
	}
	w := slices.Clone(want)
	slices.SortFunc(w, cmp)
	slices.SortFunc(mapped, cmp)
	return slices.Equal(w, mapped)
}
