package docs

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
)

// hostile is text that breaks naive Markdown generators.
var hostile = []string{
	`pipes | in || the \| middle |`,
	"back`tick ``` and ```` runs `",
	`<script>alert("x")</script> <img src=x onerror=alert(1)> <!-- open comment`,
	`{{.Spec}} {{template "page-single.tmpl" .}} {{`,
	"line one\nline two\r\nline three\n\nline five",
	"עברית | عربي \u202e override ünïcödé 🛠",
	`"double" 'single' \backslash\ trailing \`,
	"# heading\n- list\n1. ordered\n> quote\n---",
	"```\nan unclosed fence <b>",
	"*emph* _under_ [link](http://x) ![img](y) ~~strike~~ &amp; &copy; <https://example.com>",
	"see https://example.com/a_b_(c)?q=1&r, www.example.com. or a.b@example.com; [Click here](https://x.com/y) __bold__ _it_*mixed*_",
	"| Column | Other |\n|---|:-:|\n| 1 |\n| 2 | 3 | 4 |\n\n# Title\n\nSetext\n===\n\n_a\nb_ and **c",
}

// q quotes a string for YAML (JSON strings are YAML double-quoted
// scalars).
func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// braces escapes a string for use as literal message text.
func braces(s string) string {
	return strings.NewReplacer("{", "{{", "}", "}}").Replace(s)
}

// hostileSpec puts h into every text field of a spec that reaches the
// pages: header templates (as literal text, and as values interpolated in
// and out of quoted strings) and attribute values included.
func hostileSpec(t *testing.T, h string, layout model.Layout, fm model.FrontMatterStyle) *model.Spec {
	t.Helper()
	src := fmt.Sprintf(`errgen: 1
api: {name: %[1]s, description: %[1]s, docs_url: "https://docs.example.com/errors"}
go: {package: hostile}
outputs: {docs: %[4]s}
response:
  headers:
    X-Hostile: %[1]s
    WWW-Authenticate: 'Bearer error="${code}", error_description="${message}", note="${attr.note}"'
docs:
  layout: %[3]s
  front_matter: %[5]s
  title: %[1]s
  front_matter_extra: {note: %[1]s, %[1]s: 1}
groups:
  - id: g
    title: %[1]s
    description: %[1]s
    attributes: {note: %[1]s}
    headers: {X-Note: "${attr.note} ${message}"}
errors:
  - code: first
    status: 400
    group: g
    attributes: {extra: %[1]s, count: 3}
    title: %[1]s
    message: %[2]s
    description: %[1]s
    causes: [%[1]s, %[1]s]
    solution: %[1]s
    deprecated: %[1]s
    aliases: [first_old]
    retry_after: 5
    details: true
    params:
      - {name: p, description: %[1]s}
    example: {p: %[1]s}
    variants:
      - {name: other, message: %[6]s, description: %[1]s}
  - code: second.one
    status: 404
    message: %[2]s
    doc_url: "https://status.example.com/a_b*c~d_(e)?x=1&amp;y"
  - code: third
    status: 409
    message: %[6]s
    params: [{name: p}]
    variants:
      - {name: undescribed, message: %[2]s}
reserved:
  - {code: gone, reason: %[1]s}
  - {code: gone_without_reason}
`, q(h), q(braces(h)), layout, docsPath(layout), fm, q(braces(h)+" {p}"))
	s, err := spec.Parse("hostile/errors.yaml", []byte(src))
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return s
}

// hostileFormatSpec puts h into a group's own wire format (its title
// heads the format's part of the response format section, its literals,
// headers and templates reach the examples), whose errors are marked by
// {ok: false} and may be sent with HTTP 200. It is a spec of its own:
// the loader's nesting pre-check counts the unbalanced braces of some
// hostile strings, and one spec cannot hold them all.
func hostileFormatSpec(t *testing.T, h string, layout model.Layout, fm model.FrontMatterStyle) *model.Spec {
	t.Helper()
	src := fmt.Sprintf(`errgen: 1
api: {name: Hostile formats, docs_url: "https://docs.example.com/errors"}
go: {package: hostile}
outputs: {docs: %[4]s}
docs: {layout: %[3]s, front_matter: %[5]s}
groups:
  - id: g
    title: %[1]s
  - id: own
    title: %[1]s
    attributes: {note: %[1]s}
    response:
      format: custom
      media_type: 'application/vnd.hostile+json; note="a%[6]sb"'
      error_marker: {ok: false}
      body:
        ok: false
        error: $code
        note: %[1]s
        text: "${message} ${attr.note} ${param.q}"
        items: [{detail: $message, q: $param.q}]
      headers: {X-Own: %[1]s, X-Quoted: 'a="${attr.note}", b="${param.q}"'}
      internal_code: own_internal
errors:
  - {code: plain, status: 400, group: g, message: Plain}
  - code: own_soft
    status: 200
    group: own
    title: %[1]s
    message: %[2]s
    params: [{name: q, optional: true, description: %[1]s}]
    example: {q: %[1]s}
  - code: own_internal
    status: 500
    group: own
    message: Internal error.
`, q(h), q(braces(h)), layout, docsPath(layout), fm, "`")
	s, err := spec.Parse("hostile/errors.yaml", []byte(src))
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return s
}

func docsPath(l model.Layout) string {
	if l == model.LayoutSingle {
		return "errors.md"
	}
	return "errors"
}

// TestHostileText renders every hostile string in every field, in every
// layout, and checks the pages as TestPagesParse does: tables keep their
// shape and read back as written, links resolve, no raw HTML appears,
// and the front matter reads back as the same values.
func TestHostileText(t *testing.T) {
	layouts := []model.Layout{model.LayoutSingle, model.LayoutPerGroup, model.LayoutPerError}
	styles := []model.FrontMatterStyle{model.FrontMatterReadme, model.FrontMatterDocusaurus}
	for i, h := range hostile {
		for j, l := range layouts {
			fm := styles[(i+j)%2]
			t.Run(fmt.Sprintf("%d/%s/%s", i, l, fm), func(t *testing.T) {
				s := hostileSpec(t, h, l, fm)
				checkPagesAuthored(t, s, authoredAnchors(h))
				checkFrontMatter(t, s, h)
				checkPagesAuthored(t, hostileFormatSpec(t, h, l, fm), authoredAnchors(h))
			})
		}
	}
}

// checkFrontMatter parses each page's front matter as YAML and checks
// the hostile values read back unchanged, keys in order.
func checkFrontMatter(t *testing.T, s *model.Spec, h string) {
	files, err := Render(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		text := string(f.Data)
		if !strings.HasPrefix(text, "---\n") {
			t.Fatalf("%s: no front matter", f.Path)
		}
		end := strings.Index(text[4:], "\n---\n")
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(text[4:4+end]), &doc); err != nil {
			t.Fatalf("%s: front matter is not YAML: %v", f.Path, err)
		}
		m := doc.Content[0]
		var keys []string
		vals := map[string]string{}
		for k := 0; k+1 < len(m.Content); k += 2 {
			keys = append(keys, m.Content[k].Value)
			vals[m.Content[k].Value] = m.Content[k+1].Value
		}
		want := []string{"title", "slug", "excerpt", "note", h}
		if s.Docs.FrontMatter == model.FrontMatterDocusaurus {
			want = []string{"sidebar_label", "title", "mdx", "note", h}
		}
		if strings.Join(keys, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("%s: front matter keys %q, want %q", f.Path, keys, want)
		}
		if vals["note"] != h || vals[h] != "1" {
			t.Errorf("%s: extra values read back as %q and %q", f.Path, vals["note"], vals[h])
		}
		if strings.HasSuffix(f.Path, "errors.md") || strings.HasSuffix(f.Path, "index.md") {
			if vals["title"] != h {
				t.Errorf("%s: title reads back as %q, want %q", f.Path, vals["title"], h)
			}
		}
	}
}

var hostilePages = flag.String("hostile-pages", "", "write the pages of every hostile spec under this directory (make lint-docs lints them)")

// TestWriteHostilePages writes the pages of every hostile string, in every
// layout and front matter style, for markdownlint (make lint-docs): a
// docs team's lint passes whatever the spec says.
func TestWriteHostilePages(t *testing.T) {
	if *hostilePages == "" {
		t.Skip("no -hostile-pages directory")
	}
	styles := []model.FrontMatterStyle{model.FrontMatterNone, model.FrontMatterReadme, model.FrontMatterDocusaurus}
	for i, h := range hostile {
		for _, l := range []model.Layout{model.LayoutSingle, model.LayoutPerGroup, model.LayoutPerError} {
			for _, fm := range styles {
				for k, s := range []*model.Spec{hostileSpec(t, h, l, fm), hostileFormatSpec(t, h, l, fm)} {
					files, err := Render(s, nil)
					if err != nil {
						t.Fatal(err)
					}
					for _, f := range files {
						p := filepath.Join(*hostilePages, fmt.Sprintf("%02d-%s-%s-%d", i, l, fm, k), filepath.FromSlash(f.Path))
						if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
							t.Fatal(err)
						}
						if err := os.WriteFile(p, f.Data, 0o644); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
		}
	}
}
