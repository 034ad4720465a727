package openapi

import (
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// detailsSchema is $details: a list of ErrorDetail.
func detailsSchema() *openapi3.Schema {
	return &openapi3.Schema{Type: oneType(openapi3.TypeArray), Items: &openapi3.SchemaRef{Ref: refSchemas + detailSchemaName},
		Description: "Problems with individual request fields; absent when there are none."}
}

// detailShape is the spec's detail item shape, {field, message} by
// default.
func (c *components) detailShape() []*model.DetailField {
	if len(c.s.Details) == 0 {
		return model.DefaultDetails()
	}
	return c.s.Details
}

// defaultShape reports whether the detail shape is errgen's default,
// {field: string, message: string}.
func defaultShape(shape []*model.DetailField) bool {
	return len(shape) == 2 && shape[0].Name == "field" && shape[0].Type == "string" &&
		shape[1].Name == "message" && shape[1].Type == "string"
}

// detailSchema is one detail item, shared by every error schema: the
// detail shape's members, every one of them always sent.
func (c *components) detailSchema() *openapi3.Schema {
	shape := c.detailShape()
	sc := c.detailObject(shape, defaultShape(shape))
	sc.Title = "Error detail"
	sc.Description = "A problem with one field of the request."
	if !defaultShape(shape) {
		sc.Description = "One detail of the error."
	}
	return sc
}

func (c *components) detailObject(fields []*model.DetailField, isDefault bool) *openapi3.Schema {
	sc := &openapi3.Schema{Type: oneType(openapi3.TypeObject), Properties: openapi3.Schemas{}}
	for _, f := range fields {
		var p *openapi3.Schema
		switch f.Type {
		case "":
			p = c.detailObject(f.Children, false)
		case "int":
			p = typed(openapi3.TypeInteger, "", "")
		case "bool":
			p = typed(openapi3.TypeBoolean, "", "")
		default:
			p = typed(openapi3.TypeString, "", "")
		}
		if isDefault {
			p.Description = map[string]string{
				"field":   "The request field the detail is about.",
				"message": "What is wrong with it.",
			}[f.Name]
		}
		sc.Properties[f.Name] = &openapi3.SchemaRef{Value: p}
		c.propOrder[sc] = append(c.propOrder[sc], f.Name)
		sc.Required = append(sc.Required, f.Name)
	}
	return sc
}

// exampleDetails is the list of e's example details, in the detail
// shape; empty when the spec gives none.
func (c *components) exampleDetails(e *model.Error) *yaml.Node {
	shape := c.detailShape()
	list := sequence()
	for _, d := range e.ExampleDetails {
		vals := d.Values
		if len(vals) == 0 && defaultShape(shape) {
			vals = []any{d.Field, d.Message}
		}
		item, _ := detailNode(shape, vals)
		list.Content = append(list.Content, item)
	}
	return list
}

// detailNode builds one detail item from its leaf values (in
// model.DetailLeaves order) and returns the values it did not use.
func detailNode(fields []*model.DetailField, vals []any) (*yaml.Node, []any) {
	m := mapping()
	for _, f := range fields {
		if f.Type == "" {
			var child *yaml.Node
			child, vals = detailNode(f.Children, vals)
			m.add(f.Name, child)
			continue
		}
		if len(vals) == 0 {
			panic("openapi: an example detail has fewer values than its shape has leaves")
		}
		m.add(f.Name, scalar(vals[0]))
		vals = vals[1:]
	}
	return m.Node, vals
}
