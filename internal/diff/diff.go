// Package diff compares two versions of an error catalog and reports what
// changed in the contract it makes with clients: every change gets a rule,
// a category, a severity, a one-line explanation, the fix it suggests and
// a position in the spec. It is errgen diff and errgen changelog.
//
// The comparison works on two resolved models (*model.Spec), never on
// YAML: what a client can observe is what the model says the generated
// code and pages do. Errors are matched by code; an error whose code went
// away is matched, in turn, with the error that keeps it as an alias, then
// with a new error of the same status and messages (a rename), both found
// in maps, so the comparison takes time linear in the catalogs' size.
//
// Each rule belongs to one category: wire (what clients see over HTTP:
// codes, statuses, bodies, headers, messages when clients identify errors
// by them), go (the generated package's API: identifiers, constructor
// signatures) or docs (links to the reference pages). The go rules apply
// only when the base version generates a Go package (outputs.go).
// Severities are breaking (a client written against the base fails),
// warning (it may, or it loses something it had) and info. Rules lists
// them all; docs/evolution.md explains each with an example.
//
// A change is positioned at the new spec, or, for what was removed, at the
// base. Changes come sorted: the new spec's first, by position, then the
// base's.
package diff

import (
	"cmp"
	"slices"

	"github.com/errgen/errgen/internal/model"
)

// Severity says how a change affects clients written against the base.
type Severity string

// The severities, from worst to mildest.
const (
	Breaking Severity = "breaking" // clients written against the base fail
	Warning  Severity = "warning"  // clients may fail, or lose something
	Info     Severity = "info"     // compatible: additions, clarifications
)

// Category is what a rule is about.
type Category string

// The categories.
const (
	Wire Category = "wire" // what clients see over HTTP
	Go   Category = "go"   // the generated Go package's API
	Docs Category = "docs" // links to the reference pages
)

// Categories lists every category, in the order they are documented.
var Categories = []Category{Wire, Go, Docs}

// Section is the changelog section a change belongs to, as Keep a
// Changelog names them.
type Section string

// The changelog sections, in the order the changelog prints them.
const (
	Added      Section = "Added"
	Changed    Section = "Changed"
	Deprecated Section = "Deprecated"
	Removed    Section = "Removed"
)

// Change is one difference between the base and the new spec.
type Change struct {
	Rule     string
	Category Category
	Severity Severity
	// Code is the code of the error the change is about (its new code for
	// a renamed error, its base code for a removed one); empty for a
	// change to the whole catalog or one of its formats.
	Code string
	// Message says, in one line, what changed and why it matters. It does
	// not name the error (Code does); it names the format for changes to
	// a format.
	Message string
	// Fix is what to do about it, in one line; empty for most info.
	Fix string
	// Pos is where the change is: in the new spec, or in the base for
	// what was removed (AtBase).
	Pos    model.Pos
	AtBase bool
	// Section is the changelog section of the change and Note its line
	// there, Markdown.
	Section Section
	Note    string
}

// Options tune the comparison.
type Options struct {
	// Date is today, YYYY-MM-DD: sunsets are compared with it. A removal
	// before a deprecated error's sunset is breaking.
	Date string
}

// Compare reports every change from base to head, sorted (see the
// package comment). base is nil when there was no spec before: every
// error is added.
func Compare(base, head *model.Spec, opts Options) []Change {
	if base == nil {
		base = &model.Spec{Response: model.Response{Format: model.FormatProblem}}
	}
	c := newComparer(base, head, opts)
	c.catalog()
	c.errors()
	sortChanges(c.out)
	return c.out
}

// sortChanges orders changes by where they are: the new spec's first,
// then the base's, each by line and column; ties by rule and code, so the
// order never depends on map iteration.
func sortChanges(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int {
		return cmp.Or(
			boolCmp(a.AtBase, b.AtBase),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// comparer holds both catalogs, indexed by code, and the changes found.
type comparer struct {
	base, head *model.Spec
	date       string
	// goAPI is set when the base generates a Go package: only then has
	// the Go API anything to break.
	goAPI bool
	out   []Change

	baseCode, headCode   map[string]*model.Error
	baseAlias, headAlias map[string]*model.Error
	baseRes, headRes     map[string]*model.Reserved
	headFormat           map[string]*model.Response
	// linksMoved is set when the catalog-wide settings of doc links
	// changed (docs_url, layout, anchor style): reported once, not per
	// error.
	linksMoved bool
}

func newComparer(base, head *model.Spec, opts Options) *comparer {
	c := &comparer{base: base, head: head, date: opts.Date, goAPI: base.Outputs.Go != ""}
	c.baseCode, c.baseAlias = index(base)
	c.headCode, c.headAlias = index(head)
	c.baseRes, c.headRes = reserved(base), reserved(head)
	c.headFormat = map[string]*model.Response{}
	for _, f := range head.Formats {
		c.headFormat[formatName(f)] = f
	}
	return c
}

// index maps a catalog's codes and aliases to their errors.
func index(s *model.Spec) (codes, aliases map[string]*model.Error) {
	codes = make(map[string]*model.Error, len(s.Errors))
	aliases = map[string]*model.Error{}
	for _, e := range s.Errors {
		codes[e.Code] = e
		for _, a := range e.Aliases {
			aliases[a] = e
		}
	}
	return codes, aliases
}

func reserved(s *model.Spec) map[string]*model.Reserved {
	m := make(map[string]*model.Reserved, len(s.Reserved))
	for _, r := range s.Reserved {
		m[r.Code] = r
	}
	return m
}

// goRules reports whether the go rules apply: the base generates a Go
// package, and the new spec still does (go-output-removed says when not).
func (c *comparer) goRules() bool { return c.goAPI && c.head.Outputs.Go != "" }

// add records a change positioned in the new spec.
func (c *comparer) add(r *Rule, sev Severity, code string, pos model.Pos, msg, fix, note string) {
	c.out = append(c.out, Change{Rule: r.ID, Category: r.Category, Severity: sev, Code: code, Message: msg, Fix: fix, Pos: pos, Section: r.Section, Note: note})
}

// removed records a change positioned in the base.
func (c *comparer) removed(r *Rule, sev Severity, code string, pos model.Pos, msg, fix, note string) {
	c.add(r, sev, code, pos, msg, fix, note)
	c.out[len(c.out)-1].AtBase = true
}
