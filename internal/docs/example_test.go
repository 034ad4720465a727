package docs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

func parseSpec(t *testing.T, src string) *model.Spec {
	t.Helper()
	s, err := spec.Parse("x/errors.yaml", []byte(src))
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return s
}

func exampleOf(t *testing.T, s *model.Spec, code string) string {
	t.Helper()
	for _, e := range s.AllErrors() {
		if e.Code == code {
			ex, err := example(s, e)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			b.WriteString(ex.StatusLine + "\n")
			for _, h := range ex.Headers {
				b.WriteString(h.Name + ": " + h.Value + "\n")
			}
			b.WriteString("\n" + ex.Body)
			return b.String()
		}
	}
	t.Fatalf("no error %q", code)
	return ""
}

// TestExampleHeaders: header values are their templates filled in as the
// server fills them: control characters as spaces, " and \ escaped in
// quoted strings, spaces trimmed, a header of only an absent value left
// out, an absent value in a longer template empty.
func TestExampleHeaders(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: x}
response:
  format: custom
  body: {error: $code}
  headers:
    WWW-Authenticate: 'Bearer error="${code}", error_description="${message}", p="${param.p}"'
    X-Plain: "${message}"
    X-Doc: "${doc_url}"
    X-Doc-Around: "<${doc_url}>; rel=help"
    X-Retry: "${retry_after}"
    X-Attr: "${attr.kind} ${param.list}"
groups:
  - {id: g, attributes: {kind: "a\"b"}}
errors:
  - code: bad
    status: 400
    group: g
    message: " say \"hi\" \\ {p}\tnow\n "
    params:
      - {name: p}
      - {name: list, type: "[]int"}
    example: {p: "x\r\ny", list: [1, 2]}
`)
	got := exampleOf(t, s, "bad")
	want := `HTTP/1.1 400 Bad Request
Content-Type: application/json
Www-Authenticate: Bearer error="bad", error_description=" say \"hi\" \\ x  y now  ", p="x  y"
X-Plain: say "hi" \ x  y now
X-Doc-Around: <>; rel=help
X-Attr: a"b 1,2

{
  "error": "bad"
}`
	if got != want {
		t.Errorf("example:\n%s\nwant:\n%s", got, want)
	}
}

// TestExampleBodies: every new body value, as the server writes it.
func TestExampleBodies(t *testing.T) {
	s := parseSpec(t, `errgen: 1
api: {docs_url: "https://docs.x.dev/errors"}
go: {package: x}
response:
  format: custom
  code_type: integer
  error_marker: {ok: false}
  details: {source: {pointer: string}, detail: string, count: int, fatal: bool}
  body:
    ok: false
    code: $code
    link: "https://x.dev/${code}?s=${status}"
    retry: "${retry_after}"
    wait: "in ${retry_after}s"
    kind: $attr.kind
    data: $param.ids
    opt: $param.opt
    errors:
      - detail: $message
        meta: {p: $param.opt}
    details: $details
  internal_code: 500
groups:
  - {id: g, attributes: {kind: 7}}
errors:
  - code: 20001
    status: 200
    title: Soft
    group: g
    message: "Soft {n}"
    details: true
    params:
      - {name: n, type: int}
      - {name: ids, type: "[]string"}
      - {name: opt, type: bool, optional: true}
    example: {n: 3, ids: [a, b]}
  - code: 20002
    status: 404
    title: Plain
    message: Plain
  - code: 500
    status: 500
    title: Internal
    message: Internal
    doc_url: https://status.x.dev
`)
	got := exampleOf(t, s, "20001")
	want := `HTTP/1.1 200 OK
Content-Type: application/json

{
  "ok": false,
  "code": 20001,
  "link": "https://x.dev/20001?s=200",
  "wait": "in s",
  "kind": 7,
  "data": [
    "a",
    "b"
  ],
  "opt": true,
  "errors": [
    {
      "detail": "Soft 3",
      "meta": {
        "p": true
      }
    }
  ],
  "details": [
    {
      "source": {
        "pointer": "pointer"
      },
      "detail": "detail",
      "count": 1,
      "fatal": true
    }
  ]
}`
	if got != want {
		t.Errorf("example:\n%s\nwant:\n%s", got, want)
	}
	got = exampleOf(t, s, "20002")
	want = `HTTP/1.1 404 Not Found
Content-Type: application/json

{
  "ok": false,
  "code": 20002,
  "link": "https://x.dev/20002?s=404",
  "wait": "in s",
  "errors": [
    {
      "detail": "Plain"
    }
  ]
}`
	if got != want {
		t.Errorf("example:\n%s\nwant:\n%s", got, want)
	}
	checkPages(t, s)
	checkFacts(t, s)
}

// TestExampleProblem: the problem format's attributes follow the code,
// params follow them, the details go in the details member.
func TestExampleProblem(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: x}
response:
  details_member: invalid-params
  details: {name: string, reason: string}
errors:
  - code: bad
    status: 400
    message: "Bad {a}"
    attributes: {area: billing, weight: 1.5}
    details: true
    example_details: [{name: age, reason: too old}]
    params:
      - {name: a, type: int}
      - {name: accounts, type: "[]string"}
      - {name: maybe, optional: true}
    example: {a: 2}
`)
	got := exampleOf(t, s, "bad")
	want := `HTTP/1.1 400 Bad Request
Content-Type: application/problem+json

{
  "type": "about:blank",
  "title": "Bad Request",
  "status": 400,
  "detail": "Bad 2",
  "instance": "/v1/example",
  "code": "bad",
  "area": "billing",
  "weight": 1.5,
  "a": 2,
  "accounts": [
    "accounts"
  ],
  "maybe": "maybe",
  "invalid-params": [
    {
      "name": "age",
      "reason": "too old"
    }
  ]
}`
	if got != want {
		t.Errorf("example:\n%s\nwant:\n%s", got, want)
	}
	checkPages(t, s)
	checkFacts(t, s)
}

// respecify returns the spec at path with docs.layout, docs.front_matter
// and outputs.docs replaced, the rest as written (member order kept).
func respecify(t *testing.T, path string, layout model.Layout, fm model.FrontMatterStyle) *model.Spec {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	mapping := func(m *yaml.Node, key string) *yaml.Node {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1]
			}
		}
		v := &yaml.Node{Kind: yaml.MappingNode}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
		return v
	}
	set := func(m *yaml.Node, key, value string) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				m.Content[i+1] = &yaml.Node{Kind: yaml.ScalarNode, Value: value}
				return
			}
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &yaml.Node{Kind: yaml.ScalarNode, Value: value})
	}
	set(mapping(root, "docs"), "layout", string(layout))
	set(mapping(root, "docs"), "front_matter", string(fm))
	set(mapping(root, "outputs"), "docs", docsPath(layout))
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Parse("x/errors.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return s
}

// TestWireCasesEveryLayout renders the golden specs of real APIs' wire
// formats (golden/wire_*) in every layout and front matter style: links
// between pages (an error's link to its group's format on the index
// included) land, tables keep their shape, every fact is shown.
func TestWireCasesEveryLayout(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(testutil.Root(), "golden", "wire_*", "errors.yaml"))
	styles := []model.FrontMatterStyle{model.FrontMatterNone, model.FrontMatterReadme, model.FrontMatterDocusaurus}
	for i, p := range dirs {
		for j, l := range []model.Layout{model.LayoutSingle, model.LayoutPerGroup, model.LayoutPerError} {
			fm := styles[(i+j)%3]
			t.Run(fmt.Sprintf("%s/%s/%s", filepath.Base(filepath.Dir(p)), l, fm), func(t *testing.T) {
				s := respecify(t, p, l, fm)
				checkPages(t, s)
				checkFacts(t, s)
			})
		}
	}
}

// TestExampleEmptyHeader: a header whose value is empty once filled in
// is sent empty, and shown without a trailing space.
func TestExampleEmptyHeader(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: x}
outputs: {docs: errors.md}
response:
  headers: {X-Doc: " ${doc_url} "}
errors:
  - {code: bad, status: 400, message: Bad}
`)
	files, err := Render(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if page := string(files[0].Data); !strings.Contains(page, "\nX-Doc:\n") {
		t.Errorf("no empty X-Doc header in:\n%s", page)
	}
}
