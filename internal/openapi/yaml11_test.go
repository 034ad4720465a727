package openapi

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// yaml11Types is YAML 1.1's table of implicit types (https://yaml.org/type/),
// as the YAML 1.1 readers in use apply it (PyYAML, SnakeYAML, Psych): the
// tag a plain scalar matching the expression resolves to. Two forms are
// widened to what any of them reads: booleans include the spec's y and n
// (PyYAML's list does not), and an exponent's sign is optional (SnakeYAML).
// The spec's float expression [0-9.]* after the point, which would make
// every version number (3.0.3) a float, is read by none of them and is
// left out. 0o octal is YAML 1.2's, which the encoder quotes too.
var yaml11Types = []struct {
	tag string
	re  *regexp.Regexp
}{
	{"bool", regexp.MustCompile(`^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`)},
	{"int", regexp.MustCompile(`^[-+]?0b[0-1_]+$`)},
	{"int", regexp.MustCompile(`^[-+]?0[0-7_]+$`)},
	{"int", regexp.MustCompile(`^0o[0-7]+$`)},
	{"int", regexp.MustCompile(`^[-+]?(?:0|[1-9][0-9_]*)$`)},
	{"int", regexp.MustCompile(`^[-+]?0x[0-9a-fA-F_]+$`)},
	{"int", regexp.MustCompile(`^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$`)},
	{"float", regexp.MustCompile(`^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$`)},
	{"float", regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$`)},
	{"float", regexp.MustCompile(`^[-+]?\.(?:inf|Inf|INF)$`)},
	{"float", regexp.MustCompile(`^\.(?:nan|NaN|NAN)$`)},
	{"null", regexp.MustCompile(`^(?:~|null|Null|NULL|)$`)},
	{"merge", regexp.MustCompile(`^<<$`)},
	{"value", regexp.MustCompile(`^=$`)},
	{"timestamp", regexp.MustCompile(`^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$`)},
	{"timestamp", regexp.MustCompile(`^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?$`)},
}

// yaml11Resolve is the type a YAML 1.1 reader gives the plain scalar s.
func yaml11Resolve(s string) string {
	for _, t := range yaml11Types {
		if t.re.MatchString(s) {
			return t.tag
		}
	}
	return "str"
}

// checkYAML11 reads doc as a YAML 1.1 reader would and requires every
// plain scalar that YAML 1.2 reads as a string, keys included, to be a
// string to YAML 1.1 too.
func checkYAML11(t *testing.T, name string, doc []byte) {
	t.Helper()
	var root yaml.Node
	if err := yaml.Load(doc, &root); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Style == 0 && n.ShortTag() == "!!str" {
			if tag := yaml11Resolve(n.Value); tag != "str" {
				t.Errorf("%s:%d:%d: %q is a string to YAML 1.2 and a %s to YAML 1.1", name, n.Line, n.Column, n.Value, tag)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&root)
}

// TestGoldenOpenAPIReadsAsYAML11 is the YAML 1.1 oracle: every committed
// OpenAPI output, fragments and merged documents, keeps every string a
// string to a YAML 1.1 reader.
func TestGoldenOpenAPIReadsAsYAML11(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../golden/*/openapi.yaml", "../../examples/videoapi/api/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("only %d OpenAPI outputs found", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkYAML11(t, strings.TrimPrefix(f, "../../"), data)
	}
}

// TestYAML11Table pins the oracle to YAML 1.1's examples, and the writer's
// test (yaml11NonString) to the oracle.
func TestYAML11Table(t *testing.T) {
	want := map[string]string{
		"yes": "bool", "No": "bool", "ON": "bool", "off": "bool", "y": "bool", "N": "bool",
		"0b1010_0111_0100_1010_1110": "int", "02472256": "int", "0x_0A_74_AE": "int", "685_230": "int",
		"+685_230": "int", "190:20:30": "int", "1:20": "int", "0o17": "int", "0": "int",
		"6.8523015e+5": "float", "685.230_15e+03": "float", "685_230.15": "float", "190:20:30.15": "float",
		"-.inf": "float", ".NaN": "float", ".5": "float", "1.": "float", "1e3": "str",
		"~": "null", "Null": "null", "<<": "merge", "=": "value",
		"2001-12-14": "timestamp", "2001-12-14t21:59:43.10-05:00": "timestamp", "2001-12-14 21:59:43.10 -5": "timestamp",
		"2001-12-15T02:59:43.1Z": "timestamp",
		"3.0.3":                  "str", "tRue": "str", "yess": "str", "1:60": "str", "a=b": "str", "<<<": "str", "Some words.": "str",
		"1.2.3": "str", "0o8": "str", "2001-1-1": "str",
	}
	for s, tag := range want {
		if got := yaml11Resolve(s); got != tag {
			t.Errorf("%q: YAML 1.1 type %s, want %s", s, got, tag)
		}
		if got := yaml11NonString(s); got != (tag != "str") {
			t.Errorf("yaml11NonString(%q) = %t, want %t", s, got, tag != "str")
		}
	}
	// The writer's test agrees with the oracle on random text made of the
	// pieces of YAML 1.1's forms.
	parts := []string{"0", "1", "5", "9", "_", ".", ":", "-", "+", "e", "E", "x", "b", "o", "a", "F", "T", "Z", " ",
		"y", "n", "Y", "N", "es", "o", "ff", "n", "inf", "nan", "<", "=", "~", "ull", "rue", "alse"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for range 1 + r.IntN(9) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, want := yaml11NonString(s), yaml11Resolve(s) != "str"; got != want {
			t.Fatalf("yaml11NonString(%q) = %t, oracle says %s", s, got, yaml11Resolve(s))
		}
	}
}

// TestFragmentQuotesYAML11 renders errors whose codes, titles, messages,
// params and constants are YAML 1.1 words, and reads the fragment as YAML
// 1.1 does; the words are quoted, as strings, in keys and in flow lists.
func TestFragmentQuotesYAML11(t *testing.T) {
	words := []string{"yes", "No", "on", "OFF", "y", "n", "1:20", "0o17", "=", "<<", "~", "2001-12-14", "0x1F", ".inf"}
	var b strings.Builder
	b.WriteString("errgen: 1\ngo: {package: apierr}\nerrors:\n")
	for i, w := range words {
		fmt.Fprintf(&b, "  - code: c%d\n    status: 400\n    title: %q\n    message: %q\n", i, w, w)
	}
	b.WriteString("  - code: p\n    status: 409\n    message: \"{on} {y}\"\n    params:\n      - {name: \"on\", type: string}\n      - {name: \"y\", type: string}\n")
	s := parseSpec(t, b.String())
	for _, v := range []string{"3.0.3", "3.1.0"} {
		s.OpenAPI.Version = v
		out, err := Fragment(s)
		if err != nil {
			t.Fatal(err)
		}
		checkYAML11(t, "fragment "+v, out)
		for _, w := range words {
			if !strings.Contains(string(out), "'"+w+"'") {
				t.Errorf("%s: %q never written quoted", v, w)
			}
		}
	}
}

// TestMergeQuotesYAML11: merged into a team's document, errgen's YAML 1.1
// words are quoted whether a piece or the rest of the document holds them,
// and the team's own plain text is left as the team wrote it.
func TestMergeQuotesYAML11(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - code: "yes"
    status: 400
    title: "On"
    message: "="
`)
	doc := "openapi: 3.0.3\ninfo:\n  title: T\n  version: \"1\"\n  x-team: yes\npaths: {}\n"
	out, _ := mustMerge(t, s, "api.yaml", []byte(doc))
	if !strings.Contains(string(out), "  x-team: yes\n") {
		t.Errorf("the team's plain yes was rewritten:\n%s", out)
	}
	for _, w := range []string{"'yes'", "'On'", "'='"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("%s not in the merged document:\n%s", w, out)
		}
	}
	out = []byte(strings.Replace(string(out), "x-team: yes", "x-team: team", 1))
	checkYAML11(t, "merged", out)
}

// onlyYAML11Quotes reports whether got is want with some scalars that
// YAML 1.1 misreads single-quoted, else the first line where it is not.
func onlyYAML11Quotes(want, got string) (int, bool) {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	if len(w) != len(g) {
		return min(len(w), len(g)), false
	}
	for i := range w {
		if w[i] != g[i] && unquoteYAML11(g[i]) != w[i] {
			return i + 1, false
		}
	}
	return 0, true
}

var singleQuoted = regexp.MustCompile(`'([^']*)'`)

func unquoteYAML11(line string) string {
	return singleQuoted.ReplaceAllStringFunc(line, func(q string) string {
		if s := q[1 : len(q)-1]; yaml11NonString(s) {
			return s
		}
		return q
	})
}

// quoted marks tree as writeFast does, for the encoder to write.
func quoted(tree *yaml.Node) *yaml.Node {
	quoteYAML11(tree)
	return tree
}
