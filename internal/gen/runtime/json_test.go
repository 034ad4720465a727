package runtime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
)

// edgeStrings are strings whose JSON encoding takes every branch of the
// writer and the reader: escapes, HTML characters, JavaScript line
// separators, invalid UTF-8, surrogates.
var edgeStrings = []string{
	"", "plain", `quote " and \ backslash`, "<script>&amp;</script>", "tab\tnew\nline\rcr\bbs\fff",
	"\x00\x01\x1f\x7f", "\u2028\u2029", "é ü 日本 🎉", "\xff\xfe bad", "a\xc3", "\ufeffbom", "\ud7ff\ue000",
}

func randomString(r *rand.Rand) string {
	var b strings.Builder
	for n := r.Intn(12); n > 0; n-- {
		switch r.Intn(5) {
		case 0:
			b.WriteByte(byte(r.Intn(256)))
		case 1:
			b.WriteRune(rune(r.Intn(0x110000)))
		case 2:
			b.WriteString(edgeStrings[r.Intn(len(edgeStrings))])
		default:
			b.WriteByte(byte(0x20 + r.Intn(0x60)))
		}
	}
	return b.String()
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	cases := append([]string(nil), edgeStrings...)
	for range 5000 {
		cases = append(cases, randomString(r))
	}
	for _, s := range cases {
		want, _ := json.Marshal(s)
		if got := errgenAppendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

func TestAppendFloatMatchesEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1.5, 1e-6, 1e-7, 123456789, 1e20, 1e21, 1.5e300, math.SmallestNonzeroFloat64, math.MaxFloat64, 0.1, 1.0 / 3} {
		want, _ := json.Marshal(f)
		if got := errgenAppendFloat(nil, f); !bytes.Equal(got, want) {
			t.Errorf("%v: got %s, want %s", f, got, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got := errgenAppendFloat(nil, f); string(got) != "null" {
			t.Errorf("%v: got %s, want null", f, got)
		}
	}
}

// TestReadStringsBack reads every written string back with the body
// reader and with encoding/json: both agree.
func TestReadStringsBack(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for range 3000 {
		s := randomString(r)
		raw := errgenAppendString(nil, s)
		var want string
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		got, ok := errgenString(raw)
		if !ok || got != want {
			t.Errorf("%s: read %q, %v; encoding/json %q", raw, got, ok, want)
		}
	}
	for _, raw := range []string{`"\ud800"`, `"\ud800\u0041"`, `"\udc00\ud800"`, `"\ud83c\udf89"`, `"\/\b\f"`} {
		var want string
		if err := json.Unmarshal([]byte(raw), &want); err != nil {
			t.Fatal(err)
		}
		if got, ok := errgenString([]byte(raw)); !ok || got != want {
			t.Errorf("%s: read %q, %v; encoding/json %q", raw, got, ok, want)
		}
	}
}

// validBodies and invalidBodies probe the validator's edges.
var validBodies = []string{
	`{}`, ` {"a":1} `, `{"a":[1,2,{"b":null}],"c":"\u00e9","d":-0.5e+3,"e":true,"f":false}`,
	"{\"a\":\"\xff\"}", `{"":""}`, `{"a":{"a":{"a":{}}}}`, `{"n":0,"m":-0,"x":1E5}`,
}

var invalidBodies = []string{
	``, `[]`, `"s"`, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":1e}`,
	`{"a":"\x"}`, "{\"a\":\"\x01\"}", `{"a":tru}`, `{"a":nulls}`, `{} {}`, `{"a":"\u12"}`, `{'a':1}`,
	`{"a":[1 2]}`, `{"a":+1}`, `{"a":NaN}`,
}

func TestValidMatchesEncodingJSON(t *testing.T) {
	for _, b := range validBodies {
		if _, ok := errgenValid([]byte(b)); !ok || !json.Valid([]byte(b)) {
			t.Errorf("%q: errgenValid %v, json.Valid %v", b, ok, json.Valid([]byte(b)))
		}
	}
	for _, b := range invalidBodies {
		if _, ok := errgenValid([]byte(b)); ok {
			t.Errorf("%q: accepted", b)
		}
	}
	deep := strings.Repeat(`{"a":`, 64) + "1" + strings.Repeat("}", 64)
	if _, ok := errgenValid([]byte(deep)); !ok {
		t.Error("64 levels refused")
	}
	tooDeep := strings.Repeat(`{"a":`, 70) + "1" + strings.Repeat("}", 70)
	if _, ok := errgenValid([]byte(tooDeep)); ok {
		t.Error("70 levels accepted")
	}
}

// TestMemberLikeEncodingJSON reads members as encoding/json would into a
// map: escaped keys decoded, the last duplicate wins.
func TestMemberLikeEncodingJSON(t *testing.T) {
	body := []byte(`{"code":"a","c\u006fde":"b","x":{"y":[1,{"z":2}]},"\u00e9":"e"}`)
	if got, _ := errgenString(errgenMember(body, "code")); got != "b" {
		t.Errorf("code = %q, want the last duplicate b", got)
	}
	d := &errgenDoc{root: body}
	if got := d.at([]string{"x", "y"}); string(got) != `[1,{"z":2}]` {
		t.Errorf("x.y = %s", got)
	}
	if got := errgenAt(body, []string{"x", "y"}); string(got) != `[1,{"z":2}]` {
		t.Errorf("x.y from the value = %s", got)
	}
	if got, _ := errgenString(errgenMember(body, "é")); got != "e" {
		t.Errorf("é = %q", got)
	}
	if errgenMember(body, "missing") != nil || errgenMember([]byte(`[1]`), "a") != nil || d.at(nil) != nil || errgenAt(body, nil) != nil {
		t.Error("absent members found")
	}
}

// TestReadValidBodiesOnly checks that no lookup panics or reads past a
// valid body, whatever its shape, and that invalid ones are refused first.
func TestReadValidBodiesOnly(t *testing.T) {
	for _, b := range append(append([]string{}, validBodies...), invalidBodies...) {
		root, ok := errgenValid([]byte(b))
		if !ok {
			continue
		}
		for _, name := range []string{"a", "b", "c", "n"} {
			v := errgenMember(root, name)
			if v != nil && !json.Valid(v) {
				t.Errorf("%q: member %s = %q is not a JSON value", b, name, v)
			}
		}
	}
}

// TestDocMemberLikeMember checks the remembered lookups of errgenDoc
// against errgenMember's scans: on objects with duplicates and escaped
// keys, below, at and above the number of members remembered, looked up
// in turns that evict each other from memory.
func TestDocMemberLikeMember(t *testing.T) {
	object := func(n int) string {
		var members []string
		for k := range n {
			members = append(members, fmt.Sprintf(`"k%d" : {"v":%d}`, k%7, k))
		}
		members = append(members, `"k\u0031":"escaped"`, `"\u00e9":[1,{"z":2}]`, `"":0`)
		return "{" + strings.Join(members, ",") + "}"
	}
	var parts []string
	for _, n := range []int{0, 1, 5, errgenMemoMembers - 3, errgenMemoMembers - 2, errgenMemoMembers, 40} {
		parts = append(parts, fmt.Sprintf(`"o%d":%s`, n, object(n)))
	}
	body := []byte("{" + strings.Join(parts, ",") + `,"o1":` + object(2) + "}")
	root, ok := errgenValid(body)
	if !ok {
		t.Fatalf("invalid test body %s", body)
	}
	d := &errgenDoc{root: root}
	names := []string{"k0", "k1", "k6", "é", "", "missing", "v"}
	objects := []string{"o0", "o1", "o5", fmt.Sprint("o", errgenMemoMembers-3), fmt.Sprint("o", errgenMemoMembers-2), fmt.Sprint("o", errgenMemoMembers), "o40"}
	for round := range 3 {
		for _, o := range objects {
			for _, name := range names {
				obj := errgenMember(root, o)
				want := errgenMember(obj, name)
				if got := d.at([]string{o, name}); string(got) != string(want) || (got == nil) != (want == nil) {
					t.Errorf("round %d: %s.%s = %q, want %q", round, o, name, got, want)
				}
			}
		}
	}
	if got := d.member([]byte(`[{"a":1}]`), "a"); got != nil {
		t.Errorf("a member of a list: %q", got)
	}
	if got := (*errgenDoc)(nil).at([]string{"a"}); got != nil {
		t.Errorf("a member of no body: %q", got)
	}
}

// TestNextMatchesSkipValue checks the non-validating skip of accepted
// documents against the validating one, on every value of valid bodies
// and of random documents full of escapes and nesting.
func TestNextMatchesSkipValue(t *testing.T) {
	docs := append([]string{}, validBodies...)
	r := rand.New(rand.NewSource(4))
	var value func(depth int) string
	value = func(depth int) string {
		switch k := r.Intn(6); {
		case k == 0 && depth < 6:
			var items []string
			for range r.Intn(4) {
				items = append(items, value(depth+1))
			}
			return "[" + strings.Join(items, " , ") + "]"
		case k == 1 && depth < 6:
			var items []string
			for range r.Intn(4) {
				items = append(items, value(2)+":"+value(depth+1))
			}
			return "{" + strings.Join(items, ",") + "}"
		case k <= 3:
			b := []byte{'"'}
			for range r.Intn(12) {
				b = append(b, []string{`\\`, `\"`, `a`, `\u00e9`, `]`, `}`, `,`, "é", `\/`}[r.Intn(9)]...)
			}
			return string(append(b, '"'))
		case k == 4:
			return []string{"true", "false", "null"}[r.Intn(3)]
		}
		return []string{"0", "-1.5e+3", "12", "3.25"}[r.Intn(4)]
	}
	for range 2000 {
		docs = append(docs, "{"+value(5)+":"+value(0)+"}")
	}
	for _, d := range docs {
		root, ok := errgenValid([]byte(d))
		if !ok {
			continue
		}
		// Every value at every offset where the validating parser starts one.
		for i := range root {
			a := errgenParser{b: root, i: i}
			if !a.skipValue(0) {
				continue
			}
			if c := root[i]; c != '{' && c != '[' && c != '"' && c != '-' && (c < '0' || c > '9') && c != 't' && c != 'f' && c != 'n' {
				continue
			}
			b := errgenParser{b: root, i: i}
			b.next()
			if a.i != b.i && inString(root, i) == false {
				t.Errorf("%s at %d: skipValue ends at %d, next at %d", root, i, a.i, b.i)
			}
		}
	}
}

// inString reports whether offset i of a valid document is inside a
// string (where values are not parsed).
func inString(doc []byte, i int) bool {
	in := false
	for j := 0; j < i; j++ {
		switch {
		case in && doc[j] == '\\':
			j++
		case doc[j] == '"':
			in = !in
		}
	}
	return in
}

// TestAppendStringEveryByteEveryPlace puts each byte value, and each
// multi-byte character class, at every position of strings of 0 to 24
// bytes (across the escaper's four-byte steps and its byte-by-byte
// tail), and compares with encoding/json.
func TestAppendStringEveryByteEveryPlace(t *testing.T) {
	const base = "abcdefghijklmnopqrstuvwx"
	inserts := []string{"\u2028", "\u2029", "é", "\U0001F600", "\xff", "\xe2\x80"}
	for c := range 256 {
		inserts = append(inserts, string([]byte{byte(c)}))
	}
	for _, ins := range inserts {
		for at := 0; at <= len(base); at++ {
			for _, n := range []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 16, 24} {
				if at > n {
					continue
				}
				s := base[:at] + ins + base[at:n]
				want, _ := json.Marshal(s)
				if got := errgenAppendString(nil, s); !bytes.Equal(got, want) {
					t.Fatalf("%q: got %s, want %s", s, got, want)
				}
			}
		}
	}
}

// FuzzAppendString checks that any string is written as encoding/json
// writes it.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "a", "abcd", "abcde\"", "<a href=\"x\">&amp;</a>", "\u2028\u2029", "\xff\xfe", "é\x00\x1f\x7f", "\U0001F600abc\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := errgenAppendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}
