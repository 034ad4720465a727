package runtime

import (
	"math/bits"
	"strings"
	"sync"
)

// errgenMaxMessage bounds the messages FromResponse matches against the
// catalog's templates; a longer one is not matched.
const errgenMaxMessage = 4096

// errgenMatch is what matching a message found: the catalog entry (nil
// for none) and the template. (The raw param values it found come
// apart: kept in the caller's buffer, they stay on its stack only if
// nothing that flows elsewhere, as the entry does, holds them.)
type errgenMatch struct {
	entry    *errgenEntry
	template *errgenTemplate
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
// message. It returns what it found and the template's raw param values
// by param index ("\x00" for a param the template does not use), kept in
// buf when it has room for them.
func errgenMatchMessage(f, status int, entry *errgenEntry, message string, buf []string) (errgenMatch, []string) {
	if len(message) > errgenMaxMessage {
		return errgenMatch{}, nil
	}
	candidates := []*errgenEntry{entry}
	if entry == nil {
		candidates = errgenByStatusFormat()[errgenStatusKey{f, status}]
	}
	for _, ent := range candidates {
		c := ent.c()
		for k := range c.messages {
			t := &c.messages[k]
			if vals, ok := errgenMatchTemplate(ent, t, message, buf); ok {
				return errgenMatch{entry: ent, template: t}, vals
			}
		}
		if len(c.messages) > 0 && len(c.messages[0].params) > 0 && message == c.message {
			return errgenMatch{entry: ent}, nil
		}
	}
	return errgenMatch{}, nil
}

// errgenMatchTemplate matches message against one template, returning
// the raw param values by param index. A template without placeholders is
// compared as a string; one with placeholders is first checked for its
// leading and trailing text, then split by errgenScan (string
// placeholders only) or errgenSplit, both in time linear in the message.
// A placeholder is lazy, so of several ways to split a message the one
// with the shortest values first is taken, and typed: ints and int64s
// match decimal integers, float64s decimal numbers, Inf and NaN, bools
// true and false, each checked for range after the split. A param used
// twice must have the same value at each place.
func errgenMatchTemplate(ent *errgenEntry, t *errgenTemplate, message string, buf []string) ([]string, bool) {
	if len(t.params) == 0 {
		return nil, len(t.lits) == 1 && message == t.lits[0]
	}
	last := t.lits[len(t.lits)-1]
	if !strings.HasPrefix(message, t.lits[0]) || !strings.HasSuffix(message, last) || len(message) < len(t.lits[0])+len(last) {
		return nil, false
	}
	c := ent.c()
	vals := buf[:0:cap(buf)]
	if cap(vals) < len(c.params) {
		vals = make([]string, len(c.params))
	}
	vals = vals[:len(c.params)]
	for j := range vals {
		vals[j] = "\x00"
	}
	if errgenAllStrings(c.kinds, t) {
		return vals, errgenScan(t, message, vals)
	}
	var at [8]int // the ends of the values of up to four placeholders
	ends := errgenSplit(c.kinds, t, message, at[:0])
	if ends == nil {
		return nil, false
	}
	for n, p := range t.params {
		v := message[ends[2*n]:ends[2*n+1]]
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
// That is the split errgenSplit would find, the shortest values first:
// a string placeholder takes anything, so the earliest occurrence leaves
// the longest rest, and if any split fits, the one with the longest
// rest does.
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

// errgenSplit splits a message that starts and ends with t's leading and
// trailing text into t's values, each of the text its placeholder's kind
// allows (errgenStep), the shortest first value first, then the shortest
// second one, and so on; it returns each value's start and end, or nil
// when no split exists. A pass from the end of the message finds, for
// each placeholder and position, whether the rest of the template can
// match from there (the kind's automaton run backwards over the set of
// its states); a pass from the start then takes for each placeholder the
// shortest value after which the rest can match. Both take time linear
// in the message (times the template's size), whatever it holds. The
// ends are appended to ends (given empty, to reuse its room).
func errgenSplit(kinds string, t *errgenTemplate, message string, ends []int) []int {
	a := errgenAutomata()
	np, size := len(t.params), len(message)+1
	// Bit n*size+i of rest reports whether placeholders n and later,
	// with the texts after them, match message[i:] exactly (bit np*size
	// is the end of the message, after the trailing text).
	rest := make([]uint64, (np*size+64)/64)
	rest[np*size/64] |= 1 << (np * size % 64)
	// fits reports whether a value of placeholder n may end at i: the
	// text after it follows, and then the rest of the template.
	fits := func(n, i int) bool {
		lit := t.lits[n+1]
		if len(lit) > 0 && (len(message)-i < len(lit) || message[i] != lit[0] || message[i+1:i+len(lit)] != lit[1:]) {
			return false
		}
		k := (n+1)*size + i + len(lit)
		if n == np-1 {
			k = np * size // the rest is the end: i+len(lit) must be it
			if i+len(lit) != len(message) {
				return false
			}
		}
		return rest[k/64]&(1<<(k%64)) != 0
	}
	start := len(t.lits[0])
	for n := np - 1; n >= 0; n-- {
		k := errgenKindIndex(kinds[t.params[n]])
		if k == 0 {
			// A string takes anything: the rest matches from every
			// position up to the last end where a value fits.
			for i := len(message); i >= start; i-- {
				if fits(n, i) {
					for b := n*size + start; b <= n*size+i; b++ {
						rest[b/64] |= 1 << (b % 64)
					}
					break
				}
			}
			continue
		}
		accept := errgenAccepting[k]
		// live holds the states from which what is left of a value can
		// be read to an end where fits holds.
		var live uint32
		for i := len(message); i >= start; i-- {
			next := live
			live = 0
			if next != 0 {
				prev := &a.prev[k][a.class[message[i]]]
				for ; next != 0; next &= next - 1 {
					live |= prev[bits.TrailingZeros32(next)]
				}
			}
			if fits(n, i) {
				live |= accept
			}
			if live&1 != 0 {
				b := n*size + i
				rest[b/64] |= 1 << (b % 64)
			}
		}
	}
	if rest[start/64]&(1<<(start%64)) == 0 {
		return nil
	}
	for n := range np {
		k := errgenKindIndex(kinds[t.params[n]])
		accept := errgenAccepting[k]
		q, i := uint8(0), start
		for accept&(1<<q) == 0 || !fits(n, i) {
			if i == len(message) {
				return nil // not reached: rest said a split exists
			}
			if q = a.next[k][q][a.class[message[i]]]; q == 0xff {
				return nil // not reached, as above
			}
			i++
		}
		ends = append(ends, start, i)
		start = i + len(t.lits[n+1])
	}
	return ends
}

// errgenKinds are the placeholder kinds by automaton (ints and int64s
// share one); errgenStates is the number of states of each (state 0 is
// where a value starts), and errgenAccepting the set of states in which
// a value may end, as bits (errgenStep numbers the states).
const errgenKinds = "sifb"

var (
	errgenStates    = [len(errgenKinds)]int{1, 3, 19, 10}
	errgenAccepting = [len(errgenKinds)]uint32{1, 1 << 2, 1<<2 | 1<<3 | 1<<6 | 1<<10 | 1<<15 | 1<<18, 1<<4 | 1<<9}
)

// errgenKindIndex is the index of a kind's automaton.
func errgenKindIndex(kind byte) int {
	if kind == 'I' {
		kind = 'i'
	}
	return max(0, strings.IndexByte(errgenKinds, kind))
}

// errgenTables are the placeholder kinds' automata as tables, built
// from errgenStep on first use: bytes are grouped in classes that every
// automaton treats alike; next is the state after a byte's class (0xff
// for none), and prev the states that step to a state on a class, as
// bits.
type errgenTables struct {
	class [256]uint8
	next  [len(errgenKinds)][19][32]uint8
	prev  [len(errgenKinds)][32][19]uint32
}

var errgenAutomata = sync.OnceValue(func() *errgenTables {
	a := new(errgenTables)
	classes := map[string]uint8{}
	var sig []byte
	for c := range 256 {
		sig = sig[:0]
		for k := range errgenKinds {
			for q := range errgenStates[k] {
				sig = append(sig, errgenStep(errgenKinds[k], uint8(q), byte(c)))
			}
		}
		id, ok := classes[string(sig)]
		if !ok {
			id = uint8(len(classes))
			classes[string(sig)] = id
			j := 0
			for k := range errgenKinds {
				for q := range errgenStates[k] {
					to := sig[j]
					j++
					a.next[k][q][id] = to
					if to != 0xff {
						a.prev[k][id][to] |= 1 << q
					}
				}
			}
		}
		a.class[c] = id
	}
	return a
})

// errgenStep is the state a kind's automaton reaches from state q on
// byte c, 0xff for none. An int is [+-]?[0-9]+; a float64 is, letters
// in either case, [+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(e[+-]?[0-9]+)?,
// [+-]?inf(inity)? or nan; a bool true or false; a string anything.
func errgenStep(kind byte, q uint8, c byte) uint8 {
	digit := '0' <= c && c <= '9'
	sign := c == '+' || c == '-'
	switch kind {
	case 'i', 'I':
		switch {
		case q == 0 && sign:
			return 1
		case digit:
			return 2
		}
		return 0xff
	case 'b':
		// true: 1 to 4; false: 5 to 9.
		const words = "truefalse"
		switch {
		case q == 0 && c == 't':
			return 1
		case q == 0 && c == 'f':
			return 5
		case q != 0 && q != 4 && q < 9 && words[q] == c:
			return q + 1
		}
		return 0xff
	case 'f':
		return errgenFloatStep(q, c, digit, sign)
	}
	return 0
}

// errgenFloatStep is errgenStep for a float64. Its states: 0 the start,
// 1 after a sign, 2 in the integer's digits, 3 in the fraction's, 4
// after a leading point, 5 after e, 6 in the exponent's digits, 7 after
// the exponent's sign, 8 to 15 the letters of infinity read so far (inf
// ends in 10), 16 to 18 those of nan.
func errgenFloatStep(q uint8, c byte, digit, sign bool) uint8 {
	const infinity = "infinity"
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	switch {
	case q <= 1 && digit, q == 2 && digit:
		return 2
	case q <= 1 && c == '.':
		return 4
	case q <= 1 && c == 'i':
		return 8
	case q == 0 && sign:
		return 1
	case q == 0 && c == 'n':
		return 16
	case q == 2 && c == '.', (q == 3 || q == 4) && digit:
		return 3
	case (q == 2 || q == 3) && c == 'e':
		return 5
	case q == 5 && sign:
		return 7
	case (q == 5 || q == 6 || q == 7) && digit:
		return 6
	case 8 <= q && q < 15 && c == infinity[q-7]:
		return q + 1
	case q == 16 && c == 'a':
		return 17
	case q == 17 && c == 'n':
		return 18
	}
	return 0xff
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
