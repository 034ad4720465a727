package docs

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
)

// TestAutolinks pins when a URL is written as an autolink (pages that are
// not Docusaurus pages) and when as [url](url).
func TestAutolinks(t *testing.T) {
	able := map[[2]string]bool{
		{"https://x.com/a_b*c~d", "https://x.com/a_b*c~d"}:   true,
		{"http://x.com", "http://x.com"}:                     true,
		{"a.b@example.com", "mailto:a.b@example.com"}:        true,
		{"mailto:a@b.co", "mailto:a@b.co"}:                   true,
		{`https://x.com/a\b`, `https://x.com/a\b`}:           true, // no escapes in autolinks: the \ is shown
		{"https://x.com/?q=1&r", "https://x.com/?q=1&r"}:     true,
		{"www.x.com", "http://www.x.com"}:                    false, // the text has no scheme
		{"https://x.com/a|b", "https://x.com/a|b"}:           false, // a table cell's end
		{"https://x.com/?a&amp;b", "https://x.com/?a&amp;b"}: false, // read as &
		{"https://x.com/&#65;", "https://x.com/&#65;"}:       false,
		{"https://x.com/a b", "https://x.com/a b"}:           false,
		{"https://x.com/<a>", "https://x.com/<a>"}:           false,
		{"javascript:alert(1)", "javascript:alert(1)"}:       false,
		{"a_b@x_y.com", "mailto:a_b@x_y.com"}:                false, // not a CommonMark email autolink
		{"https://x.com", "https://y.com"}:                   false,
	}
	for c, want := range able {
		if got := autolinkable(c[0], c[1]); got != want {
			t.Errorf("autolinkable(%q, %q) = %v, want %v", c[0], c[1], got, want)
		}
	}
	cases := []struct{ name, got, want string }{
		{"text", escapeTextAs("see https://x.com/a_b, then", urlAutolinks), "see <https://x.com/a_b>, then"},
		{"text email", escapeTextAs("write to help@example.com.", urlAutolinks), `write to <help@example.com>.`},
		{"text www", escapeTextAs("at www.example.com.", urlAutolinks), `at [www.example.com](http://www.example.com).`},
		{"text pipe", escapeTextAs("https://x.com/a|b c", urlAutolinks), `[https://x.com/a\|b](https://x.com/a\|b) c`},
		{"text pipe as link", escapeText("https://x.com/a|b c"), `[https://x.com/a\|b](https://x.com/a\|b) c`},
		{"text backslash before", escapeTextAs(`\https://x.co`, urlAutolinks), `\\<https://x.co>`},
		{"text two addresses", escapeTextAs("a@b.co+c@d.co", urlAutolinks), "<a@b.co><+c@d.co>"},
		{"inline", inlineMarkdownAs("see https://example.com/a_b.", urlAutolinks), "see <https://example.com/a_b>."},
		{"inline autolink kept", inlineMarkdownAs("<https://e.com/x> <a@b.co>", urlAutolinks), "<https://e.com/x> <a@b.co>"},
		{"inline unsafe autolink", inlineMarkdownAs("<javascript:alert(1)>", urlAutolinks), "&lt;javascript:alert(1)>"},
		{"inline non-descriptive", inlineMarkdownAs("see [here](https://x.com/a).", urlAutolinks), "see here (<https://x.com/a>)."},
		{"inline non-descriptive relative", inlineMarkdownAs("[more](x.md)", urlAutolinks), "more ([x.md](x.md))"},
		{"inline emphasis around", inlineMarkdownAs("_a https://x.com/_b_ c_", urlAutolinks), `*a <https://x.com/_b>* c\_`}, // the URL's trailing _ closes the emphasis
		{"folded", markdownInlineAs("a https://x.com/a|b\n\nc", urlAutolinks), `a [https://x.com/a\|b](https://x.com/a\|b)<br />c`},
		{"block", markdownBlockAs("x <https://e.com/x> {p}\n\n    <https://e.com/y> <b>", 0, urlAutolinks), "x <https://e.com/x> \\{p\\}\n\n    <https://e.com/y> &lt;b>"},
		{"table cell", markdownBlockAs("| a |\n|---|\n| https://x.com/a_b |", 0, urlAutolinks), "| a |\n| --- |\n| <https://x.com/a_b> |"},
		{"url", urlLink("https://status.example.com/a_b", urlAutolinks), "<https://status.example.com/a_b>"},
		{"url as link", urlLink("https://status.example.com/a_b", urlLinks), `[https://status.example.com/a\_b](https://status.example.com/a_b)`},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, c.got, c.want)
		}
	}
}

// TestAutolinksRead: goldmark reads each autolink errgen writes as a
// link showing, and going to, the URL as written.
func TestAutolinksRead(t *testing.T) {
	for _, u := range []string{"https://x.com/a_b*c~d`e", `https://x.com/a\b`, "https://x.com/?q=1&r", "a.b@example.com", "https://x.com/{id}"} {
		src := []byte("see " + escapeTextAs(u, urlAutolinks) + " and `" + u + "`")
		doc := md.Parser().Parse(text.NewReader(src))
		found := false
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if a, ok := n.(*ast.AutoLink); ok && entering {
				found = true
				if got := string(a.Label(src)); got != u {
					t.Errorf("%q: the autolink shows %q", u, got)
				}
				if !isAutolinkNode(src, a) {
					t.Errorf("%q: read as a bare URL in %q", u, src)
				}
			}
			return ast.WalkContinue, nil
		})
		if !found {
			t.Errorf("%q: no autolink in %q", u, src)
		}
	}
}

// TestLinkFormOfPages: Docusaurus pages write [url](url), the others
// <url>, in spec text and in an error's "More" link alike.
func TestLinkFormOfPages(t *testing.T) {
	for _, fm := range []model.FrontMatterStyle{model.FrontMatterNone, model.FrontMatterReadme, model.FrontMatterDocusaurus} {
		src := fmt.Sprintf(`errgen: 1
api: {name: A, description: "See https://x.dev/a_b."}
go: {package: a}
outputs: {docs: errors.md}
docs: {front_matter: %s}
errors:
  - {code: gone, status: 410, message: Gone, doc_url: "https://status.x.dev/gone_page"}
`, fm)
		s, err := spec.Parse("a/errors.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		files, err := Render(s, nil)
		if err != nil {
			t.Fatal(err)
		}
		page := string(files[0].Data)
		want := []string{"See <https://x.dev/a_b>.", "- **More:** <https://status.x.dev/gone_page>"}
		if fm == model.FrontMatterDocusaurus {
			want = []string{`See [https://x.dev/a\_b](https://x.dev/a_b).`, `- **More:** [https://status.x.dev/gone\_page](https://status.x.dev/gone_page)`}
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("front_matter %s: the page lacks %q:\n%s", fm, w, page)
			}
		}
		checkPages(t, s)
	}
}

// TestRetargetFragments checks the links of text shown on another page
// than the one it was written for: a bare fragment an error's anchor
// names goes to that error's page, any other bare fragment becomes its
// text, and links with a path or a scheme stay as written.
func TestRetargetFragments(t *testing.T) {
	resolve := func(frag string) (string, bool) {
		if frag == "card_declined" {
			return "Card.Errors.md#card_declined", true
		}
		return "", false
	}
	for _, c := range [][2]string{
		{"See [declined](#card_declined).", "See [declined](Card.Errors.md#card_declined)."},
		{`See [declined](#card_declined "Declined").`, `See [declined](Card.Errors.md#card_declined "Declined").`},
		{"See [declined](<#card_declined>).", "See [declined](Card.Errors.md#card_declined)."},
		{"See [the *top*](#top) and [x](#).", "See the *top* and x."},
		{"[a](other.md#card_declined) [b](https://x.com/#card_declined) [c](mailto:a@b.co)", "[a](other.md#card_declined) [b](https://x.com/#card_declined) [c](mailto:a@b.co)"},
		{"`[code](#card_declined)` ![img](#card_declined)", "`[code](#card_declined)` ![img](#card_declined)"},
		{"no links", "no links"},
	} {
		if got := retargetFragments(c[0], resolve); got != c[1] {
			t.Errorf("retargetFragments(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestOverviewFragments renders a per_group and a per_error spec whose
// descriptions link to fragments, and checks the overview cells of the
// pages they are copied to.
func TestOverviewFragments(t *testing.T) {
	const errs = `
groups:
  - {id: Card.Errors}
  - {id: auth}
errors:
  - code: card_declined
    status: 402
    group: Card.Errors
    message: Declined
    description: "Declined; compare [expired](#card_expired), see [the top](#top) and [docs](https://x.com/#a)."
  - {code: card_expired, status: 402, group: Card.Errors, message: Expired}
  - {code: unauthenticated, status: 401, group: auth, message: Who, description: "Not [declined](#card_declined)."}
`
	for _, c := range []struct {
		layout string
		want   map[string][]string // page → cells it must hold
	}{
		{"per_group", map[string][]string{
			"docs/index.md": {
				"| Declined; compare [expired](Card.Errors.md#card_expired), see the top and [docs](https://x.com/#a). |",
				"| Not [declined](Card.Errors.md#card_declined). |",
			},
			// On its own page, the text is as written.
			"docs/Card.Errors.md": {"| Declined; compare [expired](#card_expired), see [the top](#top) and [docs](https://x.com/#a). |"},
		}},
		{"per_error", map[string][]string{
			"docs/index.md": {
				"| Declined; compare [expired](card_expired.md), see the top and [docs](https://x.com/#a). |",
				"| Not [declined](card_declined.md). |",
			},
		}},
	} {
		t.Run(c.layout, func(t *testing.T) {
			src := "errgen: 1\ngo: {package: apierr}\noutputs: {docs: docs}\ndocs: {layout: " + c.layout + "}\n" + errs
			got := renderPages(t, src)
			for page, cells := range c.want {
				for _, cell := range cells {
					if !strings.Contains(got[page], cell) {
						t.Errorf("%s lacks %q:\n%s", page, cell, got[page])
					}
				}
			}
		})
	}
}

// TestOwnPageFragments renders errors whose description, causes and
// solution link to other errors by a bare fragment, in the layouts that
// put errors on pages of their own: on an error's own page, a link to an
// error on another page points at that page; a link to an anchor of the
// same page, or to one errgen does not know, stays as written.
func TestOwnPageFragments(t *testing.T) {
	const errs = `
groups:
  - {id: Card.Errors}
  - {id: auth}
errors:
  - code: card_declined
    status: 402
    group: Card.Errors
    message: Declined
    description: "Declined; compare [expired](#card_expired) and [who](#unauthenticated), see [the top](#top)."
    causes: ["Not [signed in](#unauthenticated)."]
    solution: "Sign in first: [how](#unauthenticated)."
  - {code: card_expired, status: 402, group: Card.Errors, message: Expired}
  - {code: unauthenticated, status: 401, group: auth, message: Who, description: "Not [declined](#card_declined)."}
`
	for _, c := range []struct {
		layout string
		want   map[string][]string // page → text it must hold
	}{
		{"per_group", map[string][]string{
			"docs/Card.Errors.md": {
				"Declined; compare [expired](#card_expired) and [who](auth.md#unauthenticated), see [the top](#top).",
				"- Not [signed in](auth.md#unauthenticated).",
				"Sign in first: [how](auth.md#unauthenticated).",
			},
			"docs/auth.md": {
				"Not [declined](Card.Errors.md#card_declined).\n",
				"| Not [declined](Card.Errors.md#card_declined). |",
			},
		}},
		{"per_error", map[string][]string{
			"docs/card_declined.md": {
				"Declined; compare [expired](card_expired.md) and [who](unauthenticated.md), see [the top](#top).",
				"- Not [signed in](unauthenticated.md).",
				"Sign in first: [how](unauthenticated.md).",
			},
			"docs/unauthenticated.md": {"Not [declined](card_declined.md).\n"},
		}},
		{"single", map[string][]string{
			"docs/errors.md": {
				"Declined; compare [expired](#card_expired) and [who](#unauthenticated), see [the top](#top).",
				"Sign in first: [how](#unauthenticated).",
			},
		}},
	} {
		t.Run(c.layout, func(t *testing.T) { pagesHold(t, c.layout, errs, c.want) })
	}
}

// TestDescriptionFragments renders a group's and the API's descriptions
// that link to errors by a bare fragment, in every layout: wherever the
// text is shown, a link to an error on another page points at that page,
// and a link to an anchor the page has, or to one errgen does not know,
// stays as written.
func TestDescriptionFragments(t *testing.T) {
	const errs = `
api: {name: Pay, description: "Start with [declined](#card_declined); see [the top](#top)."}
groups:
  - {id: card, description: "Card errors; compare [who](#unauthenticated) and [expired](#card_expired), see [the top](#top)."}
  - {id: auth}
errors:
  - {code: card_declined, status: 402, group: card, message: Declined}
  - {code: card_expired, status: 402, group: card, message: Expired}
  - {code: unauthenticated, status: 401, group: auth, message: Who}
`
	for _, c := range []struct {
		layout string
		want   map[string][]string // page → text it must hold
	}{
		{"per_group", map[string][]string{
			"docs/index.md": {
				"Start with [declined](card.md#card_declined); see [the top](#top).",
				"Card errors; compare [who](auth.md#unauthenticated) and [expired](card.md#card_expired), see [the top](#top).",
			},
			"docs/card.md": {"Card errors; compare [who](auth.md#unauthenticated) and [expired](#card_expired), see [the top](#top)."},
		}},
		{"per_error", map[string][]string{
			"docs/index.md": {
				"Start with [declined](card_declined.md); see [the top](#top).",
				"Card errors; compare [who](unauthenticated.md) and [expired](card_expired.md), see [the top](#top).",
			},
		}},
		{"single", map[string][]string{
			"docs/errors.md": {
				"Start with [declined](#card_declined); see [the top](#top).",
				"Card errors; compare [who](#unauthenticated) and [expired](#card_expired), see [the top](#top).",
			},
		}},
	} {
		t.Run(c.layout, func(t *testing.T) { pagesHold(t, c.layout, errs, c.want) })
	}
}

// TestFragmentOfThePage: a link to an anchor the page itself has (a
// heading of the page, or a heading inside the texts it shows) stays as
// written, even when an error on another page has the same anchor; the
// API's and groups' descriptions on index.md, and errors' texts on their
// own pages, alike.
func TestFragmentOfThePage(t *testing.T) {
	const errs = `
api: {name: Pay, description: "See [the overview](#overview) and [card errors](#card)."}
groups:
  - {id: card, description: "Also [auth errors](#auth)."}
  - {id: auth}
errors:
  - code: card_declined
    status: 402
    group: card
    message: Declined
    description: "Read [the notes](#notes) and [who](#auth).\n\n# Notes\n\nNone."
    solution: "See [causes](#causes)."
    causes: ["Expired."]
  - {code: card, status: 400, group: auth, message: Card}
  - {code: overview, status: 400, group: auth, message: Ov}
  - {code: auth, status: 401, group: card, message: Auth}
  - {code: notes, status: 400, group: auth, message: Notes}
  - {code: causes, status: 400, group: auth, message: Causes}
`
	for _, c := range []struct {
		layout string
		want   map[string][]string // page → text it must hold
	}{
		{"per_group", map[string][]string{
			"docs/index.md": {"See [the overview](#overview) and [card errors](#card).", "Also [auth errors](#auth)."},
			// The card page's own heading is "Card"; auth is an error of
			// this page; "Notes" is a heading of the description.
			"docs/card.md": {"Read [the notes](#notes) and [who](#auth).", "See [causes](auth.md#causes)."},
		}},
		{"per_error", map[string][]string{
			"docs/index.md": {"See [the overview](#overview) and [card errors](#card).", "Also [auth errors](#auth)."},
			// The page has a "Causes" heading of its own.
			"docs/card_declined.md": {"Read [the notes](#notes) and [who](auth.md).", "See [causes](#causes)."},
		}},
	} {
		t.Run(c.layout, func(t *testing.T) { pagesHold(t, c.layout, errs, c.want) })
	}
}

// pagesHold renders the spec errs (groups and errors) in a layout and
// checks that each page holds the texts want lists for it.
func pagesHold(t *testing.T, layout, errs string, want map[string][]string) {
	t.Helper()
	out := "docs"
	if layout == "single" {
		out = "docs/errors.md"
	}
	got := renderPages(t, "errgen: 1\ngo: {package: apierr}\noutputs: {docs: "+out+"}\ndocs: {layout: "+layout+"}\n"+errs)
	for page, texts := range want {
		for _, text := range texts {
			if !strings.Contains(got[page], text) {
				t.Errorf("%s lacks %q:\n%s", page, text, got[page])
			}
		}
	}
}

// renderPages renders the pages of a spec, by path.
func renderPages(t *testing.T, src string) map[string]string {
	t.Helper()
	s, err := spec.Parse("errors.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.Path] = string(f.Data)
	}
	return got
}

// TestRetargetLandsOnAnchors renders texts whose links to bare fragments
// could be taken for the page's own anchors when they are not, and the
// other way round, and checks that every link of every page lands on an
// anchor: a group page whose heading is in front matter (not written); a
// group's description with headings, which an error's page does not
// show; "# lines" in fenced and indented code, in a cause (inline) and
// in a title; an overview cell from a description with a heading.
func TestRetargetLandsOnAnchors(t *testing.T) {
	const two = "groups:\n  - {id: card}\n  - {id: auth}\nerrors:\n"
	const notes = "  - {code: notes, status: 400, group: auth, message: Notes}\n"
	for _, c := range []struct {
		name, docs, errs string
		layouts          []string
		authored         map[string]bool // anchors of the spec's own headings
	}{
		{"heading in front matter", ", front_matter: readme", two +
			"  - {code: declined, status: 402, group: card, message: D, description: \"See [the card error](#card).\"}\n" +
			"  - {code: card, status: 400, group: auth, message: Card}\n", []string{"per_group"}, nil},
		{"group description on an error's page", "", "groups:\n  - {id: card, description: \"Card errors.\\n\\n# Notes\\n\\nSome.\"}\n  - {id: auth}\nerrors:\n" +
			"  - {code: declined, status: 402, group: card, message: D, description: \"See [the notes error](#notes).\"}\n" + notes,
			[]string{"per_error"}, map[string]bool{"notes": true}},
		{"fenced code", "", two +
			"  - {code: declined, status: 402, group: card, message: D, description: \"Run:\\n\\n```sh\\n# notes\\n```\\n\\nSee [the notes error](#notes).\"}\n" + notes,
			[]string{"per_group", "per_error"}, nil},
		{"indented code", "", two +
			"  - {code: declined, status: 402, group: card, message: D, description: \"Run:\\n\\n    # notes\\n\\nSee [the notes error](#notes).\"}\n" + notes,
			[]string{"per_group", "per_error"}, nil},
		{"cause", "", two +
			"  - {code: declined, status: 402, group: card, message: D, causes: [\"# notes\"], solution: \"See [the notes error](#notes).\"}\n" + notes,
			[]string{"per_group", "per_error"}, nil},
		{"title", "", two +
			"  - {code: declined, title: \"# notes\", status: 402, group: card, message: D, solution: \"See [the notes error](#notes).\"}\n" + notes,
			[]string{"per_group", "per_error"}, nil},
		{"variant description", "", two +
			"  - {code: declined, status: 402, group: card, message: D, variants: [{name: v, message: V, description: \"Unlike [the notes error](#notes), [d](#declined).\"}]}\n" + notes,
			[]string{"per_group", "per_error", "single"}, nil},
		{"param description", "", two +
			"  - {code: declined, status: 402, group: card, message: \"D {p}\", params: [{name: p, type: string, description: \"As in [the notes error](#notes), [d](#declined).\"}], example: {p: x}}\n" + notes,
			[]string{"per_group", "per_error", "single"}, nil},
		{"overview cell", "", two +
			"  - {code: declined, status: 402, group: card, message: D, description: \"# Notes\\n\\nSee [n](#notes) [d](#declined) [x](#x).\"}\n" +
			"  - {code: notes, status: 400, group: auth, message: Notes, description: \"[n](#notes) [d](#declined)\"}\n" +
			"  - {code: x, status: 400, group: card, message: X, description: \"[n](#notes) [d](#declined)\"}\n",
			[]string{"per_group", "per_error", "single"}, map[string]bool{"notes": true}},
	} {
		for _, layout := range c.layouts {
			t.Run(c.name+"/"+layout, func(t *testing.T) {
				out := "docs"
				if layout == "single" {
					out = "docs/errors.md"
				}
				s, err := spec.Parse("errors.yaml", []byte("errgen: 1\ngo: {package: apierr}\noutputs: {docs: "+out+"}\ndocs: {layout: "+layout+c.docs+"}\n"+c.errs))
				if err != nil {
					t.Fatal(err)
				}
				checkPagesAuthored(t, s, c.authored)
			})
		}
	}
}

// TestRetargetHeadingForms: a heading of the text a page shows, in any
// of Markdown's forms, is the page's own anchor, and a link to it stays.
func TestRetargetHeadingForms(t *testing.T) {
	for _, d := range []string{`Notes\n-----\n\n[n](#notes)`, `> # Notes\n\n[n](#notes)`, `# _Notes_\n\n[n](#notes)`, `- # Notes\n\n[n](#notes)`} {
		errs := "groups:\n  - {id: card}\n  - {id: auth}\nerrors:\n  - {code: declined, status: 402, group: card, message: D, description: \"" + d + "\"}\n  - {code: notes, status: 400, group: auth, message: N}\n"
		pagesHold(t, "per_group", errs, map[string][]string{"docs/card.md": {"[n](#notes)"}})
		pagesHold(t, "per_error", errs, map[string][]string{"docs/declined.md": {"[n](#notes)"}})
	}
}

// TestRetargetLeavesCode: fenced and indented code in the API's, a
// group's and an error's description is shown as written, links and
// all, while the same link outside code is retargeted.
func TestRetargetLeavesCode(t *testing.T) {
	const code = `\n\n    [i](#unauth)\n\n~~~\n[f](#unauth)\n~~~\n\nSee [o](#unauth).`
	errs := `api: {name: Pay, description: "Intro:` + code + `"}
groups:
  - {id: card, description: "Group:` + code + `"}
  - {id: auth}
errors:
  - {code: card_declined, status: 402, group: card, message: D, description: "Desc:` + code + `"}
  - {code: unauth, status: 401, group: auth, message: U}
`
	want := []string{"    [i](#unauth)\n", "~~~text\n[f](#unauth)\n~~~\n"}
	pagesHold(t, "per_group", errs, map[string][]string{
		"docs/index.md": append(want, "See [o](auth.md#unauth)."),
		"docs/card.md":  append(want, "See [o](auth.md#unauth)."),
	})
	pagesHold(t, "per_error", errs, map[string][]string{
		"docs/index.md":         append(want, "See [o](unauth.md)."),
		"docs/card_declined.md": append(want, "See [o](unauth.md)."),
	})
}

// TestRetargetVariantsAndParams: a variant's and a param's description
// are shown on the error's page with a link to another page's error
// pointed at that page, and a link to the error itself left as written.
func TestRetargetVariantsAndParams(t *testing.T) {
	errs := "groups:\n  - {id: card}\n  - {id: auth}\nerrors:\n" +
		"  - {code: declined, status: 402, group: card, message: \"D {p}\", example: {p: x},\n" +
		"     params: [{name: p, type: string, description: \"As in [param notes](#notes), [param self](#declined).\"}],\n" +
		"     variants: [{name: v, message: \"V {p}\", description: \"Unlike [variant notes](#notes), [variant self](#declined).\"}]}\n" +
		"  - {code: notes, status: 400, group: auth, message: Notes}\n"
	pagesHold(t, "per_group", errs, map[string][]string{"docs/card.md": {
		"[param notes](auth.md#notes)", "[param self](#declined)",
		"[variant notes](auth.md#notes)", "[variant self](#declined)",
	}})
	pagesHold(t, "per_error", errs, map[string][]string{"docs/declined.md": {
		"[param notes](notes.md)", "[param self](#declined)",
		"[variant notes](notes.md)", "[variant self](#declined)",
	}})
	pagesHold(t, "single", errs, map[string][]string{"docs/errors.md": {
		"[param notes](#notes)", "[variant notes](#notes)",
	}})
}
