package spec

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// Limits that keep a hostile spec from costing unbounded time or memory.
const (
	// MaxSpecBytes is the largest spec file errgen reads.
	MaxSpecBytes = 16 << 20
	// maxNodes bounds the nodes visited, aliases expanded, so that a
	// "billion laughs" document is refused instead of walked.
	maxNodes = 2_000_000
	// maxAliasHops bounds how often aliases are followed: a legitimate
	// spec follows a few, an exponential one millions.
	maxAliasHops = 10_000
	// maxDepth bounds nesting.
	maxDepth = 64
)

// walker reads yaml.Node trees into raw values, reporting every type
// mismatch, unknown key and duplicate key it meets.
type walker struct {
	*reporter
	visited  int
	hops     int
	overflow bool
	// pre is the errors list decoded while it was parsed in pieces, or
	// nil.
	pre *decoded
	// meant maps each unknown key reported with a did-you-mean hint to
	// the key it proposes, so that the key it misspells is not also
	// reported missing.
	meant map[*yaml.Node]string
}

func (w *walker) pos(n *yaml.Node) model.Pos {
	if n == nil {
		return model.Pos{File: w.file}
	}
	return model.Pos{File: w.file, Line: n.Line, Col: n.Column}
}

// resolve follows aliases and charges the node budget. It returns nil once
// the budget is spent, after reporting it once.
func (w *walker) resolve(n *yaml.Node) *yaml.Node {
	if w.overflow {
		return nil
	}
	for n != nil && n.Kind == yaml.AliasNode {
		w.hops++
		if w.hops > maxAliasHops {
			w.overflow = true
			w.add(w.pos(n), "spec expands YAML aliases more than %d times; refusing it (is it an alias bomb?)", maxAliasHops)
			return nil
		}
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	w.visited++
	if w.visited > maxNodes {
		w.overflow = true
		w.add(w.pos(n), "spec is too large: more than %d YAML nodes once aliases are expanded", maxNodes)
		return nil
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return strconv.Quote(n.Value)
	}
	return "an unexpected node"
}

// field is one key of a mapping the walker knows.
type field struct {
	name string
	fn   func(key, val *yaml.Node)
}

// mapping walks a mapping node, calling each known key's function and
// reporting unknown and duplicate keys. what names the mapping in
// messages ("error \"x\"", "response"). It returns the keys seen.
func (w *walker) mapping(n *yaml.Node, what string, fields []field) map[string]*yaml.Node {
	n = w.resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		w.add(w.pos(n), "%s must be a mapping, not %s", what, kindName(n))
		return nil
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := w.resolve(n.Content[i]), n.Content[i+1]
		if k == nil {
			return seen
		}
		if k.Kind != yaml.ScalarNode {
			w.add(w.pos(k), "%s: keys must be strings", what)
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			w.add(w.pos(k), "%s: duplicate key %q (first at %d:%d)", what, k.Value, prev.Line, prev.Column)
			continue
		}
		seen[k.Value] = k
		idx := slices.IndexFunc(fields, func(f field) bool { return f.name == k.Value })
		if idx < 0 {
			if best := closest(k.Value, fields); best != "" {
				if w.meant == nil {
					w.meant = map[*yaml.Node]string{}
				}
				w.meant[k] = best
			}
			w.add(w.pos(k), "%s: unknown key %q%s", what, k.Value, suggest(k.Value, fields))
			continue
		}
		fields[idx].fn(k, v)
	}
	return seen
}

// require reports each named key missing from a mapping.
func (w *walker) require(n *yaml.Node, seen map[string]*yaml.Node, what string, keys ...string) {
	if seen == nil {
		return // the mapping itself was already reported
	}
	for _, k := range keys {
		if seen[k] == nil && !w.misspelled(seen, k) {
			w.add(w.pos(n), "%s: missing required key %q", what, k)
		}
	}
}

// misspelled reports whether one of the keys seen in a mapping was
// reported unknown with key as its did-you-mean hint: the mistake is
// reported there, once, and key is not also reported missing.
func (w *walker) misspelled(seen map[string]*yaml.Node, key string) bool {
	if len(w.meant) == 0 {
		return false
	}
	for _, k := range seen {
		if w.meant[k] == key {
			return true
		}
	}
	return false
}

// suggest proposes the closest known key for a typo.
func suggest(got string, fields []field) string {
	best := closest(got, fields)
	if best == "" {
		return ""
	}
	return " (did you mean " + strconv.Quote(best) + "?)"
}

// closest is the known key a typo most likely means, or "" when none is
// close.
func closest(got string, fields []field) string {
	best, bestDist := "", 3
	for _, f := range fields {
		if d := EditDistance(strings.ToLower(got), f.name); d < bestDist {
			best, bestDist = f.name, d
		}
	}
	return best
}

// EditDistance is the Levenshtein distance between a and b, in bytes:
// what the did-you-mean hints of errgen's problems rank by.
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// scalar returns a resolved scalar node, or reports what it found instead.
func (w *walker) scalar(n *yaml.Node, what string) *yaml.Node {
	n = w.resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		w.add(w.pos(n), "%s must be %s, not %s", what, "a value", kindName(n))
		return nil
	}
	return n
}

// str reads a string. Numbers and booleans are taken as written, so that
// `title: 404` or `message: true` mean the text the author sees.
func (w *walker) str(n *yaml.Node, what string) (string, bool) {
	return w.keyStr(n, what, "")
}

// keyStr is str for the value of a key, named in problems what+": "+key
// (what alone without a key): the name is built only for a problem.
func (w *walker) keyStr(n *yaml.Node, what, key string) (string, bool) {
	return w.keyStrTag(n, what, key, "")
}

// keyStrTag is keyStr for a string that may also carry the explicit tag
// tag: !!int for a code (an integer with response.code_type: integer,
// checked by checkCode), !!timestamp for a date. Any other explicit tag
// but !!str is refused: `message: !!int 5` says 5 is a number.
func (w *walker) keyStrTag(n *yaml.Node, what, key, tag string) (string, bool) {
	n = w.resolve(n)
	if n == nil {
		return "", false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		if key != "" {
			what += ": " + key
		}
		w.add(w.pos(n), "%s must be a string, not %s%s", what, kindName(n), w.flowHint(n))
		return "", false
	}
	if explicitTag(n) && n.Tag != "!!str" && n.Tag != tag {
		if key != "" {
			what += ": " + key
		}
		w.add(w.pos(n), "%s must be a string, not %s%s", what, kindName(n), tagHint(n))
		return "", false
	}
	return n.Value, true
}

// explicitTag reports whether a node's tag is written in the spec
// (`!!int 5`) rather than resolved from its text.
func explicitTag(n *yaml.Node) bool {
	return n.Style&yaml.TaggedStyle != 0
}

// tagHint explains a value refused for its explicit tag: " tagged !!int
// (remove the tag)", or "" for a value without one.
func tagHint(n *yaml.Node) string {
	if n == nil || !explicitTag(n) {
		return ""
	}
	return " tagged " + n.Tag + " (remove the tag)"
}

// flowHint explains a flow mapping of keys without values where a string
// belongs: an unquoted value that starts with "{", as `message: {field}`.
func (w *walker) flowHint(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode || n.Style&yaml.FlowStyle == 0 {
		return ""
	}
	for i := 1; i < len(n.Content); i += 2 {
		if v := n.Content[i]; v.Kind != yaml.ScalarNode || v.Tag != "!!null" || v.Value != "" {
			return "" // {a: b} is a mapping on purpose
		}
	}
	text := flowMappingText(w.src.line(n.Line), n.Column)
	if text == "" {
		return ""
	}
	return " (" + braceHint(text) + ")"
}

func (w *walker) integer(n *yaml.Node, what string) (int, bool) {
	n = w.resolve(n)
	if n == nil {
		return 0, false
	}
	switch v, form := readInt(n); {
	case form == intNot && n.Kind == yaml.ScalarNode && n.Tag != "!!null":
		w.add(w.pos(n), "%s must be an integer, not %s%s", what, kindName(n), tagHint(n))
	case form == intDecimal && v >= math.MinInt32 && v <= math.MaxInt32:
		return int(v), true
	case form == intDecimal || form == intRange:
		w.add(w.pos(n), "%s %s is out of range (an integer from %d to %d)", what, n.Value, math.MinInt32, math.MaxInt32)
	case form == intOther:
		w.add(w.pos(n), "%s %s must be a decimal integer%s", what, n.Value, decimalFix(n))
	default:
		w.add(w.pos(n), "%s must be an integer, not %s", what, kindName(n))
	}
	return 0, false
}

func (w *walker) boolean(n *yaml.Node, what string) (bool, bool) {
	n = w.resolve(n)
	if n == nil {
		return false, false
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		v, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err == nil {
			return v, true
		}
	}
	hint := ""
	if n.Kind == yaml.ScalarNode && n.Tag != "!!bool" {
		hint = tagHint(n)
	}
	w.add(w.pos(n), "%s must be true or false, not %s%s", what, kindName(n), hint)
	return false, false
}

// list walks a sequence, calling fn for each item.
func (w *walker) list(n *yaml.Node, what string, fn func(item *yaml.Node)) {
	n = w.resolve(n)
	if n == nil {
		return
	}
	if n.Kind != yaml.SequenceNode {
		w.add(w.pos(n), "%s must be a list, not %s", what, kindName(n))
		return
	}
	for _, it := range n.Content {
		fn(it)
	}
}

// strList reads a list of strings; a single string is taken as a list of one.
func (w *walker) strList(n *yaml.Node, what string) []string {
	var out []string
	if r := w.resolve(n); r != nil && r.Kind == yaml.ScalarNode && r.Tag != "!!null" {
		if s, ok := w.str(r, what); ok {
			return []string{s}
		}
		return nil
	}
	w.list(n, what, func(it *yaml.Node) {
		if s, ok := w.str(it, what+" items"); ok {
			out = append(out, s)
		}
	})
	return out
}

// literal reads a scalar as a typed Go value: string, int64, float64 or bool.
func (w *walker) literal(n *yaml.Node, what string) (any, bool) {
	n = w.scalar(n, what)
	if n == nil {
		return nil, false
	}
	switch n.Tag {
	case "!!int":
		v, form := readInt(n)
		switch form {
		case intDecimal:
			return v, true
		case intOther:
			w.add(w.pos(n), "%s: %s must be a decimal integer%s", what, n.Value, decimalFix(n))
		default:
			w.add(w.pos(n), "%s: integer %s is out of range", what, n.Value)
		}
		return nil, false
	case "!!float":
		v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			w.add(w.pos(n), "%s: %s is not a finite number", what, n.Value)
			return nil, false
		}
		return v, true
	case "!!bool":
		v, _ := strconv.ParseBool(strings.ToLower(n.Value))
		return v, true
	}
	return n.Value, true
}
