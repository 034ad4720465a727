package openapi

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/internal/model"
)

// namedSchema is a param's or attribute's name and schema, and whether
// every body of the error carries it.
type namedSchema struct {
	name     string
	schema   *openapi3.Schema
	required bool
}

// paramsOf returns the schemas of the params of t: an error's in
// declaration order, or, for a format's body schema, every param its
// errors declare, in first-seen order, typed with every type a param of
// that name has. No param is required: the sentinel of an error is sent
// without its params (its message is then the error's title), and the
// server leaves out a float param that is NaN or infinite, which JSON
// cannot carry.
func (c *components) paramsOf(t target) []namedSchema {
	if e := t.e; e != nil {
		out := make([]namedSchema, len(e.Params))
		for i, p := range e.Params {
			out[i] = namedSchema{name: p.Name, schema: c.param(p)}
		}
		return out
	}
	var out []namedSchema
	types := map[string][]model.ParamType{}
	for _, e := range t.errs {
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

// param is the schema of one param of one error: typed, described, with
// its example value.
func (c *components) param(p *model.Param) *openapi3.Schema {
	sc := paramType(p.Type)
	sc.Description = markdownSafe(p.Description)
	if p.Optional {
		sc.Description = joinSentences(sc.Description, "Optional: sent only when set.")
	}
	if p.Since != "" {
		sc.Description = joinSentences(sc.Description, "Added in "+escapePlain(p.Since)+".")
		sc.Extensions = map[string]any{extSince: p.Since}
	}
	if c.v31 {
		sc.Examples = []any{p.Example} // 3.1 schemas take examples, a list
	} else {
		sc.Example = p.Example
	}
	return sc
}

// joinSentences appends a sentence to a description that may be empty.
func joinSentences(d, s string) string {
	if d == "" {
		return s
	}
	if !strings.HasSuffix(d, ".") {
		d += "."
	}
	return d + " " + s
}

// paramType is the schema of a param type: a JSON type, or an array of
// one for list types.
func paramType(t model.ParamType) *openapi3.Schema {
	if t.IsList() {
		return &openapi3.Schema{Type: oneType(openapi3.TypeArray), Items: &openapi3.SchemaRef{Value: paramType(t.Elem())}}
	}
	typ, format := jsonType(t)
	return typed(typ, format, "")
}

// jsonType maps a param type to its JSON Schema type and format.
func jsonType(t model.ParamType) (typ, format string) {
	if t.IsList() {
		return openapi3.TypeArray, ""
	}
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
// given types. One type is written as is; several are a type list in 3.1
// and an anyOf in 3.0 (anyOf, not oneOf: 25 is both an integer and a
// number). A number covers integers, so integer is dropped beside it.
// Lists are arrays of the union of their element types.
func (c *components) unionType(ts []model.ParamType) *openapi3.Schema {
	var scalars, elems []model.ParamType
	for _, t := range ts {
		if t.IsList() {
			elems = append(elems, t.Elem())
		} else {
			scalars = append(scalars, t)
		}
	}
	var list *openapi3.Schema
	if len(elems) > 0 {
		list = &openapi3.Schema{Type: oneType(openapi3.TypeArray), Items: &openapi3.SchemaRef{Value: c.unionType(elems)}}
		if len(scalars) == 0 {
			return list
		}
	}
	var kinds []string
	has := map[string]bool{}
	for _, t := range scalars {
		typ, _ := jsonType(t)
		if !has[typ] {
			has[typ] = true
			kinds = append(kinds, typ)
		}
	}
	if has[openapi3.TypeNumber] && has[openapi3.TypeInteger] {
		kinds = remove(kinds, openapi3.TypeInteger)
	}
	var sc *openapi3.Schema
	switch {
	case len(kinds) == 1:
		typ, format := jsonType(scalars[0])
		if !allSame(scalars) {
			typ, format = kinds[0], ""
		}
		sc = typed(typ, format, "")
	case c.v31 && list == nil:
		t := openapi3.Types(kinds)
		return &openapi3.Schema{Type: &t}
	default:
		sc = &openapi3.Schema{}
		for _, k := range kinds {
			sc.AnyOf = append(sc.AnyOf, &openapi3.SchemaRef{Value: typed(k, "", "")})
		}
	}
	if list == nil {
		return sc
	}
	if len(sc.AnyOf) == 0 {
		return &openapi3.Schema{AnyOf: openapi3.SchemaRefs{{Value: sc}, {Value: list}}}
	}
	sc.AnyOf = append(sc.AnyOf, &openapi3.SchemaRef{Value: list})
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

// paramsObject is the schema of $params: an object of the params of t,
// omitted by the server when the error sends none (as its sentinel
// does), so never required, and none of its members is.
func (c *components) paramsObject(t target) (*openapi3.Schema, bool, bool) {
	ps := c.paramsOf(t)
	if len(ps) == 0 {
		return nil, false, false
	}
	sc := &openapi3.Schema{Type: oneType(openapi3.TypeObject), Properties: openapi3.Schemas{}}
	for _, p := range ps {
		sc.Properties[p.name] = &openapi3.SchemaRef{Value: p.schema}
		c.propOrder[sc] = append(c.propOrder[sc], p.name)
	}
	return sc, false, true
}

// oneParam is the schema of $param.NAME, present only for errors that
// declare that param, and never required.
func (c *components) oneParam(name string, t target) (*openapi3.Schema, bool, bool) {
	for _, p := range c.paramsOf(t) {
		if p.name == name {
			return p.schema, false, true
		}
	}
	return nil, false, false
}

// attrsOf returns the schemas of the attributes of t, the problem
// format's extension members: an error's as constants, or, for a format's
// body schema, every attribute its errors have, in first-seen order, each
// an enum of its values, required when every error has it.
func (c *components) attrsOf(t target) []namedSchema {
	var names []string
	for _, e := range t.errs {
		for _, kv := range e.Attributes {
			if !contains(names, kv.Key) {
				names = append(names, kv.Key)
			}
		}
	}
	var out []namedSchema
	for _, name := range names {
		sc, required, _ := c.oneAttr(name, t)
		out = append(out, namedSchema{name, sc, required})
	}
	return out
}

// oneAttr is the schema of $attr.NAME: the error's constant, or the
// values the errors of a format have; present only for errors that have
// the attribute.
func (c *components) oneAttr(name string, t target) (*openapi3.Schema, bool, bool) {
	var vals []any
	n := 0
	for _, e := range t.errs {
		v, ok := e.Attr(name)
		if !ok {
			continue
		}
		n++
		if !contains(vals, v) {
			vals = append(vals, v)
		}
	}
	if n == 0 {
		return nil, false, false
	}
	description := ""
	if t.e == nil {
		description = "The error's " + codeSpan(name) + " attribute, a constant of each error."
	}
	return c.oneOfValues(vals, description), n == len(t.errs), true
}
