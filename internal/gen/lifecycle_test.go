package gen

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestLifecycleDocs parses every generated catalog file and checks the
// lifecycle in the doc comments, as gopls and staticcheck read them: a
// deprecated error's Code constant, sentinel and every constructor have
// exactly one paragraph starting "Deprecated: ", naming the replacement
// of the same kind (CodeX, ErrX, NewX) and the sunset; other
// declarations have none; "Added in" gives the error's, variants' and
// params' since. golden/lifecycle uses every lifecycle key.
func TestLifecycleDocs(t *testing.T) {
	for _, c := range loadRunCases(t) {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", c.code, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		docs := map[string]string{}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					docs[d.Name.Name] = d.Doc.Text()
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					if vs, ok := sp.(*ast.ValueSpec); ok {
						docs[vs.Names[0].Name] = vs.Doc.Text()
					}
				}
			}
		}
		paragraphs := func(name string) []string {
			doc, ok := docs[name]
			if !ok {
				t.Fatalf("%s: %s is not declared", c.name, name)
			}
			return strings.Split(doc, "\n\n")
		}
		has := func(name, want string) {
			for _, p := range paragraphs(name) {
				if strings.Contains(p, want) {
					return
				}
			}
			t.Errorf("%s: the doc of %s does not say %q:\n%s", c.name, name, want, docs[name])
		}
		for _, e := range c.spec.AllErrors() {
			decls := map[string]string{"Code" + e.GoName: "Code", "Err" + e.GoName: "Err", "New" + e.GoName: "New"}
			for _, v := range e.Variants {
				decls["New"+e.GoName+v.GoName] = "New"
				since := v.Since
				if since == "" {
					since = e.Since
				}
				if since != "" {
					has("New"+e.GoName+v.GoName, "Added in "+since+".")
				}
				if v.Since != "" {
					has("Err"+e.GoName, "(added in "+v.Since+")")
				}
			}
			if e.Since != "" {
				has("Err"+e.GoName, "Added in "+e.Since+".")
				has("New"+e.GoName, "Added in "+e.Since+".")
			}
			takes := map[int]bool{}
			for _, i := range e.Args(&e.Message) {
				takes[i] = true
			}
			for i, p := range e.Params {
				switch {
				case p.Since == "":
				case p.Optional:
					has("New"+e.GoName, "With"+p.GoName+" (added in "+p.Since+")")
				case takes[i]:
					found := false
					for _, l := range strings.Split(docs["New"+e.GoName], "\n") {
						l = strings.TrimSpace(l)
						found = found || strings.HasPrefix(l, "- "+p.ArgName+": ") && strings.HasSuffix(strings.ToLower(l), "added in "+strings.ToLower(p.Since)+".")
					}
					if !found {
						t.Errorf("%s: New%s does not say param %s was added in %s:\n%s", c.name, e.GoName, p.Name, p.Since, docs["New"+e.GoName])
					}
				}
			}
			for name, kind := range decls {
				var deps []string
				for _, p := range paragraphs(name) {
					if strings.HasPrefix(p, "Deprecated: ") {
						deps = append(deps, p)
					}
				}
				if !e.DeprecatedSet {
					if len(deps) > 0 {
						t.Errorf("%s: %s is not deprecated, its doc says %q", c.name, name, deps)
					}
					continue
				}
				if len(deps) != 1 {
					t.Errorf("%s: %s has %d Deprecated paragraphs, want 1:\n%s", c.name, name, len(deps), docs[name])
					continue
				}
				dep := deps[0]
				if r := e.ReplacedBy; r != nil {
					use := kind + r.GoName
					if _, ok := docs[use]; !ok {
						t.Errorf("%s: %s names %s, which is not declared", c.name, name, use)
					}
					if !strings.HasPrefix(dep, "Deprecated: use "+use+".") {
						t.Errorf("%s: %s: %q does not start with the replacement %s", c.name, name, dep, use)
					}
				}
				if e.Sunset != "" && !strings.Contains(dep, "Removed after "+e.Sunset+".") {
					t.Errorf("%s: %s: %q does not give the sunset %s", c.name, name, dep, e.Sunset)
				}
				if n := oneLine(e.Deprecated); n != "" && !strings.Contains(dep, n) {
					t.Errorf("%s: %s: %q does not hold the notice %q", c.name, name, dep, n)
				}
			}
		}
	}
}
