package gen

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/model"
)

// The body program instructions, as named in runtime.gotext.
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
)

// op is one instruction of a body program; lit is pre-encoded JSON.
type op struct {
	kind string
	lit  string
	name string
}

// genConstants renders the constants the runtime uses.
func genConstants(f *jen.File, s *model.Spec) {
	internal := slices.Index(s.AllErrors(), s.Internal)
	f.Add(doc("errgenInternal is the catalog index of the error written for anything outside the catalog."))
	f.Const().Id("errgenInternal").Op("=").Lit(internal)
	f.Add(doc("errgenContentType is the Content-Type header of error responses."))
	f.Var().Id("errgenContentType").Op("=").Index().String().Values(jen.Lit(s.Response.MediaType))
}

// genCatalog renders the catalog table.
func genCatalog(f *jen.File, s *model.Spec) {
	all := s.AllErrors()
	var entries []jen.Code
	for _, e := range all {
		entries = append(entries, jen.Line().Values(lines(entryFields(s, e))...))
	}
	f.Add(doc("errgenCatalog describes every error, in spec order: the codes, the message templates the decoder matches and the pre-encoded body programs the writer runs."))
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
		var kinds strings.Builder
		for _, p := range e.Params {
			names = append(names, jen.Lit(p.Name))
			kinds.WriteByte(kindByte(p.Type))
		}
		out = append(out,
			jen.Id("params").Op(":").Index().String().Values(names...),
			jen.Id("kinds").Op(":").Lit(kinds.String()))
	}
	msgs := []jen.Code{template(&e.Message, "")}
	for _, v := range e.Variants {
		msgs = append(msgs, template(&v.Message, v.Name))
	}
	out = append(out, jen.Id("messages").Op(":").Index().Id("errgenTemplate").Values(lines(msgs)...))
	var ops []jen.Code
	for _, o := range bodyProgram(s, e) {
		fields := []jen.Code{jen.Id("op").Op(":").Id(o.kind)}
		if o.lit != "" {
			fields = append(fields, jen.Id("lit").Op(":").Add(rawLit(o.lit)))
		}
		if o.name != "" {
			fields = append(fields, jen.Id("name").Op(":").Lit(o.name))
		}
		ops = append(ops, jen.Values(fields...))
	}
	out = append(out,
		jen.Id("body").Op(":").Index().Id("errgenOp").Values(lines(ops)...),
		jen.Id("sentinel").Op(":").Id("Err"+e.GoName))
	return out
}

// rawLit renders pre-encoded JSON as a raw string literal when it can be
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

// bodyProgram compiles the body template for e: members whose value is
// the same for every response of e are pre-encoded, adjacent ones merged
// into one instruction; members that are always empty for e are dropped,
// and so are inner objects left with no member (the runtime leaves out
// those that end up empty in a response).
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
			if v, ok := constValue(e, fd); ok {
				if v != "" {
					emit(op{kind: opConst, lit: key + v})
				}
				continue
			}
			switch fd.Kind {
			case model.ValueObject:
				emit(op{kind: opOpen, lit: key + "{"})
				walk(fd.Children)
				if out[len(out)-1].kind == opOpen {
					out = out[:len(out)-1] // always empty for e: left out
					continue
				}
				emit(op{kind: opClose})
			case model.ValueMessage:
				emit(op{kind: opMessage, lit: key})
			case model.ValueDetails:
				emit(op{kind: opDetails, lit: key})
			case model.ValueRetryAfter:
				emit(op{kind: opRetryAfter, lit: key})
			case model.ValueInstance:
				emit(op{kind: opInstance, lit: key})
			case model.ValueParams:
				if len(e.Params) > 0 {
					emit(op{kind: opParams, lit: key})
				}
			case model.ValueParamsInline:
				if len(e.Params) > 0 {
					emit(op{kind: opParamsInline})
				}
			case model.ValueParam:
				if hasParam(e, fd.Param) {
					emit(op{kind: opParam, lit: key, name: fd.Param})
				}
			}
		}
	}
	walk(s.Response.Body)
	return out
}

// constValue returns the pre-encoded value of a member that is constant
// for e ("" when it is always omitted), or false when it varies.
func constValue(e *model.Error, fd *model.Field) (string, bool) {
	switch fd.Kind {
	case model.ValueLiteral:
		b, err := json.Marshal(fd.Literal)
		if err != nil {
			return "null", true
		}
		return string(b), true
	case model.ValueCode:
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
	}
	return "", false
}

func hasParam(e *model.Error, name string) bool {
	for _, p := range e.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// jsonString encodes s as encoding/json does, which the runtime's writer
// matches byte for byte.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
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

// genPaths renders where the decoder finds each member in a body.
func genPaths(f *jen.File, s *model.Spec) {
	r := &s.Response
	path := func(kinds ...model.ValueKind) jen.Code {
		for _, k := range kinds {
			if fd, p := r.FindField(k); fd != nil {
				return pathLit(p)
			}
		}
		return nil
	}
	var inline jen.Code
	if fd, p := r.FindField(model.ValueParamsInline); fd != nil {
		inline = pathLit(p[:len(p)-1])
	}
	var params []jen.Code
	for _, pp := range paramPaths(r.Body, nil) {
		params = append(params, jen.Values(jen.Id("name").Op(":").Lit(pp.name), jen.Id("path").Op(":").Add(pathLit(pp.path))))
	}
	f.Add(doc("The JSON member paths the decoder reads; nil when the wire format has no such member."))
	var pp jen.Code
	if len(params) > 0 {
		pp = jen.Index().Id("errgenParamPath").Values(params...)
	}
	f.Var().Defs(
		def("errgenPathCode", path(model.ValueCode)),
		def("errgenPathMessage", path(model.ValueMessage)),
		def("errgenPathType", path(model.ValueType, model.ValueDocURL)),
		def("errgenPathDetails", path(model.ValueDetails)),
		def("errgenPathRetryAfter", path(model.ValueRetryAfter)),
		def("errgenPathParams", path(model.ValueParams)),
		def("errgenParamsInline", inline),
		typed("errgenPathParam", jen.Index().Id("errgenParamPath"), pp),
	)
}

// def declares a path variable, left nil when value is nil.
func def(name string, value jen.Code) jen.Code {
	return typed(name, jen.Index().String(), value)
}

// typed declares name = value, or name of type typ (nil) without a value.
func typed(name string, typ *jen.Statement, value jen.Code) jen.Code {
	if value == nil {
		return jen.Id(name).Add(typ)
	}
	return jen.Id(name).Op("=").Add(value)
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
	path []string
}

// paramPaths lists every $param.NAME member, depth first in wire order.
func paramPaths(fields []*model.Field, prefix []string) []paramPath {
	var out []paramPath
	for _, fd := range fields {
		p := append(slices.Clone(prefix), fd.Name)
		switch fd.Kind {
		case model.ValueParam:
			out = append(out, paramPath{fd.Param, p})
		case model.ValueObject:
			out = append(out, paramPaths(fd.Children, p)...)
		}
	}
	return out
}
