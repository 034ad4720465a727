package spec

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/testutil"
)

// specKeys are the top-level keys of a spec.
var specKeys = []string{"errgen", "api", "status_text", "go", "outputs", "response", "openapi", "docs", "groups", "errors", "reserved"}

// inlineSpec finds code spans of a Markdown page that set a top-level key
// of a spec, such as `reserved: [{code: gone_code}]`.
var inlineSpec = regexp.MustCompile("`((?:" + strings.Join(specKeys, "|") + "): [^`]+)`")

// yamlBlock finds the YAML code blocks of a Markdown page, indented or
// not (in a list item).
var yamlBlock = regexp.MustCompile("(?ms)^([ \t]*)```yaml\n(.*?)^[ \t]*```")

// TestDocsSnippets pastes every YAML block of docs/spec.md and
// docs/evolution.md that is a piece of a spec (its top-level keys are the
// spec's, or it is an entry of the errors list), and every code span that
// sets a top-level key of a spec, into a minimal spec, and
// requires it to load: what the docs show is what errgen takes. A block
// that names no errors gets one in each group it declares (a 5xx one
// under the code a group's response names as its internal_code) and one
// in no group.
func TestDocsSnippets(t *testing.T) {
	n := 0
	for _, page := range []string{"spec.md", "evolution.md"} {
		text, err := os.ReadFile(filepath.Join(testutil.Root(), "docs", page))
		if err != nil {
			t.Fatal(err)
		}
		load := func(line int, src string) {
			n++
			if _, err := Parse("errors.yaml", []byte(src)); err != nil {
				t.Errorf("docs/%s:%d: the snippet does not load:\n%v\nas pasted:\n%s", page, line, err, src)
			}
		}
		for _, m := range inlineSpec.FindAllSubmatchIndex(text, -1) {
			line := strings.Count(string(text[:m[0]]), "\n") + 1
			src, ok := asSpec(string(text[m[2]:m[3]]) + "\n")
			if !ok {
				t.Errorf("docs/%s:%d: %s is not a piece of a spec", page, line, text[m[2]:m[3]])
				continue
			}
			load(line, src)
		}
		for _, m := range yamlBlock.FindAllSubmatchIndex(text, -1) {
			line := strings.Count(string(text[:m[0]]), "\n") + 1
			indent := string(text[m[2]:m[3]])
			var lines []string
			for l := range strings.Lines(string(text[m[4]:m[5]])) {
				lines = append(lines, strings.TrimPrefix(l, indent))
			}
			src, ok := asSpec(strings.Join(lines, ""))
			if ok {
				load(line, src)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d spec snippets found in the docs", n)
	}
}

// asSpec completes a snippet into a spec, or reports that it is not a
// piece of one.
func asSpec(block string) (string, bool) {
	var doc yaml.Node
	if yaml.Load([]byte(block), &doc) != nil || len(doc.Content) == 0 {
		return "", false
	}
	root := doc.Content[0]
	if root.Kind == yaml.SequenceNode {
		// Entries of the errors list: with the errors they refer to.
		var codes []string
		for _, e := range root.Content {
			for i := 0; e.Kind == yaml.MappingNode && i+1 < len(e.Content); i += 2 {
				if e.Content[i].Value == "code" {
					codes = append(codes, e.Content[i+1].Value)
				}
			}
		}
		if len(codes) == 0 {
			return "", false
		}
		src := "errgen: 1\ngo: {package: apierr}\nerrors:\n" + indentBy(block, "  ")
		for i := 0; i+1 < len(root.Content[0].Content); i += 2 {
			if root.Content[0].Content[i].Value == "replaced_by" {
				src += fmt.Sprintf("  - {code: %s, status: 400, message: Replacement}\n", root.Content[0].Content[i+1].Value)
			}
		}
		return src, true
	}
	if root.Kind != yaml.MappingNode {
		return "", false
	}
	keys := map[string]*yaml.Node{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if !slices.Contains(specKeys, root.Content[i].Value) {
			return "", false
		}
		keys[root.Content[i].Value] = root.Content[i+1]
	}
	src := block
	if keys["errgen"] == nil {
		src = "errgen: 1\n" + src
	}
	if keys["go"] == nil {
		src += "go: {package: apierr}\n"
	}
	if keys["errors"] == nil {
		src += "errors:\n  - {code: snippet_error, status: 400, message: Snippet}\n"
		if g := keys["groups"]; g != nil {
			for _, grp := range g.Content {
				var id, internal string
				for i := 0; i+1 < len(grp.Content); i += 2 {
					switch k, v := grp.Content[i].Value, grp.Content[i+1]; k {
					case "id":
						id = v.Value
					case "response":
						for j := 0; j+1 < len(v.Content); j += 2 {
							if v.Content[j].Value == "internal_code" {
								internal = v.Content[j+1].Value
							}
						}
					}
				}
				if internal != "" {
					src += fmt.Sprintf("  - {code: %s, status: 500, message: Internal, group: %s}\n", internal, id)
				} else {
					src += fmt.Sprintf("  - {code: %s_error, status: 400, message: Snippet, group: %s}\n", id, id)
				}
			}
		}
	}
	return src, true
}

// indentBy indents every line of s.
func indentBy(s, by string) string {
	var b strings.Builder
	for l := range strings.Lines(s) {
		b.WriteString(by + l)
	}
	return b.String()
}
