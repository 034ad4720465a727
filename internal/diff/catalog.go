package diff

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/model"
)

// catalog compares what belongs to the whole catalog: the Go package, the
// code type, each wire format, the detail shape, doc links, reserved codes
// and the With methods of optional params.
func (c *comparer) catalog() {
	c.goPackage()
	c.codeType()
	c.requestIDMember()
	for _, bf := range c.base.Formats {
		if hf := c.headFormat[formatName(bf)]; hf != nil {
			c.format(bf, hf)
		}
	}
	c.detailShape()
	c.docLinks()
	c.reservedCodes()
	c.withMethods()
}

func (c *comparer) goPackage() {
	if !c.goAPI {
		return
	}
	b, h := c.base, c.head
	if h.Outputs.Go == "" {
		c.removed(ruleGoOutputRemoved, Breaking, "", c.base.PosOf("outputs.go"),
			fmt.Sprintf("the spec no longer generates the Go package %s: code that imports it no longer compiles", b.Go.Package),
			"keep outputs.go", fmt.Sprintf("Go: the package `%s` is no longer generated.", b.Go.Package))
		return
	}
	if b.Go.Package != h.Go.Package {
		c.add(ruleGoPackageChanged, Breaking, "", h.PosOf("go.package"),
			fmt.Sprintf("go.package %s became %s: code that imports the package must be changed", b.Go.Package, h.Go.Package),
			"keep go.package: "+b.Go.Package, fmt.Sprintf("Go: the package `%s` is now `%s`.", b.Go.Package, h.Go.Package))
	}
	if bd, hd := path.Dir(b.Outputs.Go), path.Dir(h.Outputs.Go); bd != hd {
		c.add(ruleGoPackageChanged, Breaking, "", h.PosOf("outputs.go"),
			fmt.Sprintf("the Go package moved from %s to %s: its import path changes", bd, hd),
			"keep outputs.go in "+bd, fmt.Sprintf("Go: the package moved from `%s` to `%s`.", bd, hd))
	}
}

func (c *comparer) codeType() {
	b, h := c.base.CodeType, c.head.CodeType
	if b == "" || b == h {
		return
	}
	c.add(ruleCodeTypeChanged, Breaking, "", posOr(c.head.PosOf("response.code_type"), c.head.Response.Pos),
		fmt.Sprintf("response.code_type %s became %s: every code changes JSON type, and clients that decode codes as %ss fail", b, h, b),
		"keep code_type: "+string(b), fmt.Sprintf("Codes are now %ss, not %ss.", h, b))
}

// requestIDMember compares the problem member that carries the request
// id (response.request_id.member).
func (c *comparer) requestIDMember() {
	member := func(s *model.Spec) string {
		if s.RequestID == nil {
			return ""
		}
		return s.RequestID.Member
	}
	b, h := member(c.base), member(c.head)
	switch {
	case b == h:
	case b == "":
		c.add(ruleRequestIDMemberAdded, Info, "", posOr(c.head.PosOf("response.request_id.member"), c.head.Response.Pos),
			fmt.Sprintf("problem documents carry the request id in %q", h),
			"", fmt.Sprintf("Problem documents carry the request id in `%s`.", h))
	case h == "":
		c.removed(ruleRequestIDMemberChanged, Breaking, "", posOr(c.base.PosOf("response.request_id.member"), c.base.Response.Pos),
			fmt.Sprintf("problem documents no longer carry the request id in %q", b),
			"keep response.request_id.member: "+b, fmt.Sprintf("Problem documents no longer carry the request id in `%s`.", b))
	default:
		c.add(ruleRequestIDMemberChanged, Breaking, "", posOr(c.head.PosOf("response.request_id.member"), c.head.Response.Pos),
			fmt.Sprintf("problem documents carry the request id in %q, no longer in %q", h, b),
			"keep response.request_id.member: "+b, fmt.Sprintf("Problem documents carry the request id in `%s`, not `%s`.", h, b))
	}
}

// formatName names a format in messages, and matches a group's format
// with its new version.
func formatName(f *model.Response) string {
	if f.Group != nil {
		return "group " + strconv.Quote(f.Group.ID) + ": response"
	}
	return "response"
}

// formatLabel names a format in a sentence.
func formatLabel(f *model.Response) string {
	if f.Group != nil {
		return "the format of group " + strconv.Quote(f.Group.ID)
	}
	return "the catalog's format"
}

// format compares a format with its new version.
func (c *comparer) format(b, h *model.Response) {
	name := formatName(b)
	if b.Format != h.Format {
		c.add(ruleFormatChanged, Breaking, "", h.PosOf("format"),
			fmt.Sprintf("%s: format %s became %s: every body changes shape", name, b.Format, h.Format),
			"keep format: "+string(b.Format), fmt.Sprintf("%s: bodies are now in the %s format, not %s.", capital(name), h.Format, b.Format))
		return
	}
	c.mediaType(name, b, h)
	if b.Format == model.FormatProblem {
		if b.DetailsMember != h.DetailsMember {
			c.add(ruleDetailsMemberChange, Breaking, "", h.PosOf("details_member"),
				fmt.Sprintf("%s: details are sent in %q, no longer in %q", name, h.DetailsMember, b.DetailsMember),
				"keep details_member: "+b.DetailsMember, fmt.Sprintf("%s: details are sent in `%s`, not `%s`.", capital(name), h.DetailsMember, b.DetailsMember))
		}
	} else {
		c.body(name, b, h)
	}
	c.marker(name, b, h)
	c.headers(name, "", b.Headers, h.Headers, nil, nil, h.PosOf("headers"), b.PosOf("headers"))
}

func (c *comparer) mediaType(name string, b, h *model.Response) {
	switch {
	case b.MediaBase() != h.MediaBase():
		c.add(ruleMediaTypeChanged, Breaking, "", h.PosOf("media_type"),
			fmt.Sprintf("%s: media type %s became %s: clients that check the Content-Type no longer recognise errors", name, b.MediaType, h.MediaType),
			"keep media_type: "+b.MediaType, fmt.Sprintf("%s: the media type is now `%s`, not `%s`.", capital(name), h.MediaType, b.MediaType))
	case b.MediaType != h.MediaType:
		c.add(ruleMediaParamsChanged, Info, "", h.PosOf("media_type"),
			fmt.Sprintf("%s: media type %s became %s (its parameters only)", name, b.MediaType, h.MediaType),
			"", fmt.Sprintf("%s: the media type is now `%s`.", capital(name), h.MediaType))
	}
}

func (c *comparer) marker(name string, b, h *model.Response) {
	show := func(m *model.Marker) string {
		if m == nil {
			return "none"
		}
		return fmt.Sprintf("{%s: %s}", m.Member, literal(m.Value))
	}
	if show(b.Marker) == show(h.Marker) {
		return
	}
	pos := h.PosOf("error_marker")
	c.add(ruleMarkerChanged, Breaking, "", pos,
		fmt.Sprintf("%s: error_marker %s became %s: clients tell errors from successes by it", name, show(b.Marker), show(h.Marker)),
		"keep error_marker: "+show(b.Marker), fmt.Sprintf("%s: the error marker is now %s, not %s.", capital(name), show(h.Marker), show(b.Marker)))
}

// detailShape compares the shape of one detail item, when some error of
// the base sends details.
func (c *comparer) detailShape() {
	sends := false
	for _, e := range c.base.Errors {
		sends = sends || e.Details
	}
	if !sends || len(c.base.Details) == 0 {
		return
	}
	leaves := func(fs []*model.DetailField) map[string]*model.DetailField {
		m := map[string]*model.DetailField{}
		for _, l := range model.DetailLeaves(fs) {
			m[strings.Join(l.Path, ".")] = l
		}
		return m
	}
	hl := leaves(c.head.Details)
	bl := leaves(c.base.Details)
	pos := posOr(c.head.PosOf("response.details"), c.head.Response.Pos)
	for _, l := range model.DetailLeaves(c.base.Details) {
		p := strings.Join(l.Path, ".")
		switch n := hl[p]; {
		case n == nil:
			c.removed(ruleDetailMemberRemoved, Breaking, "", posOr(l.Pos, c.base.PosOf("response.details")),
				fmt.Sprintf("response.details: detail member %q was removed: clients read it", p),
				"keep "+p+" in response.details", fmt.Sprintf("Details no longer carry `%s`.", p))
		case n.Type != l.Type:
			c.add(ruleDetailMemberRetyped, Breaking, "", posOr(n.Pos, pos),
				fmt.Sprintf("response.details: detail member %q changed type from %s to %s", p, l.Type, n.Type),
				"keep "+p+": "+l.Type, fmt.Sprintf("Details' `%s` is now a %s, not a %s.", p, n.Type, l.Type))
		}
	}
	for _, n := range model.DetailLeaves(c.head.Details) {
		p := strings.Join(n.Path, ".")
		if bl[p] == nil {
			c.add(ruleDetailMemberAdded, Info, "", posOr(n.Pos, pos),
				fmt.Sprintf("response.details: detail member %q was added", p),
				"", fmt.Sprintf("Details carry `%s`.", p))
		}
	}
}

// docLinks reports a change of the catalog-wide settings doc links are
// built from, once: every error's link changes with them.
func (c *comparer) docLinks() {
	b, h := c.base, c.head
	if b.API.DocsURL == "" {
		return
	}
	if h.API.DocsURL == "" {
		c.linksMoved = true
		c.removed(ruleDocLinksRemoved, Warning, "", b.PosOf("api.docs_url"),
			fmt.Sprintf("api.docs_url %s was removed: errors have no doc links, and published links to the reference are not maintained", b.API.DocsURL),
			"keep api.docs_url", "Errors no longer have doc links.")
		c.typeURIs("doc links go away", b.PosOf("api.docs_url"), true)
		return
	}
	var what []string
	pos := model.Pos{}
	for _, k := range []struct {
		key    string
		bv, hv string
	}{
		{"api.docs_url", b.API.DocsURL, h.API.DocsURL},
		{"docs.layout", string(b.Docs.Layout), string(h.Docs.Layout)},
		{"docs.anchor_style", b.Docs.AnchorStyle, h.Docs.AnchorStyle},
	} {
		if k.bv != k.hv {
			what = append(what, fmt.Sprintf("%s %s became %s", k.key, k.bv, k.hv))
			if pos.Line == 0 {
				pos = h.PosOf(k.key)
			}
		}
	}
	if len(what) == 0 {
		return
	}
	c.linksMoved = true
	c.add(ruleDocLinksMoved, Warning, "", pos,
		strings.Join(what, ", ")+": every doc link changes, and published links break",
		"redirect the old links to the new ones", "Doc links moved: "+strings.Join(what, ", ")+".")
	c.typeURIs("every doc link changes", pos, false)
}

// typeURIs reports, once per format that carries doc links in its bodies,
// that they all changed.
func (c *comparer) typeURIs(what string, pos model.Pos, atBase bool) {
	add := c.add
	if atBase {
		add = c.removed
	}
	for _, bf := range c.base.Formats {
		if !carriesDocLink(bf) {
			continue
		}
		sev := Warning
		if !bodyCarriesCode(bf) {
			sev = Breaking
		}
		name := formatName(bf)
		add(ruleTypeURIChanged, sev, "", pos,
			fmt.Sprintf("%s: %s, and bodies carry them (%s)%s", name, what, docLinkMember(bf), codeNote(sev, "them")),
			"keep the doc links, or accept the change with -ignore type-uri-changed", fmt.Sprintf("%s: bodies carry the new doc links.", capital(name)))
	}
}

// codeNote says why a changed doc link matters, it or them.
func codeNote(sev Severity, it string) string {
	if sev == Breaking {
		return ": clients identify errors by " + it + ", since the format carries no code"
	}
	return ": clients that identify errors by " + it + ", rather than by code, no longer match"
}

// reservedCodes reports codes that are no longer reserved.
func (c *comparer) reservedCodes() {
	for _, r := range c.base.Reserved {
		if c.headRes[r.Code] != nil {
			continue
		}
		if e := c.reuse(r.Code); e != nil {
			c.add(ruleReservedRemoved, Warning, r.Code, e.Pos,
				"the reserved code is used again: clients that knew its old meaning may take it for that",
				"reserve it again and pick another code", fmt.Sprintf("`%s` is no longer reserved: it is used again.", r.Code))
			continue
		}
		c.removed(ruleReservedRemoved, Warning, r.Code, r.Pos,
			"the code is no longer reserved: it may be reused with another meaning",
			"keep it in reserved", fmt.Sprintf("`%s` is no longer reserved.", r.Code))
	}
}

// reuse returns the error of the new spec that uses a code as its code or
// an alias.
func (c *comparer) reuse(code string) *model.Error {
	if e := c.headCode[code]; e != nil {
		return e
	}
	return c.headAlias[code]
}

// withMethods compares the With<GoName> methods optional params give the
// generated Error type: shared by name across errors, so compared across
// the catalog.
func (c *comparer) withMethods() {
	if !c.goRules() {
		return
	}
	type method struct {
		typ model.ParamType
		p   *model.Param
	}
	collect := func(s *model.Spec) (map[string]method, []string) {
		m := map[string]method{}
		var order []string
		for _, e := range s.Errors {
			for _, p := range e.Params {
				if p.Optional {
					if _, seen := m[p.GoName]; !seen {
						m[p.GoName] = method{p.Type, p}
						order = append(order, p.GoName)
					}
				}
			}
		}
		return m, order
	}
	bm, border := collect(c.base)
	hm, _ := collect(c.head)
	for _, name := range border {
		b := bm[name]
		h, ok := hm[name]
		switch {
		case !ok:
			c.removed(ruleWithRemoved, Breaking, "", b.p.Pos,
				fmt.Sprintf("no error has an optional param %s any more, so (*Error).With%s goes away", b.p.Name, name),
				"keep an optional param "+b.p.Name, fmt.Sprintf("Go: `(*Error).With%s` was removed.", name))
		case h.typ != b.typ:
			c.add(ruleWithRetyped, Breaking, "", h.p.Pos,
				fmt.Sprintf("(*Error).With%s takes %s, no longer %s", name, article(h.typ), article(b.typ)),
				"keep the param's type "+string(b.typ), fmt.Sprintf("Go: `(*Error).With%s` takes a `%s`, not a `%s`.", name, goType(h.typ), goType(b.typ)))
		}
	}
}

// goType is a param type as Go writes it.
func goType(t model.ParamType) string { return string(t) }

// article names a param type with its indefinite article.
func article(t model.ParamType) string {
	if strings.HasPrefix(string(t), "int") {
		return "an " + string(t)
	}
	return "a " + string(t)
}

func posOr(p, fallback model.Pos) model.Pos {
	if p.Line == 0 {
		return fallback
	}
	return p
}

// capital upper-cases the first letter, for notes that start with a
// format's name.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// literal shows a constant as JSON writes it.
func literal(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}
