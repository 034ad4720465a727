package docs

import (
	"strings"
	"testing"
)

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
		t.Run(c.layout, func(t *testing.T) {
			got := renderPages(t, "errgen: 1\ngo: {package: apierr}\noutputs: {docs: docs}\ndocs: {layout: "+c.layout+"}\n"+errs)
			for page, texts := range c.want {
				for _, text := range texts {
					if !strings.Contains(got[page], text) {
						t.Errorf("%s lacks %q:\n%s", page, text, got[page])
					}
				}
			}
		})
	}
}
