package openapi

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// response describes errs, which share one status: for each media type
// their formats send, the body schema (one per-code schema, or a choice
// between them) and a named example per code; the Retry-After header
// when any of them sets one, and the headers the spec sets.
func (c *components) response(errs []*model.Error) *openapi3.Response {
	r := openapi3.NewResponse().WithDescription(c.responseDescription(errs))
	r.Content = openapi3.Content{}
	for _, group := range c.byMediaType(errs) {
		typ := c.s.FormatOf(group[0]).MediaType
		mt := &openapi3.MediaType{Schema: c.choice(group), Examples: openapi3.Examples{}}
		for _, e := range group {
			ex := c.example(e)
			mt.Examples[e.Code] = &openapi3.ExampleRef{Value: ex}
			c.exampleOrder[mt] = append(c.exampleOrder[mt], e.Code)
		}
		r.Content[typ] = mt
		c.contentOrder[r] = append(c.contentOrder[r], typ)
	}
	r.Headers = openapi3.Headers{}
	if h := retryAfterHeader(errs); h != nil {
		r.Headers["Retry-After"] = &openapi3.HeaderRef{Value: h}
		c.headerOrder[r] = append(c.headerOrder[r], "Retry-After")
	}
	names, headers := c.specHeaders(errs)
	for _, name := range names {
		r.Headers[name] = &openapi3.HeaderRef{Value: headers[name]}
		c.headerOrder[r] = append(c.headerOrder[r], name)
	}
	if len(r.Headers) == 0 {
		r.Headers = nil
	}
	return r
}

// byMediaType splits errs by the media type their formats send, in the
// order of the formats; formats that send the same media type share it.
func (c *components) byMediaType(errs []*model.Error) [][]*model.Error {
	var types []string
	groups := map[string][]*model.Error{}
	for _, f := range c.formats() {
		for _, e := range errs {
			if c.s.FormatOf(e) != f {
				continue
			}
			if _, ok := groups[f.MediaType]; !ok {
				types = append(types, f.MediaType)
			}
			groups[f.MediaType] = append(groups[f.MediaType], e)
		}
	}
	out := make([][]*model.Error, len(types))
	for i, t := range types {
		out[i] = groups[t]
	}
	return out
}

// responseDescription names the status and the codes it stands for.
func (c *components) responseDescription(errs []*model.Error) string {
	e := errs[0]
	status := e.StatusText
	if status == "" {
		status = "Status " + strconv.Itoa(e.Status)
	}
	var d string
	if len(errs) == 1 {
		d = status + ": " + escapePlain(strings.TrimSuffix(e.Title, ".")) + " (" + codeSpan(e.Code) + ")."
	} else {
		codes := make([]string, len(errs))
		for i, e := range errs {
			codes[i] = codeSpan(e.Code)
		}
		d = status + ": one of " + strings.Join(codes, ", ") + "."
	}
	if e.Status >= 200 && e.Status <= 299 {
		if m := c.s.FormatOf(e).Marker; m != nil {
			d += " These errors are sent with a success status: " + codeSpan(m.Member) + " is " + codeSpan(literalText(m.Value)) + " in their bodies, which tells them from successes."
		}
	}
	return d
}

// choice is the body schema of a response: the per-code schema of its one
// error, or a choice between the per-code schemas. The choice is a oneOf
// when the schemas exclude each other (every two of them require some
// member to be different constants, such as the code), with a
// discriminator when a top-level string member tells them apart (the code
// member, else another such as a type URI built from the code);
// otherwise two errors can have bodies of the same shape, which oneOf
// would reject, so it is an anyOf.
func (c *components) choice(errs []*model.Error) *openapi3.SchemaRef {
	if len(errs) == 1 {
		return &openapi3.SchemaRef{Ref: refSchemas + c.codeNames[errs[0]]}
	}
	refs := make(openapi3.SchemaRefs, len(errs))
	for i, e := range errs {
		refs[i] = &openapi3.SchemaRef{Ref: refSchemas + c.codeNames[e]}
	}
	if !c.exclusive(errs) {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: refs}}
	}
	sc := &openapi3.Schema{OneOf: refs}
	if member, values := c.discriminator(errs); member != "" {
		d := &openapi3.Discriminator{PropertyName: member, Mapping: map[string]openapi3.MappingRef{}}
		for i, e := range errs {
			d.Mapping[values[i]] = openapi3.MappingRef{Ref: refSchemas + c.codeNames[e]}
		}
		sc.Discriminator = d
	}
	return &openapi3.SchemaRef{Value: sc}
}

// discriminator finds a top-level member every one of errs requires as a
// string constant, a different one for each, and returns it with the
// constants: the code member when it is one, else the first such member
// in wire order.
func (c *components) discriminator(errs []*model.Error) (string, []string) {
	seen := make(map[string]bool, len(errs))
	values := func(member string) []string {
		clear(seen)
		var out []string
		for _, e := range errs {
			sc := c.codeSchemas[e]
			p := sc.Properties[member]
			if p == nil || p.Value == nil || !contains(sc.Required, member) {
				return nil
			}
			v, ok := stringConstant(p.Value)
			if !ok || seen[v] {
				return nil
			}
			seen[v] = true
			out = append(out, v)
		}
		return out
	}
	f := c.s.FormatOf(errs[0])
	if _, path := f.FindField(model.ValueCode); len(path) == 1 {
		if vs := values(path[0]); vs != nil {
			return path[0], vs
		}
	}
	for _, name := range c.propOrder[c.codeSchemas[errs[0]]] {
		if vs := values(name); vs != nil {
			return name, vs
		}
	}
	return "", nil
}

// stringConstant returns the value of a schema that allows one string.
func stringConstant(sc *openapi3.Schema) (string, bool) {
	v := sc.Const
	if len(sc.Enum) == 1 {
		v = sc.Enum[0]
	}
	s, ok := v.(string)
	return s, ok
}

// exclusive reports whether no body can satisfy two of the errors'
// schemas: every two of them require a member (at the same place) to be
// different constants.
func (c *components) exclusive(errs []*model.Error) bool {
	if len(errs) < 2 {
		return true
	}
	// The usual case, in time linear in the errors and without the
	// constants of every error: a top-level member that every error
	// requires, with a different constant each (the code).
	seen := make(map[constKey]bool, len(errs))
	for _, name := range c.codeSchemas[errs[0]].Required {
		if allDistinct(len(errs), seen, func(i int) (constKey, bool) { return topConstant(c.codeSchemas[errs[i]], name) }) {
			return true
		}
	}
	return c.exclusiveByConstants(errs)
}

// allDistinct reports whether value gives each of n errors a constant,
// each a different one; seen is scratch space.
func allDistinct(n int, seen map[constKey]bool, value func(i int) (constKey, bool)) bool {
	clear(seen)
	for i := range n {
		v, ok := value(i)
		if !ok || seen[v] {
			return false
		}
		seen[v] = true
	}
	return true
}

// exclusiveByConstants is exclusive, from every required constant of
// every error.
func (c *components) exclusiveByConstants(errs []*model.Error) bool {
	consts := make([]constants, len(errs))
	for i, e := range errs {
		consts[i] = requiredConstants(c.codeSchemas[e], "", nil)
	}
	// One member, at any depth, that every error requires, with a
	// different constant each.
	seen := make(map[constKey]bool, len(errs))
	for _, first := range consts[0] {
		if allDistinct(len(errs), seen, func(i int) (constKey, bool) { return consts[i].at(first.path) }) {
			return true
		}
	}
	for i := range errs {
		for j := i + 1; j < len(errs); j++ {
			apart := false
			for _, c := range consts[i] {
				if w, ok := consts[j].at(c.path); ok && w != c.value {
					apart = true
					break
				}
			}
			if !apart {
				return false
			}
		}
	}
	return true
}

// topConstant is the constant requiredConstants records for sc at
// "/"+name: the required top-level member name when it is a const or an
// enum of one.
func topConstant(sc *openapi3.Schema, name string) (constKey, bool) {
	if !contains(sc.Required, name) {
		return constKey{}, false
	}
	ref := sc.Properties[name]
	if ref == nil || ref.Value == nil {
		return constKey{}, false
	}
	switch p := ref.Value; {
	case p.Const != nil:
		return keyOf(p.Const), true
	case len(p.Enum) == 1:
		return keyOf(p.Enum[0]), true
	}
	return constKey{}, false
}

// constants are the constants every body of a schema carries, by JSON
// pointer, in the order requiredConstants finds them (each path once).
type constants []struct {
	path  string
	value constKey
}

func (cs constants) at(path string) (constKey, bool) {
	for _, c := range cs {
		if c.path == path {
			return c.value, true
		}
	}
	return constKey{}, false
}

// constKey is a constant's type and value, equal exactly when the
// constants are: two values of the same Go type that print the same.
type constKey struct {
	kind byte
	n    int64
	s    string
}

func keyOf(v any) constKey {
	switch x := v.(type) {
	case string:
		return constKey{kind: 's', s: x}
	case int64:
		return constKey{kind: 'i', n: x}
	case bool:
		if x {
			return constKey{kind: 'b', n: 1}
		}
		return constKey{kind: 'b'}
	}
	return constKey{kind: 'o', s: fmt.Sprintf("%T:%v", v, v)}
}

// requiredConstants appends to out, by JSON pointer, the constants every
// body of an object schema carries: required members that are a const or
// an enum of one, in required objects and one-element lists.
func requiredConstants(sc *openapi3.Schema, at string, out constants) constants {
	for _, name := range sc.Required {
		ref := sc.Properties[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		p, path := ref.Value, at+"/"+pointerToken(name)
		var v any
		switch {
		case p.Const != nil:
			v = p.Const
		case len(p.Enum) == 1:
			v = p.Enum[0]
		case p.Type.Is(openapi3.TypeObject):
			out = requiredConstants(p, path, out)
			continue
		case p.Type.Is(openapi3.TypeArray) && p.MinItems == 1 && p.MaxItems != nil && *p.MaxItems == 1 && p.Items != nil && p.Items.Value != nil:
			out = requiredConstants(p.Items.Value, path+"/0", out)
			continue
		default:
			continue
		}
		k := keyOf(v)
		found := false
		for i := range out { // a path seen before: the later constant wins, as in a map
			if out[i].path == path {
				out[i].value, found = k, true
			}
		}
		if !found {
			out = append(out, struct {
				path  string
				value constKey
			}{path, k})
		}
	}
	return out
}

// pointerToken escapes a JSON pointer token.
func pointerToken(name string) string {
	if !strings.ContainsAny(name, "~/") {
		return name
	}
	return strings.ReplaceAll(strings.ReplaceAll(name, "~", "~0"), "/", "~1")
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
// params (optional ones set), as an ordered node (for output) and a plain
// value (for kin-openapi).
func (c *components) example(e *model.Error) *openapi3.Example {
	n := c.exampleObject(c.s.FormatOf(e).Body, e)
	ex := &openapi3.Example{Summary: e.Title, Value: plain(n)}
	if e.DeprecatedSet {
		ex.Summary += " (deprecated)"
	}
	c.exampleValues[ex] = n
	return ex
}

// exampleObject renders body fields for e in wire order, leaving out what
// the server leaves out (no details, no retry-after, no doc URL, absent
// params and attributes, objects and lists with nothing in them).
func (c *components) exampleObject(fields []*model.Field, e *model.Error) *yaml.Node {
	m := mapNode{&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: make([]*yaml.Node, 0, 2*len(fields))}}
	for _, f := range fields {
		switch f.Kind {
		case model.ValueParamsInline:
			for _, p := range sentParams(e) {
				m.add(p.Name, value(p.Example))
			}
		case model.ValueAttrsInline:
			for _, kv := range e.Attributes {
				m.add(kv.Key, scalar(kv.Value))
			}
		case model.ValueObject:
			if o := c.exampleObject(f.Children, e); len(o.Content) > 0 {
				m.add(f.Name, o)
			}
		case model.ValueList:
			if o := c.exampleObject(f.Children, e); len(o.Content) > 0 {
				m.add(f.Name, sequence(o))
			}
		default:
			if v, ok := c.exampleValue(f, e); ok {
				m.add(f.Name, v)
			}
		}
	}
	return m.Node
}

// sentParams are the params the example of e carries, in declaration
// order: those of its main message, its data params, and its optional
// params, set to their example values.
func sentParams(e *model.Error) []*model.Param {
	if len(e.Params) == 0 {
		return nil
	}
	used := make([]bool, len(e.Params)) // the params of the main message
	for _, i := range e.Message.Params() {
		if i < len(used) {
			used[i] = true
		}
	}
	var out []*model.Param
	for i, p := range e.Params {
		if used[i] || p.Data || p.Optional {
			out = append(out, p)
		}
	}
	return out
}

// exampleValue is the value of one member in e's example body.
func (c *components) exampleValue(f *model.Field, e *model.Error) (*yaml.Node, bool) {
	switch f.Kind {
	case model.ValueLiteral:
		return scalar(f.Literal), true
	case model.ValueCode:
		return scalar(c.s.CodeValue(e.Code)), true
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
	case model.ValueRequestID:
		return scalar(model.ExampleRequestID), true
	case model.ValueType:
		return scalar(typeURI(e)), true
	case model.ValueParams:
		m := mapping()
		for _, p := range sentParams(e) {
			m.add(p.Name, value(p.Example))
		}
		return m.Node, len(m.Content) > 0
	case model.ValueParam:
		for _, p := range sentParams(e) {
			if p.Name == f.Param {
				return value(p.Example), true
			}
		}
	case model.ValueAttr:
		if v, ok := e.Attr(f.Attr); ok {
			return scalar(v), true
		}
	case model.ValueTemplate:
		facts := c.templateFacts(f.Template, e, false)
		return str(facts.example), !facts.exampleAbsent
	case model.ValueDetails:
		// The spec's example_details, when it gives any.
		list := c.exampleDetails(e)
		return list, len(list.Content) > 0
	}
	return nil, false
}
