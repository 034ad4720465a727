package diff

import (
	"fmt"
	"strings"

	"github.com/errgen/errgen/internal/model"
)

// This file answers what a format puts on the wire (does it carry the
// code, a param, an attribute, the doc link?) and compares body templates
// and headers.

// visit calls fn for every field of a body, depth first in wire order.
func visit(fields []*model.Field, fn func(*model.Field)) {
	for _, f := range fields {
		fn(f)
		visit(f.Children, fn)
	}
}

// bodyHas reports whether a body writes a value: a field or a string
// template's part for which match is true.
func bodyHas(fields []*model.Field, match func(k model.ValueKind, name string) bool) bool {
	found := false
	visit(fields, func(f *model.Field) {
		switch {
		case found:
		case f.Kind == model.ValueTemplate:
			found = templateHas(f.Template, match)
		case f.Kind == model.ValueParam:
			found = match(f.Kind, f.Param)
		case f.Kind == model.ValueAttr:
			found = match(f.Kind, f.Attr)
		default:
			found = match(f.Kind, "")
		}
	})
	return found
}

func templateHas(t model.Template, match func(k model.ValueKind, name string) bool) bool {
	for _, p := range t.Parts {
		if p.Kind != model.ValueLiteral && match(p.Kind, p.Name) {
			return true
		}
	}
	return false
}

func headersHave(hs []*model.Header, match func(k model.ValueKind, name string) bool) bool {
	for _, h := range hs {
		if templateHas(h.Value, match) {
			return true
		}
	}
	return false
}

func isKind(kinds ...model.ValueKind) func(model.ValueKind, string) bool {
	return func(k model.ValueKind, _ string) bool {
		for _, want := range kinds {
			if k == want {
				return true
			}
		}
		return false
	}
}

// bodyCarriesCode reports whether a format's body or headers carry the
// code anywhere: a member, a string template, a header.
func bodyCarriesCode(f *model.Response) bool {
	return bodyHas(f.Body, isKind(model.ValueCode)) || headersHave(f.Headers, isKind(model.ValueCode))
}

// carriesCode reports whether an error's responses carry its code: in the
// body, in a string, or in one of its headers. Clients identify an error
// whose responses do not by its message.
func carriesCode(e *model.Error) bool {
	return bodyHas(e.Format.Body, isKind(model.ValueCode)) || headersHave(e.Headers, isKind(model.ValueCode))
}

// paramsCarried reports whether an error's responses carry every param its
// messages use, so that clients need not recover them from the message.
func paramsCarried(e *model.Error, m *model.Message) bool {
	if bodyHas(e.Format.Body, isKind(model.ValueParams, model.ValueParamsInline)) {
		return true
	}
	for _, i := range m.Params() {
		name := e.Params[i].Name
		has := func(k model.ValueKind, n string) bool { return k == model.ValueParam && n == name }
		if !bodyHas(e.Format.Body, has) && !headersHave(e.Headers, has) {
			return false
		}
	}
	return true
}

// attrOnWire reports whether an error's responses write an attribute.
func attrOnWire(e *model.Error, name string) bool {
	has := func(k model.ValueKind, n string) bool {
		return k == model.ValueAttrsInline || k == model.ValueAttr && n == name
	}
	return bodyHas(e.Format.Body, has) || headersHave(e.Headers, has)
}

// carriesDocLink reports whether a format's bodies carry the doc link
// (the problem type, $doc_url, or ${doc_url} in a string).
func carriesDocLink(f *model.Response) bool {
	return bodyHas(f.Body, isKind(model.ValueDocURL, model.ValueType))
}

// docLinkMember names the first member that carries the doc link.
func docLinkMember(f *model.Response) string {
	for _, l := range leaves(f.Body) {
		if l.field.Kind == model.ValueDocURL || l.field.Kind == model.ValueType ||
			l.field.Kind == model.ValueTemplate && templateHas(l.field.Template, isKind(model.ValueDocURL)) {
			return l.path
		}
	}
	return ""
}

// leaf is one member of a body template that holds a value (not an
// object), by its path from the body.
type leaf struct {
	path  string // errors[0].source.pointer
	id    string // what it holds, comparable
	field *model.Field
}

// leaves lists a body's value members, depth first in wire order. The
// problem format's inline params and attributes are compared per error.
func leaves(fields []*model.Field) []leaf {
	var out []leaf
	var walk func(fs []*model.Field, prefix string)
	walk = func(fs []*model.Field, prefix string) {
		for _, f := range fs {
			switch f.Kind {
			case model.ValueParamsInline, model.ValueAttrsInline:
			case model.ValueObject:
				walk(f.Children, prefix+f.Name+".")
			case model.ValueList:
				walk(f.Children, prefix+f.Name+"[0].")
			default:
				out = append(out, leaf{path: prefix + f.Name, id: valueID(f), field: f})
			}
		}
	}
	walk(fields, "")
	return out
}

// valueID is what a member holds, as the spec writes it: $code,
// $param.NAME, "${status}", false, "text".
func valueID(f *model.Field) string {
	switch f.Kind {
	case model.ValueLiteral:
		return literal(f.Literal)
	case model.ValueTemplate:
		return `"` + templateSource(f.Template) + `"`
	case model.ValueParam:
		return "$param." + f.Param
	case model.ValueAttr:
		return "$attr." + f.Attr
	case model.ValueType:
		return "$type"
	}
	return f.Kind.Variable()
}

// templateSource writes a string template back as the spec writes it.
func templateSource(t model.Template) string {
	var b strings.Builder
	for _, p := range t.Parts {
		switch p.Kind {
		case model.ValueLiteral:
			b.WriteString(strings.ReplaceAll(p.Literal, "${", "$${"))
		case model.ValueParam:
			b.WriteString("${param." + p.Name + "}")
		case model.ValueAttr:
			b.WriteString("${attr." + p.Name + "}")
		default:
			b.WriteString("${" + strings.TrimPrefix(p.Kind.Variable(), "$") + "}")
		}
	}
	return b.String()
}

// jsonType names the JSON type a member holds, when the template alone
// says: "a number", "a string"; "" when it depends on the error.
func jsonType(f *model.Field, codes model.CodeType) string {
	switch f.Kind {
	case model.ValueLiteral:
		switch f.Literal.(type) {
		case string:
			return "a string"
		case bool:
			return "a boolean"
		}
		return "a number"
	case model.ValueTemplate, model.ValueStatusText, model.ValueTitle, model.ValueMessage, model.ValueDocURL, model.ValueInstance, model.ValueRequestID, model.ValueType:
		return "a string"
	case model.ValueStatus, model.ValueRetryAfter:
		return "a number"
	case model.ValueCode:
		if codes == model.CodeInteger {
			return "a number"
		}
		return "a string"
	case model.ValueDetails:
		return "an array"
	case model.ValueParams:
		return "an object"
	}
	return ""
}

// describe shows what a member holds, with its JSON type when known.
func describe(f *model.Field, codes model.CodeType) string {
	if t := jsonType(f, codes); t != "" {
		return valueID(f) + " (" + t + ")"
	}
	return valueID(f)
}

// body compares the body templates of a custom format.
func (c *comparer) body(name string, b, h *model.Response) {
	bl, hl := leaves(b.Body), leaves(h.Body)
	hByPath := make(map[string]leaf, len(hl))
	for _, l := range hl {
		hByPath[l.path] = l
	}
	bPaths := make(map[string]bool, len(bl))
	for _, l := range bl {
		bPaths[l.path] = true
	}
	// The members at new paths, by what they hold: where a removed member
	// may have moved to.
	newByID := map[string][]leaf{}
	for _, l := range hl {
		if !bPaths[l.path] {
			newByID[l.id] = append(newByID[l.id], l)
		}
	}
	moved := map[string]bool{}
	for _, l := range bl {
		n, ok := hByPath[l.path]
		switch {
		case ok && n.id == l.id:
		case ok:
			c.add(ruleBodyMemberChanged, Breaking, "", n.field.Pos,
				fmt.Sprintf("%s: body member %q holds %s, no longer %s", name, l.path, describe(n.field, c.head.CodeType), describe(l.field, c.base.CodeType)),
				fmt.Sprintf("keep %s: %s, and send the new value in a new member", l.path, valueID(l.field)),
				fmt.Sprintf("%s: the body's `%s` holds %s, not %s.", capital(name), l.path, mdCode(valueID(n.field)), mdCode(valueID(l.field))))
		case len(newByID[l.id]) > 0:
			to := newByID[l.id][0]
			newByID[l.id] = newByID[l.id][1:]
			moved[to.path] = true
			c.add(ruleBodyMemberMoved, Breaking, "", to.field.Pos,
				fmt.Sprintf("%s: body member %q moved to %q: clients read it where it was", name, l.path, to.path),
				fmt.Sprintf("keep %q; send %q beside it if clients need both", l.path, to.path),
				fmt.Sprintf("%s: the body's `%s` moved to `%s`.", capital(name), l.path, to.path))
		default:
			c.removed(ruleBodyMemberRemoved, Breaking, "", l.field.Pos,
				fmt.Sprintf("%s: body member %q (%s) was removed: clients read it", name, l.path, valueID(l.field)),
				fmt.Sprintf("keep %q in the body", l.path),
				fmt.Sprintf("%s: the body no longer has `%s`.", capital(name), l.path))
		}
	}
	for _, l := range hl {
		if !bPaths[l.path] && !moved[l.path] {
			c.add(ruleBodyMemberAdded, Info, "", l.field.Pos,
				fmt.Sprintf("%s: body member %q (%s) was added", name, l.path, valueID(l.field)), "",
				fmt.Sprintf("%s: the body has `%s`.", capital(name), l.path))
		}
	}
}

// headerValue returns the source of a header's value by name
// (case-insensitively), and whether it is there.
func headerValue(hs []*model.Header, name string) (*model.Header, string) {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h, templateSource(h.Value)
		}
	}
	return nil, ""
}

// headers compares two lists of headers. For an error's headers, bf and
// hf are its format's in the base and the new spec: a difference that
// only follows the format's, which was reported for the format, is not
// reported again for each error. code is the error's, or "" for a
// format.
func (c *comparer) headers(subject, code string, bh, hh, bf, hf []*model.Header, hpos, bpos model.Pos) {
	prefix := ""
	if subject != "" {
		prefix = subject + ": "
	}
	// A header value is never empty, so "" stands for an absent header.
	explained := func(name, bv, hv string) bool {
		_, bfv := headerValue(bf, name)
		_, hfv := headerValue(hf, name)
		return bfv == bv && hfv == hv
	}
	for _, b := range bh {
		h, hv := headerValue(hh, b.Name)
		bv := templateSource(b.Value)
		if hv == bv || explained(b.Name, bv, hv) {
			continue
		}
		if h == nil {
			c.removed(ruleHeaderRemoved, Breaking, code, posOr(b.Pos, bpos),
				fmt.Sprintf("%sheader %s (%q) is no longer sent", prefix, b.Name, bv),
				"keep the header "+b.Name, fmt.Sprintf("%sthe header `%s` is no longer sent.", notePrefix(subject, code), b.Name))
			continue
		}
		c.add(ruleHeaderChanged, Breaking, code, posOr(h.Pos, hpos),
			fmt.Sprintf("%sheader %s is %q, no longer %q", prefix, b.Name, hv, bv),
			fmt.Sprintf("keep %s: %q", b.Name, bv), fmt.Sprintf("%sthe header `%s` changed.", notePrefix(subject, code), b.Name))
	}
	for _, h := range hh {
		if b, _ := headerValue(bh, h.Name); b != nil {
			continue
		}
		hv := templateSource(h.Value)
		if explained(h.Name, "", hv) {
			continue
		}
		c.add(ruleHeaderAdded, Info, code, posOr(h.Pos, hpos),
			fmt.Sprintf("%sheader %s (%q) was added", prefix, h.Name, hv), "",
			fmt.Sprintf("%sthe header `%s` is sent.", notePrefix(subject, code), h.Name))
	}
}

// notePrefix starts a changelog note about a format or an error.
func notePrefix(subject, code string) string {
	switch {
	case code != "":
		return mdCode(code) + ": "
	case subject != "":
		return capital(subject) + ": "
	}
	return ""
}
