package gen

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/model"
)

// genCodeHelpers renders what the runtime needs to know of the Code type,
// and errgenStatusText, which returns texts (statusTexts).
func genCodeHelpers(f *jen.File, s *model.Spec, texts map[int]string) {
	integer := s.CodeType == model.CodeInteger
	f.Add(doc("errgenNumericCodes reports whether codes are integers, sent as JSON numbers."))
	f.Const().Id("errgenNumericCodes").Op("=").Lit(integer)
	f.Add(doc("errgenDocsURL is the URL of the error reference, which doc links that are not an error's own start with."))
	f.Const().Id("errgenDocsURL").Op("=").Lit(s.API.DocsURL)
	f.Add(doc("errgenCodeText is a code as text: as written, or an integer code's decimal digits."))
	if integer {
		f.Func().Id("errgenCodeText").Params(jen.Id("c").Id("Code")).String().Block(
			jen.Return(jen.Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("c")))))
	} else {
		f.Func().Id("errgenCodeText").Params(jen.Id("c").Id("Code")).String().Block(
			jen.Return(jen.String().Call(jen.Id("c"))))
	}
	if integer {
		f.Add(doc("errgenParseCode is the Code of a code's text; the zero Code for text that is not an integer as errgenCodeText writes it (\"+5\" and \"05\" are not), which would otherwise pass for a code of the catalog without being one."))
		f.Func().Id("errgenParseCode").Params(jen.Id("s").String()).Id("Code").Block(
			jen.List(jen.Id("n"), jen.Err()).Op(":=").Qual("strconv", "Atoi").Call(jen.Id("s")),
			jen.If(jen.Err().Op("!=").Nil().Op("||").Qual("strconv", "Itoa").Call(jen.Id("n")).Op("!=").Id("s")).Block(jen.Return(jen.Lit(0))),
			jen.Return(jen.Id("Code").Call(jen.Id("n"))))
	} else {
		f.Add(doc("errgenParseCode is the Code of a code's text."))
		f.Func().Id("errgenParseCode").Params(jen.Id("s").String()).Id("Code").Block(
			jen.Return(jen.Id("Code").Call(jen.Id("s"))))
	}
	var cases []jen.Code
	for _, st := range slices.Sorted(maps.Keys(texts)) {
		cases = append(cases, jen.Case(jen.Lit(st)).Return(jen.Lit(texts[st])))
	}
	f.Add(doc("errgenStatusText is the text of each status the catalog uses, as errgen resolved it from the spec: what responses send, whatever Go release builds the server."))
	f.Func().Id("errgenStatusText").Params(jen.Id("status").Int()).String().Block(
		jen.Switch(jen.Id("status")).Block(cases...),
		jen.Return(jen.Lit("")))
}

// statusTexts maps each status the catalog uses to its text as errgen
// resolved it (the first error's of that status; the spec's status_text
// makes it one per status).
func statusTexts(s *model.Spec) map[int]string {
	out := map[int]string{}
	for _, e := range s.AllErrors() {
		if _, ok := out[e.Status]; !ok {
			out[e.Status] = e.StatusText
		}
	}
	return out
}

// genCatalog renders the rows of the errors from to to (not included) of
// the catalog: a row per error (errgenRow<Name>),
// each a declaration of its own (in one var block, gofmt would align
// the rows' "=" and a longer name would realign its neighbours). The
// sentinels list them (errgenCatalog), in spec order. texts are the
// status texts errgenStatusText returns.
func genCatalog(f *jen.File, s *model.Spec, texts map[int]string, from, to int) {
	for _, e := range s.AllErrors()[from:to] {
		f.Var().Id(entryName(e)).Op("=").Id("errgenEntry").Values(entryFields(s, e, texts)...)
	}
}

// entryFields are the fields of e's row: its raw values, each once.
// texts are the status texts errgenStatusText returns.
func entryFields(s *model.Spec, e *model.Error, texts map[int]string) []jen.Code {
	out := []jen.Code{
		jen.Id("code").Op(":").Id("Code" + e.GoName),
		jen.Id("title").Op(":").Lit(e.Title),
	}
	if m := templateText(e, &e.Message); m != "" {
		out = append(out, jen.Id("msg").Op(":").Lit(m))
	}
	var more []jen.Code
	if len(e.Params) > 0 {
		var params []string
		var roles strings.Builder
		plain := true
		for _, p := range e.Params {
			if p.Type == model.TypeString {
				params = append(params, p.Name)
			} else {
				params = append(params, p.Name+":"+string(p.Type))
			}
			r := role(p)
			plain = plain && r == 'm'
			roles.WriteByte(r)
		}
		out = append(out, jen.Id("params").Op(":").Lit(strings.Join(params, " ")))
		if !plain {
			more = append(more, jen.Id("roles").Op(":").Lit(roles.String()))
		}
	}
	out = append(out, jen.Id("status").Op(":").Lit(e.Status))
	if e.Format.Index != 0 {
		out = append(out, jen.Id("format").Op(":").Lit(e.Format.Index))
	}
	if e.RetryAfter > 0 {
		out = append(out, jen.Id("retryAfter").Op(":").Lit(e.RetryAfter))
	}
	if s.API.DocsURL != "" && e.DocURL == s.API.DocsURL+"#"+e.Code {
		// The default link, docs_url#code, is left to the runtime.
	} else if rel, ok := relativeDoc(s, e.DocURL); ok {
		out = append(out, jen.Id("doc").Op(":").Lit(rel))
	} else if e.DocURL != "" {
		more = append(more, jen.Id("docURL").Op(":").Lit(e.DocURL))
	}
	if len(e.Variants) > 0 {
		var vs []jen.Code
		for _, v := range e.Variants {
			vs = append(vs, jen.Lit(v.Name), jen.Lit(templateText(e, &v.Message)))
		}
		out = append(out, jen.Id("variants").Op(":").Index().String().Values(vs...))
	}
	if len(e.Aliases) > 0 {
		out = append(out, jen.Id("aliases").Op(":").Lit(strings.Join(e.Aliases, " ")))
	}
	if e.StatusText != texts[e.Status] {
		more = append(more, jen.Id("statusText").Op(":").Lit(e.StatusText))
	}
	if e.WireTitle != e.Title {
		more = append(more, jen.Id("wireTitle").Op(":").Lit(e.WireTitle))
	}
	if len(e.Attributes) > 0 {
		var as []jen.Code
		for _, kv := range e.Attributes {
			as = append(as, jen.Lit(kv.Key), jen.Lit(jsonValue(kv.Value)), jen.Lit(model.TextValue(kv.Value)))
		}
		more = append(more, jen.Id("attrs").Op(":").Index().String().Values(as...))
	}
	if !sameHeaders(e.Headers, e.Format.Headers) {
		more = append(more, jen.Id("headers").Op(":").Add(headersLit(e.Headers, false)))
	}
	if len(more) > 0 {
		out = append(out, jen.Id("more").Op(":").Op("&").Id("errgenMore").Values(more...))
	}
	return out
}

// relativeDoc returns a doc link as the part after api.docs_url, when it
// is docs_url followed by a page or an anchor.
func relativeDoc(s *model.Spec, url string) (string, bool) {
	base := s.API.DocsURL
	if base == "" || !strings.HasPrefix(url, base) || len(url) == len(base) {
		return "", false
	}
	rest := url[len(base):]
	return rest, rest[0] == '#' || rest[0] == '/'
}

// braceEscaper doubles literal braces in message templates.
var braceEscaper = strings.NewReplacer("{", "{{", "}", "}}")

// templateText writes a message template for the runtime to parse:
// {name} for a param, literal braces doubled.
func templateText(e *model.Error, m *model.Message) string {
	var b strings.Builder
	for _, p := range m.Parts {
		if p.Param < 0 {
			b.WriteString(braceEscaper.Replace(p.Literal))
			continue
		}
		b.WriteString("{" + e.Params[p.Param].Name + "}")
	}
	return b.String()
}

// sameHeaders reports whether two header lists are the same templates.
func sameHeaders(a, b []*model.Header) bool {
	return slices.EqualFunc(a, b, func(x, y *model.Header) bool {
		return http.CanonicalHeaderKey(x.Name) == http.CanonicalHeaderKey(y.Name) && slices.Equal(x.Value.Parts, y.Value.Parts)
	})
}

// valueKinds are the runtime's names of the body and template value
// kinds, by model.ValueKind.
var valueKinds = [...]string{
	model.ValueLiteral:      "errgenVLiteral",
	model.ValueObject:       "errgenVObject",
	model.ValueCode:         "errgenVCode",
	model.ValueStatus:       "errgenVStatus",
	model.ValueStatusText:   "errgenVStatusText",
	model.ValueTitle:        "errgenVTitle",
	model.ValueMessage:      "errgenVMessage",
	model.ValueDetails:      "errgenVDetails",
	model.ValueRetryAfter:   "errgenVRetryAfter",
	model.ValueDocURL:       "errgenVDocURL",
	model.ValueInstance:     "errgenVInstance",
	model.ValueParams:       "errgenVParams",
	model.ValueParam:        "errgenVParam",
	model.ValueParamsInline: "errgenVParamsInline",
	model.ValueType:         "errgenVType",
	model.ValueAttr:         "errgenVAttr",
	model.ValueTemplate:     "errgenVTemplate",
	model.ValueList:         "errgenVList",
	model.ValueAttrsInline:  "errgenVAttrsInline",
	model.ValueRequestID:    "errgenVRequestID",
}

// bodyLit renders a body template as errgenField values.
func bodyLit(fields []*model.Field) jen.Code {
	var items []jen.Code
	for _, fd := range fields {
		out := []jen.Code{jen.Id("kind").Op(":").Id(valueKinds[fd.Kind])}
		if fd.Name != "" {
			out = append(out, jen.Id("name").Op(":").Lit(fd.Name))
		}
		switch fd.Kind {
		case model.ValueLiteral:
			out = append(out, jen.Id("lit").Op(":").Add(rawLit(jsonValue(fd.Literal))))
		case model.ValueParam:
			out = append(out, jen.Id("ref").Op(":").Lit(fd.Param))
		case model.ValueAttr:
			out = append(out, jen.Id("ref").Op(":").Lit(fd.Attr))
		case model.ValueTemplate:
			out = append(out, jen.Id("parts").Op(":").Add(tmplLit(fd.Template)))
		case model.ValueObject, model.ValueList:
			out = append(out, jen.Id("children").Op(":").Add(bodyLit(fd.Children)))
		}
		items = append(items, jen.Values(out...))
	}
	return jen.Index().Id("errgenField").Values(lines(items)...)
}

// tmplLit renders a string template as errgenTmpl values.
func tmplLit(t model.Template) jen.Code {
	var items []jen.Code
	for _, p := range t.Parts {
		out := []jen.Code{jen.Id("kind").Op(":").Id(valueKinds[p.Kind])}
		if p.Kind == model.ValueLiteral && p.Literal != "" {
			out = append(out, jen.Id("text").Op(":").Lit(p.Literal))
		}
		if p.Name != "" {
			out = append(out, jen.Id("ref").Op(":").Lit(p.Name))
		}
		if p.Quoted {
			out = append(out, jen.Id("quoted").Op(":").True())
		}
		items = append(items, jen.Values(out...))
	}
	return jen.Index().Id("errgenTmpl").Values(items...)
}

// headersLit renders header templates as errgenHeaderTmpl values, one
// per line when multiline is set (an error's own stay on its row's line).
func headersLit(hs []*model.Header, multiline bool) jen.Code {
	var items []jen.Code
	for _, h := range hs {
		items = append(items, jen.Values(jen.Id("name").Op(":").Lit(http.CanonicalHeaderKey(h.Name)), jen.Id("parts").Op(":").Add(tmplLit(h.Value))))
	}
	if multiline {
		items = lines(items)
	}
	return jen.Index().Id("errgenHeaderTmpl").Values(items...)
}

// role is a param's role byte in the runtime's roles string.
func role(p *model.Param) byte {
	switch {
	case p.Optional && p.Type.IsList():
		return 'O'
	case p.Optional:
		return 'o'
	case p.Data && p.Type.IsList():
		return 'D'
	case p.Data:
		return 'd'
	}
	return 'm'
}

// rawLit renders pre-encoded text as a raw string literal when it can be
// one, so its quotes need no escaping in the generated file.
func rawLit(s string) jen.Code {
	if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r == '`' || r < 0x20 || r == 0x7f || r == '\uFEFF' }) {
		return jen.Lit(s)
	}
	return jen.Op("`" + s + "`")
}

// lines puts each element of a composite literal on its own line.
func lines(items []jen.Code) []jen.Code {
	out := make([]jen.Code, 0, len(items)+1)
	for _, it := range items {
		out = append(out, jen.Line().Add(it))
	}
	return append(out, jen.Line())
}

// jsonValue encodes a constant (string, int64, float64 or bool).
func jsonValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// genFormats renders the wire formats: media types, internal errors and
// where the decoder finds each member.
func genFormats(f *jen.File, s *model.Spec) {
	var items []jen.Code
	for _, r := range s.Formats {
		items = append(items, jen.Line().Values(lines(formatFields(s, r))...))
	}
	f.Add(doc("errgenFormats are the catalog's wire formats: its own, then each group's, with the JSON member paths the decoder reads."))
	f.Var().Id("errgenFormats").Op("=").Index(jen.Op("...")).Id("errgenFormat").Values(append(items, jen.Line())...)
}

func formatFields(s *model.Spec, r *model.Response) []jen.Code {
	out := []jen.Code{
		jen.Id("contentType").Op(":").Index().String().Values(jen.Lit(r.MediaType)),
		jen.Id("mediaBase").Op(":").Lit(r.MediaBase()),
		jen.Id("internal").Op(":").Op("&").Id(entryName(r.Internal)),
		jen.Id("body").Op(":").Add(bodyLit(r.Body)),
	}
	if len(r.Headers) > 0 {
		out = append(out, jen.Id("headers").Op(":").Add(headersLit(r.Headers, true)))
	}
	if s.RequestID != nil && r == &s.Response {
		out = append(out, jen.Id("requestID").Op(":").Lit(http.CanonicalHeaderKey(s.RequestID.Header)))
	}
	path := func(name string, kinds ...model.ValueKind) {
		if at, ok := findValue(r.Body, kinds...); ok {
			out = append(out, jen.Id(name).Op(":").Add(at.lit()))
		}
	}
	path("code", model.ValueCode)
	path("message", model.ValueMessage)
	path("typ", model.ValueType, model.ValueDocURL)
	path("retryAfter", model.ValueRetryAfter)
	if p, ok := findPath(r.Body, nil, func(fd *model.Field) bool { return fd.Kind == model.ValueDetails }); ok {
		out = append(out, jen.Id("details").Op(":").Add(pathLit(p)))
	}
	if p, ok := findPath(r.Body, nil, func(fd *model.Field) bool { return fd.Kind == model.ValueParams }); ok {
		out = append(out, jen.Id("params").Op(":").Add(pathLit(p)))
	}
	if p, ok := findPath(r.Body, nil, func(fd *model.Field) bool { return fd.Kind == model.ValueParamsInline }); ok {
		out = append(out, jen.Id("inline").Op(":").Add(pathLit(p[:len(p)-1])))
	}
	var params []jen.Code
	for _, pp := range paramPaths(r.Body, nil) {
		params = append(params, jen.Values(jen.Id("name").Op(":").Lit(pp.name), jen.Id("at").Op(":").Add(pp.at.lit())))
	}
	if len(params) > 0 {
		out = append(out, jen.Id("param").Op(":").Index().Id("errgenParamPath").Values(lines(params)...))
	}
	if hs := codeHeaders(s, r); len(hs) > 0 {
		var items []jen.Code
		for _, h := range hs {
			fields := []jen.Code{jen.Id("name").Op(":").Lit(h.name)}
			if h.prefix != "" {
				fields = append(fields, jen.Id("prefix").Op(":").Add(rawLit(h.prefix)))
			}
			if h.suffix != "" {
				fields = append(fields, jen.Id("suffix").Op(":").Add(rawLit(h.suffix)))
			}
			if h.quoted {
				fields = append(fields, jen.Id("quoted").Op(":").True())
			}
			items = append(items, jen.Values(fields...))
		}
		out = append(out, jen.Id("codeHeaders").Op(":").Index().Id("errgenHeaderPath").Values(items...))
	}
	if m := r.Marker; m != nil {
		out = append(out,
			jen.Id("marker").Op(":").Add(pathLit([]string{m.Member})),
			jen.Id("markerValue").Op(":").Add(rawLit(jsonValue(m.Value))))
	}
	return out
}

// valuePath is where a value sits in a body: a member path, and for a
// value interpolated into a string, the text around it.
type valuePath struct {
	path           []string
	prefix, suffix string
	text           bool
}

func (v valuePath) lit() jen.Code {
	fields := []jen.Code{jen.Id("path").Op(":").Add(pathLit(v.path))}
	if v.prefix != "" {
		fields = append(fields, jen.Id("prefix").Op(":").Add(rawLit(v.prefix)))
	}
	if v.suffix != "" {
		fields = append(fields, jen.Id("suffix").Op(":").Add(rawLit(v.suffix)))
	}
	if v.text {
		fields = append(fields, jen.Id("text").Op(":").True())
	}
	return jen.Id("errgenPath").Values(fields...)
}

// findValue finds where a body carries a value of one of the kinds: a
// member of that kind, else a string that is the value alone, else a
// string with literal text around the value (and no other value).
func findValue(body []*model.Field, kinds ...model.ValueKind) (valuePath, bool) {
	if p, ok := findPath(body, nil, func(fd *model.Field) bool { return slices.Contains(kinds, fd.Kind) }); ok {
		return valuePath{path: p}, true
	}
	for _, alone := range []bool{true, false} {
		var at valuePath
		p, ok := findPath(body, nil, func(fd *model.Field) bool {
			if fd.Kind != model.ValueTemplate {
				return false
			}
			v, prefix, suffix, ok := singleValue(fd.Template)
			if !ok || !slices.Contains(kinds, v.Kind) || alone != (prefix == "" && suffix == "") {
				return false
			}
			at = valuePath{prefix: prefix, suffix: suffix, text: true}
			return true
		})
		if ok {
			at.path = p
			return at, true
		}
	}
	return valuePath{}, false
}

// singleValue returns a template's only value and the literal text
// around it, when it has exactly one value.
func singleValue(t model.Template) (v model.TemplatePart, prefix, suffix string, ok bool) {
	at := -1
	for i, p := range t.Parts {
		if p.Kind == model.ValueLiteral {
			continue
		}
		if at >= 0 {
			return v, "", "", false
		}
		at = i
	}
	if at < 0 {
		return v, "", "", false
	}
	for _, p := range t.Parts[:at] {
		prefix += p.Literal
	}
	for _, p := range t.Parts[at+1:] {
		suffix += p.Literal
	}
	return t.Parts[at], prefix, suffix, true
}

// findPath returns the member path of the first field (depth first, in
// wire order, through objects and lists) that match accepts.
func findPath(fields []*model.Field, prefix []string, match func(*model.Field) bool) ([]string, bool) {
	for _, fd := range fields {
		p := append(slices.Clone(prefix), fd.Name)
		if match(fd) {
			return p, true
		}
		if fd.Kind == model.ValueObject || fd.Kind == model.ValueList {
			if got, ok := findPath(fd.Children, p, match); ok {
				return got, true
			}
		}
	}
	return nil, false
}

func pathLit(p []string) jen.Code {
	var lits []jen.Code
	for _, name := range p {
		lits = append(lits, jen.Lit(name))
	}
	return jen.Index().String().Values(lits...)
}

type paramPath struct {
	name string
	at   valuePath
}

// paramPaths lists every $param.NAME member, and every string that
// interpolates one param and no other value, depth first in wire order.
func paramPaths(fields []*model.Field, prefix []string) []paramPath {
	var out []paramPath
	for _, fd := range fields {
		p := append(slices.Clone(prefix), fd.Name)
		switch fd.Kind {
		case model.ValueParam:
			out = append(out, paramPath{fd.Param, valuePath{path: p}})
		case model.ValueTemplate:
			if v, pre, suf, ok := singleValue(fd.Template); ok && v.Kind == model.ValueParam {
				out = append(out, paramPath{v.Name, valuePath{path: p, prefix: pre, suffix: suf, text: true}})
			}
		case model.ValueObject, model.ValueList:
			out = append(out, paramPaths(fd.Children, p)...)
		}
	}
	return out
}

// codeHeader is a header that carries the code.
type codeHeader struct {
	name, prefix, suffix string
	quoted               bool
}

// codeHeaders lists the headers of a format's errors whose value is the
// code, alone or with literal text around it, in spec order.
func codeHeaders(s *model.Spec, r *model.Response) []codeHeader {
	var out []codeHeader
	add := func(hs []*model.Header) {
		for _, h := range hs {
			v, pre, suf, ok := singleValue(h.Value)
			if !ok || v.Kind != model.ValueCode {
				continue
			}
			ch := codeHeader{http.CanonicalHeaderKey(h.Name), model.HeaderText(pre, false), model.HeaderText(suf, false), v.Quoted}
			if !slices.Contains(out, ch) {
				out = append(out, ch)
			}
		}
	}
	add(r.Headers)
	for _, e := range s.AllErrors() {
		if e.Format == r {
			add(e.Headers)
		}
	}
	return out
}
