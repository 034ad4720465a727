package runtime

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// entryOf builds a catalog entry with one message template, written in
// the spec's syntax ("{a} and {b}"), and params of the given kinds.
func entryOf(message string, params map[string]byte) *errgenEntry {
	ent := &errgenEntry{msg: message}
	var names []string
	types := map[byte]string{'i': ":int", 'I': ":int64", 'f': ":float64", 'b': ":bool"}
	for rest := message; ; {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], '}') + open
		name := rest[open+1 : end]
		if !slices.Contains(names, name) {
			names = append(names, name)
			ent.params += " " + name + types[params[name]]
		}
		rest = rest[end+1:]
	}
	ent.params = strings.TrimPrefix(ent.params, " ")
	return ent
}

// hostile returns messages of about n bytes built to make a backtracking
// matcher explore every split: the template's separators repeated, with
// and without its trailing text, and with a stray byte in the middle.
func hostile(t *errgenTemplate, n int) []string {
	sep := strings.Join(t.lits[1:len(t.lits)-1], "")
	if sep == "" {
		sep = "1 "
	}
	head, tail := t.lits[0], t.lits[len(t.lits)-1]
	body := strings.Repeat(sep, max(1, (n-len(head)-len(tail))/len(sep)))
	half := len(body) / 2
	return []string{
		head + body,
		head + body + tail,
		head + body[:half] + "\x00" + body[half:] + tail,
		head + body + "x" + tail,
		head + strings.Repeat("9", len(body)) + tail,
	}
}

// hostileTemplates are template shapes that make a backtracking matcher
// exponential, each with typed placeholders.
var hostileTemplates = []struct {
	message string
	kinds   map[string]byte
}{
	{"{a} and {b} and {c} and {d} conflict", nil},
	{"{a}{b}{c}{d}{e}", nil},
	{"{a} {b} {c} {d} {e} {f}", map[string]byte{"b": 'i', "d": 'f'}},
	{"{a} then {a} then {a}", nil},
	{"{n}{m}{k} items", map[string]byte{"n": 'i', "m": 'I', "k": 'f'}},
	{"at {x}, {y}, {z}: {w}", map[string]byte{"w": 'b'}},
}

// TestHostileMessages matches messages of 1, 2 and just under 4 KiB
// against templates that make a backtracking matcher take exponential
// time (the old matcher did not finish a 2 KiB one in 30 s). Linear time
// is shown by BenchmarkMatchHostile; here every call must simply return,
// with the right answer for the well-formed ones.
func TestHostileMessages(t *testing.T) {
	for _, h := range hostileTemplates {
		ent := entryOf(h.message, h.kinds)
		tmpl := &ent.c().messages[0]
		for _, n := range []int{1 << 10, 2 << 10, errgenMaxMessage - 1} {
			for _, msg := range hostile(tmpl, n) {
				if len(msg) > errgenMaxMessage {
					msg = msg[:errgenMaxMessage]
				}
				vals, ok := errgenMatchTemplate(ent, tmpl, msg, nil)
				if ok {
					if got, _ := errgenRender(ent, tmpl, paramsOf(ent, vals)); got != msg {
						t.Errorf("%q, %d bytes: values %q render %q", h.message, len(msg), vals, got)
					}
				}
			}
		}
	}
}

// paramsOf converts matched values to typed params.
func paramsOf(ent *errgenEntry, vals []string) []Param {
	var out []Param
	for j, v := range vals {
		if v == "\x00" {
			continue
		}
		var x any
		if !errgenConvert(&x, nil, v, ent.c().kinds[j]) {
			panic("matched a value that does not convert: " + v)
		}
		out = append(out, Param{Name: ent.c().params[j], Value: x})
	}
	return out
}

// backtrack is the reference matcher: every split, shortest values first.
func backtrack(ent *errgenEntry, t *errgenTemplate, n int, s string, vals []string) bool {
	if n == 0 {
		if !strings.HasPrefix(s, t.lits[0]) {
			return false
		}
		s = s[len(t.lits[0]):]
	}
	if n == len(t.params) {
		return s == ""
	}
	next := t.lits[n+1]
	for end := 0; end <= len(s); end++ {
		if !strings.HasPrefix(s[end:], next) || !refFits(s[:end], ent.c().kinds[t.params[n]]) {
			continue
		}
		vals[n] = s[:end]
		if backtrack(ent, t, n+1, s[end+len(next):], vals) {
			return true
		}
	}
	return false
}

// refFits is what a value of each kind may look like.
func refFits(s string, kind byte) bool {
	switch kind {
	case 'i', 'I':
		_, err := strconv.ParseInt(s, 10, 64)
		return err == nil && !strings.ContainsAny(s, "_")
	case 'b':
		return s == "true" || s == "false"
	case 'f':
		if s == "" || strings.ContainsAny(s, "_xXpP") {
			return false
		}
		_, err := strconv.ParseFloat(s, 64)
		return err == nil
	}
	return true
}

// TestMatchLikeBacktracking compares the matcher with the reference on
// random templates (no repeated params) and messages over a small
// alphabet: both accept the same messages and find the same values.
func TestMatchLikeBacktracking(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	pieces := []string{"a", "b", " ", "-", "1", "2", ".", "e", "+", "true", "x y", "in", "f"}
	kinds := "sssibfI"
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		return b.String()
	}
	matched := 0
	for range 20000 {
		var msg strings.Builder
		ks := map[string]byte{}
		np := 1 + r.Intn(3)
		msg.WriteString(word(r.Intn(2)))
		for j := range np {
			name := fmt.Sprintf("p%d", j)
			ks[name] = kinds[r.Intn(len(kinds))]
			msg.WriteString("{" + name + "}" + word(r.Intn(3)))
		}
		ent := entryOf(msg.String(), ks)
		tmpl := &ent.c().messages[0]
		for k := range 6 {
			s := word(r.Intn(8))
			if k%2 == 0 { // the template filled with random words
				var b strings.Builder
				for n, lit := range tmpl.lits {
					b.WriteString(lit)
					if n < len(tmpl.params) {
						b.WriteString(word(r.Intn(3)))
					}
				}
				s = b.String()
			}
			want := make([]string, len(tmpl.params))
			wantOK := backtrack(ent, tmpl, 0, s, want)
			got, ok := errgenMatchTemplate(ent, tmpl, s, nil)
			if ok {
				matched++
			}
			if ok != wantOK {
				t.Fatalf("template %q (kinds %s), message %q: matched %v, reference %v %q", msg.String(), ent.c().kinds, s, ok, wantOK, want)
			}
			for n, p := range tmpl.params {
				if ok && got[p] != want[n] {
					t.Fatalf("template %q (kinds %s), message %q: values %q, reference %q", msg.String(), ent.c().kinds, s, got, want)
				}
			}
		}
	}
	if matched < 10000 {
		t.Errorf("only %d of 120,000 random messages matched: the comparison says little", matched)
	}
	t.Logf("%d of 120,000 random messages matched", matched)
}

func TestRepeatedPlaceholder(t *testing.T) {
	ent := entryOf("{a} then {a}", nil)
	tmpl := &ent.c().messages[0]
	if vals, ok := errgenMatchTemplate(ent, tmpl, "x then x", nil); !ok || vals[0] != "x" {
		t.Errorf("x then x: %q %v", vals, ok)
	}
	if _, ok := errgenMatchTemplate(ent, tmpl, "x then y", nil); ok {
		t.Error("x then y matched")
	}
	n := entryOf("{n} of {n}", map[string]byte{"n": 'i'})
	if _, ok := errgenMatchTemplate(n, &n.c().messages[0], "99999999999999999999 of 99999999999999999999", nil); ok {
		t.Error("an int that overflows matched")
	}
}

// BenchmarkMatchHostile matches hostile messages of growing size against
// the template of the worst case a backtracking matcher had, with string
// placeholders (matched in one scan) and with a typed one (split by
// errgenSplit); the throughput (MB/s) stays constant as the
// message grows: linear time. The baseline is encoding/json reading a
// body that holds the message, which any client does anyway.
func BenchmarkMatchHostile(b *testing.B) {
	for _, kinds := range []map[string]byte{nil, {"d": 'i'}} {
		ent := entryOf("{a} and {b} and {c} and {d} conflict", kinds)
		tmpl := &ent.c().messages[0]
		for _, n := range []int{256, 1 << 10, 2 << 10, errgenMaxMessage - 16} {
			msg := strings.Repeat(" and ", n/5) + "1 conflict"
			b.Run(fmt.Sprintf("kinds=%s/bytes=%d", ent.c().kinds, len(msg)), func(b *testing.B) {
				b.SetBytes(int64(len(msg)))
				b.ReportAllocs()
				for b.Loop() {
					errgenMatchTemplate(ent, tmpl, msg, nil)
				}
			})
			if kinds != nil {
				continue
			}
			body, _ := json.Marshal(map[string]string{"detail": msg})
			b.Run(fmt.Sprintf("baseline=json.Unmarshal/bytes=%d", len(msg)), func(b *testing.B) {
				b.SetBytes(int64(len(msg)))
				b.ReportAllocs()
				for b.Loop() {
					var v struct{ Detail string }
					if err := json.Unmarshal(body, &v); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
