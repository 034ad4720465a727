package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// mergeCase is golden/openapi-merge: a spec and a team's commented
// document (api.orig.yaml) whose merged form is api.yaml.
func mergeCase(t *testing.T) (s *model.Spec, orig []byte, dir string) {
	t.Helper()
	dir = filepath.Join(testutil.Root(), "golden", "openapi-merge")
	orig, err := os.ReadFile(filepath.Join(dir, "api.orig.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return loadCase(t, dir), orig, dir
}

func mustMerge(t *testing.T, s *model.Spec, name string, doc []byte) ([]byte, []string) {
	t.Helper()
	out, notes, err := Merge(s, name, doc)
	if err != nil {
		t.Fatal(err)
	}
	return out, notes
}

// TestMergeGolden merges the team's document and compares the result with
// golden/openapi-merge/api.yaml, which the engine also merges into (and
// must leave unchanged: merging is idempotent).
func TestMergeGolden(t *testing.T) {
	s, orig, dir := mergeCase(t)
	out, notes := mustMerge(t, s, "api.yaml", orig)
	compareGolden(t, filepath.Join(dir, "api.yaml"), out)
	want := []string{"api.yaml:43:9: operation listLivestreams: the 401 response was written by hand and is left alone (errgen would describe invalid_token)"}
	if !slices.Equal(notes, want) {
		t.Errorf("notes:\n%q\nwant\n%q", notes, want)
	}
}

// TestMergeKeepsComments requires every comment of the team's document,
// whole-line or trailing, to survive the merge.
func TestMergeKeepsComments(t *testing.T) {
	s, orig, _ := mergeCase(t)
	out, _ := mustMerge(t, s, "api.yaml", orig)
	comments := regexp.MustCompile(`(?m)#\s.*$|^\s*#$`).FindAllString(string(orig), -1)
	if len(comments) < 8 {
		t.Fatalf("found only %d comments in the test document", len(comments))
	}
	for _, c := range comments {
		if !strings.Contains(string(out), strings.TrimSpace(c)) {
			t.Errorf("comment %q lost", c)
		}
	}
}

// TestMergeOnlyAdds checks that the team's lines all survive in order,
// byte for byte: the merged document is the original with lines added.
func TestMergeOnlyAdds(t *testing.T) {
	s, orig, _ := mergeCase(t)
	out, _ := mustMerge(t, s, "api.yaml", orig)
	assertOnlyAdds(t, orig, out)
}

func assertOnlyAdds(t *testing.T, orig, out []byte) {
	t.Helper()
	got := strings.Split(string(out), "\n")
	i := 0
	for _, line := range strings.Split(string(orig), "\n") {
		for i < len(got) && got[i] != line {
			i++
		}
		if i == len(got) {
			t.Fatalf("line %q of the original is missing or out of order in:\n%s", line, out)
		}
		i++
	}
}

// TestMergeKeepsLayout: documents indented by four spaces, or with list
// items at their key's indentation, keep their layout.
func TestMergeKeepsLayout(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - {code: gone, status: 404, message: Gone, operations: [getA]}
`)
	four := `openapi: 3.0.3
info:
    title: T
    version: "1"
tags:
    -   name: things
        description: "Things, double-quoted"

paths:
    /a:
        get:
            operationId: getA
            tags:
                - things
            responses:
                "200":
                    description: |
                        Literal
                        text.
`
	compact := `---
openapi: 3.0.3
info:
  title: T
  version: "1"
paths:
  /a:
    get:
      operationId: getA
      tags:
      - things
      responses:
        "200":
          description: OK
`
	for name, doc := range map[string]string{"four": four, "compact": compact} {
		out, _ := mustMerge(t, s, "api.yaml", []byte(doc))
		if name == "four" {
			// The encoder writes "-   name" as "- name".
			doc = strings.Replace(doc, "-   name: things\n        description", "- name: things\n      description", 1)
		}
		assertOnlyAdds(t, []byte(doc), out)
		ind := map[string]string{"four": "                ", "compact": "        "}[name]
		if !strings.Contains(string(out), "\n"+ind+"\"404\":\n") {
			t.Errorf("%s: 404 not written in the document's layout:\n%s", name, out)
		}
	}
}

// TestMergeIdempotent: merging into the merged document changes nothing,
// for YAML and JSON.
func TestMergeIdempotent(t *testing.T) {
	s, orig, _ := mergeCase(t)
	for name, doc := range map[string][]byte{"api.yaml": orig, "api.json": toJSON(t, orig)} {
		once, _ := mustMerge(t, s, name, doc)
		twice, _ := mustMerge(t, s, name, once)
		if !bytes.Equal(once, twice) {
			t.Errorf("%s: merging twice differs from merging once", name)
		}
	}
}

// TestMergeReplacesOwn: after the spec changes, merging into the old
// merged document gives what merging into the original gives: errgen's
// old components and operation responses are replaced, not kept.
func TestMergeReplacesOwn(t *testing.T) {
	s, orig, _ := mergeCase(t)
	merged, _ := mustMerge(t, s, "api.yaml", orig)
	s.Errors = slices.DeleteFunc(s.Errors, func(e *model.Error) bool { return e.Code == "quota_exceeded" })
	s.Statuses = nil
	for _, e := range s.AllErrors() {
		if !slices.Contains(s.Statuses, e.Status) {
			s.Statuses = append(s.Statuses, e.Status)
		}
	}
	slices.Sort(s.Statuses)
	for _, e := range s.Errors {
		if e.Code == "invalid_token" {
			e.Operations = e.Operations[:1]
		}
	}
	fresh, _ := mustMerge(t, s, "api.yaml", orig)
	again, _ := mustMerge(t, s, "api.yaml", merged)
	if !bytes.Equal(fresh, again) {
		t.Error("re-merging after a spec change differs from merging into the original")
	}
	if bytes.Contains(again, []byte("quota_exceeded")) {
		t.Error("a removed error is still described")
	}
}

// TestMergeKeepsHandWrittenRefs: references to errgen's responses that
// errgen does not write itself are the team's and are kept: a default, a
// range, and any status of an operation the spec does not list (nor ever
// listed); the merge is idempotent and only adds lines.
func TestMergeKeepsHandWrittenRefs(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - {code: gone, status: 404, message: Gone, operations: [getLivestream]}
  - {code: bad, status: 400, message: Bad}
`)
	doc := `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /live:
    get:
      operationId: getLivestream
      responses:
        '200': {description: OK}
        4XX: {$ref: '#/components/responses/Error.400'}
        default: {$ref: '#/components/responses/Error.500'}
  /things:
    get:
      operationId: listThings
      responses:
        '200': {description: OK}
        '404': {$ref: '#/components/responses/Error.404'}
        default:
          $ref: '#/components/responses/Error.500'
`
	out, notes := mustMerge(t, s, "api.yaml", []byte(doc))
	assertOnlyAdds(t, []byte(doc), out)
	d := decode(t, out)
	for _, c := range []struct{ path, key, want string }{
		{"/live", "4XX", "Error.400"},
		{"/live", "default", "Error.500"},
		{"/live", "404", "Error.404"}, // errgen's: the spec lists it
		{"/things", "404", "Error.404"},
		{"/things", "default", "Error.500"},
	} {
		if got := dig(d, "paths", c.path, "get", "responses", c.key, "$ref"); got != refResponses+c.want {
			t.Errorf("%s %s: $ref %v, want %s", c.path, c.key, got, c.want)
		}
	}
	if len(notes) != 0 {
		t.Errorf("notes: %v", notes)
	}
	again, _ := mustMerge(t, s, "api.yaml", out)
	if !bytes.Equal(again, out) {
		t.Errorf("merging again changed the document:\n%s", again)
	}
	// errgen lists where it wrote a reference to its response, and only
	// there.
	if got := dig(d, "components", "responses", "Error.404", "x-errgen-operations"); !slices.Equal(got.([]any), []any{"getLivestream"}) {
		t.Errorf("Error.404 x-errgen-operations %v", got)
	}
	if got := dig(d, "components", "responses", "Error.500", "x-errgen-operations"); got != nil {
		t.Errorf("Error.500 x-errgen-operations %v", got)
	}
}

// TestMergeDanglingRef: after a spec change, errgen's own references to a
// response it no longer writes go with it, but a reference the team wrote
// to it would point at nothing: the merge stops there, at the reference's
// position, and writes nothing.
func TestMergeDanglingRef(t *testing.T) {
	s, orig, _ := mergeCase(t)
	merged, _ := mustMerge(t, s, "api.yaml", orig)
	// The team points a default at errgen's 429.
	withRef := bytes.Replace(merged, []byte("  /livestreams/{id}:\n"), []byte("  /other:\n    get:\n      operationId: other\n      responses:\n        default:\n          $ref: '#/components/responses/Error.429'\n  /livestreams/{id}:\n"), 1)
	if bytes.Equal(withRef, merged) {
		t.Fatal("no /livestreams/{id} path in the merged document")
	}
	mustMerge(t, s, "api.yaml", withRef) // fine while errgen writes Error.429
	other := bytes.Index(withRef, []byte("  /other:"))
	line := bytes.Count(withRef[:other+bytes.Index(withRef[other:], []byte("$ref:"))], []byte("\n")) + 1

	s.Errors = slices.DeleteFunc(s.Errors, func(e *model.Error) bool { return e.Status == 429 })
	s.Statuses = slices.DeleteFunc(s.Statuses, func(st int) bool { return st == 429 })
	out, _, err := Merge(s, "api.yaml", withRef)
	want := fmt.Sprintf("api.yaml:%d:17: #/components/responses/Error.429 refers to a component errgen wrote before and no longer writes", line)
	if err == nil || out != nil || !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), "\n") != 0 {
		t.Fatalf("got %d bytes, err %v; want %s...", len(out), err, want)
	}
	// Without the team's reference, errgen's own go with the component.
	out, _ = mustMerge(t, s, "api.yaml", merged)
	if bytes.Contains(out, []byte("Error.429")) {
		t.Errorf("a reference to the removed Error.429 is left:\n%s", out)
	}
}

// TestMergeOperationResponses checks the per-operation wiring: the shared
// response where the operation returns every code of a status, an inline
// response with exactly its codes otherwise, and the hand-written one kept.
func TestMergeOperationResponses(t *testing.T) {
	s, orig, _ := mergeCase(t)
	out, _ := mustMerge(t, s, "api.yaml", orig)
	doc := decode(t, out)
	list := dig(doc, "paths", "/livestreams", "get", "responses")
	if got := dig(list, "401", "$ref"); got != "#/components/responses/GatewayUnauthorized" {
		t.Errorf("hand-written 401 replaced: %v", got)
	}
	if got := keys(dig(list, "429", "content", "application/json", "examples")); !slices.Equal(got, []string{"slow_down"}) {
		t.Errorf("listLivestreams 429 describes %v, want only slow_down", got)
	}
	if got := dig(list, "429", "headers", "Retry-After", "required"); got != true {
		t.Errorf("listLivestreams 429 Retry-After required = %v", got)
	}
	create := dig(doc, "paths", "/livestreams", "post", "responses")
	for _, st := range []string{"400", "401", "403", "429"} {
		if got, want := dig(create, st, "$ref"), "#/components/responses/Error."+st; got != want {
			t.Errorf("createLivestream %s = %v, want %s", st, got, want)
		}
	}
	if got := keys(create); !slices.Equal(got, []string{"201", "400", "401", "403", "429", "default"}) {
		t.Errorf("createLivestream responses %v", got)
	}
}

const conflictDoc = `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /x:
    get:
      operationId: getLivestream
      responses:
        '200': {description: OK}
components:
  schemas:
    Error:
      type: object
    Error.livestream_not_found:
      type: object
  responses:
    Error.404:
      description: ours
`

// TestMergeConflict: components of errgen's names written by hand are
// errors naming both positions, and nothing is returned.
func TestMergeConflict(t *testing.T) {
	s, _, _ := mergeCase(t)
	out, notes, err := Merge(s, "api.yaml", []byte(conflictDoc))
	if err == nil || out != nil || notes != nil {
		t.Fatalf("got out=%d bytes, notes=%v, err=%v", len(out), notes, err)
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{
		`api.yaml:11:5: components.schemas.Error was not written by errgen (it has no x-errgen: true), but errgen writes its error body schema under that name; rename or remove it`,
		`api.yaml:13:5: components.schemas.Error.livestream_not_found was not written by errgen (it has no x-errgen: true), but errgen writes the schema of error "livestream_not_found" (golden/openapi-merge/errors.yaml:55:11) under that name; rename or remove it`,
		`api.yaml:16:5: components.responses.Error.404 was not written by errgen (it has no x-errgen: true), but errgen writes the shared 404 response under that name (error "livestream_not_found", golden/openapi-merge/errors.yaml:55:11); rename or remove it`,
	}
	// Operations the document lacks are reported with the conflicts.
	for _, l := range want {
		if !slices.Contains(lines, l) {
			t.Errorf("missing problem:\n%s\ngot:\n%s", l, err)
		}
	}
}

// TestMergeDuplicateKeys: a document holding a key twice in a mapping
// (YAML) or an object (JSON) is refused, every repeat named at its
// position, since readers disagree on which of the two counts: here a
// hand-written Error schema under a second schemas key would escape the
// conflict check, and most readers would drop errgen's schemas.
func TestMergeDuplicateKeys(t *testing.T) {
	s, _, _ := mergeCase(t)
	yamlDoc := `openapi: 3.0.3
info: {title: T, version: '1', title: U}
paths:
  /a:
    get:
      operationId: listLivestreams
      responses:
        '200': {description: OK}
        '200': {description: Also OK}
components:
  schemas:
    Thing: {type: object}
  schemas:
    Error: {type: object}
`
	jsonDoc := `{
  "openapi": "3.0.3",
  "info": {"title": "T", "version": "1"},
  "paths": {},
  "components": {"schemas": {}, "schemas": {"Error": {"type": "object"}}},
  "openapi": "3.0.3"
}
`
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"api.yaml", yamlDoc, []string{
			`api.yaml:2:32: info: duplicate key "title" (first at 2:8)`,
			`api.yaml:9:9: paths./a.get.responses: duplicate key "200" (first at 8:9)`,
			`api.yaml:13:3: components: duplicate key "schemas" (first at 11:3)`,
		}},
		{"api.json", jsonDoc, []string{
			`api.json:5:33: components: duplicate key "schemas" (first at 5:18)`,
			`api.json:6:3: duplicate key "openapi" (first at 2:3)`,
		}},
	} {
		out, notes, err := Merge(s, tc.name, []byte(tc.doc))
		if err == nil || out != nil || notes != nil {
			t.Fatalf("%s: got %d bytes, notes %v, err %v", tc.name, len(out), notes, err)
		}
		if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, tc.want) {
			t.Errorf("%s: problems:\n%s\nwant:\n%s", tc.name, err, strings.Join(tc.want, "\n"))
		}
	}
}

// TestMergeUnknownOperation: an operationId the document does not have is
// an error at the spec's position.
func TestMergeUnknownOperation(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - code: gone
    status: 404
    message: Gone
    operations: [getThing, getOther]
`)
	doc := "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /t:\n    get:\n      operationId: getThing\n      responses:\n        '200': {description: OK}\n"
	out, _, err := Merge(s, "api.yaml", []byte(doc))
	if out != nil || err == nil {
		t.Fatalf("got %d bytes, err %v", len(out), err)
	}
	if want := `spec/errors.yaml:7:28: error "gone": operation "getOther" is not in api.yaml (no operation has that operationId)`; err.Error() != want {
		t.Errorf("error:\n%s\nwant\n%s", err, want)
	}
}

// TestMergeJSON: JSON in gives JSON out, in the document's indentation,
// valid and holding errgen's components.
func TestMergeJSON(t *testing.T) {
	s, orig, _ := mergeCase(t)
	out, notes := mustMerge(t, s, "api.json", toJSON(t, orig))
	if !json.Valid(out) {
		t.Fatalf("output is not JSON:\n%s", out)
	}
	if !bytes.HasPrefix(out, []byte("{\n  \"openapi\": \"3.0.3\",\n")) {
		t.Errorf("output does not keep the document's order and indentation:\n%.200s", out)
	}
	var v map[string]any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	if dig(v, "components", "schemas", "Error.slow_down", "x-errgen") != true {
		t.Error("no errgen schema in the JSON output")
	}
	if len(notes) != 1 {
		t.Errorf("notes %v", notes)
	}
	if err := validateBytes(out); err != nil {
		t.Error(err)
	}
}

// TestMergeJSONKeepsFormatting: what the merge leaves alone in a JSON
// document is written as the team wrote it (one-line objects, escapes,
// spacing); only the objects errgen changes are laid out, in the
// document's indentation. Merging again changes nothing.
func TestMergeJSONKeepsFormatting(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - {code: gone, status: 404, message: Gone, operations: [getB]}
`)
	doc := `{
  "openapi": "3.0.3",
  "info": {"title": "T", "version": "1"},
  "paths": {
    "/a": {
      "get": {"operationId": "getA", "responses": {"200": {"description": "caf\u00e9"}}}
    },
    "/b": {
      "get": {
        "operationId": "getB",
        "tags":   ["x",  "y"],
        "responses": {"200": {"description": "OK"}}
      }
    }
  }
}
`
	out, _ := mustMerge(t, s, "api.json", []byte(doc))
	for _, kept := range []string{
		"{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {\n",
		"    \"/a\": {\n      \"get\": {\"operationId\": \"getA\", \"responses\": {\"200\": {\"description\": \"caf\\u00e9\"}}}\n    },\n",
		"        \"tags\": [\"x\",  \"y\"],\n",
		"          \"200\": {\"description\": \"OK\"},\n          \"404\": {\n",
	} {
		if !bytes.Contains(out, []byte(kept)) {
			t.Errorf("the merged document does not keep\n%s\nit is:\n%s", kept, out)
		}
	}
	if err := validateBytes(out); err != nil {
		t.Error(err)
	}
	again, _ := mustMerge(t, s, "api.json", out)
	if !bytes.Equal(again, out) {
		t.Errorf("merging again changed the document:\n%s", again)
	}
}

// TestMergeJSONSurrogates: JSON escapes a character outside the BMP as a
// UTF-16 surrogate pair ("\ud83d\ude00", as Python's json.dump writes
// it), and JSON readers read a lone surrogate as U+FFFD. Such documents
// merge, keep those escapes as written, validate, and report positions
// at the document's own columns, one-line documents included.
func TestMergeJSONSurrogates(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - {code: gone, status: 404, message: Gone, operations: [getB]}
`)
	doc := `{
  "openapi": "3.0.3",
  "info": {"title": "T \ud83d\ude00", "version": "1", "description": "lone \udc00 and \ud83d, escaped \\ud83d, pair \uD83D\uDE00"},
  "paths": {
    "/b": {
      "get": {
        "operationId": "getB",
        "summary": "\ud83d\ude00\ud83d\ude00",
        "responses": {"200": {"description": "OK \ud83d\ude00"}}
      }
    }
  },
  "components": {"schemas": {"Smile": {"type": "object", "properties": {"\ud83d\ude00": {"type": "string"}}}}}
}
`
	out, _ := mustMerge(t, s, "api.json", []byte(doc))
	for _, kept := range []string{
		`"info": {"title": "T \ud83d\ude00", "version": "1", "description": "lone \udc00 and \ud83d, escaped \\ud83d, pair \uD83D\uDE00"},`,
		`"summary": "\ud83d\ude00\ud83d\ude00",`,
		`"200": {"description": "OK \ud83d\ude00"},`,
		`"Smile": {"type": "object", "properties": {"\ud83d\ude00": {"type": "string"}}}`,
	} {
		if !bytes.Contains(out, []byte(kept)) {
			t.Errorf("the merged document does not keep\n%s\nit is:\n%s", kept, out)
		}
	}
	var v struct {
		Info struct{ Title, Description string }
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	if v.Info.Title != "T \U0001F600" || v.Info.Description != "lone \uFFFD and \uFFFD, escaped \\ud83d, pair \U0001F600" {
		t.Errorf("read back as %q, %q", v.Info.Title, v.Info.Description)
	}
	if err := validateBytes(out); err != nil {
		t.Error(err)
	}
	again, _ := mustMerge(t, s, "api.json", out)
	if !bytes.Equal(again, out) {
		t.Errorf("merging again changed the document:\n%s", again)
	}

	// On one line, as json.dump writes it: a problem after pairs is at
	// its column in the document.
	oneLine := `{"openapi": "3.0.3", "info": {"title": "\ud83d\ude00\ud83d\ude00", "version": "1"}, "paths": {}, "components": {"schemas": {"Error": {"type": "object"}}}}`
	_, _, err := Merge(s, "api.json", []byte(oneLine))
	col := strings.Index(oneLine, `"Error"`) + 1
	if want := fmt.Sprintf("api.json:1:%d: components.schemas.Error was not written by errgen", col); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %s", err, want)
	}
	dup := `{"openapi": "3.0.3", "info": {"title": "\ud83d\ude00", "title": "x", "version": "1"}, "paths": {}}`
	_, _, err = Merge(s, "api.json", []byte(dup))
	first, second := strings.Index(dup, `"title"`)+1, strings.LastIndex(dup, `"title"`)+1
	if want := fmt.Sprintf(`api.json:1:%d: info: duplicate key "title" (first at 1:%d)`, second, first); err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestJSONTestdata keeps testdata/api.orig.json, the JSON form of the
// merge case's team document that make lint-openapi merges into, in step
// with api.orig.yaml.
func TestJSONTestdata(t *testing.T) {
	_, orig, _ := mergeCase(t)
	compareGolden(t, filepath.Join("testdata", "api.orig.json"), toJSON(t, orig))
}

// TestMergeIntoOpenAPI31: components follow the document's version.
func TestMergeIntoOpenAPI31(t *testing.T) {
	s, orig, _ := mergeCase(t)
	doc := bytes.Replace(orig, []byte("openapi: 3.0.3"), []byte("openapi: 3.1.0"), 1)
	out, notes := mustMerge(t, s, "api.yaml", doc)
	if want := "api.yaml:5:1: the document is OpenAPI 3.1.0, so errgen's components in it are written for 3.1 (the spec's openapi.version is 3.0)"; !slices.Contains(notes, want) {
		t.Errorf("notes %q lack %q", notes, want)
	}
	if !bytes.Contains(out, []byte("const: slow_down")) || bytes.Contains(out, []byte("enum: [slow_down]")) {
		t.Error("3.1 document did not get 3.1 schemas")
	}
}

// toJSON converts a YAML document to indented JSON, keeping key order.
func toJSON(t *testing.T, doc []byte) []byte {
	t.Helper()
	m, err := newMerger(&model.Spec{}, "x", doc)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	writeJSON(&buf, m.root, "  ", "")
	buf.WriteByte('\n')
	return buf.Bytes()
}

// TestMergeDocumentShapes merges into the less common ways of writing a
// document: flow mappings, unquoted status codes, an operation without
// responses, and an empty components key.
func TestMergeDocumentShapes(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - code: gone
    status: 404
    message: Gone
    operations: [getA, postB, putC]
`)
	doc := `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get: {operationId: getA, responses: {200: {description: OK}}}
  /b:
    post:
      operationId: postB
      responses:
        200:
          description: OK
        500:
          description: Oops
    put:
      operationId: putC
components:
`
	out, notes := mustMerge(t, s, "api.yaml", []byte(doc))
	if len(notes) != 0 {
		t.Errorf("notes: %v", notes)
	}
	again, _ := mustMerge(t, s, "api.yaml", out)
	if !bytes.Equal(out, again) {
		t.Errorf("not idempotent:\n%s\n---\n%s", out, again)
	}
	if n := strings.Count(string(out), "$ref: '#/components/responses/Error.404'"); n != 3 {
		t.Errorf("%d operations refer to the 404 response, want 3:\n%s", n, out)
	}
	if !strings.Contains(string(out), "\n        404:\n") {
		t.Errorf("status key not written like the document's own (unquoted):\n%s", out)
	}
}

// TestMergeSplitDocument: references to the team's other files are
// followed when validating, relative to the document.
func TestMergeSplitDocument(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - {code: gone, status: 404, message: Gone, operations: [getA]}
`)
	dir := t.TempDir()
	doc := "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          $ref: 'parts/responses.yaml#/Ok'\n"
	if err := os.MkdirAll(filepath.Join(dir, "parts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "parts", "responses.yaml"), []byte("Ok:\n  description: OK\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Merge(s, filepath.Join(dir, "api.yaml"), []byte(doc)); err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(doc, "responses.yaml", "missing.yaml", 1)
	if _, _, err := Merge(s, filepath.Join(dir, "api.yaml"), []byte(broken)); err == nil {
		t.Error("a reference to a missing file validated")
	}
}

// TestMergeMalformed: documents errgen cannot merge into are errors, not
// panics or corrupt output.
func TestMergeMalformed(t *testing.T) {
	s, _, _ := mergeCase(t)
	head := "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n"
	for _, doc := range []string{
		"",
		"- a list",
		"just text",
		"{not: [closed",
		"info: {title: T}\npaths: {}\n",
		"openapi: 2.0\ninfo: {title: T, version: '1'}\npaths: {}\n",
		head + "paths: {}\ncomponents: text\n",
		head + "paths: {}\ncomponents: {schemas: [1, 2]}\n",
		head + "paths:\n  /a:\n    get:\n      operationId: listLivestreams\n      responses: nope\n",
		head + "paths:\n  /a:\n    get: [operationId, listLivestreams]\n",
		head + "paths: [1]\n",
	} {
		out, notes, err := Merge(s, "api.yaml", []byte(doc))
		t.Logf("%q: %v", doc, err)
		if err == nil || out != nil || notes != nil {
			t.Errorf("%q: got %d bytes, notes %v, err %v", doc, len(out), notes, err)
		}
	}
}

// TestMergePiecesMatchEncoder pins the piecewise encoding of merged
// documents to one encoder call over the whole tree: on the golden merge
// (into the team's document, and into a document without components, in
// two and four spaces, compact or not) and on the synthetic catalog,
// cutting pieces as small as they go.
func TestMergePiecesMatchEncoder(t *testing.T) {
	s, orig, _ := mergeCase(t)
	// doc is a document without components holding the given operations,
	// indented by ind, with a tags list in the compact style or not.
	doc := func(ind string, compact bool, ops ...string) []byte {
		var b strings.Builder
		fmt.Fprintf(&b, "openapi: 3.0.3\ninfo:\n%stitle: T\n%sversion: \"1\"\ntags:\n", ind, ind)
		if compact {
			b.WriteString("- name: x\n")
		} else {
			fmt.Fprintf(&b, "%s- name: x\n", ind)
		}
		b.WriteString("paths:\n")
		for i, op := range ops {
			fmt.Fprintf(&b, "%[1]s/p%[2]d:\n%[1]s%[1]sget:\n%[1]s%[1]s%[1]soperationId: %[3]s\n%[1]s%[1]s%[1]sresponses:\n%[1]s%[1]s%[1]s%[1]s\"200\":\n%[1]s%[1]s%[1]s%[1]s%[1]sdescription: OK\n", ind, i, op)
		}
		return []byte(b.String())
	}
	goldenOps := []string{"listLivestreams", "createLivestream", "getLivestream", "deleteLivestream"}
	bare := doc("    ", false, goldenOps...)
	compact := doc("  ", true, goldenOps...)
	synth, err := spec.Parse("errors.yaml", testutil.SynthSpec(300))
	if err != nil {
		t.Fatal(err)
	}
	var synthOps []string
	for i := range 20 {
		synthOps = append(synthOps, fmt.Sprintf("op%d", i))
	}
	cases := []struct {
		name string
		s    *model.Spec
		doc  []byte
	}{
		{"golden", s, orig}, {"bare", s, bare}, {"compact", s, compact}, {"synthetic", synth, doc("  ", false, synthOps...)},
	}
	for _, c := range cases {
		m, err := newMerger(c.s, "api.yaml", c.doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.merge(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		st := detectYAMLStyle(c.doc)
		want, err := encodeMerged(c.doc, m.doc, st, math.MaxInt)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(want, []byte("x-errgen")) {
			t.Fatalf("%s: nothing merged", c.name)
		}
		defer func(n int) { sectionEntries = n }(sectionEntries)
		for _, sections := range []int{1, 16} {
			sectionEntries = sections
			for _, min := range []int{1, 3, 10, 50, pieceNodes} {
				var pieces []piece
				cutPieces(m.doc.Content[0], 0, min, &pieces)
				got, err := encodeMerged(c.doc, m.doc, st, min)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s, sections of %d, pieces of %d nodes (%d pieces): differs from one encoding:\n%s",
						c.name, sections, min, len(pieces), lineDiff(string(want), string(got)))
				}
				if min == 1 && len(pieces) < 3 {
					t.Errorf("%s: only %d pieces cut", c.name, len(pieces))
				}
			}
		}
	}
}
