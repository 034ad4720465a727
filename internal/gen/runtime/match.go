package runtime

import (
	"regexp"
	"strings"
	"sync"
)

// errgenMaxMessage bounds the messages FromResponse matches against the
// catalog's templates; a longer one is not matched.
const errgenMaxMessage = 4096

// errgenMatch is what matching a message found: the catalog entry (nil
// for none), the template, and the raw param values by param index
// ("\x00" for a param the template does not use).
type errgenMatch struct {
	entry    *errgenEntry
	template *errgenTemplate
	values   []string
}

// errgenStatusKey names the catalog errors of one wire format and status.
type errgenStatusKey struct{ format, status int }

// errgenByStatusFormat groups the catalog's errors by wire format and
// status, in catalog order, built on first use: decoding a response that
// carries no code looks at the errors of its status only.
var errgenByStatusFormat = sync.OnceValue(func() map[errgenStatusKey][]*errgenEntry {
	m := map[errgenStatusKey][]*errgenEntry{}
	for _, ent := range errgenCatalog {
		k := errgenStatusKey{int(ent.format), int(ent.status)}
		m[k] = append(m[k], ent)
	}
	return m
})

// errgenByStatus returns the only catalog error of format f with the
// status, or nil.
func errgenByStatus(f, status int) *errgenEntry {
	if l := errgenByStatusFormat()[errgenStatusKey{f, status}]; len(l) == 1 {
		return l[0]
	}
	return nil
}

// errgenMatchMessage matches a message against the templates of the
// errors of format f with the given status (of entry only, when entry is
// not nil), in catalog order, main message before variants, then the sentinel
// message of an error whose main message has params (its title, which
// WriteError sends for the sentinel). Matching takes time linear in the
// message.
func errgenMatchMessage(f, status int, entry *errgenEntry, message string) errgenMatch {
	if len(message) > errgenMaxMessage {
		return errgenMatch{}
	}
	candidates := []*errgenEntry{entry}
	if entry == nil {
		candidates = errgenByStatusFormat()[errgenStatusKey{f, status}]
	}
	for _, ent := range candidates {
		c := ent.c()
		for k := range c.messages {
			t := &c.messages[k]
			if vals, ok := errgenMatchTemplate(ent, t, message); ok {
				return errgenMatch{entry: ent, template: t, values: vals}
			}
		}
		if len(c.messages) > 0 && len(c.messages[0].params) > 0 && message == c.message {
			return errgenMatch{entry: ent}
		}
	}
	return errgenMatch{}
}

// errgenMatchTemplate matches message against one template, returning
// the raw param values by param index. A template without placeholders is
// compared as a string; one with placeholders is first checked for its
// leading and trailing text, then matched by its regular expression
// (package regexp runs in time linear in the message: no backtracking).
// A placeholder is lazy, so of several ways to split a message the one
// with the shortest values first is taken, and typed: ints and int64s
// match decimal integers, float64s decimal numbers, Inf and NaN, bools
// true and false, each checked for range after the match. A param used
// twice must have the same value at each place.
func errgenMatchTemplate(ent *errgenEntry, t *errgenTemplate, message string) ([]string, bool) {
	if len(t.params) == 0 {
		return nil, len(t.lits) == 1 && message == t.lits[0]
	}
	last := t.lits[len(t.lits)-1]
	if !strings.HasPrefix(message, t.lits[0]) || !strings.HasSuffix(message, last) || len(message) < len(t.lits[0])+len(last) {
		return nil, false
	}
	c := ent.c()
	vals := make([]string, len(c.params))
	for j := range vals {
		vals[j] = "\x00"
	}
	if errgenAllStrings(c.kinds, t) {
		return vals, errgenScan(t, message, vals)
	}
	loc := errgenRegexp(c.kinds, t).FindStringSubmatchIndex(message)
	if loc == nil {
		return nil, false
	}
	for n, p := range t.params {
		v := message[loc[2+2*n]:loc[3+2*n]]
		if !errgenFits(v, c.kinds[p]) || (vals[p] != "\x00" && vals[p] != v) {
			return nil, false
		}
		vals[p] = v
	}
	return vals, true
}

// errgenAllStrings reports whether every placeholder of t is a string.
func errgenAllStrings(kinds string, t *errgenTemplate) bool {
	for _, p := range t.params {
		if kinds[p] != 's' {
			return false
		}
	}
	return true
}

// errgenScan matches a template whose placeholders are all strings in
// one pass: each placeholder but the last ends where the next literal
// first occurs, the last takes what remains before the trailing text.
// That is the split the lazy expression finds: a string placeholder
// takes anything, so the earliest occurrence leaves the longest rest,
// and if any split fits, the one with the longest rest does.
func errgenScan(t *errgenTemplate, message string, vals []string) bool {
	rest := message[len(t.lits[0]):]
	last := t.lits[len(t.lits)-1]
	for n, p := range t.params {
		var v string
		if n == len(t.params)-1 {
			if len(rest) < len(last) || !strings.HasSuffix(rest, last) {
				return false
			}
			v = rest[:len(rest)-len(last)]
		} else {
			k := strings.Index(rest, t.lits[n+1])
			if k < 0 {
				return false
			}
			v, rest = rest[:k], rest[k+len(t.lits[n+1]):]
		}
		if vals[p] != "\x00" && vals[p] != v {
			return false
		}
		vals[p] = v
	}
	return true
}

// errgenRegexps caches each template's compiled expression, compiled on
// first use. (A map under a lock rather than a sync.Map, whose generic
// implementation would be compiled again into every generated package.)
var (
	errgenRegexpsMu sync.RWMutex
	errgenRegexps   map[*errgenTemplate]*regexp.Regexp
)

// errgenRegexp returns the anchored expression of a template: its
// literals quoted, a typed group per placeholder.
func errgenRegexp(kinds string, t *errgenTemplate) *regexp.Regexp {
	errgenRegexpsMu.RLock()
	re := errgenRegexps[t]
	errgenRegexpsMu.RUnlock()
	if re != nil {
		return re
	}
	var b strings.Builder
	b.WriteString(`\A`)
	b.WriteString(regexp.QuoteMeta(t.lits[0]))
	for n, p := range t.params {
		b.WriteString("(")
		b.WriteString(errgenKindPattern(kinds[p]))
		b.WriteString(")")
		b.WriteString(regexp.QuoteMeta(t.lits[n+1]))
	}
	b.WriteString(`\z`)
	re = regexp.MustCompile(b.String())
	errgenRegexpsMu.Lock()
	defer errgenRegexpsMu.Unlock()
	if old := errgenRegexps[t]; old != nil {
		return old // compiled meanwhile by another caller
	}
	if errgenRegexps == nil {
		errgenRegexps = map[*errgenTemplate]*regexp.Regexp{}
	}
	errgenRegexps[t] = re
	return re
}

// errgenKindPattern is what a placeholder of a kind matches, lazily.
func errgenKindPattern(kind byte) string {
	switch kind {
	case 'i', 'I':
		return `[+-]??[0-9]+?`
	case 'f':
		return `(?i:[+-]??(?:[0-9]+?(?:\.[0-9]*?)??|\.[0-9]+?)(?:e[+-]??[0-9]+?)??|[+-]??inf(?:inity)??|nan)`
	case 'b':
		return `true|false`
	}
	return `(?s:.*?)`
}

// errgenRender renders a template with params, formatted as the New
// functions format them; false when a param it uses is missing or of
// another type.
func errgenRender(ent *errgenEntry, t *errgenTemplate, params []Param) (string, bool) {
	names := ent.c().params
	var b []byte
	for n, lit := range t.lits {
		b = append(b, lit...)
		if n == len(t.params) {
			break
		}
		name := names[t.params[n]]
		var v any
		for _, p := range params {
			if p.Name == name {
				v = p.Value
			}
		}
		switch v.(type) {
		case string, int, int64, float64, bool:
			b = errgenAppendRaw(b, v)
		default:
			return "", false
		}
	}
	return string(b), true
}
