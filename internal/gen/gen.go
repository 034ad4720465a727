// Package gen renders the Go package of an errgen spec as two files: the
// catalog file (outputs.go: the error codes, sentinels, constructors and
// the tables that describe each error) and the runtime file beside it
// (RuntimeFile: the Error type's methods, the HTTP writer and the
// response decoder, the same for every catalog).
//
// The catalog file is built with jennifer from the model: the Code type
// and constants, sentinels, constructors, the With methods of optional
// params, the Detail type in the catalog's detail shape, a writer per
// group with its own wire format, a row per error of its raw values
// (errgenRow<Name>, which its sentinel and constructors point to) and
// the list of them, and the wire formats with their body and header
// templates and the JSON paths the decoder reads. Nothing is numbered, so
// an edit of one error changes only its own lines. The runtime builds
// each error's pre-encoded body program, headers and message templates
// from its row on first use, and the lookups by code and doc link from
// the list. The runtime is the real Go package in
// ./runtime, compiled and tested there, and emitted verbatim under the
// catalog's package clause; it refers to the catalog only through the
// errgen-prefixed tables and functions and the Code and Detail types. So the catalog file holds
// only what its spec says, and the runtime file changes only when errgen
// does. Both import the standard library only.
//
// Output is deterministic: every list follows spec order and no map is
// ranged over into output.
package gen

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/model"
)

// RuntimeFile is the name of the runtime file, written in the directory
// of outputs.go.
const RuntimeFile = model.RuntimeFile

// runtimeFiles are the files of ./runtime that make up the runtime file,
// in the order they are joined.
var runtimeFiles = []string{"error.go", "construct.go", "write.go", "report.go", "requestid.go", "decode.go", "match.go", "json.go", "tables.go", "compile.go"}

//go:embed runtime/error.go runtime/construct.go runtime/write.go runtime/report.go runtime/requestid.go runtime/decode.go runtime/match.go runtime/json.go runtime/tables.go runtime/compile.go
var runtimeFS embed.FS

// runtimeIntro opens the runtime file, after its imports.
const runtimeIntro = `// This file is the part of the package that is the same for every
// catalog: the Error type and its methods, the JSON writer behind
// WriteError, the reporter every written error goes to, request ids, and
// the response decoder behind FromResponse. It reads the
// catalog through the errgen-prefixed tables of the package's other
// generated file.
`

// runtimeBody is the runtime's import paths and its joined declarations,
// the same for every spec.
var runtimeBody = sync.OnceValues(func() ([]string, []byte) {
	var paths []string
	var body bytes.Buffer
	body.WriteString(runtimeIntro)
	for _, name := range runtimeFiles {
		src, err := runtimeFS.ReadFile("runtime/" + name)
		if err != nil {
			panic(err) // embedded: cannot fail
		}
		imports, decls, err := splitImports(src)
		if err != nil {
			panic(fmt.Sprintf("runtime/%s: %v", name, err)) // compiled in this module: cannot fail
		}
		paths = append(paths, imports...)
		body.WriteString("\n")
		body.Write(decls)
	}
	slices.Sort(paths)
	return slices.Compact(paths), body.Bytes()
})

// Runtime renders the runtime file for s: the runtime under the
// catalog's header and package clause.
func Runtime(s *model.Spec) []byte {
	paths, body := runtimeBody()
	var out bytes.Buffer
	out.Grow(len(body) + 1024)
	header(&out, s)
	out.WriteString("package " + s.Go.Package + "\n")
	imports(&out, paths)
	out.WriteString("\n")
	out.Write(body)
	return out.Bytes()
}

// Go renders the catalog file for s.
//
// The file is rendered in parts, each a run of whole top-level
// declarations built and formatted by jennifer on its own, concurrently;
// the parts are joined in a fixed order with one import block, which is
// exactly what formatting the whole file would give (gofmt separates
// top-level declarations by one blank line and aligns nothing across
// them), and the tests check that it is.
func Go(s *model.Spec) ([]byte, error) {
	catalog, err := CatalogJSON(s)
	if err != nil {
		return nil, fmt.Errorf("gen: rendering the catalog of %s: %w", s.Source, err)
	}
	return GoWithCatalog(s, catalog)
}

// GoWithCatalog is Go for a caller that has already rendered
// CatalogJSON(s), which CatalogHandler serves byte for byte: the engine
// renders it once for both outputs.
func GoWithCatalog(s *model.Spec, catalog []byte) ([]byte, error) {
	return render(s, catalog, partSize)
}

// render renders the catalog file in parts of size errors.
func render(s *model.Spec, catalog []byte, size int) ([]byte, error) {
	parts := fileParts(s, catalog, size)
	rendered := make([][]byte, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, part := range parts {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			f := jen.NewFile(s.Go.Package)
			part.render(f)
			var buf bytes.Buffer
			if err := f.Render(&buf); err != nil {
				errs[i] = fmt.Errorf("gen: rendering %s: %w", s.Source, err)
				return
			}
			rendered[i] = buf.Bytes()
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return join(s, parts, rendered)
}

// partSize is how many errors' constructors, or rows, one part renders.
const partSize = 500

// filePart is a run of whole top-level declarations of the catalog file,
// rendered on its own.
type filePart struct {
	render func(*jen.File)
	// glued is set on a part that goes on the line after the previous
	// part's last, with no blank line between: the rows, one declaration
	// a line, which gofmt keeps on consecutive lines.
	glued bool
}

// fileParts lists the parts of the catalog file, in file order, the
// constructors and the rows in parts of size errors. catalog is the JSON
// catalog CatalogHandler serves, nil without outputs.catalog.
func fileParts(s *model.Spec, catalog []byte, size int) []filePart {
	texts := statusTexts(s) // the status texts errgenStatusText returns
	parts := []filePart{
		{render: func(f *jen.File) { genCodes(f, s) }},
		{render: func(f *jen.File) { genSentinels(f, s) }},
	}
	n := len(s.AllErrors())
	for from := 0; from < n; from += size {
		parts = append(parts, filePart{render: func(f *jen.File) { genConstructors(f, s, from, min(from+size, n)) }})
	}
	parts = append(parts,
		filePart{render: func(f *jen.File) { genWith(f, s) }},
		filePart{render: func(f *jen.File) { genDetail(f, s) }},
		filePart{render: func(f *jen.File) { genWriters(f, s) }},
		filePart{render: func(f *jen.File) { genCodeHelpers(f, s, texts) }},
	)
	for from := 0; from < n || from == 0; from += size {
		parts = append(parts, filePart{render: func(f *jen.File) { genCatalog(f, s, texts, from, min(from+size, n)) }, glued: from > 0})
	}
	return append(parts,
		filePart{render: func(f *jen.File) { genFormats(f, s) }},
		filePart{render: func(f *jen.File) { genCatalogHandler(f, s, catalog) }},
	)
}

// join assembles the catalog file: the header, the package doc and
// clause, one import block with every part's imports, and the parts'
// bodies.
func join(s *model.Spec, parts []filePart, rendered [][]byte) ([]byte, error) {
	var paths []string
	bodies := make([][]byte, len(rendered))
	size := 0
	for i, src := range rendered {
		imports, body, err := splitImports(src)
		if err != nil {
			return nil, err
		}
		paths = append(paths, imports...)
		bodies[i] = body
		size += len(body) + 1
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	out := bytes.NewBuffer(make([]byte, 0, size+4096))
	header(out, s)
	out.WriteString(packageDoc(s))
	out.WriteString("package " + s.Go.Package + "\n")
	imports(out, paths)
	for i, body := range bodies {
		if len(body) == 0 {
			continue // a part with nothing to declare for this spec
		}
		if !parts[i].glued {
			out.WriteString("\n")
		}
		out.Write(body)
	}
	return out.Bytes(), nil
}

// wrap breaks text into lines of at most width bytes where it can,
// between words.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// header writes the generated-file line every output starts with.
func header(out *bytes.Buffer, s *model.Spec) {
	fmt.Fprintf(out, "// Code generated by errgen from %s. DO NOT EDIT.\n\n", oneLine(s.Source))
}

// imports writes an import block of paths (none when paths is empty).
func imports(out *bytes.Buffer, paths []string) {
	if len(paths) == 0 {
		return
	}
	out.WriteString("\nimport (\n")
	for _, p := range paths {
		out.WriteString("\t" + strconv.Quote(p) + "\n")
	}
	out.WriteString(")\n")
}

// packageDoc is the package's doc comment, which go doc shows.
func packageDoc(s *model.Spec) string {
	api := oneLine(s.API.Name)
	if api == "" {
		api = "the API"
	}
	var b bytes.Buffer
	for _, l := range wrap(fmt.Sprintf("Package %s holds the errors of %s, generated by errgen from %s.", s.Go.Package, api, oneLine(s.Source)), 72) {
		b.WriteString("// " + l + "\n")
	}
	b.WriteString(`//
// Each error has a Code, a sentinel Err variable for errors.Is and New
// functions that build it with its params. Servers return errors from
// HandlerFunc handlers or write them with WriteError, in the API's wire
// format; clients turn responses back into errors with FromResponse.
// CodeOf, StatusOf and Lookup read errors of any origin.
//
// A sentinel's doc gives its code, status, title and message; when the
// message has params, the sentinel carries the title as its message and
// the New function's doc gives the message.
`)
	return b.String()
}

// splitImports returns the imported paths of a formatted part and what
// follows its import declarations (or its package clause).
func splitImports(src []byte) (paths []string, body []byte, err error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "part.go", src, parser.ImportsOnly)
	if err != nil {
		return nil, nil, fmt.Errorf("gen: generated code does not parse: %w", err)
	}
	end := fset.Position(file.Name.End()).Offset
	for _, d := range file.Decls {
		end = fset.Position(d.End()).Offset
	}
	for _, spec := range file.Imports {
		if spec.Name != nil {
			return nil, nil, fmt.Errorf("gen: unexpected named import %s", spec.Name.Name)
		}
		p, _ := strconv.Unquote(spec.Path.Value)
		paths = append(paths, p)
	}
	return paths, bytes.TrimLeft(src[end:], "\n"), nil
}

// doc builds a doc comment from paragraphs of spec text. Each line becomes
// its own // line, so no text from the spec (newlines, "*/", a line that
// looks like a directive) can end the comment or change the code around it.
func doc(paragraphs ...string) jen.Code {
	var lines []string
	for _, p := range paragraphs {
		p = strings.TrimSpace(sanitize(p))
		if p == "" {
			continue
		}
		if len(lines) > 0 {
			lines = append(lines, "//")
		}
		for _, l := range strings.Split(p, "\n") {
			l = strings.TrimRight(l, " \t")
			if l == "" {
				lines = append(lines, "//")
				continue
			}
			lines = append(lines, "// "+l)
		}
	}
	return jen.Comment(strings.Join(lines, "\n"))
}

// sanitize makes spec text safe inside a // comment: valid UTF-8, no
// carriage returns, control characters or byte order marks.
func sanitize(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f || r == '\uFEFF' || r == '\r':
			return ' '
		case r == '\u2028' || r == '\u2029' || r == '\u0085':
			return '\n'
		}
		return r
	}, s)
}

// oneLine keeps text meant for a single comment line on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(sanitize(s)), " ")
}

// quoted formats spec text for a comment sentence, on one line.
func quoted(s string) string {
	return strconv.Quote(oneLine(s))
}
