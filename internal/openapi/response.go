package openapi

import (
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// response describes errs, which share one status: the body schema (one
// per-code schema, or a choice between them), a named example per code,
// and the Retry-After header when any of them sets one.
func (c *components) response(errs []*model.Error) *openapi3.Response {
	mt := &openapi3.MediaType{Schema: c.choice(errs), Examples: openapi3.Examples{}}
	for _, e := range errs {
		ex := c.example(e)
		mt.Examples[e.Code] = &openapi3.ExampleRef{Value: ex}
		c.exampleOrder[mt] = append(c.exampleOrder[mt], e.Code)
	}
	r := openapi3.NewResponse().WithDescription(responseDescription(errs))
	r.Content = openapi3.Content{c.s.Response.MediaType: mt}
	if h := retryAfterHeader(errs); h != nil {
		r.Headers = openapi3.Headers{"Retry-After": {Value: h}}
	}
	return r
}

// responseDescription names the status and the codes it stands for.
func responseDescription(errs []*model.Error) string {
	e := errs[0]
	status := e.StatusText
	if status == "" {
		status = "Status " + strconv.Itoa(e.Status)
	}
	if len(errs) == 1 {
		return status + ": " + escapePlain(e.Title) + " (" + codeSpan(e.Code) + ")."
	}
	codes := make([]string, len(errs))
	for i, e := range errs {
		codes[i] = codeSpan(e.Code)
	}
	return status + ": one of " + strings.Join(codes, ", ") + "."
}

// choice is the body schema of a response: the per-code schema of its one
// error, or a oneOf over the per-code schemas with a discriminator on the
// code member when the wire format has a top-level one. Without a code
// member to tell them apart, two errors can have bodies of the same shape,
// which oneOf would reject, so the choice is an anyOf.
func (c *components) choice(errs []*model.Error) *openapi3.SchemaRef {
	if len(errs) == 1 {
		return &openapi3.SchemaRef{Ref: refSchemas + codeSchemaName(errs[0])}
	}
	refs := make(openapi3.SchemaRefs, len(errs))
	for i, e := range errs {
		refs[i] = &openapi3.SchemaRef{Ref: refSchemas + codeSchemaName(e)}
	}
	f, path := c.s.Response.FindField(model.ValueCode)
	if f == nil {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: refs}}
	}
	sc := &openapi3.Schema{OneOf: refs}
	if len(path) == 1 {
		d := &openapi3.Discriminator{PropertyName: path[0], Mapping: map[string]openapi3.MappingRef{}}
		for _, e := range errs {
			d.Mapping[e.Code] = openapi3.MappingRef{Ref: refSchemas + codeSchemaName(e)}
		}
		sc.Discriminator = d
	}
	return &openapi3.SchemaRef{Value: sc}
}

// retryAfterHeader describes Retry-After when any of errs sets it; it is
// required when all of them do.
func retryAfterHeader(errs []*model.Error) *openapi3.Header {
	some, all := false, true
	for _, e := range errs {
		some = some || e.RetryAfter > 0
		all = all && e.RetryAfter > 0
	}
	if !some {
		return nil
	}
	sc := typed(openapi3.TypeInteger, "", "")
	sc.Min = ptr(1.0)
	h := &openapi3.Header{Parameter: openapi3.Parameter{
		Description: "Seconds to wait before retrying.",
		Required:    all,
		Schema:      &openapi3.SchemaRef{Value: sc},
	}}
	return h
}

// example is the body the server writes for e built with its example
// params, as an ordered node (for output) and a plain value (for
// kin-openapi).
func (c *components) example(e *model.Error) *openapi3.Example {
	n := c.exampleObject(c.s.Response.Body, e)
	ex := &openapi3.Example{Summary: e.Title, Value: plain(n)}
	if e.DeprecatedSet {
		ex.Summary += " (deprecated)"
	}
	c.exampleValues[ex] = n
	return ex
}

// exampleObject renders body fields for e in wire order, leaving out what
// the server leaves out (no details, no retry-after, no doc URL, absent
// params).
func (c *components) exampleObject(fields []*model.Field, e *model.Error) *yaml.Node {
	m := mapping()
	for _, f := range fields {
		switch f.Kind {
		case model.ValueParamsInline:
			for _, p := range sentParams(e) {
				m.add(p.Name, scalar(p.Example))
			}
		case model.ValueObject:
			if o := c.exampleObject(f.Children, e); len(o.Content) > 0 {
				m.add(f.Name, o)
			}
		default:
			if v, ok := exampleValue(f, e); ok {
				m.add(f.Name, v)
			}
		}
	}
	return m.Node
}

// sentParams are the params an error made with its main message carries.
func sentParams(e *model.Error) []*model.Param {
	var out []*model.Param
	for _, i := range e.Message.Params() {
		out = append(out, e.Params[i])
	}
	return out
}

// exampleValue is the value of one member in e's example body.
func exampleValue(f *model.Field, e *model.Error) (*yaml.Node, bool) {
	switch f.Kind {
	case model.ValueLiteral:
		return scalar(f.Literal), true
	case model.ValueCode:
		return scalar(e.Code), true
	case model.ValueStatus:
		return scalar(int64(e.Status)), true
	case model.ValueStatusText:
		return scalar(e.StatusText), true
	case model.ValueTitle:
		return scalar(e.WireTitle), true
	case model.ValueMessage:
		return scalar(e.Message.Example), true
	case model.ValueRetryAfter:
		return scalar(int64(e.RetryAfter)), e.RetryAfter > 0
	case model.ValueDocURL:
		return scalar(e.DocURL), e.DocURL != ""
	case model.ValueInstance:
		return scalar(exampleInstance), true
	case model.ValueType:
		return scalar(typeURI(e)), true
	case model.ValueParams:
		m := mapping()
		for _, p := range sentParams(e) {
			m.add(p.Name, scalar(p.Example))
		}
		return m.Node, len(m.Content) > 0
	case model.ValueParam:
		for _, p := range sentParams(e) {
			if p.Name == f.Param {
				return scalar(p.Example), true
			}
		}
	case model.ValueDetails:
		// The spec's example_details, when it gives any.
		list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, d := range e.ExampleDetails {
			m := mapping()
			m.add("field", scalar(d.Field))
			m.add("message", scalar(d.Message))
			list.Content = append(list.Content, m.Node)
		}
		return list, len(list.Content) > 0
	}
	return nil, false
}
