package runtime

import (
	"fmt"
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// regexpSplit is the reference for errgenSplit: the template as a
// regular expression of package regexp, its literals quoted, a lazy
// group per placeholder of what the placeholder's kind allows.
func regexpSplit(kinds string, t *errgenTemplate, message string) []int {
	pattern := map[byte]string{
		'i': `[+-]??[0-9]+?`,
		'I': `[+-]??[0-9]+?`,
		'f': `(?i:[+-]??(?:[0-9]+?(?:\.[0-9]*?)??|\.[0-9]+?)(?:e[+-]??[0-9]+?)??|[+-]??inf(?:inity)??|nan)`,
		'b': `true|false`,
		's': `(?s:.*?)`,
	}
	var b strings.Builder
	b.WriteString(`\A` + regexp.QuoteMeta(t.lits[0]))
	for n, p := range t.params {
		b.WriteString("(" + pattern[kinds[p]] + ")" + regexp.QuoteMeta(t.lits[n+1]))
	}
	b.WriteString(`\z`)
	loc := regexp.MustCompile(b.String()).FindStringSubmatchIndex(message)
	if loc == nil {
		return nil
	}
	return loc[2:]
}

// splitPieces are what random templates and messages are made of: the
// characters and words every kind's text is made of, in both cases, and
// bytes of no kind. (Messages also get the last one, which is not UTF-8:
// a spec's templates always are.)
var splitPieces = []string{
	"1", "2", "0", "+", "-", ".", "e", "E", "in", "IN", "f", "F", "inity", "INITY",
	"nan", "NaN", "N", "a", "true", "false", "tr", "ue", "fal", "se", " ", "x", "é", "\n", "\xff",
}

// kindValues are values of each kind, some of them also of another.
var kindValues = map[byte][]string{
	's': {"", "x", "1", "true", "a b", "é", "\xff"},
	'i': {"0", "-12", "+7", "99999999999999999999"},
	'I': {"1", "-0", "123"},
	'f': {"1", "1.", ".5", "-2.5e+3", "1E5", "Inf", "-infinity", "NaN", "+INF"},
	'b': {"true", "false"},
}

// splitTemplate builds a random template over splitPieces with up to
// four placeholders of random kinds (a name may repeat).
func splitTemplate(r *rand.Rand) *errgenEntry {
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(splitPieces[r.Intn(len(splitPieces)-1)])
		}
		return strings.NewReplacer("{", "", "}", "").Replace(b.String())
	}
	kinds := map[string]byte{}
	var msg strings.Builder
	msg.WriteString(word(r.Intn(2)))
	for range 1 + r.Intn(4) {
		name := fmt.Sprintf("p%d", r.Intn(4))
		if _, ok := kinds[name]; !ok {
			kinds[name] = "sifbI"[r.Intn(5)]
		}
		msg.WriteString("{" + name + "}" + word(r.Intn(3)))
	}
	return entryOf(msg.String(), kinds)
}

// TestSplitLikeRegexp compares errgenSplit with package regexp on
// random templates and messages: the same split, or none for both.
func TestSplitLikeRegexp(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	found := 0
	for range 20000 {
		ent := splitTemplate(r)
		c := ent.c()
		tmpl := &c.messages[0]
		for k := range 4 {
			var b strings.Builder
			for n, lit := range tmpl.lits {
				if k == 3 && n == len(tmpl.lits)-1 {
					lit = "x" + lit
				}
				b.WriteString(lit)
				switch {
				case n == len(tmpl.params):
				case k == 0: // a value of the placeholder's kind
					values := kindValues[c.kinds[tmpl.params[n]]]
					b.WriteString(values[r.Intn(len(values))])
				default:
					for range r.Intn(2 + k) {
						b.WriteString(splitPieces[r.Intn(len(splitPieces))])
					}
				}
			}
			msg := b.String()
			want := regexpSplit(c.kinds, tmpl, msg)
			got := errgenSplit(c.kinds, tmpl, msg, nil)
			if !slices.Equal(got, want) {
				t.Fatalf("template %q (kinds %s), message %q: split %v, regexp %v", ent.msg, c.kinds, msg, got, want)
			}
			if got != nil {
				found++
			}
		}
	}
	if found < 20000 {
		t.Errorf("only %d of 80,000 messages split: the comparison says little", found)
	}
	t.Logf("%d of 80,000 messages split", found)
}

// TestSplitReplacementChar checks that the text of a template matches a
// message byte for byte, between placeholders as before and after them:
// a U+FFFD in it matches U+FFFD, not a byte that is not UTF-8 (which
// package regexp reads as U+FFFD).
func TestSplitReplacementChar(t *testing.T) {
	ent := entryOf("{a}\uFFFD{b}", map[string]byte{"a": 'i', "b": 'i'})
	c := ent.c()
	tmpl := &c.messages[0]
	if got := errgenSplit(c.kinds, tmpl, "1\uFFFD2", nil); !slices.Equal(got, []int{0, 1, 4, 5}) {
		t.Errorf("1\uFFFD2: %v", got)
	}
	for _, msg := range []string{"1\xff2", "1\xef\xbf2", "12"} {
		if got := errgenSplit(c.kinds, tmpl, msg, nil); got != nil {
			t.Errorf("%q: %v, want no split", msg, got)
		}
	}
}

// TestAutomataTables checks the tables errgenSplit steps through against
// errgenStep, for every kind, state and byte, and that they are large
// enough for the automata (a kind or state added to errgenStep that
// outgrew them would fail here, not in a service).
func TestAutomataTables(t *testing.T) {
	a := errgenAutomata()
	classes := 0
	for c := range 256 {
		classes = max(classes, int(a.class[c])+1)
	}
	if classes > len(a.next[0][0]) {
		t.Fatalf("%d byte classes, the tables hold %d", classes, len(a.next[0][0]))
	}
	for k, kind := range []byte(errgenKinds) {
		if errgenStates[k] > len(a.next[k]) || errgenStates[k] > 32 {
			t.Fatalf("kind %c: %d states, the tables hold %d", kind, errgenStates[k], len(a.next[k]))
		}
		for q := range errgenStates[k] {
			for c := range 256 {
				to := errgenStep(kind, uint8(q), byte(c))
				if got := a.next[k][q][a.class[c]]; got != to {
					t.Fatalf("kind %c, state %d, byte %q: table %d, errgenStep %d", kind, q, byte(c), got, to)
				}
				if to != 0xff && (int(to) >= errgenStates[k] || a.prev[k][a.class[c]][to]&(1<<q) == 0) {
					t.Fatalf("kind %c, state %d, byte %q: step to %d not in prev", kind, q, byte(c), to)
				}
			}
		}
	}
}

// FuzzSplitLikeRegexp compares errgenSplit with package regexp on any
// template and message.
func FuzzSplitLikeRegexp(f *testing.F) {
	f.Add("{a} and {b:f} items", "x and 1.5e3 items")
	f.Add("{n:i}{m:f}{k:b}", "-12.E+5true")
	f.Add("at {x:f}, {y:b}: {z}", "at -Infinity, false: nan")
	f.Add("{a:f}{b:f}", "NaNinf")
	f.Add("{a:i}x{b:i}", "1\xff2")
	f.Fuzz(func(t *testing.T, template, message string) {
		// U+FFFD is left out of templates: package regexp reads each
		// byte of a message that is not UTF-8 as U+FFFD, so a U+FFFD in
		// a template's text matched any such byte; errgenSplit matches
		// a template's text byte for byte (TestSplitReplacementChar).
		if len(template) > 200 || len(message) > 1000 || !utf8.ValidString(template) || strings.ContainsRune(template, utf8.RuneError) {
			return
		}
		// {name:k} declares a placeholder of kind k (i, I, f, b, or s).
		kinds := map[string]byte{}
		var clean strings.Builder
		for rest := template; ; {
			open := strings.IndexByte(rest, '{')
			end := strings.IndexByte(rest, '}')
			if open < 0 || end < open {
				clean.WriteString(strings.NewReplacer("{", "", "}", "").Replace(rest))
				break
			}
			clean.WriteString(strings.NewReplacer("}", "").Replace(rest[:open]))
			name, kind, _ := strings.Cut(rest[open+1:end], ":")
			if name == "" || strings.ContainsAny(name, " :{") {
				name = "p"
			}
			if len(kind) != 1 || !strings.Contains("iIfbs", kind) {
				kind = "s"
			}
			if _, ok := kinds[name]; !ok {
				kinds[name] = kind[0]
			}
			clean.WriteString("{" + name + "}")
			rest = rest[end+1:]
		}
		ent := entryOf(clean.String(), kinds)
		c := ent.c()
		tmpl := &c.messages[0]
		if len(tmpl.params) == 0 || !strings.HasPrefix(message, tmpl.lits[0]) {
			return
		}
		want := regexpSplit(c.kinds, tmpl, message)
		if got := errgenSplit(c.kinds, tmpl, message, nil); !slices.Equal(got, want) {
			t.Fatalf("template %q (kinds %s), message %q: split %v, regexp %v", clean.String(), c.kinds, message, got, want)
		}
	})
}

// BenchmarkMatchTyped matches a message against a template with typed
// placeholders: the split of every decoded message that is matched by
// its text, beside a template of string placeholders only (errgenScan),
// the cheapest split there is.
func BenchmarkMatchTyped(b *testing.B) {
	cases := []struct {
		name, template, message string
		kinds                   map[string]byte
	}{
		{"ints", "At most {max} items are allowed, got {count}", "At most 300 items are allowed, got 1099511627776",
			map[string]byte{"max": 'i', "count": 'I'}},
		{"float_bool", "Used {ratio} of the quota; retry: {retry}", "Used 0.25 of the quota; retry: true",
			map[string]byte{"ratio": 'f', "retry": 'b'}},
		{"baseline=strings", "At most {max} items are allowed, got {count}", "At most 300 items are allowed, got 1099511627776", nil},
	}
	for _, c := range cases {
		ent := entryOf(c.template, c.kinds)
		tmpl := &ent.c().messages[0]
		if _, ok := errgenMatchTemplate(ent, tmpl, c.message, nil); !ok {
			b.Fatalf("%s: no match", c.name)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				errgenMatchTemplate(ent, tmpl, c.message, nil)
			}
		})
	}
}
