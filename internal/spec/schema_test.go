package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/testutil"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("errors.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("errors.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// asJSONValue reads YAML and returns the value the JSON Schema sees.
func asJSONValue(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(jsonKeys(v))
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// jsonKeys turns the mappings YAML decodes with non-string keys
// (status_text: {499: …}) into JSON objects, whose keys are strings, as
// editors see them.
func jsonKeys(v any) any {
	switch x := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, val := range x {
			m[fmt.Sprint(k)] = jsonKeys(val)
		}
		return m
	case map[string]any:
		for k, val := range x {
			x[k] = jsonKeys(val)
		}
	case []any:
		for i, val := range x {
			x[i] = jsonKeys(val)
		}
	case time.Time:
		// YAML 1.1 reads an unquoted 2027-06-30 as a timestamp; editors'
		// YAML 1.2 reads it as the text it is.
		return x.Format(time.DateOnly)
	}
	return v
}

// TestSchemaAcceptsValidSpecs checks the schema against every spec the
// loader accepts: the repository's own and every golden case.
func TestSchemaAcceptsValidSpecs(t *testing.T) {
	sch := compileSchema(t)
	files := []string{filepath.Join(testutil.Root(), "spec", "errors.yaml")}
	for _, dir := range testutil.GoldenCases() {
		files = append(files, filepath.Join(dir, "errors.yaml"))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(f, src); err != nil {
			continue // a golden case of invalid input is not the schema's business
		}
		if err := sch.Validate(asJSONValue(t, src)); err != nil {
			t.Errorf("%s: the loader accepts it, the schema does not:\n%v", f, err)
		}
	}
}

// TestSchemaStatusText checks that the schema takes status_text keys as
// editors see them, integers and strings of digits alike.
func TestSchemaStatusText(t *testing.T) {
	sch := compileSchema(t)
	src := "errgen: 1\ngo: {package: a}\nstatus_text: {499: Client Closed Request, \"520\": Origin Error}\nerrors: []\n"
	if _, err := Parse("errors.yaml", []byte(src)); err != nil {
		t.Fatalf("the loader refuses %q: %v", src, err)
	}
	if err := sch.Validate(asJSONValue(t, []byte(src))); err != nil {
		t.Errorf("the schema refuses %q:\n%v", src, err)
	}
}

// TestSchemaRejectsTypos checks that the schema catches what editors
// should flag: unknown keys, bad enums, bad variables.
func TestSchemaRejectsTypos(t *testing.T) {
	sch := compileSchema(t)
	for name, src := range map[string]string{
		"unknown key":            "errgen: 1\ngo: {package: a}\nerrors: [{code: a, stauts: 400, status: 400, message: x}]\n",
		"bad status":             "errgen: 1\ngo: {package: a}\nerrors: [{code: a, status: 302, message: x}]\n",
		"bad variable":           "errgen: 1\ngo: {package: a}\nresponse: {format: custom, body: {m: $mesage}}\nerrors: []\n",
		"bad version":            "errgen: 2\ngo: {package: a}\nerrors: []\n",
		"bad layout":             "errgen: 1\ngo: {package: a}\ndocs: {layout: book}\nerrors: []\n",
		"go output not .go":      "errgen: 1\ngo: {package: a}\noutputs: {go: ../apierr}\nerrors: []\n",
		"status_text key":        "errgen: 1\ngo: {package: a}\nstatus_text: {99: Low}\nerrors: []\n",
		"status_text word key":   "errgen: 1\ngo: {package: a}\nstatus_text: {teapot: Tea}\nerrors: []\n",
		"status_text empty":      "errgen: 1\ngo: {package: a}\nstatus_text: {499: \"\"}\nerrors: []\n",
		"status_text two lines":  "errgen: 1\ngo: {package: a}\nstatus_text: {499: \"a\\nb\"}\nerrors: []\n",
		"status_text not a text": "errgen: 1\ngo: {package: a}\nstatus_text: {499: [a]}\nerrors: []\n",
		"bad code_type":          "errgen: 1\ngo: {package: a}\nresponse: {code_type: number}\nerrors: []\n",
		"bad header name":        "errgen: 1\ngo: {package: a}\nresponse: {headers: {\"a b\": x}}\nerrors: []\n",
		"bad param type":         "errgen: 1\ngo: {package: a}\nerrors: [{code: a, status: 400, message: x, params: [{name: p, type: \"[]uuid\"}]}]\n",
		"two-member marker":      "errgen: 1\ngo: {package: a}\nresponse: {error_marker: {ok: false, x: 1}}\nerrors: []\n",
		"bad anchor style":       "errgen: 1\ngo: {package: a}\ndocs: {anchor_style: camel}\nerrors: []\n",
		"group response no code": "errgen: 1\ngo: {package: a}\ngroups: [{id: g, response: {format: custom, body: {a: $code}}}]\nerrors: []\n",
		"bad detail type":        "errgen: 1\ngo: {package: a}\nresponse: {details: {name: uuid}}\nerrors: []\n",
		"list of two objects":    "errgen: 1\ngo: {package: a}\nresponse: {format: custom, body: {e: [{a: $code}, {b: $code}]}}\nerrors: []\n",
		"bad sunset":             "errgen: 1\ngo: {package: a}\nerrors: [{code: a, status: 400, message: x, deprecated: true, sunset: 27-06-30}]\n",
		"bad since":              "errgen: 1\ngo: {package: a}\nerrors: [{code: a, status: 400, message: x, since: \"1.4 beta\"}]\n",
		"bad removed_in":         "errgen: 1\ngo: {package: a}\nerrors: []\nreserved: [{code: a, removed_in: \"\"}]\n",
	} {
		if err := sch.Validate(asJSONValue(t, []byte(src))); err == nil {
			t.Errorf("%s: schema accepted %q", name, src)
		}
	}
}
