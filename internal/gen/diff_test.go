package gen

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
)

// elsewhereBound is how many changed lines (removed plus added) of the
// catalog file an edit of one error may cause outside that error's own
// declarations: at most four lines replaced, lines about several
// errors. These are the length of errgenSentinels when an error is added
// or removed; with outputs.catalog, the embedded JSON catalog when it is
// one line, its ETag and its length; otherwise such as the doc comment
// of a With method naming the errors whose optional param it sets.
const elsewhereBound = 8

// TestReviewableDiffs edits each golden spec (and the flagship one) as a
// team would, and checks that the catalog file changes only where the
// edited errors are: removing an error from the middle, swapping two
// adjacent errors and adding one change the lines that belong to those
// errors (their code constant, sentinel, constructors and row, each with
// its doc comment, their line of errgenCatalog, their object in an
// embedded JSON catalog) and at most elsewhereBound other lines. No error
// is renumbered.
func TestReviewableDiffs(t *testing.T) {
	cases := loadRunCases(t)
	total := 0
	for _, c := range cases {
		path := "../../" + c.spec.Source
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var e, next *model.Error
		for _, cand := range candidates(c.spec) {
			removed := editErrors(t, src, func(items []*yaml.Node) []*yaml.Node { return deleteItem(items, cand.Code) })
			if _, err := spec.Parse(c.spec.Source, removed); err == nil {
				e = cand
				break
			}
		}
		if e == nil {
			t.Logf("%s: no error that can be removed alone", c.name)
			continue
		}
		if i := slices.Index(c.spec.Errors, e); i+1 < len(c.spec.Errors) && !c.spec.Errors[i+1].BuiltIn {
			next = c.spec.Errors[i+1]
		}
		total++
		check := func(what string, edited []byte, errs ...*model.Error) int {
			t.Helper()
			s, err := spec.Parse(c.spec.Source, edited)
			if err != nil {
				t.Fatalf("%s: %s: %v", c.name, what, err)
			}
			code, err := Go(s)
			if err != nil {
				t.Fatal(err)
			}
			own, elsewhere, hunks := diffLines(t, c.code, code, errs)
			if elsewhere > elsewhereBound {
				t.Errorf("%s: %s changes %d lines outside the error's own (bound %d):\n%s", c.name, what, elsewhere, elsewhereBound, hunks)
			}
			if own == 0 {
				t.Errorf("%s: %s changes nothing of the error's own", c.name, what)
			}
			return own + elsewhere
		}
		n := check("removing "+e.Code, editErrors(t, src, func(items []*yaml.Node) []*yaml.Node {
			return deleteItem(items, e.Code)
		}), e)
		if c.name == "spec" {
			t.Logf("removing %s from spec/errors.yaml changes %d lines of the catalog file", e.Code, n)
			for _, x := range c.spec.Errors {
				if x.Code == "conflict" {
					n := check("removing conflict", editErrors(t, src, func(items []*yaml.Node) []*yaml.Node { return deleteItem(items, x.Code) }), x)
					t.Logf("removing conflict from spec/errors.yaml changes %d lines of the catalog file", n)
				}
			}
		}
		if next != nil {
			check("swapping "+e.Code+" and "+next.Code, editErrors(t, src, func(items []*yaml.Node) []*yaml.Node {
				i, j := itemIndex(items, e.Code), itemIndex(items, next.Code)
				items[i], items[j] = items[j], items[i]
				return items
			}), e, next)
		}
		if added := addedError(c.spec, e); added != "" {
			edited := editErrors(t, src, func(items []*yaml.Node) []*yaml.Node {
				i := itemIndex(items, e.Code)
				clone := cloneItem(items[i], added)
				return append(items[:i+1], append([]*yaml.Node{clone}, items[i+1:]...)...)
			})
			s, err := spec.Parse(c.spec.Source, edited)
			if err != nil {
				t.Fatalf("%s: adding %s: %v", c.name, added, err)
			}
			for _, x := range s.Errors {
				if x.Code == added {
					check("adding "+added, edited, x)
				}
			}
		}
	}
	if total < 10 {
		t.Errorf("only %d specs edited", total)
	}
}

// candidates lists the spec's own errors that nothing else refers to
// (no format's internal error, no replacement), nearest the middle
// first.
func candidates(s *model.Spec) []*model.Error {
	referred := map[*model.Error]bool{}
	for _, f := range s.Formats {
		referred[f.Internal] = true
	}
	for _, x := range s.Errors {
		if x.ReplacedBy != nil {
			referred[x.ReplacedBy] = true
		}
	}
	var out []*model.Error
	n := len(s.Errors)
	for d := 0; d <= n; d++ {
		for _, i := range []int{n/2 + d, n/2 - d} {
			if i < 0 || i >= n || (d == 0 && i != n/2+d) || referred[s.Errors[i]] || s.Errors[i].BuiltIn || slices.Contains(out, s.Errors[i]) {
				continue
			}
			out = append(out, s.Errors[i])
		}
	}
	return out
}

// addedError is the code of a new error made from e, or "" when the
// spec's codes are integers.
func addedError(s *model.Spec, e *model.Error) string {
	if s.CodeType == model.CodeInteger {
		return ""
	}
	return e.Code + "_added"
}

// editErrors applies edit to the items of the spec's errors list.
func editErrors(t *testing.T, src []byte, edit func([]*yaml.Node) []*yaml.Node) []byte {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	for k := 0; k+1 < len(root.Content); k += 2 {
		if root.Content[k].Value == "errors" {
			root.Content[k+1].Content = edit(root.Content[k+1].Content)
		}
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	if err := enc.Encode(&doc); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func itemValue(item *yaml.Node, key string) string {
	for k := 0; k+1 < len(item.Content); k += 2 {
		if item.Content[k].Value == key {
			return item.Content[k+1].Value
		}
	}
	return ""
}

func itemIndex(items []*yaml.Node, code string) int {
	for i, it := range items {
		if itemValue(it, "code") == code {
			return i
		}
	}
	panic("no error " + code)
}

func deleteItem(items []*yaml.Node, code string) []*yaml.Node {
	i := itemIndex(items, code)
	return append(items[:i:i], items[i+1:]...)
}

// cloneItem copies an error's item under a new code, without the keys
// that must be unique (go_name, aliases, doc_url) or name other errors.
func cloneItem(item *yaml.Node, code string) *yaml.Node {
	c := *item
	c.Content = nil
	for k := 0; k+1 < len(item.Content); k += 2 {
		key := item.Content[k].Value
		switch key {
		case "go_name", "aliases", "doc_url", "replaced_by", "anchor":
			continue
		case "code":
			v := *item.Content[k+1]
			v.Value = code
			c.Content = append(c.Content, item.Content[k], &v)
			continue
		}
		c.Content = append(c.Content, item.Content[k], item.Content[k+1])
	}
	return &c
}

// ownLines returns the lines (0-based) of a catalog file that belong to
// errs: the declarations that name them (code constant, sentinel,
// constructors, row), each with its doc comment, the lines that name
// them (the errgenCatalog list), the case of their status in
// errgenStatusText (which changes only when an edit adds or removes the
// catalog's only error of a status), and their objects in an embedded
// JSON catalog.
func ownLines(t *testing.T, src []byte, errs []*model.Error) map[int]bool {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var names, codes []string
	for _, e := range errs {
		names = append(names, regexp.QuoteMeta(e.GoName))
		codes = append(codes, regexp.QuoteMeta(strconv.Quote(e.Code)), regexp.QuoteMeta(e.Code))
	}
	ident := regexp.MustCompile(`^((Code|Err|errgenRow)(` + strings.Join(names, "|") + `)|New(` + strings.Join(names, "|") + `)\w*)$`)
	mention := regexp.MustCompile(`\b((Code|Err|errgenRow)(` + strings.Join(names, "|") + `)|New(` + strings.Join(names, "|") + `)\w*)\b`)
	own := map[int]bool{}
	span := func(from, to token.Pos) {
		for l := fset.Position(from).Line; l <= fset.Position(to).Line; l++ {
			own[l-1] = true
		}
	}
	statuses := map[string]bool{}
	for _, e := range errs {
		statuses[strconv.Itoa(e.Status)] = true
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "errgenStatusText" {
				ast.Inspect(d, func(n ast.Node) bool {
					if cc, ok := n.(*ast.CaseClause); ok && len(cc.List) == 1 {
						if lit, ok := cc.List[0].(*ast.BasicLit); ok && statuses[lit.Value] {
							span(cc.Pos(), cc.End())
						}
					}
					return true
				})
			}
			if d.Recv == nil && ident.MatchString(d.Name.Name) {
				from := d.Pos()
				if d.Doc != nil {
					from = d.Doc.Pos()
				}
				span(from, d.End())
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				vs, ok := sp.(*ast.ValueSpec)
				if !ok || !ident.MatchString(vs.Names[0].Name) {
					continue
				}
				from, to := vs.Pos(), vs.End()
				if vs.Doc != nil {
					from = vs.Doc.Pos()
				}
				if len(d.Specs) == 1 {
					from, to = d.Pos(), d.End()
					if d.Doc != nil {
						from = d.Doc.Pos()
					}
				}
				span(from, to)
			}
		}
	}
	lines := strings.Split(string(src), "\n")
	entry := regexp.MustCompile(`^(\s*)"code": (` + strings.Join(codes, "|") + `),?$`)
	for i, l := range lines {
		if mention.MatchString(l) && !strings.HasPrefix(strings.TrimSpace(l), "//") {
			own[i] = true
		}
		m := entry.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		// The object around the code member: from its "{" to its "}".
		indent := m[1][:max(0, len(m[1])-2)]
		from, to := i, i
		for from > 0 && lines[from] != indent+"{" && !strings.HasSuffix(lines[from], ": {") {
			from--
		}
		for to < len(lines)-1 && lines[to] != indent+"}," && lines[to] != indent+"}" {
			to++
		}
		for k := from; k <= to; k++ {
			own[k] = true
		}
	}
	return own
}

// diffLines compares two files line by line (longest common
// subsequence) and counts the changed lines (removed and added) that are
// the errors' own lines (ownLines, of the old file for a removed line, of
// the new one for an added line) and the others, which it also returns.
func diffLines(t *testing.T, a, b []byte, errs []*model.Error) (own, elsewhere int, others string) {
	x, y := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	ownX, ownY := ownLines(t, a, errs), ownLines(t, b, errs)
	lcs := make([][]int32, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	count := func(mine bool, line string) {
		if mine || strings.TrimSpace(line[1:]) == "" { // a blank line between declarations goes with either
			own++
			return
		}
		elsewhere++
		others += line + "\n"
	}
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			count(ownY[j], "+"+y[j])
			j++
		default:
			count(ownX[i], "-"+x[i])
			i++
		}
	}
	return own, elsewhere, others
}
