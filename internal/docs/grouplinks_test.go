package docs

import (
	"strings"
	"testing"
)

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
		t.Run(c.layout, func(t *testing.T) {
			out := "docs"
			if c.layout == "single" {
				out = "docs/errors.md"
			}
			src := "errgen: 1\ngo: {package: apierr}\noutputs: {docs: " + out + "}\ndocs: {layout: " + c.layout + "}\n" + errs
			got := renderPages(t, src)
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
