package openapi

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/internal/model"
)

// String templates ("https://docs.example.com/${code}") in bodies and
// headers. For one error, a template is a constant when each of its
// values is the same in every response of the error (code, status,
// status text, title, doc link, attributes); the message, the request
// path, the retry delay and params vary. A value an error does not have
// interpolates as empty text, and a template that is only that value is
// left out.

// templateFacts is what a template is for one error.
type templateFacts struct {
	// present: the member (or header) can be sent; required: always is.
	present, required bool
	// constant: every response of the error sends the same text, value.
	constant bool
	value    string
	// example is the text the error's example sends; exampleAbsent says
	// the example leaves the template out.
	example       string
	exampleAbsent bool
	// pattern matches every text the error can send (unanchored).
	pattern string
}

// templateFacts evaluates t for e, as a header value when header is set
// (control characters become spaces, and values inside a quoted string
// have '"' and '\' escaped).
func (c *components) templateFacts(t model.Template, e *model.Error, header bool) templateFacts {
	f := templateFacts{present: true, required: true, constant: true}
	if only, ok := t.Only(); ok {
		f.present, f.required = c.valuePresence(only, e)
	}
	var value, example, pattern strings.Builder
	for _, p := range t.Parts {
		text, constant, has := c.partValue(p, e)
		exText := text
		if header {
			text, exText = model.HeaderText(text, p.Quoted), model.HeaderText(exText, p.Quoted)
		}
		if !has {
			exText = ""
			if _, only := t.Only(); only {
				f.exampleAbsent = true
			}
		}
		example.WriteString(exText)
		if constant {
			value.WriteString(text)
			pattern.WriteString(regexp.QuoteMeta(text))
			continue
		}
		f.constant = false
		pattern.WriteString(variablePattern(p, e, header))
	}
	f.value, f.example, f.pattern = value.String(), example.String(), pattern.String()
	if f.constant {
		f.example = f.value
	}
	if !f.present {
		f.exampleAbsent = true
	}
	return f
}

// valuePresence says whether a template that is exactly one value can be
// sent for e, and whether it always is.
func (c *components) valuePresence(p model.TemplatePart, e *model.Error) (present, required bool) {
	switch p.Kind {
	case model.ValueParam:
		// Never always: a sentinel is sent without its params.
		return e.Param(p.Name) != nil, false
	case model.ValueAttr:
		_, ok := e.Attr(p.Name)
		return ok, ok
	case model.ValueDocURL:
		return e.DocURL != "", e.DocURL != ""
	case model.ValueRetryAfter:
		// Server code may set a retry delay on any error.
		return true, e.RetryAfter > 0
	}
	return true, true
}

// partValue is one part of a template for e: its text (the constant, or
// the example's), whether it is the same in every response of e, and
// whether e's example has it.
func (c *components) partValue(p model.TemplatePart, e *model.Error) (text string, constant, has bool) {
	switch p.Kind {
	case model.ValueLiteral:
		return p.Literal, true, true
	case model.ValueCode:
		return e.Code, true, true
	case model.ValueStatus:
		return strconv.Itoa(e.Status), true, true
	case model.ValueStatusText:
		return e.StatusText, true, true
	case model.ValueTitle:
		return e.WireTitle, true, true
	case model.ValueDocURL:
		return e.DocURL, true, e.DocURL != ""
	case model.ValueAttr:
		v, ok := e.Attr(p.Name)
		return model.TextValue(v), true, ok
	case model.ValueMessage:
		return e.Message.Example, false, true
	case model.ValueInstance:
		return exampleInstance, false, true
	case model.ValueRequestID:
		return model.ExampleRequestID, false, true
	case model.ValueRetryAfter:
		if e.RetryAfter > 0 {
			return strconv.Itoa(e.RetryAfter), false, true
		}
		return "", false, false
	case model.ValueParam:
		if e.Param(p.Name) == nil {
			return "", true, false // an error without the param: always empty
		}
		for _, q := range sentParams(e) {
			if q.Name == p.Name {
				return model.TextValue(q.Example), false, true
			}
		}
		return "", false, false
	}
	return "", false, false
}

// paramText is a param value as text: a list's elements joined by
// commas.
// variablePattern matches what a value that varies between responses can
// be: digits for a retry delay and integer params, the request id's
// bytes, any text otherwise (without line breaks in headers).
func variablePattern(p model.TemplatePart, e *model.Error, header bool) string {
	switch p.Kind {
	case model.ValueRetryAfter:
		return "[0-9]*"
	case model.ValueRequestID:
		return model.RequestIDPattern
	case model.ValueParam:
		if q := e.Param(p.Name); q != nil && (q.Type == model.TypeInt || q.Type == model.TypeInt64) {
			return "-?[0-9]*"
		}
	}
	if header {
		return ".*"
	}
	return `[\s\S]*`
}

// templateMember is the schema of a body member that is a string
// template: for one error a constant when it is one, else a string with
// the pattern of what the server sends; for a format's body schema, the
// values of its errors.
func (c *components) templateMember(t model.Template, tg target) (*openapi3.Schema, bool, bool) {
	facts := make([]templateFacts, len(tg.errs))
	for i, e := range tg.errs {
		facts[i] = c.templateFacts(t, e, false)
	}
	sc, required, ok := c.templateSchema(facts)
	if !ok {
		return nil, false, false
	}
	if tg.e == nil || !sc.isConstant {
		sc.Description = "Built from " + codeSpan(t.Source()) + "."
	}
	return sc.Schema, required, true
}

// templateSchema is a schema for a template across errors: present when
// any error sends it, required when all always do, a constant or enum of
// the texts when each error's is constant, else a string with a pattern.
type tmplSchema struct {
	*openapi3.Schema
	isConstant bool
}

func (c *components) templateSchema(facts []templateFacts) (tmplSchema, bool, bool) {
	required, constant := true, true
	var values []any
	var patterns []string
	n := 0
	for _, f := range facts {
		required = required && f.present && f.required
		if !f.present {
			continue
		}
		n++
		constant = constant && f.constant
		if !contains(values, any(f.value)) {
			values = append(values, f.value)
		}
		if !contains(patterns, f.pattern) {
			patterns = append(patterns, f.pattern)
		}
	}
	if n == 0 {
		return tmplSchema{}, false, false
	}
	if constant {
		return tmplSchema{c.oneOfValues(values, ""), true}, required, true
	}
	sc := typed(openapi3.TypeString, "", "")
	if len(patterns) == 1 {
		sc.Pattern = "^" + patterns[0] + "$"
	} else {
		sc.Pattern = "^(?:" + strings.Join(patterns, "|") + ")$"
	}
	return tmplSchema{sc, false}, required, true
}

// specHeaders describes the headers the spec sets (Error.Headers) for
// errs, which share a response: in first-seen order, each a string
// schema (a constant or enum when every error's value is one), required
// when every error always sends it, with the example of the first error
// whose example sends it.
func (c *components) specHeaders(errs []*model.Error) (names []string, headers map[string]*openapi3.Header) {
	type seen struct {
		codes    []string
		sources  []string
		computed bool // some template has a value, not only text
		facts    []templateFacts
		example  *templateFacts
	}
	byKey := map[string]*seen{}
	keyName := map[string]string{}
	var keys []string
	for _, e := range errs {
		for _, h := range e.Headers {
			key := strings.ToLower(h.Name)
			f := c.templateFacts(h.Value, e, true)
			if !f.present {
				continue
			}
			s := byKey[key]
			if s == nil {
				s = &seen{}
				byKey[key] = s
				keyName[key] = h.Name
				keys = append(keys, key)
			}
			s.codes = append(s.codes, codeSpan(e.Code))
			if _, literal := literalTemplate(h.Value); !literal {
				s.computed = true
			}
			if src := codeSpan(h.Value.Source()); !contains(s.sources, src) {
				s.sources = append(s.sources, src)
			}
			s.facts = append(s.facts, f)
			if s.example == nil && !f.exampleAbsent {
				s.example = &f
			}
		}
	}
	headers = map[string]*openapi3.Header{}
	for _, key := range keys {
		s := byKey[key]
		sc, required, _ := c.templateSchema(s.facts)
		required = required && len(s.facts) == len(errs)
		var d []string
		if s.computed {
			d = append(d, "Built from "+strings.Join(s.sources, " or ")+".")
		}
		if len(s.facts) < len(errs) {
			d = append(d, "Sent with "+strings.Join(s.codes, ", ")+".")
		}
		h := &openapi3.Header{Parameter: openapi3.Parameter{
			Description: strings.Join(d, " "),
			Required:    required,
			Schema:      &openapi3.SchemaRef{Value: sc.Schema},
		}}
		if s.example != nil {
			h.Example = s.example.example
		}
		names = append(names, keyName[key])
		headers[keyName[key]] = h
	}
	return names, headers
}

// literalTemplate returns the text of a template that has no values.
func literalTemplate(t model.Template) (string, bool) {
	var b strings.Builder
	for _, p := range t.Parts {
		if p.Kind != model.ValueLiteral {
			return "", false
		}
		b.WriteString(p.Literal)
	}
	return b.String(), true
}
