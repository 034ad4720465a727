package spec

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/testutil"
)

// everyCut is a number of pieces large enough for errorCuts to return
// every line it takes for an entry of the errors list.
const everyCut = 1 << 30

// splitHead is the start of the documents splitCases are built on.
const splitHead = "errgen: 1\ngo:\n  package: a\nerrors:\n"

// splitCases are documents built to trip parsing in pieces: lines that
// look like entries of the errors list inside quoted and block scalars
// and flow collections, anchors and aliases across entries, more than one
// document, directives, other line breaks, the list in other shapes and
// places. Whether or not they are valid YAML, or valid specs, parsing them
// in pieces must give the nodes parsing them whole gives, or decline.
var splitCases = map[string]string{
	"plain":                     splitHead + "  - code: a\n    status: 400\n    message: x\n  - code: b\n    status: 404\n    message: y\n  - code: c\n    status: 409\n    message: z\n",
	"double-quoted":             splitHead + "  - code: a\n    message: \"one\n  - code: fake\n    two\"\n  - code: b\n    message: y\n",
	"double-quoted at the dash": splitHead + "  - code: a\n    message: \"one\n  - \"\n  - code: b\n",
	"single-quoted":             splitHead + "  - code: a\n    message: 'one\n  - code: fake\n    two'\n  - code: b\n    message: y\n",
	"quoted key":                splitHead + "  - \"code\n  - x\": a\n  - code: b\n",
	"flow sequence":             splitHead + "  - code: a\n    causes: [one,\n  - two,\n  three]\n  - code: b\n",
	"flow mapping":              splitHead + "  - code: a\n    example: {a: 1,\n  - b: 2}\n  - code: b\n",
	"flow entry":                splitHead + "  - [a,\n  - b]\n  - code: b\n",
	"literal":                   splitHead + "  - code: a\n    description: |\n      text\n      - not an entry\n    - nor this\n\n  - code: b\n",
	"literal dashes":            splitHead + "  - code: a\n    description: |\n      - not an entry\n      - nor this\n  - code: b\n    description: >\n      - folded\n  - code: c\n",
	"literal kept":              splitHead + "  - code: a\n    description: |+\n      text\n\n\n  - code: b\n    description: >-\n      folded\n\n  - code: c\n",
	"literal indented":          splitHead + "  - code: a\n    description: |1\n      text\n     - x\n  - code: b\n",
	"literal entry":             splitHead + "  - |\n    text\n  - |\n   more\n  - code: c\n",
	"plain lines":               splitHead + "  - code: a\n    description: first\n      second\n     third\n  - code: b\n  - one\n    two\n  - three\n",
	"comments":                  splitHead + "  # before a\n  - code: a # after a\n  # before b\n\n  - code: b\n#end\n  - code: c\n",
	"crlf":                      strings.ReplaceAll(splitHead+"  - code: a\n    message: \"x\n  - y\"\n  - code: b\n  - code: c\n", "\n", "\r\n"),
	"lone cr":                   splitHead + "  - code: a\r  - code: b\n  - code: c\n",
	"line separator":            splitHead + "  - code: a\n    message: \"x\u2028  - y\"\n  - code: b\n  - code: c\n",
	"next line":                 splitHead + "  - code: a\n    message: x\u0085  - code: y\n  - code: b\n",
	"byte order mark":           "\uFEFF" + splitHead + "  - code: a\n  - code: b\n",
	"anchor alias":              splitHead + "  - code: a\n    causes: &c [x]\n  - code: b\n    causes: *c\n  - code: c\n",
	"anchored entry":            splitHead + "  - &e\n    code: a\n  - *e\n  - code: c\n",
	"anchor later":              splitHead + "  - code: a\n  - code: b\n    causes: &c [x]\n  - code: c\n",
	"documents":                 splitHead + "  - code: a\n---\n  - code: b\n  - code: c\n",
	"document end":              splitHead + "  - code: a\n  - code: b\n...\n",
	"document end inside":       splitHead + "  - code: a\n...\n  - code: b\n",
	"directive":                 "%YAML 1.1\n---\n" + splitHead + "  - code: a\n  - code: b\n",
	"tag directive":             "%TAG ! tag:errgen.dev,2025:\n---\n" + splitHead + "  - code: a\n  - !x code: b\n",
	"tags":                      splitHead + "  - code: a\n  - !!map {code: b}\n  - !x code: c\n",
	"compact":                   "errgen: 1\nerrors:\n- code: a\n  causes:\n  - x\n- code: b\n-\n  code: c\nreserved:\n- code: r\n",
	"keys after":                splitHead + "  - code: a\n  - code: b\nreserved:\n  - code: r\n  - code: s\nerrors:\n  - code: again\n",
	"keys before and after":     "errors: # first\n\n  # a comment\n  - code: a\n  - code: b\ngo: {package: a}\n",
	"inside a quoted value":     "api:\n  description: \"x\nerrors:\n  - a\n  - b\"\nerrors:\n  - code: q\n  - code: r\n",
	"inside a flow value":       "api: {name: x,\nerrors:\n  - a,\n  - b}\nerrors:\n  - code: q\n  - code: r\n",
	"root literal":              "--- |\nerrors:\n  - a\n  - b\n",
	"root sequence":             "- errors:\n  - a\n  - b\n",
	"tabs":                      splitHead + "  - code: a\n\t- code: b\n  - code: c\n",
	"tab after dash":            splitHead + "  - code: a\n  -\tcode: b\n  - code: c\n",
	"scalars":                   splitHead + "  - a\n  - b\n  -\n  - c\n",
	"flow errors":               "errors: [a,\n  - b]\n",
	"empty entries":             splitHead + "  -\n  -\n  -\n",
	"deeper dashes":             splitHead + "  - code: a\n    variants:\n      - name: x\n  - code: b\n",
	"invalid entry":             splitHead + "  - code: a\n  - code: b\n    message: [\n  - code: c\n",
	"bad indent":                splitHead + "  - code: a\n   - code: b\n  - code: c\n",
	"key at entry column":       splitHead + "  - code: a\n  foo: bar\n  - code: c\n",
	"nul":                       splitHead + "  - code: a\n  - code: \x00\n  - code: c\n",
	"flow pair":                 splitHead + "  - code: a\n    causes: [0:]\n  -\n  - code: c\n    causes: [a: b, c: d]\n  - code: d\n",
	"explicit key":              splitHead + "  - code: a\n    ? since\n  - code: b\n  - ? x\n    : y\n  - code: c\n",
	"unicode":                   splitHead + "  - code: é\n    message: ✓ — ü\n  - code: ß\n    message: \"日本\n  - 語\"\n  - code: c\n",
}

// sameNodes reports where two node trees differ: kind, style, tag, value,
// anchor, position, and the same for their content (an alias by its
// target's position).
func sameNodes(a, b *yaml.Node, path string) error {
	if a == nil || b == nil {
		if a != b {
			return fmt.Errorf("%s: one of the nodes is nil", path)
		}
		return nil
	}
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor || a.Line != b.Line || a.Column != b.Column {
		return fmt.Errorf("%s: %v %v %q %q &%s %d:%d vs %v %v %q %q &%s %d:%d", path,
			a.Kind, a.Style, a.Tag, a.Value, a.Anchor, a.Line, a.Column, b.Kind, b.Style, b.Tag, b.Value, b.Anchor, b.Line, b.Column)
	}
	if a.Kind == yaml.AliasNode {
		if (a.Alias == nil) != (b.Alias == nil) || a.Alias != nil && (a.Alias.Line != b.Alias.Line || a.Alias.Column != b.Alias.Column) {
			return fmt.Errorf("%s: aliases of different nodes", path)
		}
		return nil
	}
	if len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: %d vs %d children", path, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if err := sameNodes(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkCuts parses data in pieces at every cut errorCuts finds, and at
// every pair of them, and compares the nodes with those of data parsed
// whole. It returns how many ways of cutting data were taken.
func checkCuts(t *testing.T, name string, data []byte) (taken int) {
	t.Helper()
	whole, wholeErr := parseYAMLWhole("errors.yaml", data)
	if !splittable(data) {
		return 0
	}
	all := errorCuts(data, everyCut)
	try := func(cuts []cut) {
		root, _, ok := parseCuts("errors.yaml", data, cuts)
		if !ok {
			return
		}
		taken++
		if wholeErr != nil {
			t.Fatalf("%s: cut at lines %v: parsed in pieces, but whole it does not parse: %v", name, lines(cuts), wholeErr)
		}
		if err := sameNodes(root, whole, "root"); err != nil {
			t.Fatalf("%s: cut at lines %v: %v", name, lines(cuts), err)
		}
	}
	for i := range all {
		try(all[i : i+1])
		for j := i + 1; j < len(all) && j < i+8; j++ {
			try([]cut{all[i], all[j]})
		}
	}
	try(all)
	return taken
}

func lines(cuts []cut) []int {
	var out []int
	for _, c := range cuts {
		out = append(out, c.line)
	}
	return out
}

// TestSplitSameNodes checks parsing in pieces against parsing whole, on
// documents built to trip it and on every spec in the repository, cut
// everywhere it can be. Valid lists of entries must be taken in pieces,
// or the comparison would prove nothing.
func TestSplitSameNodes(t *testing.T) {
	mustTake := map[string]bool{
		"plain": true, "double-quoted": true, "single-quoted": true, "literal indented": true,
		"literal kept": true, "literal entry": true, "plain lines": true, "literal dashes": true, "comments": true, "crlf": true,
		"anchor alias": true, "compact": true, "keys after": true, "keys before and after": true,
		"scalars": true, "deeper dashes": true, "unicode": true, "document end": true,
	}
	for name, src := range splitCases {
		taken := checkCuts(t, name, []byte(src))
		if mustTake[name] && taken == 0 {
			t.Errorf("%s: never parsed in pieces", name)
		}
		t.Logf("%s: taken %d ways", name, taken)
	}
	specs, _ := filepath.Glob(filepath.Join(testutil.Root(), "golden", "*", "errors.yaml"))
	specs = append(specs, filepath.Join(testutil.Root(), "spec", "errors.yaml"))
	for _, p := range specs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if checkCuts(t, p, data) == 0 && strings.Count(string(data), "\n  - code:") > 1 {
			t.Errorf("%s: never parsed in pieces", p)
		}
	}
	for _, n := range []int{2, 30} {
		if checkCuts(t, fmt.Sprint("synthetic ", n), testutil.SynthSpec(n)) == 0 {
			t.Errorf("a synthetic spec of %d errors was never parsed in pieces", n)
		}
	}
}

// TestSplitSameSpec loads large specs (and every spec in the repository
// and every problem case, as if it were large) both ways, through Parse,
// and compares the models or the problems: the errors list decoded as it
// is parsed in pieces must give what decoding it after gives.
func TestSplitSameSpec(t *testing.T) {
	defer func(n int) { splitMinBytes = n }(splitMinBytes)
	specs := map[string][]byte{"synthetic 3000": testutil.SynthSpec(3000)}
	paths, _ := filepath.Glob(filepath.Join(testutil.Root(), "golden", "*", "errors.yaml"))
	paths = append(paths, filepath.Join(testutil.Root(), "spec", "errors.yaml"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		specs[p] = data
	}
	for name, src := range splitCases {
		specs[name] = []byte(src)
	}
	cases, _ := filepath.Glob("testdata/problems/*.txtar")
	for _, p := range cases {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		specs[p] = section(ar, "errors.yaml")
	}
	withProblems := 0 // specs with problems taken in pieces
	for name, data := range specs {
		splitMinBytes = 1 << 62
		want, wantErr := Parse("errors.yaml", data)
		splitMinBytes = 0
		if _, pre, ok := parseSplit("errors.yaml", data, 2); ok && wantErr != nil && len(pre.probs) > 0 {
			withProblems++
		}
		for _, parts := range []int{2, 3, 7} {
			splitMinBytes = 0
			got, gotErr := parseWith(data, parts)
			if !reflect.DeepEqual(got, want) || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Errorf("%s, %d pieces: loads differently in pieces\ngot %v\nwant %v", name, parts, gotErr, wantErr)
			}
		}
	}
	if withProblems < 10 {
		t.Errorf("only %d specs with problems in their errors list were taken in pieces", withProblems)
	}
	if _, _, ok := parseSplit("errors.yaml", testutil.SynthSpec(3000), 2); !ok {
		t.Error("a synthetic spec of 3,000 errors is not parsed in pieces")
	}
}

// TestSplitDecodedList checks that the errors list decoded in pieces is
// the one the walk meets, keys after it or not, so that it is used.
func TestSplitDecodedList(t *testing.T) {
	defer func(n int) { splitMinBytes = n }(splitMinBytes)
	splitMinBytes = 0
	for _, tail := range []string{"", "reserved:\n  - code: r\n"} {
		data := append(testutil.SynthSpec(300), tail...)
		root, pre, ok := parseSplit("errors.yaml", data, 3)
		if !ok {
			t.Fatal("not parsed in pieces")
		}
		w := &walker{reporter: &reporter{file: "errors.yaml", src: &source{data: data}}, pre: pre}
		var used bool
		w.mapping(root, "spec", []field{{"errors", func(_, v *yaml.Node) { used = w.usePre(v) }}})
		if !used || len(pre.errors) != 300 {
			t.Errorf("tail %q: decoded list not used (%v) or not whole (%d entries)", tail, used, len(pre.errors))
		}
	}
}

// parseWith is Parse with the spec parsed in parts pieces where it can be.
func parseWith(data []byte, parts int) (*model.Spec, error) {
	defer func(f func() int) { pieces = f }(pieces)
	pieces = func() int { return parts }
	return Parse("errors.yaml", data)
}

// FuzzSplit checks parsing in pieces against parsing whole on arbitrary
// documents, cut wherever errorCuts finds an entry.
func FuzzSplit(f *testing.F) {
	for _, src := range splitCases {
		f.Add([]byte(src))
	}
	f.Add(testutil.SynthSpec(8))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || len(data) > 4<<10 || nestingDepth(data) > maxDepth {
			return
		}
		checkCuts(t, "fuzzed", data)
	})
}

// TestSplitBudget loads a spec whose errors list runs past the node
// budget both ways: decoded in pieces, its charge is known only after,
// and the list is decoded again so that the budget runs out where it
// does when the spec is parsed whole.
func TestSplitBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a 10 MB spec twice")
	}
	var b strings.Builder
	b.WriteString("errgen: 1\ngo: {package: a}\nerrors:\n")
	for i := range maxNodes / 9 {
		fmt.Fprintf(&b, "  - {code: e%d, status: 400, message: x}\n", i)
	}
	b.WriteString("reserved: 1\n")
	src := b.String()
	_, pre, ok := parseSplit("errors.yaml", []byte(src), 2)
	if !ok || pre.visited+pre.hops <= maxNodes/2 {
		t.Fatalf("not parsed in pieces (%v) or not charged", ok)
	}
	defer func(n int) { splitMinBytes = n }(splitMinBytes)
	splitMinBytes = 1 << 62
	_, wantErr := Parse("errors.yaml", []byte(src))
	splitMinBytes = 0
	_, gotErr := parseWith([]byte(src), 2)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !strings.Contains(fmt.Sprint(wantErr), "too large") {
		t.Errorf("in pieces: %v\nwhole: %v", gotErr, wantErr)
	}
}
