package openapi

import (
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// Component names. The body schema is "Error"; every other component is
// named under it, by code or by status, so that errgen's names read as
// one family in a merged document and cannot collide with each other
// (schemas and responses are separate sections, so a code that looks
// like a status is no collision).
const (
	bodySchemaName = "Error"
	// detailSchemaName and formatSchemaPrefix are outside the
	// Error.<code> family on purpose: any name under it could be a code.
	detailSchemaName   = "ErrorDetail"
	formatSchemaPrefix = "ErrorFormat."
	refSchemas         = "#/components/schemas/"
	refResponses       = "#/components/responses/"
	extErrgen          = "x-errgen"
	// extOperations lists, in a merged document, the operations whose
	// response of a status errgen wrote as a reference to its response
	// component of that status, on that component.
	extOperations = "x-errgen-operations"
	extAliases    = "x-errgen-aliases"
	extSince      = "x-errgen-since"
	extSunset     = "x-errgen-sunset"
	extReplacedBy = "x-errgen-replaced-by"
	// exampleInstance is the request path shown in examples: the server
	// writes the path of the request that failed.
	exampleInstance = "/resource"
)

// statusResponseName names the shared response of one status.
func statusResponseName(status int) string { return bodySchemaName + "." + strconv.Itoa(status) }

// formatSchemaName names the body schema of a wire format: Error for the
// catalog's, ErrorFormat.<group id> for a group's own.
func formatSchemaName(f *model.Response) string {
	if f.Group == nil {
		return bodySchemaName
	}
	return formatSchemaPrefix + f.Group.ID
}

// codeSchemaNames names the schema of each error: Error.<code>. Component
// names hold letters, digits, ".", "-" and "_" only, so a ":" in a code is
// written "."; should that make two names equal, the later error's gets
// "-2" (then "-3", ...), in spec order, so names are stable.
func codeSchemaNames(s *model.Spec) map[*model.Error]string {
	out := map[*model.Error]string{}
	taken := map[string]bool{}
	for _, e := range s.AllErrors() {
		base := bodySchemaName + "." + strings.ReplaceAll(e.Code, ":", ".")
		name := base
		for n := 2; taken[name]; n++ {
			name = base + "-" + strconv.Itoa(n)
		}
		taken[name] = true
		out[e] = name
	}
	return out
}

// components is errgen's part of an OpenAPI document: the kin-openapi
// objects plus the orders a person expects them in, which kin-openapi's
// maps do not keep.
type components struct {
	v31 bool
	s   *model.Spec

	schemaNames   []string
	schemas       openapi3.Schemas
	responseNames []string
	responses     openapi3.ResponseBodies
	// codeNames names each error's schema, and codeSchemas is it.
	codeNames   map[*model.Error]string
	codeSchemas map[*model.Error]*openapi3.Schema

	// propOrder is the wire order of each object schema's properties.
	propOrder map[*openapi3.Schema][]string
	// exampleValues are the example bodies as ordered YAML nodes, in the
	// member order the server writes.
	exampleValues map[*openapi3.Example]*yaml.Node
	// exampleOrder is the order of each media type's named examples.
	exampleOrder map[*openapi3.MediaType][]string
	// contentOrder and headerOrder are the order of each response's media
	// types and headers.
	contentOrder map[*openapi3.Response][]string
	headerOrder  map[*openapi3.Response][]string

	// shared holds the leaf schemas that are the same for every error
	// that has them (the instance, the request id, details, a status), by
	// what they describe: each is built once and never changed.
	shared map[string]*openapi3.Schema
	// sharedRefs are the references to the shared schemas, shared too.
	sharedRefs map[*openapi3.Schema]*openapi3.SchemaRef
}

// sharedSchema is the shared schema named key, built by build the first
// time it is asked for.
func (c *components) sharedSchema(key string, build func() *openapi3.Schema) *openapi3.Schema {
	if sc, ok := c.shared[key]; ok {
		return sc
	}
	if c.shared == nil {
		c.shared = map[string]*openapi3.Schema{}
		c.sharedRefs = map[*openapi3.Schema]*openapi3.SchemaRef{}
	}
	sc := build()
	c.shared[key] = sc
	c.sharedRefs[sc] = &openapi3.SchemaRef{Value: sc}
	return sc
}

// refTo is a reference to sc: the shared one for a shared schema.
func (c *components) refTo(sc *openapi3.Schema) *openapi3.SchemaRef {
	if r, ok := c.sharedRefs[sc]; ok {
		return r
	}
	return &openapi3.SchemaRef{Value: sc}
}

// target is what a schema describes: one error (e set, errs holding it),
// or every error of a wire format (e nil).
type target struct {
	f    *model.Response
	e    *model.Error
	errs []*model.Error
}

func (c *components) forError(e *model.Error) target {
	return target{f: c.s.FormatOf(e), e: e, errs: []*model.Error{e}}
}

func (c *components) forFormat(f *model.Response) target {
	return target{f: f, errs: c.s.ErrorsOf(f)}
}

// buildComponents builds every schema and response errgen describes, for
// OpenAPI 3.1 when v31 is set and 3.0 otherwise.
func buildComponents(s *model.Spec, v31 bool) *components {
	c := &components{
		v31: v31, s: s,
		schemas:       openapi3.Schemas{},
		responses:     openapi3.ResponseBodies{},
		codeNames:     codeSchemaNames(s),
		codeSchemas:   make(map[*model.Error]*openapi3.Schema, len(s.Errors)),
		propOrder:     map[*openapi3.Schema][]string{},
		exampleValues: map[*openapi3.Example]*yaml.Node{},
		exampleOrder:  map[*openapi3.MediaType][]string{},
		contentOrder:  map[*openapi3.Response][]string{},
		headerOrder:   map[*openapi3.Response][]string{},
	}
	c.addSchema(bodySchemaName, c.bodySchema(c.forFormat(&s.Response)))
	if hasDetails(s) {
		c.addSchema(detailSchemaName, c.detailSchema())
	}
	for _, f := range c.formats()[1:] {
		c.addSchema(formatSchemaName(f), c.bodySchema(c.forFormat(f)))
	}
	for _, e := range s.AllErrors() {
		sc := c.codeSchema(e)
		c.codeSchemas[e] = sc
		c.addSchema(c.codeNames[e], sc)
	}
	for _, status := range s.Statuses {
		c.addResponse(statusResponseName(status), c.response(s.ByStatus(status)))
	}
	return c
}

// formats are the spec's wire formats, the catalog's first.
func (c *components) formats() []*model.Response {
	if len(c.s.Formats) == 0 {
		return []*model.Response{&c.s.Response}
	}
	return c.s.Formats
}

func (c *components) addSchema(name string, sc *openapi3.Schema) {
	sc.Extensions = withErrgen(sc.Extensions)
	c.schemaNames = append(c.schemaNames, name)
	c.schemas[name] = &openapi3.SchemaRef{Value: sc}
}

func (c *components) addResponse(name string, r *openapi3.Response) {
	r.Extensions = withErrgen(r.Extensions)
	c.responseNames = append(c.responseNames, name)
	c.responses[name] = &openapi3.ResponseRef{Value: r}
}

// withErrgen marks a component as errgen's, so that a merge replaces it.
func withErrgen(ext map[string]any) map[string]any {
	if ext == nil {
		ext = map[string]any{}
	}
	ext[extErrgen] = true
	return ext
}

// bodySchema is the schema every error body of a format satisfies: any of
// its codes, members present whenever some error writes them.
func (c *components) bodySchema(t target) *openapi3.Schema {
	sc := c.object(t.f.Body, t)
	sc.Title = "Error"
	if t.f.Group != nil {
		sc.Title = "Error (" + t.f.Group.Title + ")"
	}
	sc.Description = c.bodyDescription(t.f)
	return sc
}

func (c *components) bodyDescription(f *model.Response) string {
	d := "The body of every error response"
	if c.s.API.Name != "" {
		d = "The body of every error response of the " + escapePlain(c.s.API.Name)
	}
	if f.Group != nil {
		d = "The body of every error of the group " + codeSpan(f.Group.ID) + ", which answers in a format of its own"
	} else if len(c.formats()) > 1 {
		d += ", but for the groups that answer in a format of their own (" + c.groupSchemaList() + ")"
	}
	if f.Format == model.FormatProblem {
		d += ": RFC 9457 problem details, with the error's code and params as extension members"
	}
	if f.Marker != nil {
		d += "; " + markerSentence(f.Marker)
	}
	return d + "."
}

// groupSchemaList names the body schemas of the groups' own formats.
func (c *components) groupSchemaList() string {
	var names []string
	for _, f := range c.formats()[1:] {
		names = append(names, codeSpan(formatSchemaName(f)))
	}
	return strings.Join(names, ", ")
}

// markerSentence says how a body of a format with an error marker tells
// an error from a success.
func markerSentence(m *model.Marker) string {
	return "errors sent with a success status are told from successes by " + codeSpan(m.Member) + ", which is " + codeSpan(literalText(m.Value))
}

// codeSchema is the body of one error: its code, status and titles as
// constants and its params typed, so that tools and clients can tell
// errors apart.
func (c *components) codeSchema(e *model.Error) *openapi3.Schema {
	t := c.forError(e)
	sc := c.object(t.f.Body, t)
	sc.Title = e.Title
	sc.Description = errorDescription(e)
	sc.Deprecated = e.DeprecatedSet
	ext := map[string]any{}
	if len(e.Aliases) > 0 {
		aliases := make([]any, len(e.Aliases))
		for i, a := range e.Aliases {
			aliases[i] = c.s.CodeValue(a)
		}
		ext[extAliases] = aliases
	}
	if e.Since != "" {
		ext[extSince] = e.Since
	}
	if e.Sunset != "" {
		ext[extSunset] = e.Sunset
	}
	if e.ReplacedBy != nil {
		ext[extReplacedBy] = c.s.CodeValue(e.ReplacedBy.Code)
	}
	if len(ext) > 0 {
		sc.Extensions = ext
	}
	return sc
}

// sentence ends s with a period unless it ends with punctuation.
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// errorDescription is the spec's description of e, or its title when
// there is none, followed by the deprecation notice.
func errorDescription(e *model.Error) string {
	d := markdownSafe(e.Description)
	if d == "" {
		d = sentence(escapePlain(e.Title))
	}
	if e.Since != "" {
		d += "\n\nAdded in " + escapePlain(e.Since) + "."
	}
	if e.DeprecatedSet {
		d += "\n\n" + deprecationNotice(e)
	}
	return d
}

// deprecationNotice is the deprecation paragraph of e's description: the
// replacement, the sunset, then the spec's notice ("Deprecated." alone
// when the spec says nothing more).
func deprecationNotice(e *model.Error) string {
	var lead []string
	if r := e.ReplacedBy; r != nil {
		lead = append(lead, "use "+codeSpan(r.Code))
	}
	if e.Sunset != "" {
		lead = append(lead, "removed after "+e.Sunset)
	}
	notice := markdownSafe(e.Deprecated)
	if len(lead) == 0 {
		if notice == "" {
			return "Deprecated."
		}
		return "Deprecated: " + notice
	}
	d := "Deprecated: " + strings.Join(lead, ", ") + "."
	if notice != "" {
		d += " " + notice
	}
	return d
}

// object builds the schema of a body object from its template fields.
func (c *components) object(fields []*model.Field, t target) *openapi3.Schema {
	sc := &openapi3.Schema{Type: oneType(openapi3.TypeObject), Properties: make(openapi3.Schemas, len(fields))}
	var order []string
	add := func(name string, p *openapi3.Schema, required bool) {
		if _, dup := sc.Properties[name]; dup {
			return
		}
		sc.Properties[name] = c.refTo(p)
		if order == nil {
			order = make([]string, 0, len(fields))
		}
		order = append(order, name)
		if required {
			sc.Required = append(sc.Required, name)
		}
	}
	for _, f := range fields {
		switch f.Kind {
		case model.ValueParamsInline:
			for _, p := range c.paramsOf(t) {
				add(p.name, p.schema, p.required)
			}
			continue
		case model.ValueAttrsInline:
			for _, a := range c.attrsOf(t) {
				add(a.name, a.schema, a.required)
			}
			continue
		}
		if p, required, ok := c.field(f, t); ok {
			add(f.Name, p, required)
		}
	}
	if order != nil {
		c.propOrder[sc] = order
	}
	return sc
}

// field is the schema of one body member, whether the server always
// writes it, and whether it can appear at all.
func (c *components) field(f *model.Field, t target) (sc *openapi3.Schema, required, ok bool) {
	switch f.Kind {
	case model.ValueLiteral:
		return c.constant(literalType(f.Literal), f.Literal), true, true
	case model.ValueObject:
		sc := c.object(f.Children, t)
		if len(sc.Properties) == 0 {
			return nil, false, false
		}
		return sc, len(sc.Required) > 0, true
	case model.ValueList:
		// A one-element list holding the object, left out like an object
		// when none of the object's members is sent.
		item := c.object(f.Children, t)
		if len(item.Properties) == 0 {
			return nil, false, false
		}
		sc := &openapi3.Schema{Type: oneType(openapi3.TypeArray), MinItems: 1, MaxItems: ptr(uint64(1)),
			Items: &openapi3.SchemaRef{Value: item}}
		return sc, len(item.Required) > 0, true
	case model.ValueDetails:
		// Any error can carry details (WithDetails), so every schema
		// allows them; they are omitted when there are none.
		return c.sharedSchema("details", detailsSchema), false, true
	case model.ValueRetryAfter:
		return c.retryAfter(t)
	case model.ValueDocURL:
		return c.docURL(t)
	case model.ValueParams:
		return c.paramsObject(t)
	case model.ValueParam:
		return c.oneParam(f.Param, t)
	case model.ValueAttr:
		return c.oneAttr(f.Attr, t)
	case model.ValueTemplate:
		return c.templateMember(f.Template, t)
	}
	return c.fixed(f.Kind, t), true, true
}

// fixed is the schema of a member every error writes.
func (c *components) fixed(kind model.ValueKind, t target) *openapi3.Schema {
	e := t.e
	switch kind {
	case model.ValueCode:
		if e != nil {
			return c.constant(c.codeType(), c.s.CodeValue(e.Code))
		}
		return c.codeEnum(t.errs)
	case model.ValueStatus:
		if e != nil {
			return c.sharedSchema("status "+strconv.Itoa(e.Status), func() *openapi3.Schema {
				return c.constant(openapi3.TypeInteger, int64(e.Status))
			})
		}
		return typed(openapi3.TypeInteger, "", "The HTTP status code.")
	case model.ValueStatusText:
		if e != nil {
			return c.constant(openapi3.TypeString, e.StatusText)
		}
		return typed(openapi3.TypeString, "", "The HTTP reason phrase, e.g. \"Bad Request\".")
	case model.ValueTitle:
		if e != nil {
			return c.constant(openapi3.TypeString, e.WireTitle)
		}
		switch c.aboutBlank(t) {
		case len(t.errs):
			return typed(openapi3.TypeString, "", "The HTTP status text, e.g. \"Bad Request\", as RFC 9457 asks of problems of type about:blank.")
		case 0:
			return typed(openapi3.TypeString, "", "A short summary of the error, the same for every occurrence.")
		}
		return typed(openapi3.TypeString, "", "A short summary of the error, the same for every occurrence; the HTTP status text, e.g. \"Bad Request\", for problems of type about:blank, as RFC 9457 asks.")
	case model.ValueMessage:
		if e != nil {
			return typed(openapi3.TypeString, "", messageDescription(e))
		}
		return typed(openapi3.TypeString, "", "What went wrong, in words meant for people.")
	case model.ValueInstance:
		return c.sharedSchema("instance", func() *openapi3.Schema {
			return typed(openapi3.TypeString, "uri-reference", "The path of the request that failed.")
		})
	case model.ValueRequestID:
		return c.sharedSchema("request id", func() *openapi3.Schema {
			sc := typed(openapi3.TypeString, "", "The request id: the request's "+c.s.RequestID.Header+" header (only A-Z, a-z, 0-9 and -_.:@/+= kept, at most 128 bytes), or a fresh UUID when it has none. Quote it to support: it is in the server's logs.")
			sc.Pattern = "^" + model.RequestIDPattern + "$"
			return sc
		})
	case model.ValueType:
		if e != nil {
			return c.constant(openapi3.TypeString, typeURI(e))
		}
		return typed(openapi3.TypeString, "uri-reference", "The error's documentation link, or about:blank.")
	}
	panic("openapi: unexpected body value kind " + strconv.Itoa(int(kind)))
}

// aboutBlank counts the errors of t whose problem type is about:blank:
// the format writes the type and the error has no doc link.
func (c *components) aboutBlank(t target) int {
	if f, _ := t.f.FindField(model.ValueType); f == nil {
		return 0
	}
	n := 0
	for _, e := range t.errs {
		if e.DocURL == "" {
			n++
		}
	}
	return n
}

// codeType is the JSON type of codes.
func (c *components) codeType() string {
	if c.s.CodeType == model.CodeInteger {
		return openapi3.TypeInteger
	}
	return openapi3.TypeString
}

// codeEnum constrains the code member to the codes of errs. Aliases are
// not listed: the generated server only ever writes the canonical code
// (clients still accept aliases; each per-code schema lists its own in
// x-errgen-aliases).
func (c *components) codeEnum(errs []*model.Error) *openapi3.Schema {
	d := "The error code, one of the catalog's codes."
	if len(c.formats()) > 1 {
		d = "The error code, one of the codes of the errors sent in this format."
	}
	sc := typed(c.codeType(), "", d)
	for _, e := range errs {
		sc.Enum = append(sc.Enum, c.s.CodeValue(e.Code))
	}
	return sc
}

// retryAfter is the schema of $retry_after. Server code may set a retry
// delay on any error, so every schema allows it; it is required for the
// errors whose spec sets one.
func (c *components) retryAfter(t target) (*openapi3.Schema, bool, bool) {
	sc := c.sharedSchema("retry after", func() *openapi3.Schema {
		sc := typed(openapi3.TypeInteger, "", "Seconds to wait before retrying.")
		sc.Min = ptr(1.0)
		return sc
	})
	return sc, t.e != nil && t.e.RetryAfter > 0, true
}

// docURL is the schema of $doc_url, sent by the errors that have a doc
// link (api.docs_url, or their own doc_url).
func (c *components) docURL(t target) (*openapi3.Schema, bool, bool) {
	n := 0
	for _, e := range t.errs {
		if e.DocURL != "" {
			n++
		}
	}
	switch {
	case n == 0:
		return nil, false, false
	case t.e != nil:
		return c.constant(openapi3.TypeString, t.e.DocURL), true, true
	}
	return typed(openapi3.TypeString, "uri", "The error's documentation link."), n == len(t.errs), true
}

// messageDescription lists the messages e is sent with, placeholders
// shown as {name}.
func messageDescription(e *model.Error) string {
	if len(e.Variants) == 0 {
		return "The message: " + codeSpan(e.Message.Display) + "."
	}
	msgs := []string{codeSpan(e.Message.Display)}
	for _, v := range e.Variants {
		m := codeSpan(v.Message.Display)
		if v.Since != "" {
			m += " (added in " + escapePlain(v.Since) + ")"
		}
		msgs = append(msgs, m)
	}
	return "The message, one of: " + strings.Join(msgs, ", ") + "."
}

// typeURI is the problem type the server writes for e.
func typeURI(e *model.Error) string {
	if e.DocURL != "" {
		return e.DocURL
	}
	return "about:blank"
}

// hasDetails reports whether some body template has a $details member.
func hasDetails(s *model.Spec) bool {
	for _, f := range s.Formats {
		if d, _ := f.FindField(model.ValueDetails); d != nil {
			return true
		}
	}
	d, _ := s.Response.FindField(model.ValueDetails)
	return d != nil
}

// jsonTypes are the Types of one JSON type, shared by the schemas of
// that type (nothing changes a schema's Types once built).
var jsonTypes = map[string]*openapi3.Types{}

func init() {
	for _, t := range []string{openapi3.TypeString, openapi3.TypeInteger, openapi3.TypeNumber, openapi3.TypeBoolean,
		openapi3.TypeObject, openapi3.TypeArray, openapi3.TypeNull} {
		jsonTypes[t] = &openapi3.Types{t}
	}
}

// oneType is the Types of the one JSON type typ.
func oneType(typ string) *openapi3.Types {
	if t, ok := jsonTypes[typ]; ok {
		return t
	}
	return &openapi3.Types{typ}
}

// typed is a schema of one JSON type.
func typed(typ, format, description string) *openapi3.Schema {
	return &openapi3.Schema{Type: oneType(typ), Format: format, Description: description}
}

// constant is a schema allowing exactly one value: const in 3.1, an enum
// of one in 3.0 (which has no const).
func (c *components) constant(typ string, v any) *openapi3.Schema {
	sc := &openapi3.Schema{Type: oneType(typ)}
	if c.v31 {
		sc.Const = v
	} else {
		sc.Enum = []any{v}
	}
	return sc
}

// oneOfValues is a schema allowing the given distinct values: a constant
// for one, an enum otherwise, typed when they share a JSON type.
func (c *components) oneOfValues(vs []any, description string) *openapi3.Schema {
	var kinds []string
	for _, v := range vs {
		if k := literalType(v); !contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	var sc *openapi3.Schema
	switch {
	case len(vs) == 1:
		sc = c.constant(kinds[0], vs[0])
	case len(kinds) == 1:
		sc = &openapi3.Schema{Type: oneType(kinds[0]), Enum: vs}
	default:
		sc = &openapi3.Schema{Enum: vs}
		if c.v31 {
			t := openapi3.Types(kinds)
			sc.Type = &t
		}
	}
	sc.Description = description
	return sc
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func literalType(v any) string {
	switch v.(type) {
	case int64:
		return openapi3.TypeInteger
	case float64:
		return openapi3.TypeNumber
	case bool:
		return openapi3.TypeBoolean
	}
	return openapi3.TypeString
}

// literalText writes a constant as JSON does.
func literalText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return jsonFloat(x)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

// jsonFloat formats a float as encoding/json does.
func jsonFloat(f float64) string {
	abs := f
	if abs < 0 {
		abs = -abs
	}
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	s := strconv.FormatFloat(f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		n := len(s)
		if n >= 4 && s[n-4] == 'e' && s[n-3] == '-' && s[n-2] == '0' {
			s = s[:n-2] + s[n-1:]
		}
	}
	return s
}

func ptr[T any](v T) *T { return &v }
