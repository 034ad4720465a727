package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
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

// yaml11StrictFloat is YAML 1.1's float form as every reader applies it
// (PyYAML's, the strictest): a point, and a signed exponent. 1e-07 and
// 1.0e7 are strings to PyYAML.
var yaml11StrictFloat = regexp.MustCompile(`^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+][0-9]+)?$`)

// checkYAML11 reads doc as a YAML 1.1 reader would and requires every
// plain scalar that YAML 1.2 reads as a string, keys included, to be a
// string to YAML 1.1 too, and every number and boolean to be of the same
// type to YAML 1.1 (a float in the form every YAML 1.1 reader takes for
// one).
func checkYAML11(t *testing.T, name string, doc []byte) {
	t.Helper()
	var root yaml.Node
	if err := yaml.Load(doc, &root); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Style == 0 {
			switch tag := n.ShortTag(); tag {
			case "!!str":
				if tag := yaml11Resolve(n.Value); tag != "str" {
					t.Errorf("%s:%d:%d: %q is a string to YAML 1.2 and a %s to YAML 1.1", name, n.Line, n.Column, n.Value, tag)
				}
			case "!!float":
				if !yaml11StrictFloat.MatchString(n.Value) {
					t.Errorf("%s:%d:%d: %q is a float to YAML 1.2 and a %s to YAML 1.1", name, n.Line, n.Column, n.Value, yaml11Resolve(n.Value))
				}
			case "!!int", "!!bool":
				if got := yaml11Resolve(n.Value); "!!"+got != tag {
					t.Errorf("%s:%d:%d: %q is a %s to YAML 1.2 and a %s to YAML 1.1", name, n.Line, n.Column, n.Value, tag, got)
				}
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

// TestFloatsReadAlike: a float errgen writes has a point and a signed
// exponent where it has one (1.0e-07, 1.0e+21), so YAML 1.1 readers read
// it as the float YAML 1.2 and JSON readers read; in the fragment too,
// as a param's example in 3.0 and 3.1 and in a response's example.
func TestFloatsReadAlike(t *testing.T) {
	for _, f := range []float64{1e-7, 1e21, -1e21, 1.5e300, -2.5e-10, 5e-324, math.MaxFloat64, 1e6, 0.5, 100, -3, 0, 123456789, 1e20, 1.25e-5} {
		s := formatFloat(f)
		if !yaml11StrictFloat.MatchString(s) {
			t.Errorf("%v written %q: not a float to YAML 1.1", f, s)
		}
		var v struct{ F any }
		if err := yaml.Load([]byte("f: "+s), &v); err != nil || v.F != f {
			t.Errorf("%v written %q: YAML reads %v (%T), %v", f, s, v.F, v.F, err)
		}
		var j float64
		if err := json.Unmarshal([]byte(s), &j); err != nil || j != f {
			t.Errorf("%v written %q: JSON reads %v, %v", f, s, j, err)
		}
	}
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - code: tiny
    status: 400
    message: "{small} {large}"
    params:
      - {name: small, type: float64}
      - {name: large, type: float64}
      - {name: list, type: "[]float64"}
    example: {small: 1e-7, large: 1e21, list: [1e-7, 2.5e+30, 3]}
`)
	for _, v := range versions {
		s.OpenAPI.Version = v
		out, err := Fragment(s)
		if err != nil {
			t.Fatal(err)
		}
		checkYAML11(t, "fragment "+v, out)
		for _, want := range []string{"1.0e-07", "1.0e+21", "2.5e+30"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("%s: %s not in the fragment:\n%s", v, want, out)
			}
		}
		checkPyYAML(t, "fragment "+v, out)
	}
}

// TestGoldenOpenAPIReadsAlikeInPyYAML reads every committed OpenAPI
// output with PyYAML, a YAML 1.1 reader, where it is installed, and
// requires the values the YAML encoder's reader gets.
func TestGoldenOpenAPIReadsAlikeInPyYAML(t *testing.T) {
	files, _ := filepath.Glob("../../golden/*/openapi.yaml")
	more, _ := filepath.Glob("../../examples/videoapi/api/*.yaml")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkPyYAML(t, strings.TrimPrefix(f, "../../"), data)
	}
}

// checkPyYAML reads doc with PyYAML (skipping the test where python3 or
// its yaml module is missing) and with go.yaml.in/yaml/v4, and requires
// the same values, as JSON.
func checkPyYAML(t *testing.T, name string, doc []byte) {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
	cmd := exec.Command("python3", "-c", "import json, sys, yaml\njson.dump(yaml.safe_load(sys.stdin), sys.stdout)")
	cmd.Stdin = bytes.NewReader(doc)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	py, err := cmd.Output()
	if err != nil {
		if strings.Contains(stderr.String(), "No module named 'yaml'") {
			t.Skip("PyYAML is not installed")
		}
		t.Fatalf("%s: PyYAML: %v\n%s", name, err, stderr.Bytes())
	}
	var fromPy, fromGo any
	if err := json.Unmarshal(py, &fromPy); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Load(doc, &v); err != nil {
		t.Fatal(err)
	}
	goJSON, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := json.Unmarshal(goJSON, &fromGo); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromPy, fromGo) {
		t.Errorf("%s: PyYAML reads other values than the YAML 1.2 reader: %s", name, firstDifference(fromPy, fromGo, ""))
	}
}

// firstDifference names the first place where a and b differ.
func firstDifference(a, b any, at string) string {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: %v against %v", at, a, b)
		}
		for k, v := range x {
			if !reflect.DeepEqual(v, y[k]) {
				return firstDifference(v, y[k], at+"/"+k)
			}
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				return fmt.Sprintf("%s/%s: only in the YAML 1.2 reading", at, k)
			}
		}
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return fmt.Sprintf("%s: %v against %v", at, a, b)
		}
		for i := range x {
			if !reflect.DeepEqual(x[i], y[i]) {
				return firstDifference(x[i], y[i], fmt.Sprintf("%s/%d", at, i))
			}
		}
	}
	return fmt.Sprintf("%s: %#v (PyYAML) against %#v", at, a, b)
}
