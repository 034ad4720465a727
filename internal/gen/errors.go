package gen

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/model"
)

// genCodes renders the Code type and a constant per error.
func genCodes(f *jen.File, s *model.Spec) {
	if s.CodeType == model.CodeInteger {
		f.Add(doc("Code is a stable machine-readable error code: an integer, sent on the wire as a JSON number."))
		f.Type().Id("Code").Int()
	} else {
		f.Add(doc("Code is a stable machine-readable error code, sent on the wire as written."))
		f.Type().Id("Code").String()
	}
	var defs []jen.Code
	for _, e := range s.AllErrors() {
		defs = append(defs, doc(fmt.Sprintf("Code%s is the code of Err%s.", e.GoName, e.GoName), aliasNote(e), deprecation(e, "Code")))
		defs = append(defs, jen.Id("Code"+e.GoName).Id("Code").Op("=").Add(codeLit(s, e.Code)))
	}
	f.Const().Defs(defs...)
}

// codeLit is a code as a Go constant of the Code type's kind.
func codeLit(s *model.Spec, code string) jen.Code {
	if s.CodeType == model.CodeInteger {
		n, err := strconv.Atoi(code)
		if err != nil {
			panic(fmt.Sprintf("gen: integer code %q: %v (the loader checks codes)", code, err))
		}
		return jen.Lit(n)
	}
	return jen.Lit(code)
}

// genSentinels renders an Err variable per error, for errors.Is.
func genSentinels(f *jen.File, s *model.Spec) {
	var defs []jen.Code
	for i, e := range s.AllErrors() {
		defs = append(defs, sentinelDoc(e))
		defs = append(defs, jen.Id("Err"+e.GoName).Op("=").Op("&").Id("Error").Values(lines(errorFields(e, i, jen.Lit(sentinelMessage(e)), nil, ""))...))
	}
	f.Var().Defs(defs...)
}

// sentinelMessage is the message of e's sentinel, which WriteError sends
// when the sentinel itself is returned: the main message, or the title
// when the message has params, for which the sentinel has no values (a
// placeholder is never sent).
func sentinelMessage(e *model.Error) string {
	if e.Message.IsConstant() {
		return e.Message.Display
	}
	return e.Title
}

func sentinelDoc(e *model.Error) jen.Code {
	head := fmt.Sprintf("Err%s is the sentinel of %s (%d %s): %s.", e.GoName, e.Code, e.Status, e.StatusText,
		strings.TrimSuffix(oneLine(e.Title), "."))
	msg := fmt.Sprintf("Message: %s", quoted(e.Message.Display))
	if !e.Message.IsConstant() {
		msg += fmt.Sprintf(". The sentinel has no values for its params: its Message, which WriteError sends when the sentinel itself is returned, is the title, %s.", quoted(e.Title))
	}
	var extra []string
	for _, v := range e.Variants {
		line := fmt.Sprintf("Variant %s: %s", v.Name, quoted(v.Message.Display))
		if v.Since != "" {
			line += " (added in " + oneLine(v.Since) + ")"
		}
		extra = append(extra, line)
	}
	if e.RetryAfter > 0 {
		extra = append(extra, fmt.Sprintf("Clients are told to retry after %d seconds.", e.RetryAfter))
	}
	if e.Format != nil && e.Format.Extra() {
		extra = append(extra, fmt.Sprintf("Written in the wire format of the group %s (%s), by WriteError and Write%sError alike.",
			e.Group.ID, oneLine(e.Format.MediaType), e.Group.GoName()))
	}
	if len(e.Headers) > 0 {
		var names []string
		for _, h := range e.Headers {
			names = append(names, h.Name)
		}
		extra = append(extra, "Sent with the headers "+strings.Join(names, ", ")+".")
	}
	use := "Compare with errors.Is; create values with New" + e.GoName + "."
	parts := []string{head, e.Description, msg, strings.Join(extra, "\n"), aliasNote(e), added(e.Since), use, deprecation(e, "Err")}
	return doc(parts...)
}

// aliasNote documents the other codes decoding accepts for e.
func aliasNote(e *model.Error) string {
	if len(e.Aliases) == 0 {
		return ""
	}
	return "Aliases, accepted when decoding: " + strings.Join(e.Aliases, ", ") + "."
}

// added is the sentence naming the version that added something, "" when
// the spec does not say.
func added(since string) string {
	if since == "" {
		return ""
	}
	return "Added in " + oneLine(since) + "."
}

// deprecation is the one "Deprecated:" paragraph gopls and staticcheck
// recognise: the replacement, as the identifier of the same kind (prefix
// "Code", "Err" or "New": CodeX, ErrX, NewX), then the spec's notice,
// then the sunset.
func deprecation(e *model.Error, prefix string) string {
	if !e.DeprecatedSet {
		return ""
	}
	var parts []string
	if r := e.ReplacedBy; r != nil {
		parts = append(parts, "use "+prefix+r.GoName+".")
	}
	switch notice := oneLine(e.Deprecated); {
	case notice != "" && e.Sunset != "":
		parts = append(parts, sentenceEnd(notice))
	case notice != "":
		parts = append(parts, notice)
	case len(parts) == 0:
		parts = append(parts, "the spec marks this error deprecated.")
	}
	if e.Sunset != "" {
		parts = append(parts, "Removed after "+e.Sunset+".")
	}
	return "Deprecated: " + strings.Join(parts, " ")
}

// sentenceEnd ends s with a period unless it ends with punctuation.
func sentenceEnd(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// errorFields are the fields of an Error literal for catalog entry i.
func errorFields(e *model.Error, i int, message jen.Code, params []int, variant string) []jen.Code {
	out := []jen.Code{
		jen.Id("Code").Op(":").Id("Code" + e.GoName),
		jen.Id("Status").Op(":").Lit(e.Status),
		jen.Id("Title").Op(":").Lit(e.Title),
		jen.Id("Message").Op(":").Add(message),
	}
	if len(params) > 0 {
		var ps []jen.Code
		for _, p := range params {
			ps = append(ps, jen.Values(jen.Id("Name").Op(":").Lit(e.Params[p].Name), jen.Id("Value").Op(":").Id(e.Params[p].ArgName)))
		}
		out = append(out, jen.Id("Params").Op(":").Index().Id("Param").Values(ps...))
	}
	if e.RetryAfter > 0 {
		out = append(out, jen.Id("RetryAfter").Op(":").Lit(e.RetryAfter))
	}
	if variant != "" {
		out = append(out, jen.Id("Variant").Op(":").Lit(variant))
	}
	return append(out, jen.Id("entry").Op(":").Lit(i+1))
}

// genConstructors renders New<X> per error and New<X><Variant> per variant,
// for the errors from..to of the catalog.
func genConstructors(f *jen.File, s *model.Spec, from, to int) {
	for i, e := range s.AllErrors()[from:to] {
		i += from
		all := e.Args(&e.Message)
		summary := fmt.Sprintf("New%s returns a new %s error (%d %s) with the message %s.", e.GoName, e.Code, e.Status, e.StatusText, quoted(e.Message.Display))
		f.Add(doc(summary, paramDocs(e, all), optionalDocs(e), added(e.Since), deprecation(e, "New")))
		genConstructor(f, e, i, "New"+e.GoName, &e.Message, all, "")
		for _, v := range e.Variants {
			used := e.Args(&v.Message)
			summary := fmt.Sprintf("New%s%s returns a new %s error (%d %s), variant %s, with the message %s.",
				e.GoName, v.GoName, e.Code, e.Status, e.StatusText, v.Name, quoted(v.Message.Display))
			since := v.Since
			if since == "" {
				since = e.Since
			}
			f.Add(doc(summary, v.Description, paramDocs(e, used), added(since), deprecation(e, "New")))
			genConstructor(f, e, i, "New"+e.GoName+v.GoName, &v.Message, used, v.Name)
		}
	}
}

func paramDocs(e *model.Error, idx []int) string {
	var lines []string
	for _, j := range idx {
		p := e.Params[j]
		desc := oneLine(p.Description)
		if p.Data && desc != "" {
			desc = "sent beside the message: " + desc
		} else if p.Data {
			desc = "sent beside the message"
		}
		if p.Since != "" && desc != "" {
			desc = sentenceEnd(desc) + " Added in " + oneLine(p.Since) + "."
		} else if p.Since != "" {
			desc = "added in " + oneLine(p.Since) + "."
		}
		if desc != "" {
			lines = append(lines, fmt.Sprintf("  - %s: %s", p.ArgName, desc))
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return "Parameters:\n\n" + strings.Join(lines, "\n")
}

// optionalDocs names the With methods that set e's optional params.
func optionalDocs(e *model.Error) string {
	var set []string
	for _, p := range e.Params {
		if p.Optional {
			s := fmt.Sprintf("%s with With%s", p.Name, p.GoName)
			if p.Since != "" {
				s += " (added in " + oneLine(p.Since) + ")"
			}
			set = append(set, s)
		}
	}
	if len(set) == 0 {
		return ""
	}
	return "Optional params, sent only once set: " + strings.Join(set, ", ") + "."
}

func genConstructor(f *jen.File, e *model.Error, i int, name string, m *model.Message, params []int, variant string) {
	var args []jen.Code
	for _, j := range params {
		args = append(args, jen.Id(e.Params[j].ArgName).Id(string(e.Params[j].Type)))
	}
	f.Func().Id(name).Params(args...).Op("*").Id("Error").Block(
		jen.Return(jen.Op("&").Id("Error").Values(lines(errorFields(e, i, messageExpr(e, m), params, variant))...)),
	)
}

// messageExpr renders a message template as a string expression, each
// param formatted as spec.FormatValue formats examples.
func messageExpr(e *model.Error, m *model.Message) jen.Code {
	var terms []jen.Code
	for _, part := range m.Parts {
		if part.Param < 0 {
			terms = append(terms, jen.Lit(part.Literal))
			continue
		}
		p := e.Params[part.Param]
		arg := jen.Id(p.ArgName)
		switch p.Type {
		case model.TypeString:
			terms = append(terms, arg)
		case model.TypeInt:
			terms = append(terms, jen.Qual("strconv", "Itoa").Call(arg))
		case model.TypeInt64:
			terms = append(terms, jen.Qual("strconv", "FormatInt").Call(arg, jen.Lit(10)))
		case model.TypeFloat64:
			terms = append(terms, jen.Qual("strconv", "FormatFloat").Call(arg, jen.LitRune('g'), jen.Lit(-1), jen.Lit(64)))
		case model.TypeBool:
			terms = append(terms, jen.Qual("strconv", "FormatBool").Call(arg))
		}
	}
	if len(terms) == 0 {
		return jen.Lit("")
	}
	expr := jen.Add(terms[0])
	for _, t := range terms[1:] {
		expr = expr.Op("+").Add(t)
	}
	return expr
}
