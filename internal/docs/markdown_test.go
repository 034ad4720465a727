package docs

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/testutil"
)

// parsed is one rendered page as a GFM parser reads it.
type parsed struct {
	page *Page
	src  []byte // without front matter
	doc  ast.Node
}

// parsePages renders s with the built-in templates and parses every page
// with goldmark's GFM parser.
func parsePages(t *testing.T, s *model.Spec) map[string]*parsed {
	t.Helper()
	files, err := Render(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := &renderer{s: s, examples: map[*model.Error]*Example{}}
	if err := r.buildExamples(); err != nil {
		t.Fatal(err)
	}
	pages := r.pages()
	if len(pages) != len(files) {
		t.Fatalf("%d pages planned, %d rendered", len(pages), len(files))
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	out := map[string]*parsed{}
	for i, f := range files {
		src := stripFrontMatter(f.Data)
		out[f.Path] = &parsed{page: pages[i], src: src, doc: md.Parser().Parse(text.NewReader(src))}
	}
	return out
}

func stripFrontMatter(b []byte) []byte {
	if !bytes.HasPrefix(b, []byte("---\n")) {
		return b
	}
	end := bytes.Index(b[4:], []byte("\n---\n"))
	return b[4+end+5:]
}

var hasScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

var anchorTag = regexp.MustCompile(`^<a id="([^"]+)">$`)

// anchors collects the ids of the page's <a id> anchors, failing on any
// other raw HTML but <br> and the generated-file comment: spec text must
// never open HTML of its own.
func (p *parsed) anchors(t *testing.T) map[string]bool {
	ids := map[string]bool{}
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var raw string
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				raw += string(seg.Value(p.src))
			}
		case *ast.HTMLBlock:
			raw = strings.TrimSpace(string(linesOf(n, p.src)))
		default:
			return ast.WalkContinue, nil
		}
		switch m := anchorTag.FindStringSubmatch(raw); {
		case m != nil:
			if ids[m[1]] {
				t.Errorf("%s: anchor %q defined twice", p.page.Path, m[1])
			}
			ids[m[1]] = true
		case raw == "</a>":
		case raw == lineBreak, strings.HasPrefix(raw, "<!-- "+marker):
		default:
			t.Errorf("%s: unexpected raw HTML %q", p.page.Path, raw)
		}
		return ast.WalkContinue, nil
	})
	return ids
}

func linesOf(n ast.Node, src []byte) []byte {
	var b []byte
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// plainText is the text a node renders, without raw HTML (<br>).
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if _, code := c.Parent().(*ast.CodeSpan); code {
				if inTableCell(c) { // GFM takes \| for | in a cell, code spans included
					v = bytes.ReplaceAll(v, []byte(`\|`), []byte("|"))
				}
				b.Write(v)
			} else {
				b.Write(util.UnescapePunctuations(v))
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// inHeading reports whether n sits in a heading.
func inHeading(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.Heading); ok {
			return true
		}
	}
	return false
}

// inTableCell reports whether n sits in a GFM table cell.
func inTableCell(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*east.TableCell); ok {
			return true
		}
	}
	return false
}

// table is a parsed table: its column count and, per row, the cells the
// source line holds (before GFM pads or cuts them) and the cell texts.
type table struct {
	cols     int
	rawCells []int
	cells    [][]string
}

func (p *parsed) tables() []table {
	var out []table
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		tb, ok := n.(*east.Table)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		t := table{cols: len(tb.Alignments)}
		for row := tb.FirstChild(); row != nil; row = row.NextSibling() {
			var texts []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				texts = append(texts, plainText(c, p.src))
			}
			first := row.FirstChild()
			if first == nil || first.Lines().Len() == 0 {
				t.rawCells = append(t.rawCells, -1)
			} else {
				t.rawCells = append(t.rawCells, cellsInLine(p.src, first.Lines().At(0).Start))
			}
			t.cells = append(t.cells, texts)
		}
		out = append(out, t)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// cellsInLine counts the cells of the table row whose text includes
// offset, splitting on unescaped pipes as GFM does.
func cellsInLine(src []byte, offset int) int {
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	end := bytes.IndexByte(src[offset:], '\n')
	if end < 0 {
		end = len(src) - offset
	}
	line := strings.TrimSpace(string(src[start : offset+end]))
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	n := 1
	for i := 0; i < len(line); i++ {
		if line[i] == '|' && (i == 0 || line[i-1] != '\\') {
			n++
		}
	}
	return n
}

// wantTables lists the shape (columns, body rows) of every table the
// built-in templates put on a page, in page order.
func wantTables(p *Page) [][2]int {
	var out [][2]int
	overview := func(errs []*Error) {
		if len(errs) > 0 {
			out = append(out, [2]int{4, len(errs)})
		}
	}
	// A column empty in every row is left out.
	cols := func(n int, described bool) int {
		if described {
			return n + 1
		}
		return n
	}
	errorTables := func(e *Error) {
		if len(e.Variants) > 0 {
			out = append(out, [2]int{cols(cols(3, e.MessagesDescribed), e.MessagesSince), len(e.Messages)})
		}
		if len(e.Params) > 0 {
			out = append(out, [2]int{cols(cols(cols(3, e.ParamsDescribed), e.ParamsSent), e.ParamsSince), len(e.Params)})
		}
	}
	switch p.Kind {
	case "single", "index":
		for _, sec := range p.Sections {
			overview(sec.Errors)
		}
		if p.Kind == "single" {
			for _, sec := range p.Sections {
				for _, e := range sec.Errors {
					errorTables(e)
				}
			}
		}
		for _, f := range p.Formats {
			out = append(out, [2]int{3, len(f.Fields)})
		}
		if len(p.Reserved) > 0 {
			out = append(out, [2]int{cols(cols(cols(1, p.ReservedReasons), p.ReservedVersions), p.ReservedVersions), len(p.Reserved)})
		}
	case "group":
		overview(p.Section.Errors)
		for _, e := range p.Section.Errors {
			errorTables(e)
		}
	case "error":
		errorTables(p.Error)
	}
	return out
}

// checkPages checks every table's shape and every link of a rendered
// spec, and that each error's doc URL lands on its anchor.
func checkPages(t *testing.T, s *model.Spec) {
	checkPagesAuthored(t, s, nil)
}

// checkPagesAuthored is checkPages where the spec's Markdown holds
// headings with the given anchors: errgen nests them but leaves them as
// the author wrote them, so they may repeat.
func checkPagesAuthored(t *testing.T, s *model.Spec, authored map[string]bool) {
	pages := parsePages(t, s)
	ids := map[string]map[string]bool{}
	for name, p := range pages {
		ids[name] = p.anchors(t)
		for a := range p.headingAnchors() {
			ids[name][a] = true
		}
	}
	for name, p := range pages {
		checkAnchors(t, name, p.src, authored)
		checkTitle(t, name, p)
		checkTables(t, name, p)
		checkLinks(t, name, p, ids)
		checkLinksWritten(t, name, p)
		checkOverviewCells(t, name, p)
	}
	for _, e := range s.AllErrors() {
		page := s.Outputs.Docs
		if e.Page != "" {
			page = path.Join(s.Outputs.Docs, e.Page+".md")
		}
		if !ids[page][e.Anchor] {
			t.Errorf("error %q: no anchor %q on %s", e.Code, e.Anchor, page)
		}
		if e.OwnDocURL {
			// Its own page: the section shows it as its "More" link.
			if !strings.Contains(string(pages[page].src), "**More:** "+urlLink(e.DocURL, formOf(s))) {
				t.Errorf("error %q: %s does not show its own doc link %s", e.Code, page, e.DocURL)
			}
		} else if s.API.DocsURL != "" {
			want := strings.TrimSuffix(s.API.DocsURL+"/"+strings.TrimSuffix(strings.TrimPrefix(page, s.Outputs.Docs+"/"), ".md"), "/"+s.Outputs.Docs)
			if s.Docs.Layout == model.LayoutSingle {
				want = s.API.DocsURL
			}
			if s.Docs.Layout != model.LayoutPerError {
				want += "#" + e.Anchor
			}
			if e.DocURL != want {
				t.Errorf("error %q: DocURL %q, want %q", e.Code, e.DocURL, want)
			}
		}
	}
}

// checkTitle: a page whose front matter carries its title (which the
// docs site shows as the page's heading) has no H1; any other page has
// exactly one, its first heading (markdownlint's MD025 with its default
// front_matter_title).
func checkTitle(t *testing.T, name string, p *parsed) {
	var levels []int
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			levels = append(levels, h.Level)
		}
		return ast.WalkContinue, nil
	})
	h1 := 0
	for _, l := range levels {
		if l == 1 {
			h1++
		}
	}
	switch {
	case p.page.FrontMatter != "" && h1 > 0:
		t.Errorf("%s: the front matter carries the title, and the page has %d H1 too", name, h1)
	case p.page.FrontMatter == "" && (h1 != 1 || levels[0] != 1):
		t.Errorf("%s: %d H1, want one, first (headings %v)", name, h1, levels)
	}
}

// templateHeaders are the header rows of the built-in templates' tables
// (less the lifecycle columns, see isTemplateHeader); tables the spec's
// own Markdown holds are not checked.
var templateHeaders = map[string]bool{
	"Code|Status|Message|Description":    true,
	"Variant|Message|Example|Sent when":  true,
	"Variant|Message|Example":            true,
	"Name|Type|Description|Example":      true,
	"Name|Type|Example":                  true,
	"Name|Type|Sent|Description|Example": true,
	"Name|Type|Sent|Example":             true,
	"Member|Type|Description":            true,
	"Code|Reason":                        true,
	"Code":                               true,
}

// isTemplateHeader reports whether a header row is one of the built-in
// templates': one of templateHeaders, then the lifecycle columns the
// messages and params tables ("Added in") and the reserved table ("Added
// in", "Removed in") may have.
func isTemplateHeader(row []string) bool {
	h := strings.Join(row, "|")
	h = strings.TrimSuffix(h, "|Added in|Removed in")
	h = strings.TrimSuffix(h, "|Added in")
	return templateHeaders[h]
}

func checkTables(t *testing.T, name string, p *parsed) {
	var got []table
	for _, tb := range p.tables() {
		if isTemplateHeader(tb.cells[0]) {
			got = append(got, tb)
		}
	}
	want := wantTables(p.page)
	if len(got) != len(want) {
		t.Errorf("%s: %d tables, want %d", name, len(got), len(want))
		return
	}
	for i, tb := range got {
		if tb.cols != want[i][0] || len(tb.cells)-1 != want[i][1] {
			t.Errorf("%s: table %d has %d columns and %d rows, want %d and %d", name, i, tb.cols, len(tb.cells)-1, want[i][0], want[i][1])
		}
		for r, n := range tb.rawCells {
			if n != tb.cols {
				t.Errorf("%s: table %d row %d has %d cells in the source, want %d: %q", name, i, r, n, tb.cols, tb.cells[r])
			}
		}
		// Every cell says something: a column empty in every row is left
		// out, an empty cell in another column shows emptyCell.
		for r, row := range tb.cells {
			for c, text := range row {
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s: table %d (%s) row %d has an empty cell %d: %q", name, i, strings.Join(tb.cells[0], "|"), r, c, row)
				}
			}
		}
	}
}

func checkLinks(t *testing.T, name string, p *parsed, ids map[string]map[string]bool) {
	form := formOf(p.page.Spec)
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if a, ok := n.(*ast.AutoLink); ok && entering {
			// A bare URL (GFM linkifies it; markdownlint's MD034) is never
			// written; an autolink only where the page's form says so
			// (not on Docusaurus pages: MDX does not read autolinks).
			switch {
			case !isAutolinkNode(p.src, a):
				t.Errorf("%s: %q is a bare URL, not written as a link", name, a.URL(p.src))
			case form != urlAutolinks:
				t.Errorf("%s: %q is an autolink on a page MDX reads: links are [url](url)", name, a.URL(p.src))
			case inHeading(a):
				// markdownlint's MD051 drops an autolink's text from the
				// heading's anchor, GitHub keeps it.
				t.Errorf("%s: %q is an autolink in a heading: links there are [url](url)", name, a.URL(p.src))
			}
		}
		l, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if label := plainText(l, p.src); isNonDescriptive(label) {
			t.Errorf("%s: link text %q says nothing of where it goes (MD059)", name, label)
		}
		dest := string(l.Destination)
		file, frag, _ := strings.Cut(dest, "#")
		target := name
		if file != "" {
			target = path.Join(path.Dir(name), file)
		}
		switch {
		case hasScheme.MatchString(dest):
			// not a link into the reference
		case ids[target] == nil:
			t.Errorf("%s: link %q: no page %s", name, dest, target)
		case frag != "" && !ids[target][frag]:
			t.Errorf("%s: link %q: no anchor %q on %s", name, dest, frag, target)
		}
		return ast.WalkContinue, nil
	})
}

// checkLinksWritten: the links the templates write read as links, spec
// text in their text (a title holding a URL) notwithstanding: back to the
// index, to each group's page, to each error's section from the overview,
// to the format of an error's group.
func checkLinksWritten(t *testing.T, name string, p *parsed) {
	dests := map[string]bool{}
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			dests[string(l.Destination)] = true
		}
		return ast.WalkContinue, nil
	})
	var want []string
	if p.page.IndexLink != "" {
		want = append(want, p.page.IndexLink)
	}
	errs := []*Error{}
	for _, sec := range p.page.Sections {
		if sec.Link != "" {
			want = append(want, sec.Link)
		}
		for _, e := range sec.Errors {
			want = append(want, e.Link) // the overview
			errs = append(errs, e)
		}
	}
	if p.page.Section != nil && p.page.Kind == "group" {
		errs = append(errs, p.page.Section.Errors...)
	}
	if p.page.Error != nil {
		errs = append(errs, p.page.Error)
	}
	for _, e := range errs {
		if e.OwnFormat != nil && (p.page.Kind != "index") {
			want = append(want, e.OwnFormatLink)
		}
	}
	for _, w := range want {
		if !dests[w] {
			t.Errorf("%s: no link to %q reads as a link", name, w)
		}
	}
}

// isAutolinkNode reports whether an AutoLink node is a CommonMark autolink
// written <…>, not a GFM literal (a bare URL): its label is a slice of
// src, which says where it is.
func isAutolinkNode(src []byte, a *ast.AutoLink) bool {
	label := a.Label(src)
	start := cap(src) - cap(label)
	if len(label) == 0 || start <= 0 || start+len(label) >= len(src) || &src[start] != &label[0] {
		return false
	}
	return src[start-1] == '<' && src[start+len(label)] == '>'
}

// headingAnchors are the anchors of the page's headings.
func (p *parsed) headingAnchors() map[string]bool {
	out := map[string]bool{}
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			out[headingAnchor(astHeadingText(h, p.src))] = true
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// checkOverviewCells checks that the code and message cells of overview
// tables read back exactly as the spec wrote them (line breaks aside).
func checkOverviewCells(t *testing.T, name string, p *parsed) {
	var errs []*Error
	switch p.page.Kind {
	case "single", "index":
		for _, sec := range p.page.Sections {
			errs = append(errs, sec.Errors...)
		}
	case "group":
		errs = p.page.Section.Errors
	}
	var rows [][]string
	for _, tb := range p.tables() {
		if len(tb.cells) > 0 && strings.Join(tb.cells[0], "|") == "Code|Status|Message|Description" {
			rows = append(rows, tb.cells[1:]...)
		}
	}
	if len(rows) != len(errs) {
		t.Errorf("%s: %d overview rows, want %d", name, len(rows), len(errs))
		return
	}
	for i, e := range errs {
		got := strings.Join(rows[i][:3], "|")
		want := fmt.Sprintf("%s|%d %s|%s", e.Code, e.Status, e.StatusText, strings.NewReplacer("\r", "", "\n", "").Replace(e.Message.Display))
		if got != want {
			t.Errorf("%s: overview row %d reads %q, want %q", name, i, got, want)
		}
	}
}

// TestPagesParse parses the pages of every golden case (default
// templates) with a GFM parser: every table has the right rows and cells,
// every link and doc URL resolves to an anchor that exists, and no spec
// text opens raw HTML.
func TestPagesParse(t *testing.T) {
	for _, dir := range testutil.GoldenCases() {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			s := loadCase(t, dir)
			if s.Outputs.Docs == "" {
				t.Skip("no docs output")
			}
			checkPages(t, s)
		})
	}
}
