package spec

import (
	"slices"
	"strconv"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// problemMembers are the RFC 9457 members errgen writes, which params
// and attributes must not shadow in the problem format (the details
// member is added per format).
var problemMembers = []string{"type", "title", "status", "detail", "instance", "code"}

// buildFormats builds the catalog's wire format and each group's own,
// and gives every error the format it is written in.
func (b *builder) buildFormats() {
	b.spec.Response = *b.buildFormat(&b.raw.response, nil)
	b.spec.Formats = []*model.Response{&b.spec.Response}
	for _, g := range b.spec.Groups {
		rg := b.groupRaw[g]
		if rg == nil || rg.response == nil {
			continue
		}
		f := b.buildFormat(rg.response, g)
		gn := g.GoName()
		b.claimGoNames([]string{"Write" + gn + "Error", gn + "HandlerFunc"}, "group "+strconv.Quote(g.ID)+"'s format", g.Pos)
		f.Index = len(b.spec.Formats)
		g.Response = f
		b.spec.Formats = append(b.spec.Formats, f)
	}
	for _, e := range b.spec.Errors {
		e.Format = &b.spec.Response
		if e.Group != nil && e.Group.Response != nil {
			e.Format = e.Group.Response
		}
		if e.Format.Format == model.FormatProblem {
			b.checkProblemNames(e)
		}
	}
	for _, f := range b.spec.Formats {
		b.checkBodyRefs(f)
		if f.Format == model.FormatProblem && slices.ContainsFunc(b.spec.Errors, func(e *model.Error) bool {
			return e.Format == f && len(e.Attributes) > 0
		}) {
			// Attributes are extension members, after the code.
			i := slices.IndexFunc(f.Body, func(fd *model.Field) bool { return fd.Kind == model.ValueParamsInline })
			f.Body = slices.Insert(f.Body, i, &model.Field{Kind: model.ValueAttrsInline})
		}
	}
}

// buildFormat builds one wire format from its response section.
func (b *builder) buildFormat(r *rawResponse, g *model.Group) *model.Response {
	what := r.what
	if what == "" {
		what = "response"
	}
	resp := &model.Response{Pos: b.pos(r.node), Group: g, Format: model.FormatProblem, KeyPos: b.keyPos(r.keys)}
	switch f := model.Format(r.format.v); f {
	case "", model.FormatProblem:
	case model.FormatCustom:
		resp.Format = f
	default:
		b.add(b.at(r.format), "%s.format %q is not one of problem, custom", what, r.format.v)
		return resp
	}
	resp.MediaType = r.mediaType.v
	if r.mediaType.n != nil {
		if msg := mediaTypeProblem(r.mediaType.v); msg != "" {
			b.add(b.at(r.mediaType), "%s.%s", what, msg)
		}
	}
	resp.Headers = b.headers(r.headers, what+".headers", b.formatParams())
	if resp.Format == model.FormatProblem {
		if resp.MediaType == "" {
			resp.MediaType = "application/problem+json"
		}
		if r.body != nil {
			b.add(b.pos(r.body), "%s.body is only for format: custom; the problem format's body is fixed by RFC 9457", what)
		}
		resp.DetailsMember = "errors"
		if r.detailsMember.n != nil {
			if r.detailsMember.v == "" || slices.Contains(problemMembers, r.detailsMember.v) {
				b.add(b.at(r.detailsMember), "%s.details_member %q would overwrite a problem member; name another member", what, r.detailsMember.v)
			} else {
				resp.DetailsMember = r.detailsMember.v
			}
		}
		member := ""
		if b.spec.RequestID != nil {
			member = b.spec.RequestID.Member
		}
		if member != "" && member == resp.DetailsMember {
			b.add(b.at(b.raw.response.requestIDMember), "response.request_id.member %q is the details member of %s; name another member", member, what)
			member = ""
		}
		resp.RequestIDMember = member
		resp.Body = problemBody(resp.DetailsMember, member)
	} else {
		if resp.MediaType == "" {
			resp.MediaType = "application/json"
		}
		if r.detailsMember.n != nil {
			b.add(b.at(r.detailsMember), "%s.details_member is for the problem format; in a custom body, $details names where the details go", what)
		}
		if r.body == nil {
			b.add(resp.Pos, "%s: format: custom needs a body", what)
		} else {
			// A body without $code is allowed: the client then identifies
			// errors by type URI, message and status, as documented.
			resp.Body = b.bodyFields(r.body, what+".body", 1)
			if n := b.resolve(r.body); n != nil && n.Kind == yaml.MappingNode && len(n.Content) == 0 {
				// Only an empty mapping: members that are wrong, or a body
				// that is not a mapping, are reported as what they are.
				b.add(b.pos(n), "%s.body needs at least one member", what)
			}
		}
	}
	if r.errorMarker != nil {
		resp.Marker = b.marker(r.errorMarker, what)
		if m := resp.Marker; m != nil && !writesMarker(resp.Body, m) {
			b.add(m.Pos, "%s.error_marker: the body must write %q as the constant %s, so that clients can tell errors from successes", what, m.Member, model.TextValue(m.Value))
			resp.Marker = nil
		}
	}
	return resp
}

// writesMarker reports whether a body writes the marker's member, at the
// top level, as the marker's constant.
func writesMarker(body []*model.Field, m *model.Marker) bool {
	for _, f := range body {
		if f.Name == m.Member {
			return f.Kind == model.ValueLiteral && f.Literal == m.Value
		}
	}
	return false
}

// checkProblemNames refuses params and attributes that would overwrite a
// problem member, the details member or each other on the wire.
func (b *builder) checkProblemNames(e *model.Error) {
	taken := append(slices.Clone(problemMembers), e.Format.DetailsMember)
	if m := e.Format.RequestIDMember; m != "" {
		taken = append(taken, m)
	}
	for _, p := range e.Params {
		if slices.Contains(taken, p.Name) {
			b.add(p.Pos, "error %q: param %q would overwrite the problem member %q on the wire; rename the param", e.Code, p.Name, p.Name)
		}
	}
	for _, kv := range e.Attributes {
		switch {
		case slices.Contains(taken, kv.Key):
			b.add(e.Pos, "error %q: attribute %q would overwrite the problem member %q on the wire; rename the attribute", e.Code, kv.Key, kv.Key)
		case e.Param(kv.Key) != nil:
			b.add(e.Pos, "error %q: attribute %q and the param of the same name would both be the member %q on the wire; rename one", e.Code, kv.Key, kv.Key)
		}
	}
}

// checkBodyRefs reports $attr.NAME and ${attr.NAME} references in a
// format's body and headers that no error of the format has.
func (b *builder) checkBodyRefs(f *model.Response) {
	has := func(name string) bool {
		for _, e := range b.spec.Errors {
			if _, ok := e.Attr(name); ok && e.Format == f {
				return true
			}
		}
		return false
	}
	check := func(name string, pos model.Pos) {
		if !has(name) {
			b.add(pos, "$attr.%s names an attribute no error of this format has", name)
		}
	}
	var walk func(fields []*model.Field)
	walk = func(fields []*model.Field) {
		for _, fd := range fields {
			switch fd.Kind {
			case model.ValueAttr:
				check(fd.Attr, fd.Pos)
			case model.ValueTemplate:
				for _, p := range fd.Template.Parts {
					if p.Kind == model.ValueAttr {
						check(p.Name, fd.Pos)
					}
				}
			case model.ValueObject, model.ValueList:
				walk(fd.Children)
			}
		}
	}
	walk(f.Body)
	for _, h := range f.Headers {
		for _, p := range h.Value.Parts {
			if p.Kind == model.ValueAttr {
				check(p.Name, h.Pos)
			}
		}
	}
}

// buildGroupInternals resolves each group format's internal_code: a 5xx
// error of the group, which Write<Group>Error sends for anything outside
// the catalog.
func (b *builder) buildGroupInternals() {
	b.spec.Response.Internal = b.spec.Internal
	if in := b.spec.Internal; in != nil && in.BuiltIn {
		in.Format = &b.spec.Response
	} else if in != nil && in.Format != &b.spec.Response {
		b.add(b.at(b.raw.response.internalCode), "response.internal_code %q is written in its group's own format; the catalog's internal error must use the catalog's response", in.Code)
	}
	for _, f := range b.spec.Formats[1:] {
		ic := b.groupRaw[f.Group].response.internalCode
		what := "group " + strconv.Quote(f.Group.ID) + ": response"
		if ic.n == nil {
			b.add(f.Pos, "%s needs an internal_code: a 5xx error of the group, sent in this format for anything outside the catalog", what)
			continue
		}
		e := b.errorByCode(ic.v)
		switch {
		case e == nil:
			b.add(b.at(ic), "%s.internal_code %q is not a code of the catalog", what, ic.v)
		case e.Group != f.Group:
			b.add(b.at(ic), "%s.internal_code %q is not an error of the group", what, ic.v)
		case e.Status < 500:
			b.add(b.at(ic), "%s.internal_code %q has status %d; the internal error must be a 5xx", what, ic.v, e.Status)
		default:
			f.Internal = e
		}
	}
}

// checkStatuses refuses 2xx statuses where the error's format has no
// error_marker.
func (b *builder) checkStatuses() {
	for _, re := range b.raw.errors {
		e := b.errorByCode(re.code.v)
		if e == nil || e.Status < 200 || e.Status > 299 || e.Format == nil || e.Format.Marker != nil {
			continue
		}
		b.add(b.pos(re.statusNode), "error %q: status %d is a success status: an error can have it only when its response declares an error_marker (such as {ok: false}) that its body writes", e.Code, e.Status)
	}
}

// resolveHeaders gives every error its headers: the format's, its
// group's, then its own.
func (b *builder) resolveHeaders() {
	for _, e := range b.spec.AllErrors() {
		if e.Format == nil {
			e.Format = &b.spec.Response
		}
		var group []*model.Header
		if e.Group != nil {
			group = b.groupHeaders[e.Group]
		}
		e.Headers = mergeHeaders(e.Format.Headers, group, b.errorHeaders[e])
	}
}

// checkOptionalParams checks the With<GoName> methods optional params
// get: one method per Go name, so one type per Go name across errors, and
// no clash with the methods *Error already has.
func (b *builder) checkOptionalParams() {
	seen := map[string]*model.Param{}
	for _, e := range b.spec.Errors {
		for _, p := range e.Params {
			if !p.Optional {
				continue
			}
			method := "With" + p.GoName
			if slices.Contains(model.ErrorMethods, method) {
				b.add(p.Pos, "error %q: optional param %q would get the method %s, which *Error already has; rename the param", e.Code, p.Name, method)
				continue
			}
			if prev := seen[p.GoName]; prev != nil && prev.Type != p.Type {
				b.add(p.Pos, "error %q: optional param %q is %s, but the optional param at %d:%d, which shares the method %s, is %s; give them one type", e.Code, p.Name, p.Type, prev.Pos.Line, prev.Pos.Col, method, prev.Type)
				continue
			}
			if seen[p.GoName] == nil {
				seen[p.GoName] = p
			}
		}
	}
}
