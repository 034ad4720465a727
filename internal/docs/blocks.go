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
//     by inlineMarkdown, with blank lines around the table (MD058).
func markdownBlock(s string) string {
	s = strings.TrimRight(normalizeNewlines(s), "\n ")
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	var out []string
	var unit []prefixed // the lines of the paragraph being read
	unitOpen := false   // more lines may join the unit
	flush := func() {
		if len(unit) > 0 {
			out = append(out, rewriteUnit(unit)...)
		}
		unit, unitOpen = nil, false
	}
	fence := ""
	prevBlank, inList := true, false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if fence != "" {
			if f := fenceOf(line); f != "" && f[0] == fence[0] && len(f) >= len(fence) && strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), f[:1])) == "" {
				fence = ""
			}
			out = append(out, line)
			continue
		}
		if f := fenceOf(line); f != "" {
			flush()
			fence = f
			out = append(out, line)
			prevBlank = false
			continue
		}
		line = strings.ReplaceAll(line, "\t", "    ")
		indent := len(line) - len(strings.TrimLeft(line, " "))
		switch {
		case strings.TrimSpace(line) == "":
			flush()
			out = append(out, "")
			prevBlank = true
			continue
		case indent >= 4 && prevBlank && !inList:
			flush()
			out = append(out, neutralizeLine(line)) // indented code
			continue
		case thematicBreak.MatchString(line) || setextH1.MatchString(line):
			flush()
			out = append(out, line)
			prevBlank, inList = false, false
			continue
		case indent < 4 && i+1 < len(lines) && strings.Contains(line, "|"):
			if head, ok := tableHead(line, lines[i+1]); ok {
				flush()
				if len(out) > 0 && out[len(out)-1] != "" {
					out = append(out, "")
				}
				rows := [][]string{}
				j := i + 2
				for ; j < len(lines) && !endsTable(lines[j]); j++ {
					rows = append(rows, splitRow(strings.ReplaceAll(lines[j], "\t", "    ")))
				}
				out = append(out, writeTable(head, alignments(lines[i+1]), rows)...)
				if j < len(lines) && strings.TrimSpace(lines[j]) != "" {
					out = append(out, "")
				}
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
			flush()
			out = append(out, p.prefix)
		case p.heading:
			flush()
			unit = []prefixed{p}
			flush()
		case p.list || !unitOpen:
			flush()
			unit, unitOpen = []prefixed{p}, true
		default:
			unit = append(unit, p)
		}
	}
	flush()
	if fence != "" {
		out = append(out, fence)
	}
	return strings.Join(out, "\n")
}

var (
	thematicBreak = regexp.MustCompile(`^ {0,3}(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$`)
	setextH1      = regexp.MustCompile(`^ {0,3}=+ *$`)
	listMarker    = regexp.MustCompile(`^(?:[-+*]|[0-9]{1,9}[.)])(?: +|$)`)
	headingMarker = regexp.MustCompile(`^#{1,6}(?: +|$)`)
)

// prefixed is a line split into its block markers (indentation, quote
// markers, a list marker, a heading's #s) and its inline content.
type prefixed struct {
	prefix, content      string
	quote, list, heading bool
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
			p.heading = true
			p.prefix += m
			rest = rest[len(m):]
		}
		break
	}
	p.content = rest
	return p
}

// rewriteUnit rewrites the inline content of a paragraph's lines as one
// text (emphasis may span lines) and puts the markers back.
func rewriteUnit(unit []prefixed) []string {
	contents := make([]string, len(unit))
	for i, p := range unit {
		contents[i] = p.content
	}
	rewritten := strings.Split(inlineMarkdown(strings.Join(contents, "\n")), "\n")
	out := make([]string, len(unit))
	for i, p := range unit {
		out[i] = p.prefix + rewritten[i]
	}
	return out
}

// Tables (GFM): a header row, a delimiter row with as many cells, then
// rows up to a blank line or another block.

var delimCell = regexp.MustCompile(`^:?-+:?$`)

// tableHead returns the header cells when line and next start a table.
func tableHead(line, next string) ([]string, bool) {
	if !strings.Contains(next, "|") && !strings.Contains(line, "|") {
		return nil, false
	}
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

// writeTable writes a table in markdownlint's compact style: one space
// around each cell's content, a single space in an empty cell. Rows get
// the header's number of cells: missing cells are empty, extra cells
// (which GFM does not show) are dropped.
func writeTable(head, align []string, rows [][]string) []string {
	row := func(cells []string) string {
		var b strings.Builder
		b.WriteByte('|')
		for i := range head {
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
	out := []string{row(head), "| " + strings.Join(align, " | ") + " |"}
	for _, r := range rows {
		out = append(out, row(r))
	}
	return out
}
