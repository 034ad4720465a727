package docs

import (
	"regexp"
	"strings"
)

// markdownBlock makes spec Markdown safe to embed as blocks and writes it
// the way markdownlint's defaults want it, keeping what it says:
//
//   - fenced code is left as written (a fence the text leaves open is
//     closed); indented code only has < neutralised, as before;
//   - the text of paragraphs, headings, list items and quotes is rewritten
//     by inlineMarkdown (raw HTML, bare URLs, link texts, emphasis);
//   - GFM tables are written again in the compact style (MD060), every
//     row with the header's number of cells (MD056), each cell rewritten
//     by inlineMarkdown, with blank lines around the table (MD058);
//   - headings are written # style without closing #s (MD003).
func markdownBlock(s string) string {
	return markdownBlockUnder(s, 0)
}

// markdownBlockUnder is markdownBlock for text that sits under a heading
// of the given level (1 for the page title): the text's own headings are
// moved so that the highest becomes level+1 and none is more than one
// level below the heading before it (MD001, MD025), at most 6. Level 0
// keeps the author's levels.
func markdownBlockUnder(s string, level int) string {
	s = strings.TrimRight(normalizeNewlines(s), "\n ")
	if s == "" {
		return ""
	}
	blocks := readBlocks(strings.Split(s, "\n"))
	shift, prev := 0, level
	if level > 0 {
		top := 7
		for _, b := range blocks {
			if b.heading > 0 {
				top = min(top, b.heading)
			}
		}
		shift = level + 1 - top
	}
	var out []string
	afterTable := false
	for _, b := range blocks {
		var lines []string
		switch {
		case b.table != nil:
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "") // blank lines around tables (MD058)
			}
			out = append(out, b.table.write()...)
			afterTable = true
			continue
		case b.heading > 0:
			h := b.heading
			if level > 0 {
				h = min(h+shift, prev+1, 6)
				prev = h
			}
			text := strings.Join(rewriteUnit(b.unit), " ")
			lines = []string{strings.TrimRight(b.outer+strings.Repeat("#", h)+" "+text, " ")}
		case b.unit != nil:
			lines = rewriteUnit(b.unit)
		default:
			lines = b.lines
		}
		if afterTable && strings.TrimSpace(lines[0]) != "" {
			out = append(out, "")
		}
		afterTable = false
		out = append(out, lines...)
	}
	return strings.Join(out, "\n")
}

// block is one block of spec Markdown, as markdownBlock reads it.
type block struct {
	lines   []string   // written as they are (code, breaks, blank lines)
	unit    []prefixed // inline text: a paragraph, a list item, a heading
	heading int        // the level of a heading (unit holds its text)
	outer   string     // the quote and list markers before a heading's #s
	table   *mdTable
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
// rewriting it (fences, indented code, tables, headings, the paragraphs
// whose lines make one inline text) and leaves the rest to the parser
// that reads the page.
func readBlocks(lines []string) []*block {
	var out []*block
	var para *block // the paragraph more lines may join
	add := func(b *block) {
		out = append(out, b)
		para = nil
	}
	verbatim := func(l string) { add(&block{lines: []string{l}}) }
	fence := ""
	prevBlank, inList := true, false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if fence != "" {
			if f := fenceOf(line); f != "" && f[0] == fence[0] && len(f) >= len(fence) && strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), f[:1])) == "" {
				fence = ""
			}
			verbatim(line)
			continue
		}
		if f := fenceOf(line); f != "" {
			fence = f
			verbatim(line)
			prevBlank = false
			continue
		}
		line = strings.ReplaceAll(line, "\t", "    ")
		indent := len(line) - len(strings.TrimLeft(line, " "))
		switch {
		case strings.TrimSpace(line) == "":
			verbatim("")
			prevBlank = true
			continue
		case indent >= 4 && prevBlank && !inList:
			verbatim(neutralizeLine(line)) // indented code
			continue
		case para != nil && plainParagraph(para) && (setextH1.MatchString(line) || setextH2.MatchString(line)):
			// A setext underline: the paragraph is a heading.
			para.heading = 2
			if setextH1.MatchString(line) {
				para.heading = 1
			}
			para = nil
			prevBlank = false
			continue
		case thematicBreak.MatchString(line):
			verbatim(line)
			prevBlank, inList = false, false
			continue
		case indent < 4 && i+1 < len(lines) && strings.Contains(line, "|"):
			if head, ok := tableHead(line, lines[i+1]); ok {
				tb := &mdTable{head: head, align: alignments(lines[i+1])}
				j := i + 2
				for ; j < len(lines) && !endsTable(lines[j]); j++ {
					tb.rows = append(tb.rows, splitRow(strings.ReplaceAll(lines[j], "\t", "    ")))
				}
				add(&block{table: tb})
				i = j - 1
				prevBlank, inList = false, false
				continue
			}
		}
		p := splitPrefix(line)
		if p.list {
			inList = true
		} else if indent == 0 && prevBlank && !p.quote {
			inList = false
		}
		prevBlank = false
		switch {
		case p.content == "":
			verbatim(p.prefix)
		case p.level > 0:
			p.content = strings.TrimSpace(closingHashes.ReplaceAllString(p.content, ""))
			add(&block{unit: []prefixed{p}, heading: p.level, outer: p.outer})
		case p.list || para == nil:
			b := &block{unit: []prefixed{p}}
			add(b)
			para = b
		default:
			para.unit = append(para.unit, p)
		}
	}
	if fence != "" {
		verbatim(fence)
	}
	return out
}

// plainParagraph reports whether a paragraph is at the top level (no
// quote or list), where a setext underline makes it a heading.
func plainParagraph(b *block) bool {
	for _, p := range b.unit {
		if p.quote || p.list {
			return false
		}
	}
	return true
}

// prefixed is a line split into its block markers (indentation, quote
// markers, a list marker, a heading's #s) and its inline content.
type prefixed struct {
	prefix, content string
	quote, list     bool
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
			p.list = true
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
func rewriteUnit(unit []prefixed) []string {
	contents := make([]string, len(unit))
	for i, p := range unit {
		contents[i] = p.content
	}
	rewritten := strings.Split(inlineMarkdown(strings.Join(contents, "\n")), "\n")
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
func (tb *mdTable) write() []string {
	row := func(cells []string) string {
		var b strings.Builder
		b.WriteByte('|')
		for i := range tb.head {
			c := ""
			if i < len(cells) {
				c = inlineMarkdown(cells[i])
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
