package docs

import (
	"testing"

	"github.com/errgen/errgen/internal/spec"
)

// retargetSpec links by bare fragments, from every text the author
// writes, to errors whose codes are also the anchors of headings
// (causes, solution, messages), of groups (card, auth) and of headings
// inside the texts (notes).
const retargetSpec = `
api: {name: Pay, description: "Start with [declined](#card_declined), [card](#card), [causes](#causes).\n\n# Intro head\n\nSee [ih](#intro-head)."}
groups:
  - {id: card, description: "[who](#unauthenticated) [expired](#card_expired) [card](#card) [auth](#auth) [causes](#causes) [m](#messages)"}
  - {id: auth, description: "[who](#unauthenticated) [d](#card_declined) [card](#card) [auth](#auth) [s](#solution)"}
errors:
  - code: card_declined
    status: 402
    group: card
    message: Declined
    description: "See [expired](#card_expired), [who](#unauthenticated), [c](#causes), [card](#card), [auth](#auth).\n\n# Notes\n\n[n](#notes) [s](#solution)"
    causes: ["[who](#unauthenticated)", "[e](#card_expired) [c](#causes) [n](#notes)"]
    solution: "[who](#unauthenticated) [m](#messages) [s](#solution)"
  - {code: card_expired, status: 402, group: card, message: Expired, description: "[d](#card_declined) [u](#unauthenticated) [c](#causes)"}
  - {code: unauthenticated, status: 401, group: auth, message: Who, description: "[d](#card_declined) [u](#unauthenticated)"}
  - {code: card, status: 400, group: auth, message: Card, description: "[card](#card) [auth](#auth) [d](#card_declined)"}
  - {code: auth, status: 400, group: card, message: Auth, description: "[card](#card) [auth](#auth)"}
  - {code: notes, status: 400, message: Notes, description: "[d](#card_declined) [n](#notes)"}
  - {code: causes, status: 400, group: auth, message: Causes}
  - {code: solution, status: 400, group: auth, message: Solution}
  - {code: messages, status: 400, group: auth, message: Messages}
`

func retargetParse(t *testing.T, layout string) string {
	out := "docs"
	if layout == "single" {
		out = "docs/errors.md"
	}
	return "errgen: 1\ngo: {package: apierr}\noutputs: {docs: " + out + "}\ndocs: {layout: " + layout + "}\n" + retargetSpec
}

// TestRetargetCollisions: with codes that are also headings' and groups'
// anchors, every link of every page, in every layout, lands on an anchor.
func TestRetargetCollisions(t *testing.T) {
	for _, layout := range []string{"single", "per_group", "per_error"} {
		t.Run(layout, func(t *testing.T) {
			s, err := spec.Parse("errors.yaml", []byte(retargetParse(t, layout)))
			if err != nil {
				t.Fatal(err)
			}
			checkPagesAuthored(t, s, map[string]bool{"notes": true, "intro-head": true})
		})
	}
}

// TestRetargetKeepsModel: rendering leaves the spec's texts as written
// (the causes of an error shown on several pages included), and a second
// render of the same model gives the same pages.
func TestRetargetKeepsModel(t *testing.T) {
	for _, layout := range []string{"single", "per_group", "per_error"} {
		s, err := spec.Parse("errors.yaml", []byte(retargetParse(t, layout)))
		if err != nil {
			t.Fatal(err)
		}
		snap := func() []string {
			v := []string{s.API.Description}
			for _, g := range s.Groups {
				v = append(v, g.Description)
			}
			for _, e := range s.AllErrors() {
				v = append(v, e.Description, e.Solution)
				v = append(v, e.Causes...)
			}
			return v
		}
		before := snap()
		f1, err := Render(s, nil)
		if err != nil {
			t.Fatal(err)
		}
		f2, err := Render(s, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range snap() {
			if a != before[i] {
				t.Errorf("%s: the model's text %d changed: %q, was %q", layout, i, a, before[i])
			}
		}
		if len(f1) != len(f2) {
			t.Fatalf("%s: %d pages, then %d", layout, len(f1), len(f2))
		}
		for i := range f1 {
			if string(f1[i].Data) != string(f2[i].Data) {
				t.Errorf("%s: %s differs on a second render", layout, f1[i].Path)
			}
		}
	}
}
