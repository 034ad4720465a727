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
// (codes start with a letter, statuses are digits).
const (
	bodySchemaName = "Error"
	// detailSchemaName is outside the Error.<code> family on purpose: any
	// name under it could be a code.
	detailSchemaName = "ErrorDetail"
	refSchemas       = "#/components/schemas/"
	refResponses     = "#/components/responses/"
	extErrgen        = "x-errgen"
	extAliases       = "x-errgen-aliases"
	// exampleInstance is the request path shown in examples: the server
	// writes the path of the request that failed.
	exampleInstance = "/resource"
)

// codeSchemaName names the schema of one error code.
func codeSchemaName(e *model.Error) string { return bodySchemaName + "." + e.Code }

// statusResponseName names the shared response of one status.
func statusResponseName(status int) string { return bodySchemaName + "." + strconv.Itoa(status) }

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

	// propOrder is the wire order of each object schema's properties.
	propOrder map[*openapi3.Schema][]string
	// exampleValues are the example bodies as ordered YAML nodes, in the
	// member order the server writes.
	exampleValues map[*openapi3.Example]*yaml.Node
	// exampleOrder is the order of each media type's named examples.
	exampleOrder map[*openapi3.MediaType][]string
}

// buildComponents builds every schema and response errgen describes, for
// OpenAPI 3.1 when v31 is set and 3.0 otherwise.
func buildComponents(s *model.Spec, v31 bool) *components {
	c := &components{
		v31: v31, s: s,
		schemas:       openapi3.Schemas{},
		responses:     openapi3.ResponseBodies{},
		propOrder:     map[*openapi3.Schema][]string{},
		exampleValues: map[*openapi3.Example]*yaml.Node{},
		exampleOrder:  map[*openapi3.MediaType][]string{},
	}
	c.addSchema(bodySchemaName, c.bodySchema())
	if hasDetails(s) {
		c.addSchema(detailSchemaName, c.detailSchema())
	}
	for _, e := range s.AllErrors() {
		c.addSchema(codeSchemaName(e), c.codeSchema(e))
	}
	for _, status := range s.Statuses {
		c.addResponse(statusResponseName(status), c.response(s.ByStatus(status)))
	}
	return c
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

// bodySchema is the schema every error body satisfies: any catalog code,
// members present whenever some error writes them.
func (c *components) bodySchema() *openapi3.Schema {
	sc := c.object(c.s.Response.Body, nil)
	sc.Title = "Error"
	sc.Description = bodyDescription(c.s)
	return sc
}

func bodyDescription(s *model.Spec) string {
	d := "The body of every error response"
	if s.API.Name != "" {
		d = "The body of every error response of the " + escapePlain(s.API.Name)
	}
	if s.Response.Format == model.FormatProblem {
		return d + ": RFC 9457 problem details, with the error's code and params as extension members."
	}
	return d + "."
}

// codeSchema is the body of one error: its code, status and titles as
// constants and its params typed, so that tools and clients can tell
// errors apart.
func (c *components) codeSchema(e *model.Error) *openapi3.Schema {
	sc := c.object(c.s.Response.Body, e)
	sc.Title = e.Title
	sc.Description = errorDescription(e)
	sc.Deprecated = e.DeprecatedSet
	if len(e.Aliases) > 0 {
		aliases := make([]any, len(e.Aliases))
		for i, a := range e.Aliases {
			aliases[i] = a
		}
		sc.Extensions = map[string]any{extAliases: aliases}
	}
	return sc
}

// errorDescription is the spec's description of e, or its title when
// there is none, followed by the deprecation notice.
func errorDescription(e *model.Error) string {
	d := markdownSafe(e.Description)
	if d == "" {
		d = escapePlain(e.Title) + "."
	}
	if e.DeprecatedSet {
		notice := "Deprecated."
		if e.Deprecated != "" {
			notice = "Deprecated: " + markdownSafe(e.Deprecated)
		}
		d += "\n\n" + notice
	}
	return d
}

// object builds the schema of a body object from its template fields, for
// error e, or for every error when e is nil.
func (c *components) object(fields []*model.Field, e *model.Error) *openapi3.Schema {
	sc := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Properties: openapi3.Schemas{}}
	add := func(name string, p *openapi3.Schema, required bool) {
		if _, dup := sc.Properties[name]; dup {
			return
		}
		sc.Properties[name] = &openapi3.SchemaRef{Value: p}
		c.propOrder[sc] = append(c.propOrder[sc], name)
		if required {
			sc.Required = append(sc.Required, name)
		}
	}
	for _, f := range fields {
		if f.Kind == model.ValueParamsInline {
			for _, p := range c.paramsOf(e) {
				add(p.name, p.schema, p.required)
			}
			continue
		}
		if p, required, ok := c.field(f, e); ok {
			add(f.Name, p, required)
		}
	}
	return sc
}

// field is the schema of one body member, whether the server always
// writes it, and whether it can appear at all.
func (c *components) field(f *model.Field, e *model.Error) (sc *openapi3.Schema, required, ok bool) {
	switch f.Kind {
	case model.ValueLiteral:
		return c.constant(literalType(f.Literal), f.Literal), true, true
	case model.ValueObject:
		sc := c.object(f.Children, e)
		if len(sc.Properties) == 0 {
			return nil, false, false
		}
		return sc, len(sc.Required) > 0, true
	case model.ValueDetails:
		// Any error can carry details (WithDetails), so every schema
		// allows them; they are omitted when there are none.
		return detailsSchema(), false, true
	case model.ValueRetryAfter:
		return c.retryAfter(e)
	case model.ValueDocURL:
		return c.docURL(e)
	case model.ValueParams:
		return c.paramsObject(e)
	case model.ValueParam:
		return c.oneParam(f.Param, e)
	}
	return c.fixed(f.Kind, e), true, true
}

// fixed is the schema of a member every error writes.
func (c *components) fixed(kind model.ValueKind, e *model.Error) *openapi3.Schema {
	switch kind {
	case model.ValueCode:
		if e != nil {
			return c.constant(openapi3.TypeString, e.Code)
		}
		return c.codeEnum()
	case model.ValueStatus:
		if e != nil {
			return c.constant(openapi3.TypeInteger, int64(e.Status))
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
		if c.s.AboutBlank() {
			return typed(openapi3.TypeString, "", "The HTTP status text, e.g. \"Bad Request\", as RFC 9457 asks of problems of type about:blank.")
		}
		return typed(openapi3.TypeString, "", "A short summary of the error, the same for every occurrence.")
	case model.ValueMessage:
		if e != nil {
			return typed(openapi3.TypeString, "", messageDescription(e))
		}
		return typed(openapi3.TypeString, "", "What went wrong, in words meant for people.")
	case model.ValueInstance:
		return typed(openapi3.TypeString, "uri-reference", "The path of the request that failed.")
	case model.ValueType:
		if e != nil {
			return c.constant(openapi3.TypeString, typeURI(e))
		}
		return typed(openapi3.TypeString, "uri-reference", "The error's documentation link, or about:blank.")
	}
	return typed(openapi3.TypeString, "", "")
}

// codeEnum constrains the code member to the catalog's codes. Aliases are
// not listed: the generated server only ever writes the canonical code
// (clients still accept aliases; each per-code schema lists its own in
// x-errgen-aliases).
func (c *components) codeEnum() *openapi3.Schema {
	sc := typed(openapi3.TypeString, "", "The error code, one of the catalog's codes.")
	for _, e := range c.s.AllErrors() {
		sc.Enum = append(sc.Enum, e.Code)
	}
	return sc
}

// retryAfter is the schema of $retry_after. Server code may set a retry
// delay on any error, so every schema allows it; it is required for the
// errors whose spec sets one.
func (c *components) retryAfter(e *model.Error) (*openapi3.Schema, bool, bool) {
	sc := typed(openapi3.TypeInteger, "", "Seconds to wait before retrying.")
	sc.Min = ptr(1.0)
	return sc, e != nil && e.RetryAfter > 0, true
}

func (c *components) docURL(e *model.Error) (*openapi3.Schema, bool, bool) {
	if c.s.API.DocsURL == "" {
		return nil, false, false
	}
	if e != nil {
		return c.constant(openapi3.TypeString, e.DocURL), true, true
	}
	return typed(openapi3.TypeString, "uri", "The error's documentation link."), true, true
}

// messageDescription lists the messages e is sent with, placeholders
// shown as {name}.
func messageDescription(e *model.Error) string {
	if len(e.Variants) == 0 {
		return "The message: " + codeSpan(e.Message.Display) + "."
	}
	msgs := []string{codeSpan(e.Message.Display)}
	for _, v := range e.Variants {
		msgs = append(msgs, codeSpan(v.Message.Display))
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

// detailsSchema is $details: a list of ErrorDetail.
func detailsSchema() *openapi3.Schema {
	return &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeArray}, Items: &openapi3.SchemaRef{Ref: refSchemas + detailSchemaName},
		Description: "Problems with individual request fields; absent when there are none."}
}

// detailSchema is one field-level problem, shared by every error schema.
func (c *components) detailSchema() *openapi3.Schema {
	sc := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Properties: openapi3.Schemas{
		"field":   {Value: typed(openapi3.TypeString, "", "The request field the detail is about.")},
		"message": {Value: typed(openapi3.TypeString, "", "What is wrong with it.")},
	}, Required: []string{"field", "message"}}
	sc.Title = "Error detail"
	sc.Description = "A problem with one field of the request."
	c.propOrder[sc] = []string{"field", "message"}
	return sc
}

// hasDetails reports whether the body template has a $details member.
func hasDetails(s *model.Spec) bool {
	f, _ := s.Response.FindField(model.ValueDetails)
	return f != nil
}

// typed is a schema of one JSON type.
func typed(typ, format, description string) *openapi3.Schema {
	return &openapi3.Schema{Type: &openapi3.Types{typ}, Format: format, Description: description}
}

// constant is a schema allowing exactly one value: const in 3.1, an enum
// of one in 3.0 (which has no const).
func (c *components) constant(typ string, v any) *openapi3.Schema {
	sc := &openapi3.Schema{Type: &openapi3.Types{typ}}
	if c.v31 {
		sc.Const = v
	} else {
		sc.Enum = []any{v}
	}
	return sc
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

func ptr[T any](v T) *T { return &v }
