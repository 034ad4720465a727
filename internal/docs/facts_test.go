package docs

import (
	"fmt"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/testutil"
)

// squash drops whitespace, so that facts are compared as the reader sees
// them, whatever the line breaks.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// mdText is the text a reader sees of spec Markdown.
func mdText(s string) string {
	src := []byte(markdownBlock(s))
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	return plainText(doc, src)
}

// mdInlineText is the text a reader sees of spec Markdown folded onto
// one line (list items, table cells).
func mdInlineText(s string) string {
	src := []byte("- " + markdownInline(s))
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	return plainText(doc, src)
}

// mdCellText is the text a reader sees of spec Markdown in a table cell.
func mdCellText(s string) string {
	return cellTable(markdownInline(s)).tables()[0].cells[1][1]
}

// fact is something the spec says that a page must show.
type fact struct{ what, text string }

// checkFacts requires every fact of the spec, as rendered text, on the
// page that documents it.
func checkFacts(t *testing.T, s *model.Spec) {
	pages := parsePages(t, s)
	seen := map[string]string{}
	for name, p := range pages {
		// The front matter's title is the page's heading on the docs site.
		seen[name] = squash(frontMatterTitle(t, p.page.FrontMatter) + plainText(p.doc, p.src))
	}
	main := s.Outputs.Docs
	if s.Docs.Layout != model.LayoutSingle {
		main = path.Join(s.Outputs.Docs, model.IndexPage+".md")
	}
	need := func(page string, facts ...fact) {
		for _, f := range facts {
			if f.text != "" && !strings.Contains(seen[page], squash(f.text)) {
				t.Errorf("%s does not show %s %q", page, f.what, f.text)
			}
		}
	}
	title := docTitle(s)
	for _, x := range s.Docs.Extra {
		if v, ok := x.Value.(string); ok && x.Key == "title" && s.Docs.FrontMatter != model.FrontMatterNone {
			title = v // front_matter_extra replaces the title the site shows
		}
	}
	need(main, fact{"the title", title}, fact{"the intro", mdText(s.API.Description)})
	for _, r := range s.Reserved {
		need(main, fact{"reserved code", r.Code}, fact{"its reason", mdText(r.Reason)},
			fact{"its since", r.Since}, fact{"its removed_in", r.RemovedIn})
	}
	for _, f := range s.Formats {
		need(main, fact{"a format's media type", "Content-Type: " + codeText(f.MediaType)})
		for _, h := range f.Headers {
			need(main, fact{"a format's header", h.Name + ": " + codeText(h.Value.Source())})
		}
		if m := f.Marker; m != nil {
			need(main, fact{"a format's error marker", fmt.Sprintf("A body whose %s is %s is an error", m.Member, jsonValue(m.Value))})
		}
		if f.Group != nil {
			need(main, fact{"a group's format", formatHeading(f.Group.Title)})
		}
	}
	for _, g := range s.Groups {
		page := main
		if g.Page != "" {
			page = path.Join(s.Outputs.Docs, g.Page+".md")
		}
		need(page, fact{"group title", g.Title}, fact{"group description", mdText(g.Description)})
	}
	for _, e := range s.AllErrors() {
		page := main
		if e.Page != "" {
			page = path.Join(s.Outputs.Docs, e.Page+".md")
		}
		need(page, errorFacts(e)...)
		need(main, fact{"the overview of " + e.Code, e.Message.Display})
	}
}

// frontMatterTitle is the title a page's front matter holds, "" for none.
func frontMatterTitle(t *testing.T, fm string) string {
	if fm == "" {
		return ""
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(strings.Trim(fm, "-\n")), &m); err != nil {
		t.Fatalf("front matter: %v", err)
	}
	title, _ := m["title"].(string)
	return title
}

func errorFacts(e *model.Error) []fact {
	fs := []fact{
		{"code", e.Code}, {"status", fmt.Sprintf("%d %s", e.Status, e.StatusText)},
		{"title", e.Title}, {"message", e.Message.Display}, {"example message", e.Message.Example},
		{"description", mdText(e.Description)}, {"solution", mdText(e.Solution)},
		{"deprecation", mdInlineText(e.Deprecated)},
	}
	if e.RetryAfter > 0 {
		fs = append(fs, fact{"Retry-After", "Retry-After: " + strconv.Itoa(e.RetryAfter)})
	}
	// The lifecycle: when it was added, what replaces it, until when.
	if e.Since != "" {
		fs = append(fs, fact{"since", "Added in: " + e.Since})
	}
	if r := e.ReplacedBy; r != nil {
		fs = append(fs, fact{"replacement", "Deprecated: use " + r.Code})
	}
	if e.Sunset != "" {
		fs = append(fs, fact{"sunset", "removed after " + e.Sunset})
	}
	for _, c := range e.Causes {
		fs = append(fs, fact{"cause", mdInlineText(c)})
	}
	for _, a := range e.Aliases {
		fs = append(fs, fact{"alias", a})
	}
	for _, o := range e.Operations {
		fs = append(fs, fact{"operation", o.ID})
	}
	for _, p := range e.Params {
		fs = append(fs, fact{"param", p.Name}, fact{"param type", string(p.Type)},
			fact{"param description", mdCellText(p.Description)}, fact{"param example", string(jsonValue(p.Example))},
			fact{"param since", p.Since})
	}
	for _, v := range e.Variants {
		fs = append(fs, fact{"variant", v.Name}, fact{"variant message", v.Message.Display},
			fact{"variant example", v.Message.Example}, fact{"variant description", mdCellText(v.Description)},
			fact{"variant since", v.Since})
	}
	// The wire shape: attributes, headers, when a 2xx is an error, the
	// group's own format, the error's own doc link, when a param is sent.
	for _, kv := range e.Attributes {
		fs = append(fs, fact{"attribute", kv.Key + ": " + string(jsonValue(kv.Value))})
	}
	for _, h := range e.Headers {
		fs = append(fs, fact{"header", h.Name + ": " + codeText(h.Value.Source())})
	}
	if m := e.Format.Marker; m != nil && e.Status < 300 {
		fs = append(fs, fact{"2xx marker", fmt.Sprintf("sent with HTTP %d; the body's %s is %s", e.Status, m.Member, jsonValue(m.Value))})
	}
	if e.Format.Group != nil {
		fs = append(fs, fact{"own format", "Content-Type: " + codeText(e.Format.MediaType)})
	}
	if e.OwnDocURL {
		fs = append(fs, fact{"own doc link", "More: " + e.DocURL})
	}
	for _, p := range e.Params {
		if p.Optional || p.Data {
			fs = append(fs, fact{"when param " + p.Name + " is sent", paramSent(p)})
		}
	}
	return fs
}

// codeText is what a reader sees of a code span of s.
func codeText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < ' ' || r == 0x7f:
			return -1
		}
		return r
	}, s)
}

// TestEveryFact: for every golden case and every hostile spec, each page
// shows, as a reader sees it, every fact the spec holds about what the
// page documents.
func TestEveryFact(t *testing.T) {
	for _, dir := range testutil.GoldenCases() {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			s := loadCase(t, dir)
			if s.Outputs.Docs == "" {
				t.Skip("no docs output")
			}
			checkFacts(t, s)
		})
	}
	for i, h := range hostile {
		for _, l := range []model.Layout{model.LayoutSingle, model.LayoutPerGroup, model.LayoutPerError} {
			t.Run(fmt.Sprintf("hostile-%d-%s", i, l), func(t *testing.T) {
				checkFacts(t, hostileSpec(t, h, l, model.FrontMatterNone))
				checkFacts(t, hostileFormatSpec(t, h, l, model.FrontMatterNone))
			})
		}
	}
}
