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
		head := strings.TrimSpace(fmt.Sprintf("Code%s is Err%s's code. %s", e.GoName, e.GoName, aliasNote(e)))
		defs = append(defs, doc(head, deprecation(e, "Code")))
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

// genSentinels renders an Err variable per error, for errors.Is: the
// error's row made into an Error (errgenEntry.register).
func genSentinels(f *jen.File, s *model.Spec) {
	var defs []jen.Code
	for _, e := range s.AllErrors() {
		defs = append(defs, sentinelDoc(e))
		defs = append(defs, jen.Id("Err"+e.GoName).Op("=").Id(entryName(e)).Dot("register").Call())
	}
	f.Add(doc("errgenSentinels holds the sentinels, in spec order: each Err variable points at its element (errgenEntry.register), which is how the package knows a sentinel whatever a program assigns to it."))
	f.Var().Id("errgenSentinels").Index(jen.Lit(len(s.AllErrors()))).Id("Error")
	f.Line()
	f.Var().Defs(defs...)
}

// entryName is the name of e's catalog entry.
func entryName(e *model.Error) string {
	return "errgenRow" + e.GoName
}

func sentinelDoc(e *model.Error) jen.Code {
	head := fmt.Sprintf("Err%s is %s (%d %s): %s.", e.GoName, e.Code, e.Status, e.StatusText,
		strings.TrimSuffix(oneLine(e.Title), "."))
	// A message with params is shown by the constructor; the sentinel
	// then carries the title, as the package doc says once.
	if e.Message.IsConstant() {
		head += " Message: " + quoted(e.Message.Display) + "."
	}
	var extra []string
	if len(e.Variants) > 0 {
		var names []string
		for _, v := range e.Variants {
			name := v.Name
			if v.Since != "" {
				name += " (added in " + oneLine(v.Since) + ")"
			}
			names = append(names, name)
		}
		extra = append(extra, "Variants: "+strings.Join(names, ", ")+".")
	}
	if e.RetryAfter > 0 {
		extra = append(extra, fmt.Sprintf("Retry after %d seconds.", e.RetryAfter))
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
	if len(extra) > 0 {
		head += " " + strings.Join(extra, " ")
	}
	parts := []string{head, e.Description, added(e.Since), deprecation(e, "Err")}
	return doc(parts...)
}

// aliasNote documents the other codes decoding accepts for e.
func aliasNote(e *model.Error) string {
	if len(e.Aliases) == 0 {
		return ""
	}
	return "Decoding also accepts " + strings.Join(e.Aliases, ", ") + "."
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

// genConstructors renders New<X> per error and New<X><Variant> per variant,
// for the errors from..to of the catalog.
func genConstructors(f *jen.File, s *model.Spec, from, to int) {
	for _, e := range s.AllErrors()[from:to] {
		all := e.Args(&e.Message)
		// A constant message is on the sentinel's doc.
		summary := fmt.Sprintf("New%s returns a new [Err%s], message %s.", e.GoName, e.GoName, quoted(e.Message.Display))
		if e.Message.IsConstant() {
			summary = fmt.Sprintf("New%s returns a new [Err%s].", e.GoName, e.GoName)
		}
		f.Add(doc(summary, paramDocs(e, all), optionalDocs(e), added(e.Since), deprecation(e, "New")))
		genConstructor(f, e, "New"+e.GoName, 0, all)
		for k, v := range e.Variants {
			used := e.Args(&v.Message)
			summary := fmt.Sprintf("New%s%s returns a new [Err%s], variant %s, message %s.",
				e.GoName, v.GoName, e.GoName, v.Name, quoted(v.Message.Display))
			since := v.Since
			if since == "" {
				since = e.Since
			}
			f.Add(doc(summary, v.Description, paramDocs(e, used), added(since), deprecation(e, "New")))
			genConstructor(f, e, "New"+e.GoName+v.GoName, k+1, used)
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

// genConstructor renders one New function: message is 0 for the main
// message, k for the k-th variant; params are the params it takes.
func genConstructor(f *jen.File, e *model.Error, name string, message int, params []int) {
	var args []jen.Code
	call := []jen.Code{jen.Op("&").Id(entryName(e)), jen.Lit(message)}
	for k, j := range params {
		// Consecutive params of one type share it: (a, b string).
		arg := jen.Id(e.Params[j].ArgName)
		if k+1 == len(params) || e.Params[params[k+1]].Type != e.Params[j].Type {
			arg = arg.Id(string(e.Params[j].Type))
		}
		args = append(args, arg)
		call = append(call, jen.Id(e.Params[j].ArgName))
	}
	helper := "errgenNew"
	if n := len(params); n >= 1 && n <= 4 {
		helper += strconv.Itoa(n)
	}
	f.Func().Id(name).Params(args...).Op("*").Id("Error").Block(
		jen.Return(jen.Id(helper).Call(call...)),
	)
}
