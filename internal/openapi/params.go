package openapi

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/internal/model"
)

// namedSchema is a param's name and schema, and whether every body of
// the error carries it.
type namedSchema struct {
	name     string
	schema   *openapi3.Schema
	required bool
}

// paramsOf returns the schemas of e's params in declaration order, or,
// for the body schema (e nil), of every param any error declares, in
// first-seen order, typed with every type a param of that name has.
func (c *components) paramsOf(e *model.Error) []namedSchema {
	if e != nil {
		always := alwaysSent(e)
		out := make([]namedSchema, len(e.Params))
		for i, p := range e.Params {
			out[i] = namedSchema{p.Name, c.param(p), always[i]}
		}
		return out
	}
	var out []namedSchema
	types := map[string][]model.ParamType{}
	for _, e := range c.s.AllErrors() {
		for _, p := range e.Params {
			if _, seen := types[p.Name]; !seen {
				out = append(out, namedSchema{name: p.Name})
			}
			types[p.Name] = append(types[p.Name], p.Type)
		}
	}
	for i := range out {
		out[i].schema = c.unionType(types[out[i].name])
	}
	return out
}

// alwaysSent reports, per param index, whether every message of e (main
// and variants) uses the param: an error carries only the params of the
// message it was made with.
func alwaysSent(e *model.Error) map[int]bool {
	count := map[int]int{}
	msgs := []*model.Message{&e.Message}
	for _, v := range e.Variants {
		msgs = append(msgs, &v.Message)
	}
	for _, m := range msgs {
		for _, i := range m.Params() {
			count[i]++
		}
	}
	out := map[int]bool{}
	for i, n := range count {
		out[i] = n == len(msgs)
	}
	return out
}

// param is the schema of one param of one error: typed, described, with
// its example value.
func (c *components) param(p *model.Param) *openapi3.Schema {
	typ, format := jsonType(p.Type)
	sc := typed(typ, format, markdownSafe(p.Description))
	if c.v31 {
		sc.Examples = []any{p.Example} // 3.1 schemas take examples, a list
	} else {
		sc.Example = p.Example
	}
	return sc
}

// jsonType maps a param type to its JSON Schema type and format.
func jsonType(t model.ParamType) (typ, format string) {
	switch t {
	case model.TypeInt:
		return openapi3.TypeInteger, ""
	case model.TypeInt64:
		return openapi3.TypeInteger, "int64"
	case model.TypeFloat64:
		return openapi3.TypeNumber, "double"
	case model.TypeBool:
		return openapi3.TypeBoolean, ""
	}
	return openapi3.TypeString, ""
}

// unionType is the schema of a param name that errors declare with the
// given types. One JSON type is written as is; several are a type list in
// 3.1 and an anyOf in 3.0 (anyOf, not oneOf: 25 is both an integer and a
// number). A number covers integers, so integer is dropped beside it.
func (c *components) unionType(ts []model.ParamType) *openapi3.Schema {
	var kinds []string
	has := map[string]bool{}
	for _, t := range ts {
		typ, _ := jsonType(t)
		if !has[typ] {
			has[typ] = true
			kinds = append(kinds, typ)
		}
	}
	if has[openapi3.TypeNumber] && has[openapi3.TypeInteger] {
		kinds = remove(kinds, openapi3.TypeInteger)
	}
	if len(kinds) == 1 {
		typ, format := jsonType(ts[0])
		if !allSame(ts) {
			typ, format = kinds[0], ""
		}
		return typed(typ, format, "")
	}
	if c.v31 {
		t := openapi3.Types(kinds)
		return &openapi3.Schema{Type: &t}
	}
	sc := &openapi3.Schema{}
	for _, k := range kinds {
		sc.AnyOf = append(sc.AnyOf, &openapi3.SchemaRef{Value: typed(k, "", "")})
	}
	return sc
}

func allSame(ts []model.ParamType) bool {
	for _, t := range ts {
		if t != ts[0] {
			return false
		}
	}
	return true
}

func remove(ss []string, s string) []string {
	var out []string
	for _, x := range ss {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// paramsObject is the schema of $params: an object of the error's params,
// omitted by the server when the error has none.
func (c *components) paramsObject(e *model.Error) (*openapi3.Schema, bool, bool) {
	ps := c.paramsOf(e)
	if len(ps) == 0 {
		return nil, false, false
	}
	sc := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Properties: openapi3.Schemas{}}
	for _, p := range ps {
		sc.Properties[p.name] = &openapi3.SchemaRef{Value: p.schema}
		c.propOrder[sc] = append(c.propOrder[sc], p.name)
		if p.required {
			sc.Required = append(sc.Required, p.name)
		}
	}
	// The object is omitted when empty: it is always there only when some
	// param always is.
	return sc, len(sc.Required) > 0, true
}

// oneParam is the schema of $param.NAME, present only for errors that
// declare that param.
func (c *components) oneParam(name string, e *model.Error) (*openapi3.Schema, bool, bool) {
	for _, p := range c.paramsOf(e) {
		if p.name == name {
			return p.schema, p.required, true
		}
	}
	return nil, false, false
}
