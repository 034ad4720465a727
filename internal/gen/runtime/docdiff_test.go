package runtime

import (
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
)

// oldMember and oldAt are errgenMember and errgenAt as they were before
// errgenDoc (c99517d), the reference for the remembered lookups.
func oldMember(obj []byte, name string) []byte {
	if len(obj) == 0 || obj[0] != '{' {
		return nil
	}
	var found []byte
	p := errgenParser{b: obj, i: 1}
	for {
		p.space()
		if p.i >= len(p.b) || p.b[p.i] != '"' {
			return found
		}
		kStart := p.i
		p.next()
		key := p.b[kStart+1 : p.i-1]
		p.space()
		p.i++ // :
		p.space()
		vStart := p.i
		p.next()
		if string(key) == name || (errgenNeedsDecoding(key) && errgenKeyIs(p.b[kStart:vStart], name)) {
			found = p.b[vStart:p.i]
		}
		p.space()
		if p.i < len(p.b) && p.b[p.i] == ',' {
			p.i++
		}
	}
}

func oldAt(raw []byte, path []string) []byte {
	if path == nil {
		return nil
	}
	for _, name := range path {
		if len(raw) > 0 && raw[0] == '[' {
			raw = errgenFirst(raw)
		}
		raw = oldMember(raw, name)
	}
	return raw
}

var reviewKeys = []string{`"a"`, `"b"`, `"\u0061"`, `"\u00e9"`, `"é"`, `""`, `"a\"b"`, `"\ud800"`, `"\ufffd"`, `"\\"`}
var reviewNames = []string{"a", "b", "é", "", `a"b`, "\ufffd", `\`, "c"}

func reviewValue(r *rand.Rand, depth int) string {
	ws := func() string { return []string{"", " ", "\n\t "}[r.Intn(3)] }
	if depth > 4 {
		return []string{"1", `"x"`, "null", "{}", "[]"}[r.Intn(5)]
	}
	switch r.Intn(6) {
	case 0, 1:
		n := r.Intn(3)
		if r.Intn(6) == 0 {
			n = r.Intn(40)
		}
		var ms []string
		for range n {
			ms = append(ms, ws()+reviewKeys[r.Intn(len(reviewKeys))]+ws()+":"+ws()+reviewValue(r, depth+1)+ws())
		}
		return "{" + ws() + strings.Join(ms, ",") + "}"
	case 2:
		var es []string
		for range r.Intn(3) {
			es = append(es, ws()+reviewValue(r, depth+1)+ws())
		}
		return "[" + strings.Join(es, ",") + ws() + "]"
	case 3:
		return []string{`"s"`, `"{\"a\":1}"`, `"\\"`}[r.Intn(3)]
	}
	return []string{"1", "-2.5e3", "true", "false", "null", "{}", "[]", "[{}]"}[r.Intn(8)]
}

// TestDocLikeOldAt compares errgenDoc's remembered lookups, in random
// sequences sharing one doc, with the scanning lookups of c99517d, on
// random bodies: the same bytes at the same place, or both absent.
func TestDocLikeOldAt(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for iter := range 5000 {
		var body string
		for {
			body = " " + reviewValue(r, 0) + "\n"
			if strings.HasPrefix(strings.TrimSpace(body), "{") {
				break
			}
		}
		if !json.Valid([]byte(body)) {
			t.Fatalf("generator made invalid JSON %s", body)
		}
		root, ok := errgenValid([]byte(body))
		if !ok {
			t.Fatalf("errgenValid refused %s", body)
		}
		d := &errgenDoc{root: root}
		for range 30 {
			path := make([]string, r.Intn(4))
			for k := range path {
				path[k] = reviewNames[r.Intn(len(reviewNames))]
			}
			want := oldAt(root, path)
			var got []byte
			if r.Intn(2) == 0 {
				got = d.at(path)
			} else {
				// inline/params style: member of the object at a path
				pre := oldAt(root, path)
				name := reviewNames[r.Intn(len(reviewNames))]
				want = oldMember(pre, name)
				got = d.member(d.at(path), name)
			}
			if (got == nil) != (want == nil) || string(got) != string(want) ||
				(len(got) > 0 && &got[0] != &want[0]) {
				t.Fatalf("iter %d body %s path %q: got %q, want %q", iter, body, path, got, want)
			}
		}
	}
}
