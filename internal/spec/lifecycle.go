package spec

import (
	"strconv"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// This file reads the lifecycle keys — since, sunset, replaced_by and a
// reserved code's removed_in — and records where keys are written, for
// errgen diff to point at them.

// maxVersion bounds a version string's length.
const maxVersion = 64

// version checks a version string (since, removed_in) and returns it:
// a letter or digit, then letters, digits and . + - _ ("1.4", "v2.0.0",
// "2025-06"); "" and a problem when it is not one.
func (b *builder) version(s str, what string) string {
	if s.n == nil {
		return ""
	}
	if !validVersion(s.v) {
		b.add(b.at(s), "%s %q is not a version: write it like 1.4 or v2.0.0 (a letter or digit, then letters, digits and .+-_, at most %d characters)", what, s.v, maxVersion)
		return ""
	}
	return s.v
}

func validVersion(v string) bool {
	if v == "" || len(v) > maxVersion {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if !alnum && (i == 0 || c != '.' && c != '+' && c != '-' && c != '_') {
			return false
		}
	}
	return true
}

// date checks a date written YYYY-MM-DD, a real day of the calendar.
func (b *builder) date(s str, what string) string {
	if _, err := time.Parse(time.DateOnly, s.v); err != nil || len(s.v) != len(time.DateOnly) {
		b.add(b.at(s), "%s %q is not a date written YYYY-MM-DD, such as 2027-06-30", what, s.v)
		return ""
	}
	return s.v
}

// buildLifecycle reads an error's since and sunset; replaced_by is
// resolved once every code is known (resolveReplacements).
func (b *builder) buildLifecycle(e *model.Error, re *rawError, what string) {
	e.Since = b.version(re.since, what+": since")
	if re.sunset.n != nil {
		e.Sunset = b.date(re.sunset, what+": sunset")
		if !re.deprecatedSet {
			b.add(b.at(re.sunset), "%s: sunset needs deprecated: a sunset is the date after which a deprecated error may be removed", what)
			e.Sunset = ""
		}
	}
	if re.replacedBy.n != nil && !re.deprecatedSet {
		b.add(b.at(re.replacedBy), "%s: replaced_by needs deprecated: name the replacement of a deprecated error", what)
	}
}

// resolveReplacements resolves each deprecated error's replaced_by to
// another error of the catalog that is not deprecated itself.
func (b *builder) resolveReplacements() {
	for _, re := range b.raw.errors {
		r := re.replacedBy
		if r.n == nil || !re.deprecatedSet {
			continue
		}
		e := b.byCode[re.code.v]
		what := "error " + strconv.Quote(re.code.v)
		target := b.byCode[r.v]
		switch {
		case target == nil:
			b.add(b.at(r), "%s: replaced_by %q %s", what, r.v, b.notAnError(r.v))
		case target == e:
			b.add(b.at(r), "%s: replaced_by names the error itself; name the error that replaces it", what)
		case target.DeprecatedSet:
			b.add(b.at(r), "%s: replaced_by %q is deprecated too; name the error that replaces both", what, r.v)
		case e != nil:
			e.ReplacedBy = target
		}
	}
}

// notAnError says what a code that names no error is, for replaced_by.
func (b *builder) notAnError(code string) string {
	if def, ok := b.codes[code]; ok {
		switch def.what {
		case "alias":
			return "is an alias of " + def.prefix[:len(def.prefix)-2] + "; name that error's code"
		case "reserved code":
			return "is a reserved code, which no error has"
		}
	}
	var fs []field
	for _, e := range b.spec.Errors {
		fs = append(fs, field{name: e.Code})
	}
	return "is not a code of the catalog" + suggest(code, fs)
}

// keyPos turns the value nodes of a mapping's keys into positions.
func (b *builder) keyPos(nodes map[string]*yaml.Node) map[string]model.Pos {
	if len(nodes) == 0 {
		return nil
	}
	m := make(map[string]model.Pos, len(nodes))
	for k, n := range nodes {
		m[k] = b.pos(n)
	}
	return m
}

// valuePos maps each scalar key of a mapping to its value's position, as
// written (an alias where it is written; the first of repeated keys).
func (b *builder) valuePos(n *yaml.Node) map[string]model.Pos {
	if n == nil || n.Kind != yaml.MappingNode || len(n.Content) < 2 {
		return nil
	}
	m := make(map[string]model.Pos, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode {
			if _, dup := m[k.Value]; !dup {
				m[k.Value] = b.pos(n.Content[i+1])
			}
		}
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

// specKeyPos records where the catalog-wide keys errgen diff points at
// are written.
func (b *builder) specKeyPos() {
	rs := b.raw
	m := map[string]model.Pos{}
	for key, n := range map[string]*yaml.Node{
		"go.package":         rs.goPkg.n,
		"outputs.go":         rs.outputs.goOut.n,
		"outputs.docs":       rs.outputs.docs.n,
		"response.code_type": rs.response.codeType.n,
		"response.details":   rs.response.details,
		"api.docs_url":       rs.api.docsURL.n,
		"docs.layout":        rs.docs.layout.n,
		"docs.anchor_style":  rs.docs.anchorStyle.n,
	} {
		if n != nil {
			m[key] = b.pos(n)
		}
	}
	b.spec.KeyPos = m
}
