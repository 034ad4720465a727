package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/format"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/errgen/errgen/internal/gen"
	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/testutil"
)

// The test below holds the fragment to what the generated server really
// sends: every golden case's generated package is compiled and made to
// write each error's sentinel and the errors its constructors make with
// the example params (optional params unset and set, every variant), and
// each body must validate against its error's Error.<code> schema and
// each response against the Error.<status> response, in 3.0 and 3.1.

// capturedBody is one response the generated server wrote.
type capturedBody struct {
	Code   string      `json:"code"`
	Made   string      `json:"made"` // how the error was made, for messages
	Status int         `json:"status"`
	Header http.Header `json:"header"`
	Body   string      `json:"body"`
}

func TestServerBodiesMatchSchemas(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs generated code")
	}
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "go.mod"), []byte("module errgenbodies\n\ngo 1.25\n"))
	specs := map[string]*model.Spec{}
	var names []string
	for _, caseDir := range testutil.GoldenCases() {
		s := loadCase(t, caseDir)
		if s.Outputs.Go == "" {
			continue
		}
		name := filepath.Base(caseDir)
		code, err := gen.Go(s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pkg := filepath.Join(dir, "cases", strings.ReplaceAll(name, "-", "_"))
		writeTestFile(t, filepath.Join(pkg, "errors_gen.go"), code)
		writeTestFile(t, filepath.Join(pkg, model.RuntimeFile), gen.Runtime(s))
		writeTestFile(t, filepath.Join(pkg, "capture.go"), captureFile(s))
		specs[name] = s
		names = append(names, name)
	}
	// Templates that interpolate each type of param in longer text, in
	// the body and in a header, and templates that are only a param: a
	// sentinel sends them empty or leaves them out; a NaN or infinite
	// float param is left out of the body.
	s := parseSpec(t, templatesSpec)
	name := "templates"
	code, err := gen.Go(s)
	if err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(dir, "cases", name)
	writeTestFile(t, filepath.Join(pkg, "errors_gen.go"), code)
	writeTestFile(t, filepath.Join(pkg, model.RuntimeFile), gen.Runtime(s))
	writeTestFile(t, filepath.Join(pkg, "capture.go"), captureFile(s,
		[2]string{"ratio", "NewRatio(int(1), math.NaN(), \"x\", true, []string{\"a\"}, []float64{math.Inf(1)})"},
		[2]string{"ratio", "NewRatio(int(-1), math.Inf(-1), \"\", false, nil, nil)"}))
	specs[name] = s
	names = append(names, name)

	var main strings.Builder
	main.WriteString("package main\n\nimport (\n\t\"encoding/json\"\n\t\"os\"\n\n")
	for i, name := range names {
		fmt.Fprintf(&main, "\tc%d %q\n", i, "errgenbodies/cases/"+strings.ReplaceAll(name, "-", "_"))
	}
	main.WriteString(")\n\nfunc main() {\n\tout := map[string]any{}\n")
	for i, name := range names {
		fmt.Fprintf(&main, "\tout[%q] = c%d.XBodies()\n", name, i)
	}
	main.WriteString("\tif err := json.NewEncoder(os.Stdout).Encode(out); err != nil {\n\t\tpanic(err)\n\t}\n}\n")
	writeTestFile(t, filepath.Join(dir, "main.go"), []byte(main.String()))
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, stderr.Bytes())
	}
	var captured map[string][]capturedBody
	if err := json.Unmarshal(out, &captured); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			checkBodies(t, specs[name], captured[name])
		})
	}
}

// checkBodies validates the captured responses of s against its fragment
// in both versions.
func checkBodies(t *testing.T, s *model.Spec, bodies []capturedBody) {
	if len(bodies) == 0 {
		t.Fatal("no body captured")
	}
	byCode := map[string]*model.Error{}
	for _, e := range s.AllErrors() {
		byCode[e.Code] = e
	}
	schemaNames := codeSchemaNames(s)
	for _, mt := range mediaTypes(s) {
		if openapi3filter.RegisteredBodyDecoder(mt) == nil && !strings.HasSuffix(mt, "+json") {
			openapi3filter.RegisterBodyDecoder(mt, openapi3filter.JSONBodyDecoder)
		}
	}
	orig := s.OpenAPI.Version
	defer func() { s.OpenAPI.Version = orig }()
	for _, version := range versions {
		s.OpenAPI.Version = version
		data, err := Fragment(s)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := openapi3.NewLoader().LoadFromData(data)
		if err != nil {
			t.Fatal(err)
		}
		var opts []openapi3.SchemaValidationOption
		if doc.IsOpenAPI31OrLater() {
			opts = append(opts, openapi3.EnableJSONSchema2020())
		}
		for _, b := range bodies {
			e := byCode[b.Code]
			if e == nil {
				t.Fatalf("%s: no error %q in the spec", b.Made, b.Code)
			}
			if b.Status != e.Status {
				t.Errorf("%s %s: sent with status %d, not %d", version, b.Made, b.Status, e.Status)
				continue
			}
			var v any
			if err := json.Unmarshal([]byte(b.Body), &v); err != nil {
				t.Fatalf("%s: %v\n%s", b.Made, err, b.Body)
			}
			sc := doc.Components.Schemas[schemaNames[e]]
			if sc == nil {
				t.Fatalf("%s: no schema %s", b.Made, schemaNames[e])
			}
			if err := sc.Value.VisitJSON(v, append(opts, openapi3.VisitAsResponse(), openapi3.MultiErrors())...); err != nil {
				t.Errorf("%s %s: the body does not match %s: %v\n%s", version, b.Made, schemaNames[e], err, b.Body)
			}
			status := strconv.Itoa(b.Status)
			resp := doc.Components.Responses["Error."+status]
			if resp == nil {
				t.Fatalf("%s: no response Error.%s", b.Made, status)
			}
			op := &openapi3.Operation{Responses: openapi3.NewResponses(openapi3.WithStatus(b.Status, resp))}
			req := httptest.NewRequest(http.MethodGet, "/resource", nil)
			input := &openapi3filter.ResponseValidationInput{
				RequestValidationInput: &openapi3filter.RequestValidationInput{
					Request: req,
					Route:   &routers.Route{Spec: doc, Path: "/resource", Method: http.MethodGet, Operation: op},
				},
				Status:  b.Status,
				Header:  b.Header,
				Body:    io.NopCloser(strings.NewReader(b.Body)),
				Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
			}
			if err := openapi3filter.ValidateResponse(context.Background(), input); err != nil {
				t.Errorf("%s %s: the response does not match Error.%s: %v\nheader: %v\n%s", version, b.Made, status, err, b.Header, b.Body)
			}
		}
	}
}

// mediaTypes are the media types of s's formats, without parameters.
func mediaTypes(s *model.Spec) []string {
	var out []string
	for _, f := range s.Formats {
		mt, _, _ := strings.Cut(f.MediaType, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
		if !slices.Contains(out, mt) {
			out = append(out, mt)
		}
	}
	return out
}

// captureFile is a file of s's generated package whose XBodies writes,
// with WriteError, every error's sentinel and the errors its constructors
// make with the example params: the main message and each variant, and,
// for an error with optional params, once more with them set.
// extra are more errors to write: each a code and a Go expression.
func captureFile(s *model.Spec, extra ...[2]string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"math\"\n\t\"net/http\"\n\t\"net/http/httptest\"\n)\n\nvar _ = math.NaN\n\n", s.Go.Package)
	b.WriteString(`type xBody struct {
	Code   string      ` + "`json:\"code\"`" + `
	Made   string      ` + "`json:\"made\"`" + `
	Status int         ` + "`json:\"status\"`" + `
	Header http.Header ` + "`json:\"header\"`" + `
	Body   string      ` + "`json:\"body\"`" + `
}

func xWrite(code, made string, err error) xBody {
	rec := httptest.NewRecorder()
	WriteError(rec, httptest.NewRequest("GET", "/resource", nil), err)
	return xBody{Code: code, Made: made, Status: rec.Code, Header: rec.Header(), Body: rec.Body.String()}
}

// XBodies writes every error's sentinel and constructed errors.
func XBodies() []xBody {
	return []xBody{
`)
	errs := slices.Clone(s.AllErrors())
	for _, f := range s.Formats {
		if f.Internal != nil && !slices.Contains(errs, f.Internal) {
			errs = append(errs, f.Internal)
		}
	}
	add := func(e *model.Error, made, expr string) {
		fmt.Fprintf(&b, "\t\txWrite(%q, %q, %s),\n", e.Code, e.Code+" "+made, expr)
	}
	for _, e := range errs {
		add(e, "sentinel", "Err"+e.GoName)
		optional := slices.ContainsFunc(e.Params, func(p *model.Param) bool { return p.Optional })
		msgs := []*model.Message{&e.Message}
		ctors := []string{"New" + e.GoName}
		labels := []string{"New" + e.GoName}
		for _, v := range e.Variants {
			msgs = append(msgs, &v.Message)
			ctors = append(ctors, "New"+e.GoName+v.GoName)
			labels = append(labels, "New"+e.GoName+v.GoName)
		}
		for i, m := range msgs {
			var args []string
			for _, j := range e.Args(m) {
				args = append(args, testutil.GoExample(e.Params[j]))
			}
			expr := ctors[i] + "(" + strings.Join(args, ", ") + ")"
			add(e, labels[i], expr)
			if optional {
				for _, p := range e.Params {
					if p.Optional {
						expr += ".With" + p.GoName + "(" + testutil.GoExample(p) + ")"
					}
				}
				add(e, labels[i]+" with its optional params", expr)
			}
		}
	}
	for _, x := range extra {
		fmt.Fprintf(&b, "\t\txWrite(%q, %q, %s),\n", x[0], x[1], x[1])
	}
	b.WriteString("\t}\n}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		panic(fmt.Sprintf("capture.go does not format: %v\n%s", err, b.String()))
	}
	return src
}

func writeTestFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// templatesSpec declares params of every type and interpolates them in
// string templates, in longer text and alone.
const templatesSpec = `errgen: 1
go: {package: tmplerr}
api: {docs_url: "https://docs.example.com/errors"}
response:
  format: custom
  headers:
    X-Limit: "limit=${param.limit}; ratio=${param.ratio}"
    X-Name: "${param.name}"
  body:
    code: $code
    message: $message
    summary: "${code}: ${param.limit} of ${param.ratio} for ${param.name} (${param.ok}) [${param.names}] [${param.ratios}]"
    name: "${param.name}"
    ratio: "${param.ratio}"
    data: {limit: $param.limit, ratio: $param.ratio, names: $param.names, ratios: $param.ratios}
    params: $params
errors:
  - code: ratio
    status: 422
    message: "{name}: {limit} at {ratio} ({ok})"
    params:
      - {name: limit, type: int}
      - {name: ratio, type: float64}
      - {name: name, type: string}
      - {name: ok, type: bool}
      - {name: names, type: "[]string"}
      - {name: ratios, type: "[]float64"}
    example: {limit: 3, ratio: 0.5, name: disk, ok: true, names: [a, b], ratios: [1.5, 1e-7]}
  - code: plain
    status: 400
    message: Plain
`
