package docs

import (
	"regexp"
	"strings"
)

// markdownBlock makes spec Markdown safe to embed as blocks and writes it
// the way markdownlint's defaults want it, keeping what it says:
//
//   - fenced code is left as written (a fence the text leaves open is
//     closed), but a fence without a language gets "text" (MD040);
//     indented code only has < neutralised, as before;
//   - the text of paragraphs, headings, list items and quotes is rewritten
//     by inlineMarkdown (raw HTML, bare URLs, link texts, emphasis, code
//     spans);
//   - GFM tables are written again in the compact style (MD060), every
//     row with the header's number of cells (MD056), each cell rewritten
//     by inlineMarkdown;
//   - headings are written # style without closing #s (MD003), bullets
//     with - (MD004);
//   - headings, fences, tables and lists get a blank line before and after
//     them where the text has none (MD022, MD031, MD058, MD032), outside
//     quotes and list items, where a blank line cannot change what the
//     text says.
func markdownBlock(s string) string {
	return markdownBlockUnder(s, 0)
}

// markdownBlockUnder is markdownBlockAs with URLs written as [url](url).
func markdownBlockUnder(s string, level int) string {
	return markdownBlockAs(s, level, urlLinks)
}

// markdownBlockAs is markdownBlock for text that sits under a heading
// of the given level (1 for the page title), URLs written in form f: the
// text's own headings are moved so that the highest becomes level+1 and
// none is more than one level below the heading before it (MD001,
// MD025), at most 6. Level 0 keeps the author's levels.
func markdownBlockAs(s string, level int, f urlForm) string {
	if plainProse(s) {
		return s
	}
	return rewriteMarkdownBlocks(s, level, f)
}

// rewriteMarkdownBlocks is markdownBlockAs without the shortcut for plain
// prose.
func rewriteMarkdownBlocks(s string, level int, f urlForm) string {
	s = strings.TrimRight(markdownSource(s), "\n ")
	if s == "" {
		return ""
	}
	blocks := readBlocks(strings.Split(s, "\n"), f)
	shift, prev := 0, level
	if level > 0 {
		top := 7
		for _, b := range blocks {
			if b.kind == kindHeading {
				top = min(top, b.heading)
			}
		}
		shift = level + 1 - top
	}
	var out []string
	var last *block // the block before, when no blank line came between
	for _, b := range blocks {
		var lines []string
		switch b.kind {
		case kindTable:
			lines = b.table.write(f)
		case kindHeading:
			h := b.heading
			if level > 0 {
				h = min(h+shift, prev+1, 6)
				prev = h
			}
			var words []string
			// A heading's URLs are links on every page: markdownlint
			// (MD051) derives a heading's anchor without the text of its
			// autolinks, GitHub with it.
			for _, l := range rewriteUnit(b.unit, urlLinks) { // a setext heading's lines: its text
				words = append(words, strings.TrimSpace(l))
			}
			text := strings.Join(words, " ")
			if m := closingHashes.FindStringIndex(text); m != nil {
				// #s that end the text would read as a closing sequence.
				at := m[0] + strings.IndexByte(text[m[0]:], '#')
				text = text[:at] + `\` + text[at:]
			}
			lines = []string{strings.TrimRight(b.outer+strings.Repeat("#", h)+" "+text, " ")}
		case kindParagraph, kindList:
			lines = rewriteUnit(b.unit, f)
		default:
			lines = b.lines
		}
		if b.kind == kindBlank {
			last = nil
		} else {
			if last != nil && needsBlank(last, b) {
				out = append(out, "")
			}
			last = b
		}
		out = append(out, lines...)
	}
	return strings.Join(out, "\n")
}

// needsBlank reports whether a blank line goes between two blocks that
// follow each other without one: around headings, fences, tables and
// lists (a list and what is not a list, or a bullet list and a numbered
// one), when both are outside quotes and list items' content.
func needsBlank(a, b *block) bool {
	if !a.top || !b.top || a.quote && b.quote { // a blank line would split a quote
		return false
	}
	around := func(k blockKind) bool { return k == kindHeading || k == kindFence || k == kindTable }
	switch {
	case around(a.kind) || around(b.kind):
		return true
	case a.kind == kindList && b.kind == kindList:
		return a.ordered != b.ordered
	}
	return (a.kind == kindList) != (b.kind == kindList)
}

// blockKind is what a block of spec Markdown is.
type blockKind int

const (
	kindLine      blockKind = iota // a line written as it is (a break, indented code, a bare marker)
	kindBlank                      // a blank line
	kindFence                      // fenced code, fences included
	kindTable                      // a GFM table
	kindHeading                    // a heading: unit holds its text
	kindList                       // a list item's paragraph
	kindParagraph                  // any other paragraph (in a quote too)
)

// block is one block of spec Markdown, as markdownBlock reads it.
type block struct {
	kind    blockKind
	lines   []string   // kindLine, kindBlank, kindFence: written as they are
	unit    []prefixed // kindHeading, kindList, kindParagraph: the inline text
	heading int        // a heading's level
	outer   string     // the quote and list markers before a heading's #s
	table   *mdTable
	// top: the block is outside quotes and list items' content (a list
	// item itself is top when its marker is).
	top     bool
	quote   bool // in a quote
	ordered bool // a numbered list item
	first   int  // the index of its first line
}

var (
	thematicBreak = regexp.MustCompile(`^ {0,3}(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$`)
	setextH1      = regexp.MustCompile(`^ {0,3}=+ *$`)
	setextH2      = regexp.MustCompile(`^ {0,3}-+ *$`)
	listMarker    = regexp.MustCompile(`^(?:[-+*]|[0-9]{1,9}[.)])(?: +|$)`)
	headingMarker = regexp.MustCompile(`^#{1,6}(?: +|$)`)
	closingHashes = regexp.MustCompile(`(?:^| +)#+ *$`)
)

// readBlocks splits spec Markdown into blocks. It reads what matters for
// rewriting it (fences, indented code, tables, headings, lists, the
// paragraphs whose lines make one inline text) and leaves the rest to the
// parser that reads the page.
func readBlocks(lines []string, f urlForm) []*block {
	var out []*block
	var para *block // the paragraph more lines may join
	i := 0
	add := func(b *block) {
		b.first = i
		out = append(out, b)
		para = nil
	}
	line1 := func(k blockKind, l string, top bool) { add(&block{kind: k, lines: []string{l}, top: top}) }
	var fence *block
	fenceMark := ""
	prevBlank, inList := true, false
	for ; i < len(lines); i++ {
		line := lines[i]
		if fence != nil {
			fence.lines = append(fence.lines, line)
			if f := fenceOf(line); f != "" && f[0] == fenceMark[0] && len(f) >= len(fenceMark) && strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), f[:1])) == "" {
				fence = nil
			}
			continue
		}
		if f := fenceOf(line); f != "" {
			if strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), f[:1])) == "" {
				line = strings.TrimRight(line, " ") + "text" // a language (MD040)
			}
			fence, fenceMark = &block{kind: kindFence, lines: []string{line}, top: true}, f
			add(fence)
			prevBlank = false
			if !strings.HasPrefix(line, " ") {
				inList = false
			}
			continue
		}
		line = strings.ReplaceAll(line, "\t", "    ")
		indent := len(line) - len(strings.TrimLeft(line, " "))
		switch {
		case strings.TrimSpace(line) == "":
			line1(kindBlank, "", true)
			prevBlank = true
			continue
		case indent >= 4 && prevBlank && !inList:
			line1(kindLine, neutralizeLine(line, f), true) // indented code
			continue
		case para != nil && para.kind == kindParagraph && para.top && (setextH1.MatchString(line) || setextH2.MatchString(line)):
			// A setext underline: the paragraph is a heading.
			para.kind, para.heading = kindHeading, 2
			if setextH1.MatchString(line) {
				para.heading = 1
			}
			para = nil
			prevBlank = false
			continue
		case thematicBreak.MatchString(line):
			line1(kindLine, line, true)
			prevBlank, inList = false, false
			continue
		case indent < 4 && i+1 < len(lines) && strings.Contains(line, "|"):
			if head, ok := tableHead(line, lines[i+1]); ok {
				tb := &mdTable{head: head, align: alignments(lines[i+1])}
				j := i + 2
				for ; j < len(lines) && !endsTable(lines[j]); j++ {
					tb.rows = append(tb.rows, splitRow(strings.ReplaceAll(lines[j], "\t", "    ")))
				}
				add(&block{kind: kindTable, table: tb, top: true})
				i = j - 1
				prevBlank, inList = false, false
				continue
			}
		}
		p := splitPrefix(line)
		quoted := func(b *block) *block { b.quote = p.quote; return b }
		if p.list && para != nil && para.kind == kindParagraph && (p.content == "" && p.level == 0 || (p.ordered && !strings.HasPrefix(strings.TrimLeft(p.prefix, " >"), "1"))) {
			// An empty item, or a number but 1, does not interrupt a
			// paragraph: the line goes on with it.
			p.list = false
		}
		wasInList := inList
		if p.list {
			if c := p.prefix[p.listIndent]; c == '*' || c == '+' {
				p.prefix = p.prefix[:p.listIndent] + "-" + p.prefix[p.listIndent+1:] // one bullet style (MD004)
				if len(p.outer) > p.listIndent {
					p.outer = p.prefix[:len(p.outer)]
				}
			}
			inList = true
		} else if indent == 0 && (prevBlank || p.level > 0 || para == nil) && !p.quote {
			inList = false // not a list item's lazy line: the list is over
		}
		prevBlank = false
		top := !p.quote && !(inList && !p.list && indent > 0)
		if p.quote && indent < 4 && !(wasInList && indent > 0) {
			top = true // a quote of its own: blank lines may go around it
		}
		switch {
		case p.level > 0:
			p.content = strings.TrimSpace(closingHashes.ReplaceAllString(p.content, ""))
			add(quoted(&block{kind: kindHeading, unit: []prefixed{p}, heading: p.level, outer: p.outer, top: top && !p.list}))
		case p.list:
			b := quoted(&block{kind: kindList, unit: []prefixed{p}, top: !p.quote && (p.listIndent == 0 || !wasInList), ordered: p.ordered})
			add(b)
			if p.content != "" {
				para = b // an empty item has no paragraph to go on
			}
		case p.content == "":
			line1(kindLine, p.prefix, top)
			out[len(out)-1].quote = p.quote
		case para == nil || p.quote && !para.unit[0].quote:
			// A new paragraph; a quote starts one (a line without > after
			// a quote's line goes on with it).
			b := quoted(&block{kind: kindParagraph, unit: []prefixed{p}, top: top})
			add(b)
			para = b
		default:
			para.unit = append(para.unit, p)
		}
	}
	if fence != nil {
		fence.lines = append(fence.lines, fenceMark) // close what the text left open
	}
	return out
}

// prefixed is a line split into its block markers (indentation, quote
// markers, a list marker, a heading's #s) and its inline content.
type prefixed struct {
	prefix, content string
	quote, list     bool
	ordered         bool   // the list marker is a number
	listIndent      int    // where the list marker is in the line
	level           int    // a heading's level, 0 for other lines
	outer           string // a heading's prefix before its #s
}

func splitPrefix(line string) prefixed {
	var p prefixed
	rest := line
	for {
		t := strings.TrimLeft(rest, " ")
		p.prefix += rest[:len(rest)-len(t)]
		rest = t
		switch {
		case strings.HasPrefix(rest, ">"):
			p.quote = true
			p.prefix += ">"
			rest = rest[1:]
			continue
		case listMarker.MatchString(rest) && !p.list:
			m := listMarker.FindString(rest)
			p.list, p.ordered, p.listIndent = true, m[0] >= '0' && m[0] <= '9', len(p.prefix)
			p.prefix += m
			rest = rest[len(m):]
			continue
		case headingMarker.MatchString(rest):
			m := headingMarker.FindString(rest)
			p.outer = p.prefix
			p.level = strings.Count(m, "#")
			p.prefix += m
			rest = rest[len(m):]
		}
		break
	}
	p.content = rest
	return p
}

// rewriteUnit rewrites the inline content of a paragraph's lines as one
// text (emphasis may span lines) and puts the markers back; a heading's
// markers are its caller's to write.
func rewriteUnit(unit []prefixed, f urlForm) []string {
	contents := make([]string, len(unit))
	for i, p := range unit {
		contents[i] = p.content
	}
	rewritten := strings.Split(inlineMarkdownAs(strings.Join(contents, "\n"), f), "\n")
	if len(rewritten) != len(unit) { // never: rewriting keeps lines; line by line if it did not
		rewritten = rewritten[:0]
		for _, c := range contents {
			rewritten = append(rewritten, inlineMarkdownAs(c, f))
		}
	}
	out := make([]string, len(unit))
	for i, p := range unit {
		if p.level > 0 {
			out[i] = rewritten[i]
			continue
		}
		out[i] = p.prefix + rewritten[i]
	}
	return out
}

// Tables (GFM): a header row, a delimiter row with as many cells, then
// rows up to a blank line or another block.

type mdTable struct {
	head, align []string
	rows        [][]string
}

var delimCell = regexp.MustCompile(`^:?-+:?$`)

// tableHead returns the header cells when line and next start a table.
func tableHead(line, next string) ([]string, bool) {
	head := splitRow(line)
	delims := splitRow(next)
	if len(head) != len(delims) {
		return nil, false
	}
	for _, d := range delims {
		if !delimCell.MatchString(d) {
			return nil, false
		}
	}
	return head, true
}

// alignments reads the delimiter row: "---", ":---", "---:" or ":---:".
func alignments(delim string) []string {
	var out []string
	for _, d := range splitRow(delim) {
		a := "---"
		if strings.HasPrefix(d, ":") {
			a = ":" + a
		}
		if strings.HasSuffix(d, ":") {
			a += ":"
		}
		out = append(out, a)
	}
	return out
}

// endsTable reports whether a line ends a table: a blank line or the
// start of another block.
func endsTable(line string) bool {
	t := strings.TrimLeft(line, " ")
	return t == "" || fenceOf(line) != "" || thematicBreak.MatchString(line) ||
		strings.HasPrefix(t, ">") || headingMarker.MatchString(t) || len(line)-len(t) >= 4
}

// splitRow splits a table row into its trimmed cells at the pipes that
// are not escaped (GFM splits before it reads code spans).
func splitRow(line string) []string {
	t := strings.TrimSpace(line)
	t = strings.TrimPrefix(t, "|")
	if strings.HasSuffix(t, "|") && !strings.HasSuffix(t, `\|`) {
		t = t[:len(t)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(t[start:i]))
			start = i + 1
		}
	}
	return append(cells, strings.TrimSpace(t[start:]))
}

// write writes a table in markdownlint's compact style: one space around
// each cell's content, a single space in an empty cell. Rows get the
// header's number of cells: missing cells are empty, extra cells (which
// GFM does not show) are dropped.
func (tb *mdTable) write(f urlForm) []string {
	row := func(cells []string) string {
		var b strings.Builder
		b.WriteByte('|')
		for i := range tb.head {
			c := ""
			if i < len(cells) {
				c = inlineMarkdownAs(cells[i], f)
			}
			if c == "" {
				b.WriteString(" |")
			} else {
				b.WriteString(" " + c + " |")
			}
		}
		return b.String()
	}
	out := []string{row(tb.head), "| " + strings.Join(tb.align, " | ") + " |"}
	for _, r := range tb.rows {
		out = append(out, row(r))
	}
	return out
}
