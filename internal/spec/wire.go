package spec

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// This file reads what describes a wire format beyond the body's shape:
// string templates (${code}), headers, attributes, the detail item shape,
// the code type, error markers, and the formats of groups.

// templateVars are the scalar values a ${NAME} interpolation may name;
// ${param.NAME} and ${attr.NAME} are handled apart.
var templateVars = map[string]model.ValueKind{
	"code":        model.ValueCode,
	"status":      model.ValueStatus,
	"status_text": model.ValueStatusText,
	"title":       model.ValueTitle,
	"message":     model.ValueMessage,
	"doc_url":     model.ValueDocURL,
	"instance":    model.ValueInstance,
	"retry_after": model.ValueRetryAfter,
	"request_id":  model.ValueRequestID,
}

func templateVarList() string {
	return "${code}, ${status}, ${status_text}, ${title}, ${message}, ${doc_url}, ${instance}, ${retry_after}, ${request_id}, ${param.NAME}, ${attr.NAME}"
}

// parseStringTemplate parses a string with ${NAME} interpolations: "$${"
// is a literal "${", every other "$" is literal. It returns the parts and,
// for a mistake, what is wrong.
func (b *builder) parseStringTemplate(s string) (model.Template, string) {
	var t model.Template
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			t.Parts = append(t.Parts, model.TemplatePart{Literal: lit.String(), Kind: model.ValueLiteral})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "$${"):
			lit.WriteString("${")
			i += 2
		case strings.HasPrefix(s[i:], "${"):
			end := strings.IndexByte(s[i+2:], '}')
			if end < 0 {
				return t, fmt.Sprintf("%q has \"${\" without \"}\" (write $${ for a literal ${)", s)
			}
			name := s[i+2 : i+2+end]
			part, msg := b.templateVar(name)
			if msg != "" {
				return t, msg
			}
			flush()
			t.Parts = append(t.Parts, part)
			i += 2 + end
		default:
			lit.WriteByte(s[i])
		}
	}
	flush()
	return t, ""
}

// templateVar resolves the NAME of a ${NAME} interpolation.
func (b *builder) templateVar(name string) (model.TemplatePart, string) {
	if k, ok := templateVars[name]; ok {
		if k == model.ValueRequestID && b.spec.RequestID == nil {
			return model.TemplatePart{}, noRequestID("${request_id}")
		}
		return model.TemplatePart{Kind: k}, ""
	}
	if p, ok := strings.CutPrefix(name, "param."); ok {
		// Whether some error declares the param is checked by the caller:
		// for headers, once every error is known (checkHeaderParams).
		return model.TemplatePart{Kind: model.ValueParam, Name: p}, ""
	}
	if a, ok := strings.CutPrefix(name, "attr."); ok {
		if !validName(a) {
			return model.TemplatePart{}, fmt.Sprintf("${attr.%s}: attribute names match [A-Za-z_][A-Za-z0-9_]*", a)
		}
		return model.TemplatePart{Kind: model.ValueAttr, Name: a}, ""
	}
	return model.TemplatePart{}, fmt.Sprintf("unknown value ${%s} (use one of %s; write $${ for a literal ${)", name, templateVarList())
}

// fieldName reports whether s is an HTTP field name (RFC 9110 token).
func fieldName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// ownHeaders are the headers errgen writes itself or that HTTP reserves
// for the connection; a spec may not set them.
var ownHeaders = []string{"Content-Type", "Content-Length", "Retry-After", "Transfer-Encoding", "Connection", "Trailer", "Upgrade", "Host", "Date"}

// ownHeader reports whether name is one of ownHeaders, in any case.
func ownHeader(name string) bool {
	return slices.ContainsFunc(ownHeaders, func(h string) bool { return strings.EqualFold(h, name) })
}

// paramScope says which errors a ${param.NAME} in a header must be
// declared by: has reports whether one of them declares the param, and
// who names them in the problem when none does.
type paramScope struct {
	has func(name string) bool
	who string
}

// headerParam is a ${param.NAME} of a header value, checked against its
// scope by checkHeaderParams once every error and param is known: a
// group's headers are read before any error, an error's before its
// params.
type headerParam struct {
	pos   model.Pos
	what  string // the header, as problems name it ("response.headers.X-Hint")
	name  string
	scope paramScope
}

// formatParams is the scope of a format's headers and body: some error
// of the catalog declares the param.
func (b *builder) formatParams() paramScope {
	return paramScope{b.anyErrorHasParam, "no error declares"}
}

// groupParams is the scope of a group's headers: some error of the group
// declares the param.
func groupParams(g *model.Group) paramScope {
	return paramScope{func(name string) bool {
		return slices.ContainsFunc(g.Errors, func(e *model.Error) bool { return e.Param(name) != nil })
	}, "no error of group " + strconv.Quote(g.ID) + " declares"}
}

// errorParams is the scope of an error's own headers: the error itself
// declares the param.
func errorParams(e *model.Error) paramScope {
	return paramScope{func(name string) bool { return e.Param(name) != nil }, "the error does not declare"}
}

// checkHeaderParams reports each header that names a param none of the
// errors it is sent for declares: the first such param of the value.
func (b *builder) checkHeaderParams() {
	reported := map[model.Pos]bool{}
	for _, r := range b.headerParams {
		if reported[r.pos] || r.scope.has(r.name) {
			continue
		}
		reported[r.pos] = true
		b.add(r.pos, "%s: ${param.%s} names a param %s", r.what, r.name, r.scope.who)
	}
}

// headers reads a headers mapping: HTTP field name → string template.
// scope is the errors a ${param.NAME} must be declared by.
func (b *builder) headers(n *yaml.Node, what string, scope paramScope) []*model.Header {
	n = b.resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		b.add(b.pos(n), "%s must be a mapping of header names to values, not %s", what, kindName(n))
		return nil
	}
	var out []*model.Header
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := b.resolve(n.Content[i]), b.resolve(n.Content[i+1])
		if k == nil || v == nil {
			return out
		}
		name := k.Value
		switch {
		case k.Kind != yaml.ScalarNode || !fieldName(name):
			b.add(b.pos(k), "%s: %q is not an HTTP header name (letters, digits and !#$%%&'*+-.^_`|~)", what, name)
			continue
		case ownHeader(name):
			b.add(b.pos(k), "%s: errgen writes %s itself; it cannot be set here", what, name)
			continue
		case slices.ContainsFunc(out, func(h *model.Header) bool { return strings.EqualFold(h.Name, name) }):
			b.add(b.pos(k), "%s: duplicate header %q (header names are case-insensitive)", what, name)
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || explicitTag(v) && v.Tag != "!!str" {
			b.add(b.pos(v), "%s.%s: a header value must be a string, not %s%s", what, name, kindName(v), tagHint(v))
			continue
		}
		src := v.Value
		if kind, ok := variables[src]; ok && scalarVariable(kind) {
			src = "${" + strings.TrimPrefix(src, "$") + "}"
		}
		t, msg := b.parseStringTemplate(src)
		if msg != "" {
			b.add(b.pos(v), "%s.%s: %s", what, name, msg)
			continue
		}
		if len(t.Parts) == 0 {
			b.add(b.pos(v), "%s.%s: a header value must not be empty", what, name)
			continue
		}
		for _, p := range t.Parts {
			if p.Kind == model.ValueParam {
				b.headerParams = append(b.headerParams, headerParam{b.pos(v), what + "." + name, p.Name, scope})
			}
		}
		markQuoted(&t)
		out = append(out, &model.Header{Name: name, Value: t, Pos: b.pos(k)})
	}
	return out
}

// scalarVariable reports whether a $variable is a single value a string
// template can hold.
func scalarVariable(k model.ValueKind) bool {
	switch k {
	case model.ValueDetails, model.ValueParams:
		return false
	}
	return true
}

// markQuoted marks the values of a header template that sit inside an
// HTTP quoted-string: after an odd number of quotes not escaped by a
// backslash in the literal text before them.
func markQuoted(t *model.Template) {
	in := false
	for i := range t.Parts {
		p := &t.Parts[i]
		if p.Kind != model.ValueLiteral {
			p.Quoted = in
			continue
		}
		for j := 0; j < len(p.Literal); j++ {
			switch p.Literal[j] {
			case '\\':
				if in {
					j++
				}
			case '"':
				in = !in
			}
		}
	}
}

// mergeHeaders lays later headers over earlier ones: a header of the same
// name (case-insensitively) is replaced in place, a new one appended.
func mergeHeaders(layers ...[]*model.Header) []*model.Header {
	var out []*model.Header
	for _, layer := range layers {
		for _, h := range layer {
			if i := slices.IndexFunc(out, func(o *model.Header) bool { return strings.EqualFold(o.Name, h.Name) }); i >= 0 {
				out[i] = h
				continue
			}
			out = append(out, h)
		}
	}
	return out
}

// attributes reads an attributes mapping: name → string, number or bool.
func (b *builder) attributes(n *yaml.Node, what string) []model.KeyValue {
	n = b.resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		b.add(b.pos(n), "%s must be a mapping of names to constants, not %s", what, kindName(n))
		return nil
	}
	var out []model.KeyValue
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := b.resolve(n.Content[i]), b.resolve(n.Content[i+1])
		if k == nil || v == nil {
			return out
		}
		switch {
		case k.Kind != yaml.ScalarNode || !validName(k.Value):
			b.add(b.pos(k), "%s: attribute name %q must match [A-Za-z_][A-Za-z0-9_]*", what, k.Value)
			continue
		case slices.ContainsFunc(out, func(kv model.KeyValue) bool { return kv.Key == k.Value }):
			b.add(b.pos(k), "%s: duplicate attribute %q", what, k.Value)
			continue
		case v.Kind != yaml.ScalarNode || v.Tag == "!!null":
			b.add(b.pos(v), "%s.%s: an attribute is a string, a number or a bool, not %s", what, k.Value, kindName(v))
			continue
		}
		if val, ok := b.literal(v, what+"."+k.Value); ok {
			out = append(out, model.KeyValue{Key: k.Value, Value: val})
		}
	}
	return out
}

// mergeAttributes lays an error's attributes over its group's.
func mergeAttributes(group, own []model.KeyValue) []model.KeyValue {
	out := slices.Clone(group)
	for _, kv := range own {
		if i := slices.IndexFunc(out, func(o model.KeyValue) bool { return o.Key == kv.Key }); i >= 0 {
			out[i] = kv
			continue
		}
		out = append(out, kv)
	}
	return out
}

// buildCodeType reads response.code_type.
func (b *builder) buildCodeType() {
	ct := b.raw.response.codeType
	b.spec.CodeType = model.CodeString
	switch ct.v {
	case "", "string":
	case "integer":
		b.spec.CodeType = model.CodeInteger
	default:
		b.add(b.at(ct), "response.code_type %q is not one of string, integer", ct.v)
	}
}

// noRequestID is the problem of a request id used by a spec without
// response.request_id.
func noRequestID(v string) string {
	return v + " needs response.request_id (hint: add `request_id: {header: X-Request-Id}` under response: to name the request header that carries the id)"
}

// maxRequestIDMember bounds the length of response.request_id.member.
const maxRequestIDMember = 64

// buildRequestID reads response.request_id: the request header that
// carries the id, and the problem member that carries it.
func (b *builder) buildRequestID() {
	r := &b.raw.response
	if r.requestID == nil || r.requestID.Kind != yaml.MappingNode {
		return // none, or reported by the walk
	}
	// A mistake is reported once: the request id stays configured (with
	// a stand-in header, or without the member), so that the uses of
	// $request_id are not reported too.
	rid := &model.RequestID{Header: "X-Request-Id", Member: r.requestIDMember.v, Pos: b.pos(r.requestID)}
	switch h := r.requestIDHeader.v; {
	case r.requestIDHeader.n == nil:
		// Missing: reported by the walk.
	case !fieldName(h):
		b.add(b.at(r.requestIDHeader), "response.request_id.header %q is not an HTTP header name (letters, digits and !#$%%&'*+-.^_`|~)", h)
	case ownHeader(h):
		b.add(b.at(r.requestIDHeader), "response.request_id.header %q is not a header a client or proxy sets for a request id (hint: X-Request-Id)", h)
	default:
		rid.Header = h
	}
	if r.requestIDMember.n != nil {
		m := rid.Member
		switch {
		case m == "" || utf8.RuneCountInString(m) > maxRequestIDMember || !utf8.ValidString(m) || strings.ContainsFunc(m, notInLine):
			b.add(b.at(r.requestIDMember), "response.request_id.member %q must be a member name: 1 to %d characters of valid UTF-8, no control characters", m, maxRequestIDMember)
			rid.Member = ""
		case slices.Contains(problemMembers, m):
			b.add(b.at(r.requestIDMember), "response.request_id.member %q would overwrite the problem member %q; name another member (hint: request_id)", m, m)
			rid.Member = ""
		}
	}
	b.spec.RequestID = rid
}

// checkRequestIDMember refuses response.request_id.member when no wire
// format is problem+json: only problem documents carry it.
func (b *builder) checkRequestIDMember() {
	r := b.spec.RequestID
	if r == nil || r.Member == "" {
		return
	}
	for _, f := range b.spec.Formats {
		if f.Format == model.FormatProblem {
			return
		}
	}
	b.add(b.at(b.raw.response.requestIDMember), "response.request_id.member %q is sent only in problem documents, and no format is problem; place the id with $request_id in the body instead", r.Member)
	r.Member = ""
}

// checkCode validates a code, alias or reserved code as the code type
// asks; what names it in problems ("error \"x\": code").
func (b *builder) checkCode(s str, what string) bool {
	if b.spec.CodeType == model.CodeInteger {
		v, form := readInt(s.n)
		switch {
		case s.n != nil && explicitTag(s.n) && s.n.Tag != "!!int":
			b.add(b.at(s), "%s %q: with response.code_type: integer, codes are integers written as YAML numbers, not tagged %s (remove the tag)", what, s.v, s.n.Tag)
		case s.n != nil && s.n.Tag == "!!str":
			b.add(b.at(s), "%s %q: with response.code_type: integer, codes are integers written as YAML numbers (without quotes)", what, s.v)
		case form == intOther:
			b.add(b.at(s), "%s %s must be a decimal integer%s", what, s.v, decimalFix(s.n))
		case form == intNot || form == intRange || v <= 0 || v > math.MaxInt32:
			b.add(b.at(s), "%s %s must be a positive decimal integer below 2^31", what, s.v)
		default:
			return true
		}
		return false
	}
	if s.n != nil && explicitTag(s.n) && s.n.Tag != "!!str" {
		b.add(b.at(s), "%s %q must be a string, not tagged %s (remove the tag: codes are strings, unless response.code_type is integer)", what, s.v, s.n.Tag)
		return false
	}
	if !validCode(s.v) {
		b.add(b.at(s), "%s %q must match [A-Za-z0-9][A-Za-z0-9_.:-]*", what, s.v)
		return false
	}
	return true
}

// detailTypes are the types of detail item leaves.
var detailTypes = []string{"string", "int", "bool"}

// buildDetails reads response.details, the shape of one detail item.
func (b *builder) buildDetails() {
	n := b.raw.response.details
	b.spec.Details = model.DefaultDetails()
	if n == nil {
		return
	}
	fields := b.detailFields(n, "response.details", nil, "", 0)
	if len(fields) > 0 {
		b.spec.Details = fields
	}
	seen := map[string]model.Pos{}
	for _, l := range model.DetailLeaves(fields) {
		if prev, dup := seen[l.GoName]; dup {
			b.add(l.Pos, "response.details: %s gives the Detail field %s, as the member at %d:%d does; rename one", strings.Join(l.Path, "."), l.GoName, prev.Line, prev.Col)
		}
		seen[l.GoName] = l.Pos
	}
}

func (b *builder) detailFields(n *yaml.Node, what string, path []string, goPrefix string, depth int) []*model.DetailField {
	n = b.resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		b.add(b.pos(n), "%s must be a mapping of member names to string, int, bool or a mapping, not %s", what, kindName(n))
		return nil
	}
	if depth >= 4 {
		b.add(b.pos(n), "%s is nested too deeply (4 levels at most)", what)
		return nil
	}
	var out []*model.DetailField
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := b.resolve(n.Content[i]), b.resolve(n.Content[i+1])
		if k == nil || v == nil {
			return out
		}
		name := k.Value
		if k.Kind != yaml.ScalarNode || name == "" {
			b.add(b.pos(k), "%s: member names must be non-empty strings", what)
			continue
		}
		if slices.ContainsFunc(out, func(f *model.DetailField) bool { return f.Name == name }) {
			b.add(b.pos(k), "%s: duplicate member %q", what, name)
			continue
		}
		f := &model.DetailField{Name: name, Path: append(slices.Clone(path), name), Pos: b.pos(k)}
		gn := goName(name)
		if gn == "" || !isExported(gn) {
			gn = "F" + gn
		}
		f.GoName = goPrefix + gn
		switch {
		case v.Kind == yaml.MappingNode:
			f.Children = b.detailFields(v, what+"."+name, f.Path, f.GoName, depth+1)
			if len(f.Children) == 0 {
				continue
			}
		case v.Kind == yaml.ScalarNode && slices.Contains(detailTypes, v.Value):
			f.Type = v.Value
		default:
			b.add(b.pos(v), "%s.%s: %q is not a detail member type (use string, int, bool or a mapping)", what, name, v.Value)
			continue
		}
		out = append(out, f)
	}
	return out
}

// marker reads an error_marker: one member and its constant.
func (b *builder) marker(n *yaml.Node, what string) *model.Marker {
	n = b.resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		b.add(b.pos(n), "%s.error_marker must be one member and its constant, such as {ok: false}", what)
		return nil
	}
	k, v := b.resolve(n.Content[0]), b.resolve(n.Content[1])
	if k == nil || v == nil || k.Kind != yaml.ScalarNode || k.Value == "" {
		b.add(b.pos(n), "%s.error_marker must be one member and its constant, such as {ok: false}", what)
		return nil
	}
	val, ok := b.literal(v, what+".error_marker."+k.Value)
	if !ok {
		return nil
	}
	return &model.Marker{Member: k.Value, Value: val, Pos: b.pos(k)}
}

// buildDocURL reads an error's own doc_url: an absolute http(s) URL.
func (b *builder) buildDocURL(e *model.Error, s str, what string) {
	if s.n == nil {
		return
	}
	u, err := url.Parse(s.v)
	switch {
	case err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "":
		b.add(b.at(s), "%s: doc_url %q is not an absolute http(s) URL", what, s.v)
	case strings.ContainsAny(s.v, " <>\"\\`{}|^\t\n\r"):
		b.add(b.at(s), "%s: doc_url %q has characters a URL must not hold unescaped", what, s.v)
	default:
		e.DocURL, e.OwnDocURL = s.v, true
	}
}

// anchorFor is the anchor of an error's docs section in a style.
func anchorFor(code string, style string) string {
	switch style {
	case "kebab", "snake":
		sep := "-"
		if style == "snake" {
			sep = "_"
		}
		words := splitWords(code)
		for i, w := range words {
			words[i] = strings.ToLower(w)
		}
		return strings.Join(words, sep)
	}
	return anchor(code)
}
