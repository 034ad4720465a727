package gen

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/model"
)

// The body program instructions and template part kinds, as named in
// the runtime (runtime/tables.go).
const (
	opConst        = "errgenOpConst"
	opOpen         = "errgenOpOpen"
	opClose        = "errgenOpClose"
	opMessage      = "errgenOpMessage"
	opDetails      = "errgenOpDetails"
	opRetryAfter   = "errgenOpRetryAfter"
	opInstance     = "errgenOpInstance"
	opParams       = "errgenOpParams"
	opParamsInline = "errgenOpParamsInline"
	opParam        = "errgenOpParam"
	opTemplate     = "errgenOpTemplate"
	opRequestID    = "errgenOpRequestID"

	partLit        = "errgenPartLit"
	partMessage    = "errgenPartMessage"
	partInstance   = "errgenPartInstance"
	partRetryAfter = "errgenPartRetryAfter"
	partParam      = "errgenPartParam"
	partRequestID  = "errgenPartRequestID"
)

// op is one instruction of a body program; lit is pre-encoded JSON.
type op struct {
	kind  string
	lit   string
	name  string
	only  bool
	parts []part
}

// part is one part of a compiled string template: constant text (lit,
// already escaped for where it goes) or a value of the response.
type part struct {
	kind   string
	lit    string
	name   string
	quoted bool
}

// genCodeHelpers renders what the runtime needs to know of the Code type.
func genCodeHelpers(f *jen.File, s *model.Spec) {
	integer := s.CodeType == model.CodeInteger
	f.Add(doc("errgenNumericCodes reports whether codes are integers, sent as JSON numbers."))
	f.Const().Id("errgenNumericCodes").Op("=").Lit(integer)
	f.Add(doc("errgenCodeText is a code as text: as written, or an integer code's decimal digits."))
	if integer {
		f.Func().Id("errgenCodeText").Params(jen.Id("c").Id("Code")).String().Block(
			jen.Return(jen.Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("c")))))
	} else {
		f.Func().Id("errgenCodeText").Params(jen.Id("c").Id("Code")).String().Block(
			jen.Return(jen.String().Call(jen.Id("c"))))
	}
	if integer {
		f.Add(doc("errgenParseCode is the Code of a code's text; the zero Code for text that is not an integer."))
		f.Func().Id("errgenParseCode").Params(jen.Id("s").String()).Id("Code").Block(
			jen.List(jen.Id("n"), jen.Err()).Op(":=").Qual("strconv", "Atoi").Call(jen.Id("s")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Lit(0))),
			jen.Return(jen.Id("Code").Call(jen.Id("n"))))
	} else {
		f.Add(doc("errgenParseCode is the Code of a code's text."))
		f.Func().Id("errgenParseCode").Params(jen.Id("s").String()).Id("Code").Block(
			jen.Return(jen.Id("Code").Call(jen.Id("s"))))
	}
}

// genCatalog renders the catalog table.
func genCatalog(f *jen.File, s *model.Spec) {
	all := s.AllErrors()
	var entries []jen.Code
	for _, e := range all {
		entries = append(entries, jen.Line().Values(lines(entryFields(s, e))...))
	}
	f.Add(doc("errgenCatalog describes every error, in spec order: the codes, the message templates the decoder matches and the pre-encoded body programs and headers the writer sends."))
	f.Var().Id("errgenCatalog").Op("=").Index(jen.Op("...")).Id("errgenEntry").Values(append(entries, jen.Line())...)
}

func entryFields(s *model.Spec, e *model.Error) []jen.Code {
	out := []jen.Code{
		jen.Id("code").Op(":").Id("Code" + e.GoName),
		jen.Id("status").Op(":").Lit(e.Status),
		jen.Id("title").Op(":").Lit(e.Title),
		jen.Id("message").Op(":").Lit(sentinelMessage(e)),
	}
	if e.DocURL != "" {
		out = append(out, jen.Id("docURL").Op(":").Lit(e.DocURL))
	}
	if e.RetryAfter > 0 {
		out = append(out,
			jen.Id("retryAfter").Op(":").Lit(e.RetryAfter),
			jen.Id("retryHeader").Op(":").Index().String().Values(jen.Lit(strconv.Itoa(e.RetryAfter))))
	}
	if len(e.Params) > 0 {
		var names []jen.Code
		var kinds, roles strings.Builder
		plain := true
		for _, p := range e.Params {
			names = append(names, jen.Lit(p.Name))
			kinds.WriteByte(kindByte(p.Type.Elem()))
			r := role(p)
			plain = plain && r == 'm'
			roles.WriteByte(r)
		}
		out = append(out,
			jen.Id("params").Op(":").Index().String().Values(names...),
			jen.Id("kinds").Op(":").Lit(kinds.String()))
		if !plain {
			out = append(out, jen.Id("roles").Op(":").Lit(roles.String()))
		}
	}
	if e.Format.Index != 0 {
		out = append(out, jen.Id("format").Op(":").Lit(e.Format.Index))
	}
	msgs := []jen.Code{template(&e.Message, "")}
	for _, v := range e.Variants {
		msgs = append(msgs, template(&v.Message, v.Name))
	}
	out = append(out, jen.Id("messages").Op(":").Index().Id("errgenTemplate").Values(lines(msgs)...))
	var ops []jen.Code
	for _, o := range bodyProgram(s, e) {
		fields := []jen.Code{jen.Id("op").Op(":").Id(o.kind)}
		if o.only {
			fields = append(fields, jen.Id("only").Op(":").True())
		}
		if o.lit != "" {
			fields = append(fields, jen.Id("lit").Op(":").Add(rawLit(o.lit)))
		}
		if o.name != "" {
			fields = append(fields, jen.Id("name").Op(":").Lit(o.name))
		}
		if o.parts != nil {
			fields = append(fields, jen.Id("parts").Op(":").Add(partsLit(o.parts)))
		}
		ops = append(ops, jen.Values(fields...))
	}
	out = append(out, jen.Id("body").Op(":").Index().Id("errgenOp").Values(lines(ops)...))
	if hs := headerEntries(s, e); len(hs) > 0 {
		out = append(out, jen.Id("headers").Op(":").Index().Id("errgenHeader").Values(lines(hs)...))
	}
	return append(out, jen.Id("sentinel").Op(":").Id("Err"+e.GoName))
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

func partsLit(ps []part) jen.Code {
	var items []jen.Code
	for _, p := range ps {
		fields := []jen.Code{jen.Id("kind").Op(":").Id(p.kind)}
		if p.quoted {
			fields = append(fields, jen.Id("quoted").Op(":").True())
		}
		if p.lit != "" {
			fields = append(fields, jen.Id("lit").Op(":").Add(rawLit(p.lit)))
		}
		if p.name != "" {
			fields = append(fields, jen.Id("name").Op(":").Lit(p.name))
		}
		items = append(items, jen.Values(fields...))
	}
	return jen.Index().Id("errgenPart").Values(items...)
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

// kindByte is the runtime's byte for a scalar param type (a list's
// element type).
func kindByte(t model.ParamType) byte {
	switch t {
	case model.TypeInt:
		return 'i'
	case model.TypeInt64:
		return 'I'
	case model.TypeFloat64:
		return 'f'
	case model.TypeBool:
		return 'b'
	}
	return 's'
}

// template renders a message as literals around placeholders:
// lits[0] params[0] lits[1] ... lits[n].
func template(m *model.Message, variant string) jen.Code {
	lits := []string{""}
	var params []jen.Code
	for _, p := range m.Parts {
		if p.Param < 0 {
			lits[len(lits)-1] += p.Literal
			continue
		}
		params = append(params, jen.Lit(p.Param))
		lits = append(lits, "")
	}
	var litCodes []jen.Code
	for _, l := range lits {
		litCodes = append(litCodes, jen.Lit(l))
	}
	var fields []jen.Code
	if variant != "" {
		fields = append(fields, jen.Id("variant").Op(":").Lit(variant))
	}
	fields = append(fields, jen.Id("lits").Op(":").Index().String().Values(litCodes...))
	if len(params) > 0 {
		fields = append(fields, jen.Id("params").Op(":").Index().Int().Values(params...))
	}
	return jen.Values(fields...)
}

// bodyProgram compiles e's format's body template for e: members whose
// value is the same for every response of e are pre-encoded, adjacent
// ones merged into one instruction; members that are always empty for e
// are dropped, and so are inner objects and lists left with no member
// (the runtime leaves out those that end up empty in a response).
func bodyProgram(s *model.Spec, e *model.Error) []op {
	var out []op
	emit := func(o op) {
		if n := len(out); o.kind == opConst && n > 0 && out[n-1].kind == opConst {
			out[n-1].lit += "," + o.lit
			return
		}
		out = append(out, o)
	}
	var walk func(fields []*model.Field)
	walk = func(fields []*model.Field) {
		for _, fd := range fields {
			key := jsonString(fd.Name) + ":"
			if fd.Kind == model.ValueAttrsInline {
				var members []string
				for _, kv := range e.Attributes {
					members = append(members, jsonString(kv.Key)+":"+jsonValue(kv.Value))
				}
				if len(members) > 0 {
					emit(op{kind: opConst, lit: strings.Join(members, ",")})
				}
				continue
			}
			if v, ok := constValue(s, e, fd); ok {
				if v != "" {
					emit(op{kind: opConst, lit: key + v})
				}
				continue
			}
			switch fd.Kind {
			case model.ValueObject, model.ValueList:
				open, closer := "{", "}"
				if fd.Kind == model.ValueList {
					open, closer = "[{", "}]"
				}
				emit(op{kind: opOpen, lit: key + open})
				walk(fd.Children)
				if out[len(out)-1].kind == opOpen {
					out = out[:len(out)-1] // always empty for e: left out
					continue
				}
				emit(op{kind: opClose, lit: closer})
			case model.ValueMessage:
				emit(op{kind: opMessage, lit: key})
			case model.ValueDetails:
				emit(op{kind: opDetails, lit: key})
			case model.ValueRetryAfter:
				emit(op{kind: opRetryAfter, lit: key})
			case model.ValueInstance:
				emit(op{kind: opInstance, lit: key})
			case model.ValueRequestID:
				emit(op{kind: opRequestID, lit: key})
			case model.ValueParams:
				if len(e.Params) > 0 {
					emit(op{kind: opParams, lit: key})
				}
			case model.ValueParamsInline:
				if len(e.Params) > 0 {
					emit(op{kind: opParamsInline})
				}
			case model.ValueParam:
				if e.Param(fd.Param) != nil {
					emit(op{kind: opParam, lit: key, name: fd.Param})
				}
			case model.ValueTemplate:
				parts, only, omit := compileTemplate(s, e, fd.Template, false)
				switch {
				case omit:
				case len(parts) == 1 && parts[0].kind == partLit:
					emit(op{kind: opConst, lit: key + `"` + parts[0].lit + `"`})
				case len(parts) == 0:
					emit(op{kind: opConst, lit: key + `""`})
				default:
					emit(op{kind: opTemplate, lit: key, only: only, parts: parts})
				}
			}
		}
	}
	walk(e.Format.Body)
	return out
}

// constValue returns the pre-encoded value of a member that is constant
// for e ("" when it is always omitted), or false when it varies.
func constValue(s *model.Spec, e *model.Error, fd *model.Field) (string, bool) {
	switch fd.Kind {
	case model.ValueLiteral:
		return jsonValue(fd.Literal), true
	case model.ValueCode:
		if s.CodeType == model.CodeInteger {
			return e.Code, true
		}
		return jsonString(e.Code), true
	case model.ValueStatus:
		return strconv.Itoa(e.Status), true
	case model.ValueStatusText:
		return jsonString(e.StatusText), true
	case model.ValueTitle:
		return jsonString(e.WireTitle), true
	case model.ValueDocURL:
		if e.DocURL == "" {
			return "", true
		}
		return jsonString(e.DocURL), true
	case model.ValueType:
		if e.DocURL == "" {
			return jsonString("about:blank"), true
		}
		return jsonString(e.DocURL), true
	case model.ValueAttr:
		v, ok := e.Attr(fd.Attr)
		if !ok {
			return "", true
		}
		return jsonValue(v), true
	}
	return "", false
}

// constText is the text of a template value that is constant for e, and
// whether it is present; ok is false for a value that varies with the
// response.
func constText(s *model.Spec, e *model.Error, p model.TemplatePart) (text string, present, ok bool) {
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
		return e.DocURL, e.DocURL != "", true
	case model.ValueAttr:
		v, has := e.Attr(p.Name)
		if !has {
			return "", false, true
		}
		return model.TextValue(v), true, true
	case model.ValueParam:
		if e.Param(p.Name) == nil {
			return "", false, true
		}
	}
	return "", false, false
}

// compileTemplate compiles a string template for e: constant values
// become text (escaped for a JSON string, or for a header value with
// header set), adjacent texts are merged. only reports a template that is
// exactly one value that varies with the response; omit, one that is
// exactly one value that e never has (the member or header is left out).
func compileTemplate(s *model.Spec, e *model.Error, t model.Template, header bool) (parts []part, only, omit bool) {
	single, isSingle := t.Only()
	for _, tp := range t.Parts {
		text, present, constant := constText(s, e, tp)
		if constant {
			if isSingle && !present && tp.Kind != model.ValueLiteral {
				return nil, false, true
			}
			var enc string
			switch {
			case !header:
				enc = jsonContent(text)
			case tp.Kind == model.ValueLiteral:
				enc = model.HeaderText(text, false)
			default:
				enc = model.HeaderText(text, tp.Quoted)
			}
			if n := len(parts); n > 0 && parts[n-1].kind == partLit {
				parts[n-1].lit += enc
			} else if enc != "" {
				parts = append(parts, part{kind: partLit, lit: enc})
			}
			continue
		}
		p := part{quoted: header && tp.Quoted}
		switch tp.Kind {
		case model.ValueMessage:
			p.kind = partMessage
		case model.ValueInstance:
			p.kind = partInstance
		case model.ValueRequestID:
			p.kind = partRequestID
		case model.ValueRetryAfter:
			p.kind = partRetryAfter
		case model.ValueParam:
			p.kind, p.name = partParam, tp.Name
		default:
			continue
		}
		parts = append(parts, p)
	}
	return parts, isSingle && single.Kind != model.ValueLiteral && len(parts) == 1 && parts[0].kind != partLit, false
}

// headerEntries compiles e's headers.
func headerEntries(s *model.Spec, e *model.Error) []jen.Code {
	var out []jen.Code
	for _, h := range e.Headers {
		parts, only, omit := compileTemplate(s, e, h.Value, true)
		if omit {
			continue
		}
		fields := []jen.Code{jen.Id("name").Op(":").Lit(http.CanonicalHeaderKey(h.Name))}
		if only {
			fields = append(fields, jen.Id("only").Op(":").True())
		}
		constant := !slices.ContainsFunc(parts, func(p part) bool { return p.kind != partLit })
		value, ok := renderDefault(e, parts)
		if ok {
			fields = append(fields, jen.Id("value").Op(":").Index().String().Values(rawLit(value)))
		}
		if !constant {
			fields = append(fields, jen.Id("parts").Op(":").Add(partsLit(parts)))
		}
		out = append(out, jen.Values(fields...))
	}
	return out
}

// renderDefault renders header parts for the catalog's own values of e,
// as the runtime does: the sentinel's message, no params, no request
// path, e's retry delay. ok is false when an only value is absent, and
// for a header with the request id, which no response shares.
func renderDefault(e *model.Error, parts []part) (string, bool) {
	var b strings.Builder
	for _, p := range parts {
		switch p.kind {
		case partLit:
			b.WriteString(p.lit)
		case partMessage:
			b.WriteString(model.HeaderText(sentinelMessage(e), p.quoted))
		case partRetryAfter:
			if e.RetryAfter > 0 {
				b.WriteString(strconv.Itoa(e.RetryAfter))
			} else if len(parts) == 1 {
				return "", false
			}
		case partRequestID:
			return "", false // never empty, different for every request: nothing to share
		case partInstance, partParam:
			if len(parts) == 1 {
				return "", false
			}
		}
	}
	return b.String(), true
}

// jsonString encodes s as encoding/json does, which the runtime's writer
// matches byte for byte.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// jsonContent is s escaped as inside a JSON string, without the quotes.
func jsonContent(s string) string {
	q := jsonString(s)
	return q[1 : len(q)-1]
}

// jsonValue encodes a constant (string, int64, float64 or bool).
func jsonValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// genIndex renders the code-to-index lookup, aliases included.
func genIndex(f *jen.File, s *model.Spec) {
	all := s.AllErrors()
	var cases []jen.Code
	for i, e := range all {
		codes := []jen.Code{jen.Lit(e.Code)}
		for _, a := range e.Aliases {
			codes = append(codes, jen.Lit(a))
		}
		cases = append(cases, jen.Case(codes...).Return(jen.Lit(i)))
	}
	f.Add(doc("errgenIndex returns the catalog index of a code or alias, or -1."))
	f.Func().Id("errgenIndex").Params(jen.Id("code").String()).Int().Block(
		jen.Switch(jen.Id("code")).Block(cases...),
		jen.Return(jen.Lit(-1)),
	)
}

// genByDocURL renders the type-URI-to-index lookup.
func genByDocURL(f *jen.File, s *model.Spec) {
	all := s.AllErrors()
	var cases []jen.Code
	seen := map[string]bool{}
	for i, e := range all {
		if e.DocURL == "" || seen[e.DocURL] {
			continue
		}
		seen[e.DocURL] = true
		cases = append(cases, jen.Case(jen.Lit(e.DocURL)).Return(jen.Lit(i)))
	}
	f.Add(doc("errgenByDocURL returns the catalog index of the error a doc link (a problem type URI) names, or -1."))
	if len(cases) == 0 {
		f.Func().Id("errgenByDocURL").Params(jen.Id("string")).Int().Block(jen.Return(jen.Lit(-1)))
		return
	}
	f.Func().Id("errgenByDocURL").Params(jen.Id("url").String()).Int().Block(
		jen.Switch(jen.Id("url")).Block(cases...),
		jen.Return(jen.Lit(-1)),
	)
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
		jen.Id("internal").Op(":").Lit(slices.Index(s.AllErrors(), r.Internal)),
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
