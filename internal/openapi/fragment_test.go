package openapi

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// loadCase loads golden/<case>/errors.yaml named as the engine names it.
func loadCase(t testing.TB, dir string) *model.Spec {
	t.Helper()
	name := "golden/" + filepath.Base(dir) + "/errors.yaml"
	s, err := spec.Load(filepath.Join(dir, "errors.yaml"), name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// parseSpec parses spec source for a test.
func parseSpec(t *testing.T, src string) *model.Spec {
	t.Helper()
	s, err := spec.Parse("spec/errors.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// decode parses a YAML or JSON document into plain values.
func decode(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if err := yaml.Load(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// dig walks nested maps by keys.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func keys(v any) []string {
	m, _ := v.(map[string]any)
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func codesOf(errs []*model.Error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Code)
	}
	slices.Sort(out)
	return out
}

// TestFragmentEveryGoldenCase renders every golden case in both OpenAPI
// versions, validates the bytes with a fresh kin-openapi loader (examples
// validated), and checks that every code of every status is described.
func TestFragmentEveryGoldenCase(t *testing.T) {
	for _, dir := range testutil.GoldenCases() {
		for _, version := range []string{"3.0.3", "3.1.0"} {
			t.Run(filepath.Base(dir)+"/"+version, func(t *testing.T) {
				s := loadCase(t, dir)
				s.OpenAPI.Version = version
				out, err := Fragment(s)
				if err != nil {
					t.Fatal(err)
				}
				if err := validateBytes(out); err != nil {
					t.Fatal(err)
				}
				checkEveryCode(t, s, decode(t, out))
			})
		}
	}
}

// checkEveryCode requires a schema per code and, per status, a response
// whose examples and choices name exactly the codes of that status, each
// under the media type of its format.
func checkEveryCode(t *testing.T, s *model.Spec, doc map[string]any) {
	t.Helper()
	if got := doc["openapi"]; got != s.OpenAPI.Version {
		t.Errorf("openapi = %v, want %s", got, s.OpenAPI.Version)
	}
	names := codeSchemaNames(s)
	for _, e := range s.AllErrors() {
		if dig(doc, "components", "schemas", names[e]) == nil {
			t.Errorf("no schema for %s", e.Code)
		}
	}
	for _, st := range s.Statuses {
		byType := map[string][]*model.Error{}
		for _, e := range s.ByStatus(st) {
			typ := s.FormatOf(e).MediaType
			byType[typ] = append(byType[typ], e)
		}
		if got := keys(dig(doc, "components", "responses", statusResponseName(st), "content")); len(got) != len(byType) {
			t.Errorf("status %d: media types %v, want %d", st, got, len(byType))
		}
		for typ, errs := range byType {
			content := dig(doc, "components", "responses", statusResponseName(st), "content", typ)
			if got, want := keys(dig(content, "examples")), codesOf(errs); !slices.Equal(got, want) {
				t.Errorf("status %d, %s: examples %v, want %v", st, typ, got, want)
			}
			var refs []string
			sc, _ := dig(content, "schema").(map[string]any)
			if ref, ok := sc["$ref"].(string); ok {
				refs = append(refs, ref)
			}
			for _, k := range []string{"oneOf", "anyOf"} {
				list, _ := sc[k].([]any)
				for _, r := range list {
					refs = append(refs, dig(r, "$ref").(string))
				}
			}
			var want []string
			for _, e := range errs {
				want = append(want, refSchemas+names[e])
			}
			slices.Sort(refs)
			slices.Sort(want)
			if !slices.Equal(refs, want) {
				t.Errorf("status %d, %s: schema refers to %v, want %v", st, typ, refs, want)
			}
		}
	}
}

// TestFragmentGolden compares the fragment of every golden case that
// commits one byte for byte (go test -update rewrites them): errgen's
// OpenAPI cases and every other case's openapi.yaml, so that a change to
// the renderer shows in the fragments it changes.
func TestFragmentGolden(t *testing.T) {
	for _, dir := range testutil.GoldenCases() {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			s := loadCase(t, dir)
			if s.Outputs.OpenAPI == "" {
				t.Skip("no OpenAPI output")
			}
			out, err := Fragment(s)
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join(dir, s.Outputs.OpenAPI), out)
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *testutil.Update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the rendered output (go test ./internal/openapi -update, then review git diff)", path)
	}
}

// TestFragmentVersions checks what differs between 3.0 and 3.1: enum of
// one against const, example against examples, anyOf against type lists.
func TestFragmentVersions(t *testing.T) {
	src := `errgen: 1
go: {package: apierr}
errors:
  - code: too_big
    status: 422
    message: "at most {limit}"
    params: [{name: limit, type: int}]
  - code: too_fast
    status: 422
    message: "at most {limit}/s"
    params: [{name: limit, type: float64}]
  - code: wrong_kind
    status: 422
    message: "{limit} is not allowed"
    params: [{name: limit, type: string}]
`
	for _, tc := range []struct {
		version string
		want    []string
		not     []string
	}{
		{"3.0.3", []string{"enum: [422]", "example: 1", "anyOf:"}, []string{"const:", "examples:\n            - ", "type: ["}},
		{"3.1.0", []string{"const: 422", "examples:\n            - 1", "type: [number, string]"}, []string{"enum: [422]", "anyOf:", "example: 1"}},
	} {
		s := parseSpec(t, src)
		s.OpenAPI.Version = tc.version
		out, err := Fragment(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s: missing %q", tc.version, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(string(out), n) {
				t.Errorf("%s: unexpected %q", tc.version, n)
			}
		}
	}
}

// TestFragmentHeader checks the generated-file marker and the key order.
func TestFragmentHeader(t *testing.T) {
	s := loadCase(t, filepath.Join(testutil.Root(), "golden", "basic"))
	out, err := Fragment(s)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	if want := "# Code generated by errgen from golden/basic/errors.yaml. DO NOT EDIT."; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
	var order []string
	for _, line := range strings.Split(string(out), "\n") {
		if line != "" && line[0] != ' ' && line[0] != '#' {
			k, _, _ := strings.Cut(line, ":")
			order = append(order, k)
		}
	}
	if want := []string{"openapi", "info", "paths", "components"}; !slices.Equal(order, want) {
		t.Errorf("top-level keys %v, want %v", order, want)
	}
	if !strings.Contains(string(out), "paths: {}\n") {
		t.Error("no empty paths object")
	}
}

// TestExamplesAreValidated proves the validation errgen relies on looks
// at examples: a fragment whose example contradicts its schema fails, in
// both versions.
func TestExamplesAreValidated(t *testing.T) {
	for _, version := range []string{"3.0.3", "3.1.0"} {
		s := loadCase(t, filepath.Join(testutil.Root(), "golden", "basic"))
		s.OpenAPI.Version = version
		out, err := Fragment(s)
		if err != nil {
			t.Fatal(err)
		}
		bad := bytes.Replace(out, []byte("                code: too_many_items\n"), []byte("                code: validation_failed\n"), 1)
		if bytes.Equal(bad, out) {
			t.Fatal("the example to break was not found")
		}
		if err := validateBytes(bad); err == nil {
			t.Errorf("%s: an example with the wrong code validated", version)
		}
	}
}

// TestFragmentDeterministic renders twice; map iteration must not leak
// into the output.
func TestFragmentDeterministic(t *testing.T) {
	s := loadCase(t, filepath.Join(testutil.Root(), "golden", "basic"))
	a, err := Fragment(s)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b, err := Fragment(s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Fatal("two renders differ")
		}
	}
}

// TestFragmentParamsFollowMessages: an error carries only the params of
// the message it was made with, and its sentinel none, so no param is
// required, and the example (main message) shows only its params.
func TestFragmentParamsFollowMessages(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - code: bad_field
    status: 400
    message: "{field} is invalid: {reason}"
    params:
      - {name: field, type: string}
      - {name: reason, type: string}
      - {name: limit, type: int}
    variants:
      - {name: missing, message: "{field} is required"}
      - {name: too_long, message: "{field} is longer than {limit}"}
`)
	out, err := Fragment(s)
	if err != nil {
		t.Fatal(err)
	}
	doc := decode(t, out)
	req, _ := dig(doc, "components", "schemas", "Error.bad_field", "required").([]any)
	if slices.Contains(req, any("field")) || slices.Contains(req, any("reason")) || slices.Contains(req, any("limit")) {
		t.Errorf("required = %v, want no param", req)
	}
	for _, p := range []string{"field", "reason", "limit"} {
		if dig(doc, "components", "schemas", "Error.bad_field", "properties", p) == nil {
			t.Errorf("param %s not described", p)
		}
	}
	ex := dig(doc, "components", "responses", "Error.400", "content", "application/problem+json", "examples", "bad_field", "value")
	if got := keys(ex); slices.Contains(got, "limit") || !slices.Contains(got, "reason") {
		t.Errorf("example members %v: want reason, not limit", got)
	}
}

// TestWriteFragmentMatchesEncoder pins the piecewise writer to the YAML
// encoder: for every golden case, in both versions, the bytes are the ones
// one encoder call over the whole document writes.
func TestWriteFragmentMatchesEncoder(t *testing.T) {
	for _, dir := range testutil.GoldenCases() {
		for _, v31 := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/v31=%t", filepath.Base(dir), v31), func(t *testing.T) {
				s := loadCase(t, dir)
				// Each writer gets its own tree: the encoder may change
				// the nodes it writes.
				tree := func() *yaml.Node {
					c := buildComponents(s, v31)
					return c.fragmentNode(c.document())
				}
				var want, got, plain bytes.Buffer
				if err := encodeYAML(&want, quoted(tree()), yamlStyle{indent: 2}); err != nil {
					t.Fatal(err)
				}
				if err := writeFragment(&got, tree()); err != nil {
					t.Fatal(err)
				}
				if got.String() != want.String() {
					t.Errorf("piecewise output differs from the encoder's:\n%s", lineDiff(want.String(), got.String()))
				}
				if err := encodeYAML(&plain, tree(), yamlStyle{indent: 2}); err != nil {
					t.Fatal(err)
				}
				if line, ok := onlyYAML11Quotes(plain.String(), got.String()); !ok {
					t.Errorf("piecewise output differs from the encoder's by more than YAML 1.1 quotes: line %d", line)
				}
			})
		}
	}
}

// lineDiff shows the first differing line of two texts, with context.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, wl, gl)
		}
	}
	return "(same lines)"
}

// TestWriteFragmentRandomText compares the piecewise writer with the
// encoder on components made of random text (the characters that change
// how YAML writes a scalar: breaks of every kind, indentation, quotes,
// indicators, words that read as other types) in every position: keys,
// values, sequence items, flow items, mappings in sequences.
func TestWriteFragmentRandomText(t *testing.T) {
	alphabet := []string{"a", "b", "Z", "_", "$", "/", "(", "^", "^[a-z]{1,2}$", "3f2c8e1a-9b4d", "1a", "0x1g", "2001-", "12e", ".", "0", "1", "-", " ", "  ", "\n", "\n\n", "\t",
		"\u2028", "\u2029", "\u0085", "#", ":", ": ", "- ", "?", ",", "\"", "'", "|", ">", "{", "[", "]", "&", "*",
		"!", "%", "@", "`", "é", "\u200f", "\x00", "\xff", "---", "...", "true", "No", "null", "~", "<<", "=", "1e3", "yes", "OFF", "1:20", "0o17", "0x_F", "2001-1-1"}
	// Most text is drawn from the ASCII that fastYAML writes itself (some
	// of it plain, some quoted), the rest from everything.
	tame := []string{"a", "b", "Z", "_", "/", "(", "^", "[A-Z0-9_.:@/+=-]", "3f2c-8e1a", "9b", "7e", "0x", "1_", "2001-", "$", ".", "0", "1", "-", " ", ": ", ":", "#", " #", "\n", "'", "\"",
		"true", "null", "n", "on", "{", "x:y", "$", "?", ",",
		// YAML 1.1's other types: booleans, sexagesimals, bases, merge,
		// value, timestamps, and indicators of its own.
		"yes", "No", "OFF", "y", "Y", "On", "1:20", "-1:20:30.5", "0o17", "0x1F", "0b1", "017", "1_0", "+", ".inf",
		"-.Inf", ".NaN", "~", "Null", "<<", "=", "2001-12-14", "t21:59:43.10-05:00", "e+3", "!", "&", "*", "%", "@", "`", "|", ">"}
	text := func(r *rand.Rand) string {
		from := tame
		if r.IntN(4) == 0 {
			from = alphabet
		}
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(from[r.IntN(len(from))])
		}
		return b.String()
	}
	// tree builds the same document for the same seed: random text in one
	// position, plain words elsewhere.
	tree := func(seed uint64) *yaml.Node {
		r := rand.New(rand.NewPCG(seed, 0))
		slot := r.IntN(5)
		pick := func(i int, plain string) string {
			if i == slot {
				return text(r)
			}
			return plain
		}
		schema := mapping()
		schema.add(pick(0, "key"), str(pick(1, "value")))
		schema.add("description", str(pick(2, "Some words.")))
		styles := []yaml.Style{yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle}
		schema.add("quoted", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: pick(1, "200"), Style: styles[r.IntN(2)]})
		item := mapping()
		item.add("text", str(pick(3, "item")))
		item.add("num", scalar(int64(r.IntN(1000)-500)))
		item.add("f", scalar(float64(r.IntN(1000))/8))
		item.add("ok", scalar(r.IntN(2) == 0))
		schema.add("examples", sequence(str(pick(3, "first")), item.Node, flow(sequence(str(pick(4, "word")), scalar(r.IntN(600))))))
		schemas := mapping()
		schemas.add("Error."+strconv.FormatUint(seed, 10), schema.Node)
		comps := mapping()
		comps.add("schemas", schemas.Node)
		root := mapping()
		root.add("openapi", str("3.1.0"))
		root.add("components", comps.Node)
		return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root.Node}}
	}
	compared, fast, requoted := 0, 0, 0
	for seed := range uint64(20000) {
		var want, got, plain bytes.Buffer
		if err := encodeYAML(&want, quoted(tree(seed)), yamlStyle{indent: 2}); err != nil {
			continue // text the encoder refuses is refused by both
		}
		compared++
		schemas := tree(seed).Content[0].Content[3].Content[1]
		if writeFast(new(bytes.Buffer), schemas.Content[0], schemas.Content[1], 4) {
			fast++
		}
		if err := writeFragment(&got, tree(seed)); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if got.String() != want.String() {
			t.Fatalf("seed %d: piecewise output differs from the encoder's:\n%s", seed, lineDiff(want.String(), got.String()))
		}
		// The encoder given errgen's nodes unmarked writes YAML 1.1 words
		// plain: that, and only that, may differ.
		if err := encodeYAML(&plain, tree(seed), yamlStyle{indent: 2}); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if plain.String() != got.String() {
			requoted++
			if line, ok := onlyYAML11Quotes(plain.String(), got.String()); !ok {
				t.Fatalf("seed %d: line %d differs from the encoder's by more than YAML 1.1 quotes:\n%s", seed, line, lineDiff(plain.String(), got.String()))
			}
		}
		checkYAML11(t, fmt.Sprintf("seed %d", seed), got.Bytes())
	}
	if requoted < 250 {
		t.Errorf("only %d documents hold text YAML 1.1 misreads: the test compares too little", requoted)
	}
	if compared < 10000 || fast < compared/4 {
		t.Errorf("%d of 20000 documents encoded, %d written by fastYAML: the test compares too little", compared, fast)
	}
	t.Logf("%d documents compared, %d written by fastYAML, %d with YAML 1.1 quotes", compared, fast, requoted)
}
