package docs

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// astHeadingText is a heading's text as GitHub and markdownlint derive its
// anchor from it: text, escaped characters and code spans, links' text;
// no raw HTML (<br />), no images.
func astHeadingText(h ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(h, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(util.UnescapePunctuations(n.Segment.Value(src)))
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// checkAnchors fails on two headings of a page with the same anchor, or a
// heading whose anchor is an explicit <a id> of the page: GitHub and docs
// sites would give the second heading a -1 suffix, and a link to the
// anchor could land on the wrong section.
func checkAnchors(t *testing.T, name string, src []byte, authored map[string]bool) {
	t.Helper()
	src = stripFrontMatter(src)
	doc := md.Parser().Parse(text.NewReader(src))
	p := &parsed{page: &Page{Path: name}, src: src, doc: doc}
	ids := p.anchors(t)
	seen := map[string]string{}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		line := string(linesOf(h, src))
		anchor := headingAnchor(astHeadingText(h, src))
		switch {
		case anchor == "", authored[anchor]:
		case seen[anchor] != "":
			t.Errorf("%s: headings %q and %q both have the anchor #%s", name, seen[anchor], line, anchor)
		case ids[anchor]:
			t.Errorf("%s: heading %q has the anchor #%s of an error's <a id>", name, line, anchor)
		default:
			seen[anchor] = line
		}
		return ast.WalkSkipChildren, nil
	})
}

// TestGoldenAnchorsUnique: in every golden page on disk (custom templates
// included) and the example service's reference, headings have anchors
// of their own.
func TestGoldenAnchorsUnique(t *testing.T) {
	root := testutil.Root()
	var pages []string
	for _, pattern := range []string{"golden/*/*.md", "golden/*/*/*.md", "examples/*/docs/*.md"} {
		m, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, m...)
	}
	if len(pages) < 20 {
		t.Fatalf("only %d pages found", len(pages))
	}
	for _, file := range pages {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(src, []byte(marker)) {
			continue
		}
		rel, _ := filepath.Rel(root, file)
		checkAnchors(t, filepath.ToSlash(rel), src, nil)
	}
}

// authoredAnchors are the anchors of the headings Markdown text holds.
func authoredAnchors(s string) map[string]bool {
	src := []byte(markdownBlock(s))
	out := map[string]bool{}
	ast.Walk(md.Parser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			out[headingAnchor(astHeadingText(h, src))] = true
		}
		return ast.WalkContinue, nil
	})
	return out
}

func TestHeadingAnchor(t *testing.T) {
	cases := map[string]string{
		"Client errors":                       "client-errors",
		"Invalid API key (invalid_api_key)":   "invalid-api-key-invalid_api_key",
		"Payment declined (payment.declined)": "payment-declined-paymentdeclined",
		"Ünïcödé — 2 × 3?":                    "ünïcödé--2--3",
		"  Spaced  out ":                      "--spaced--out-",
	}
	for in, want := range cases {
		if got := headingAnchor(in); got != want {
			t.Errorf("headingAnchor(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHeadingsUnique: sections whose titles repeat the page title, an
// errgen heading, another section's title or an error's anchor get
// headings of their own, in every layout (the second spec has no groups,
// and its title is the errors' section's).
func TestHeadingsUnique(t *testing.T) {
	specs := []string{`
api: {name: Billing}
groups:
  - {id: billing, title: Billing errors}
  - {id: overview, title: Overview}
  - {id: twin, title: Billing errors}
  - {id: codes, title: card_declined}
  - {id: response, title: Response format}
errors:
  - {code: card_declined, status: 402, group: billing, message: Declined, causes: [a], solution: s}
  - {code: overview.error, status: 400, group: overview, message: "{n} wrong", params: [{name: n}], causes: [c]}
  - {code: other, status: 400, group: twin, message: Other, variants: [{name: v, message: V}]}
  - {code: x, status: 400, group: codes, message: W}
  - {code: ungrouped_one, status: 404, message: U}
reserved: [{code: gone, reason: r}]
`, `
docs: {title: Errors}
errors:
  - {code: e, status: 400, message: E}
`}
	for i, body := range specs {
		for _, l := range []model.Layout{model.LayoutSingle, model.LayoutPerGroup, model.LayoutPerError} {
			t.Run(fmt.Sprintf("%d/%s", i, l), func(t *testing.T) {
				src := "errgen: 1\ngo: {package: p}\noutputs: {docs: " + docsPath(l) + "}\n" + body
				src = strings.Replace(src, "docs: {title: Errors}", "docs: {title: Errors, layout: "+string(l)+"}", 1)
				if !strings.Contains(src, "layout:") {
					src += "docs: {layout: " + string(l) + "}\n"
				}
				s, err := spec.Parse("anchors/errors.yaml", []byte(src))
				if err != nil {
					t.Fatalf("%v\n%s", err, src)
				}
				checkPages(t, s)
			})
		}
	}
}

// TestFixedHeadingsGiveWay: errors coded like errgen's own headings of
// the single page (Overview, Response format, Reserved codes) keep their
// anchors, which their doc links name, and the headings give way:
// "Overview (catalog)". So do they for an error's heading ("Response
// (format)" takes response-format) and on the index page, where errors
// have no anchors, nothing changes.
func TestFixedHeadingsGiveWay(t *testing.T) {
	errs := "reserved: [{code: gone}]\nerrors:\n" +
		"  - {code: overview, status: 400, message: O}\n" +
		"  - {code: reserved-codes, status: 400, message: R}\n" +
		"  - {code: format, title: Response, status: 400, message: F}\n"
	for _, layout := range []string{"single", "per_group"} {
		out := "docs"
		if layout == "single" {
			out = "docs/errors.md"
		}
		s, err := spec.Parse("errors.yaml", []byte("errgen: 1\napi: {name: Demo, docs_url: \"https://example.com/errors\"}\ngo: {package: apierr}\noutputs: {docs: "+out+"}\ndocs: {layout: "+layout+"}\n"+errs))
		if err != nil {
			t.Fatal(err)
		}
		checkPages(t, s)
	}
	pagesHold(t, "single", errs, map[string][]string{"docs/errors.md": {
		"\n## Overview (catalog)\n", "\n## Response format (catalog)\n", "\n## Reserved codes (catalog)\n",
		`<a id="overview"></a>`, `<a id="reserved-codes"></a>`,
	}})
	pagesHold(t, "per_group", errs, map[string][]string{"docs/index.md": {
		"\n## Overview\n", "\n## Response format\n", "\n## Reserved codes\n",
	}})
}
