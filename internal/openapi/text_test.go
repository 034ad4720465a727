package openapi

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// checkTextMatchesNodes renders s's fragment in both versions as Fragment
// does (components written as text) and by the node path, each from
// components of its own, and requires the same bytes. It returns how many
// components the text writer handed to the node path.
func checkTextMatchesNodes(t *testing.T, name string, s *model.Spec) (slow int) {
	t.Helper()
	for _, v31 := range []bool{false, true} {
		got, n, err := buildComponents(s, v31).fragment()
		want, werr := nodeFragment(buildComponents(s, v31))
		if (err != nil) != (werr != nil) {
			t.Fatalf("%s v31=%t: text path error %v, node path error %v", name, v31, err, werr)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s v31=%t: the text writer differs from the node path:\n%s", name, v31, lineDiff(string(want), string(got)))
		}
		slow += n
	}
	return slow
}

// TestTextMatchesNodePath: on every golden case, the flagship spec and
// synthetic catalogs, in both versions, Fragment writes the bytes of the
// node path, and writes (nearly) every component itself.
func TestTextMatchesNodePath(t *testing.T) {
	slow, cases := 0, 0
	for _, dir := range testutil.GoldenCases() {
		slow += checkTextMatchesNodes(t, filepath.Base(dir), loadCase(t, dir))
		cases++
	}
	if cases < 10 {
		t.Fatalf("only %d golden cases", cases)
	}
	t.Logf("golden cases: %d components written through their nodes", slow)
	flagship, err := spec.Load(filepath.Join(testutil.Root(), "spec", "errors.yaml"), "spec/errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if n := checkTextMatchesNodes(t, "spec/errors.yaml", flagship); n != 0 {
		t.Errorf("spec/errors.yaml: %d components written through their nodes, want none", n)
	}
	sizes := []int{1, 120, 10000}
	if testing.Short() {
		sizes = sizes[:2]
	}
	for _, n := range sizes {
		s, err := spec.Parse("errors.yaml", testutil.SynthSpec(n))
		if err != nil {
			t.Fatal(err)
		}
		if slow := checkTextMatchesNodes(t, fmt.Sprintf("synth %d", n), s); slow != 0 {
			t.Errorf("synth %d: %d components written through their nodes, want none", n, slow)
		}
	}
}

// hostileText is text that changes how YAML writes a scalar: breaks of
// every kind, indentation, quotes, indicators, words YAML 1.1 reads as
// other types, non-ASCII, long runs.
func hostileText(r *rand.Rand) string {
	alphabet := []string{"a", "b", "Z", "_", "$", "/", "(", "^", "^[a-z]{1,2}$", "3f2c8e1a-9b4d", "1a", "0x1g", "2001-", "12e", ".", "0", "1", "-", " ", "  ", "\n", "\n\n", "\t", "\r",
		"\u2028", "\u2029", "\u0085", "#", ":", ": ", "- ", "?", "? ", ",", "\"", "'", "''", "|", ">", "{", "[", "]", "}", "&", "*",
		"!", "%", "@", "`", "é", "\u200f", "\ufeff", "\x00", "\x7f", "\xff", "---", "...", "true", "No", "null", "~", "<<", "=",
		"1e3", "yes", "OFF", "on", "y", "1:20", "0o17", "0o7", "0x_F", "0b1", "017", "2001-1-1", "2001-12-14", ".inf", ".NaN",
		"-", "+", "\\", "x:y", " #", "#x", strings.Repeat("w", 90), strings.Repeat("long words ", 12)}
	tame := []string{"a", "b", "Z", "_", "/", "(", "^", "[A-Z0-9_.:@/+=-]", "3f2c-8e1a", "9b", "7e", "0x", "1_", ".", "0", "1", "-", " ", ": ", ":", "#", " #", "\n", "'", "\"",
		"true", "null", "n", "on", "yes", "No", "{", "x:y", "$", "?", ",", "1:20", "0o17", "0x1F", "<<", "=", "~", ".inf"}
	from := tame
	if r.IntN(3) == 0 {
		from = alphabet
	}
	var b strings.Builder
	for range r.IntN(7) {
		b.WriteString(from[r.IntN(len(from))])
	}
	return b.String()
}

// hostileComponents builds components with every kind of key and scalar
// errgen writes (schema and response names, titles, descriptions, types,
// formats, patterns, property names, required lists, constants, enums of
// one and of many, numbers, examples, extensions of every shape,
// discriminators, headers, media types, named examples and example
// bodies), each text given by pick with its usual value.
func hostileComponents(pick func(usual string) string, r *rand.Rand) *components {
	c := &components{
		schemas:       openapi3.Schemas{},
		responses:     openapi3.ResponseBodies{},
		propOrder:     map[*openapi3.Schema][]string{},
		exampleValues: map[*openapi3.Example]*yaml.Node{},
		exampleOrder:  map[*openapi3.MediaType][]string{},
		contentOrder:  map[*openapi3.Response][]string{},
		headerOrder:   map[*openapi3.Response][]string{},
	}
	floats := []float64{2.5, 0, -1, 100, 0.125, 1e21, 1e-7} // the last two not in fastYAML's form
	num := func() any {
		switch r.IntN(4) {
		case 0:
			return int64(r.IntN(2000) - 1000)
		case 1:
			return floats[r.IntN(len(floats))]
		case 2:
			return r.IntN(2) == 0
		}
		return pick("text")
	}
	obj := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Properties: openapi3.Schemas{}}
	add := func(name string, p *openapi3.Schema, required bool) {
		if _, dup := obj.Properties[name]; dup {
			return
		}
		obj.Properties[name] = &openapi3.SchemaRef{Value: p}
		c.propOrder[obj] = append(c.propOrder[obj], name)
		if required {
			obj.Required = append(obj.Required, name)
		}
	}
	member := typed(pick("string"), pick("uri"), pick("A member."))
	member.Pattern = pick("^[a-z]+$")
	member.Example = num()
	add(pick("code"), member, true)
	add(pick("kind"), &openapi3.Schema{Type: &openapi3.Types{pick("string")}, Enum: []any{pick("one"), num(), pick("two")}}, r.IntN(2) == 0)
	add(pick("only"), &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}, Enum: []any{num()}}, true)
	add(pick("fixed"), &openapi3.Schema{Const: num()}, r.IntN(2) == 0)
	item := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Properties: openapi3.Schemas{
		pick("name"): &openapi3.SchemaRef{Value: typed(openapi3.TypeString, "", pick("Sorted, not ordered."))},
		pick("b"):    &openapi3.SchemaRef{Value: typed(openapi3.TypeInteger, "", "")},
	}}
	list := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeArray}, MinItems: 1, MaxItems: ptr(uint64(1)), Items: &openapi3.SchemaRef{Value: item}}
	list.Examples = []any{num(), []any{pick("e1"), num()}, num()}
	add(pick("list"), list, false)
	retry := typed(openapi3.TypeInteger, "", pick("Seconds."))
	retry.Min = ptr(float64(r.IntN(3)))
	add(pick("retry"), retry, false)
	obj.Title = pick("Title")
	obj.Description = pick("A description\nof two lines.")
	obj.Deprecated = r.IntN(2) == 0
	obj.Extensions = map[string]any{extErrgen: true, pick("x-errgen-since"): num(), pick("x-errgen-aliases"): []any{num(), pick("alias")}}
	if r.IntN(2) == 0 {
		t := openapi3.Types{pick("object"), pick("null")}
		obj.Type = &t
	}
	names := []string{pick("Error"), pick("Error.a"), pick("Error.b")}
	var refs openapi3.SchemaRefs
	addSchema := func(name string, sc *openapi3.Schema) {
		if _, dup := c.schemas[name]; dup {
			return
		}
		c.schemaNames = append(c.schemaNames, name)
		c.schemas[name] = &openapi3.SchemaRef{Value: sc}
		refs = append(refs, &openapi3.SchemaRef{Ref: refSchemas + name})
	}
	addSchema(names[0], obj)
	addSchema(names[1], typed(openapi3.TypeString, "", pick("b")))
	addSchema(names[2], &openapi3.Schema{AnyOf: openapi3.SchemaRefs{{Ref: refSchemas + pick("x")}}})
	choice := &openapi3.Schema{OneOf: refs}
	if r.IntN(3) > 0 {
		d := &openapi3.Discriminator{PropertyName: pick("code"), Mapping: map[string]openapi3.MappingRef{}}
		for _, ref := range refs {
			d.Mapping[pick("c")] = openapi3.MappingRef{Ref: ref.Ref}
		}
		choice.Discriminator = d
	}
	resp := openapi3.NewResponse().WithDescription(pick("Bad Request: one of `a`, `b`."))
	resp.Extensions = map[string]any{extErrgen: true}
	resp.Headers = openapi3.Headers{}
	for _, name := range []string{pick("Retry-After"), pick("X-Request-Id")} {
		if _, dup := resp.Headers[name]; dup {
			continue
		}
		h := &openapi3.Header{Parameter: openapi3.Parameter{Description: pick("Seconds."), Required: r.IntN(2) == 0,
			Schema: &openapi3.SchemaRef{Value: typed(openapi3.TypeString, "", "")}}}
		if r.IntN(2) == 0 {
			h.Example = num()
		}
		resp.Headers[name] = &openapi3.HeaderRef{Value: h}
		c.headerOrder[resp] = append(c.headerOrder[resp], name)
	}
	resp.Content = openapi3.Content{}
	for _, typ := range []string{pick("application/json"), pick("application/problem+json")} {
		if _, dup := resp.Content[typ]; dup {
			continue
		}
		mt := &openapi3.MediaType{Schema: &openapi3.SchemaRef{Value: choice}, Examples: openapi3.Examples{}}
		for _, code := range []string{pick("not_found"), pick("gone")} {
			if _, dup := mt.Examples[code]; dup {
				continue
			}
			ex := &openapi3.Example{Summary: pick("Not found")}
			body := mapping()
			body.add(pick("code"), str(pick("not_found")))
			body.add(pick("status"), scalar(num()))
			body.add(pick("params"), value([]any{num(), pick("p")}))
			inner := mapping()
			inner.add(pick("field"), scalar(num()))
			body.add(pick("error"), inner.Node)
			body.add(pick("details"), sequence(inner.Node))
			c.exampleValues[ex] = body.Node
			mt.Examples[code] = &openapi3.ExampleRef{Value: ex}
			c.exampleOrder[mt] = append(c.exampleOrder[mt], code)
		}
		resp.Content[typ] = mt
		c.contentOrder[resp] = append(c.contentOrder[resp], typ)
	}
	for _, name := range []string{pick("Error.400"), pick("Error.404")} {
		if _, dup := c.responses[name]; dup {
			continue
		}
		c.responseNames = append(c.responseNames, name)
		c.responses[name] = &openapi3.ResponseRef{Value: resp}
	}
	return c
}

// componentsBoth writes c's components as text and by the node path.
func componentsBoth(text, nodes *components) (got, want []byte, slow int, gerr, werr error) {
	var g bytes.Buffer
	slow, gerr = text.writeComponents(&g)
	comps := mapping()
	comps.add("schemas", &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: nodes.schemaSection()})
	comps.add("responses", &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: nodes.responseSection()})
	root := mapping()
	root.add("components", comps.Node)
	var w bytes.Buffer
	werr = writeFragment(&w, &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root.Node}})
	return g.Bytes(), w.Bytes(), slow, gerr, werr
}

// checkHostile builds the components of one seed twice (the encoder may
// restyle the nodes it writes) and compares the two writers.
func checkHostile(t *testing.T, name string, build func() *components) (slow int, ok bool) {
	t.Helper()
	got, want, slow, gerr, werr := componentsBoth(build(), build())
	if (gerr != nil) != (werr != nil) {
		t.Fatalf("%s: text writer error %v, node path error %v", name, gerr, werr)
	}
	if werr != nil {
		return slow, false // text the encoder refuses is refused by both
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: the text writer differs from the node path:\n%s", name, lineDiff(string(want), string(got)))
	}
	checkYAML11(t, name, got)
	return slow, true
}

// TestTextHostileComponents compares the text writer with the node path
// on components holding hostile text, a little of it in each: every
// position a scalar or key can take.
func TestTextHostileComponents(t *testing.T) {
	compared, fast := 0, 0
	seeds := uint64(2000)
	if testing.Short() {
		seeds = 500
	}
	for seed := range seeds {
		build := func() *components {
			r := rand.New(rand.NewPCG(seed, 1))
			return hostileComponents(func(usual string) string {
				if r.IntN(40) == 0 {
					return hostileText(r)
				}
				return usual
			}, r)
		}
		slow, ok := checkHostile(t, fmt.Sprintf("seed %d", seed), build)
		if ok {
			compared++
			if slow == 0 {
				fast++
			}
		}
	}
	if compared < int(seeds)*3/4 || fast < compared/20 || fast == compared {
		t.Errorf("%d of %d compared, %d written as text alone: the test compares too little", compared, seeds, fast)
	}
	t.Logf("%d compared, %d written as text alone", compared, fast)
}

// FuzzTextComponents puts the fuzzer's text in every position of the
// components, cycling through the given strings, and compares the text
// writer with the node path. `go test -fuzz FuzzTextComponents
// ./internal/openapi` explores.
func FuzzTextComponents(f *testing.F) {
	for _, seed := range [][3]string{
		{"plain", "yes", "0o7"}, {"- a", "? b", ": c"}, {"#x", "a #b", "x: y"}, {"", "on", "2001-12-14"},
		{"a\u2028b", "a\nb", "a\n"}, {"\"q\"", "'q'", "\\"}, {"é", "\t", "\x00"}, {strings.Repeat("k", 101), "1e3", "~"},
		{"line\n  indented", "trailing \n", "\n\nlead"}, {"1:20", "<<", "="},
	} {
		f.Add(seed[0], seed[1], seed[2], uint64(0))
	}
	f.Fuzz(func(t *testing.T, a, b, c string, seed uint64) {
		texts := []string{a, b, c}
		build := func() *components {
			r := rand.New(rand.NewPCG(seed, 2))
			i := 0
			return hostileComponents(func(usual string) string {
				i++
				if i%4 == 0 {
					return usual
				}
				return texts[i%3]
			}, r)
		}
		checkHostile(t, "fuzz", build)
	})
}

// TestExclusiveShortcut: exclusive's shortcut (a top-level constant that
// tells every error apart) decides as the full comparison of every
// required constant does, for every status of every golden case and a
// synthetic catalog, and for random subsets of their errors.
func TestExclusiveShortcut(t *testing.T) {
	var specs []*model.Spec
	for _, dir := range testutil.GoldenCases() {
		specs = append(specs, loadCase(t, dir))
	}
	synth, err := spec.Parse("errors.yaml", testutil.SynthSpec(300))
	if err != nil {
		t.Fatal(err)
	}
	specs = append(specs, synth)
	r := rand.New(rand.NewPCG(7, 8))
	checked, apart := 0, 0
	for _, s := range specs {
		for _, v31 := range []bool{false, true} {
			c := buildComponents(s, v31)
			all := s.AllErrors()
			groups := [][]*model.Error{}
			for _, status := range s.Statuses {
				groups = append(groups, s.ByStatus(status))
			}
			for range 20 {
				var g []*model.Error
				for _, e := range all {
					if r.IntN(3) == 0 {
						g = append(g, e)
					}
				}
				groups = append(groups, g)
			}
			for _, g := range groups {
				if len(g) < 2 {
					continue
				}
				got, want := c.exclusive(g), c.exclusiveByConstants(g)
				if got != want {
					t.Fatalf("%s: exclusive(%v) = %t, the full comparison says %t", s.Source, codesOf(g), got, want)
				}
				checked++
				if !got {
					apart++
				}
			}
		}
	}
	if checked < 100 || apart == 0 {
		t.Errorf("%d groups checked, %d not exclusive: the test compares too little", checked, apart)
	}
}

// TestMarkdownSafeShortcut holds markdownSafe's shortcut for text with a
// period to the full rewriting on random text of links, addresses, URLs,
// HTML and code (text without "<", "@" or "." was returned as it is
// before the shortcut, and still is).
func TestMarkdownSafeShortcut(t *testing.T) {
	parts := []string{"a", "b", " ", ".", "www", "WwW.", "www.x.co", "http", "://", "https://a.b", "x@y.co", "@", "<", "<b>", "[", "](", ")",
		"[a](b.c 'title')", "`", "``", "\n", "\n    ", "```", "~~~", "Error 1 happens.", ":", "/", "_", "*"}
	r := rand.New(rand.NewPCG(11, 12))
	short := 0
	for range 30000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		want := s
		if strings.ContainsAny(s, "<@.") {
			want = markdownSafeLines(s)
		}
		got := markdownSafe(s)
		if got != want {
			t.Fatalf("markdownSafe(%q) = %q, want %q", s, got, want)
		}
		if strings.Contains(s, ".") && got == s {
			short++
		}
	}
	if short < 1000 {
		t.Errorf("only %d texts with a period unchanged: the test compares too little", short)
	}
}
