package gen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/model"
)

// withMethod is one With<GoName> method: the Go name of the optional
// params it sets, their type, and every spec name a param of that Go name
// has in the catalog (an optional param, or a data param, of that type).
type withMethod struct {
	goName string
	typ    model.ParamType
	names  []string
	codes  []string // the errors whose optional param it is
}

// withMethods lists the With methods, in order of first appearance.
func withMethods(s *model.Spec) []*withMethod {
	var out []*withMethod
	by := map[string]*withMethod{}
	for _, e := range s.Errors {
		for _, p := range e.Params {
			if !p.Optional {
				continue
			}
			m := by[p.GoName]
			if m == nil {
				m = &withMethod{goName: p.GoName, typ: p.Type}
				by[p.GoName] = m
				out = append(out, m)
			}
			m.codes = append(m.codes, e.Code)
		}
	}
	for _, e := range s.Errors {
		for _, p := range e.Params {
			if m := by[p.GoName]; m != nil && !slices.Contains(m.names, p.Name) {
				m.names = append(m.names, p.Name)
			}
		}
	}
	return out
}

// genWith renders a With<GoName> method per Go name of optional params.
func genWith(f *jen.File, s *model.Spec) {
	for _, m := range withMethods(s) {
		name := "With" + m.goName
		what := strings.Join(m.names, " or ")
		f.Add(doc(
			fmt.Sprintf("%s returns a copy of e with the optional param %s set to v, to be sent beside the message (errors %s). Like Wrap, it leaves e as it is; on a sentinel, the copy has the catalog's values.",
				name, what, strings.Join(m.codes, ", ")),
			fmt.Sprintf("On an error that declares %s as a data param of this type (a constructor argument no message uses), it sets it too. On any other error (one that does not declare it, or uses it in its message), it returns an unchanged copy; on a nil *Error, an error without a code.", what)))
		args := []jen.Code{jen.Id("e"), jen.Id("v")}
		for _, n := range m.names {
			args = append(args, jen.Lit(n))
		}
		f.Func().Params(jen.Id("e").Op("*").Id("Error")).Id(name).Params(jen.Id("v").Id(string(m.typ))).Op("*").Id("Error").Block(
			jen.Return(jen.Id("errgenWith").Call(args...)))
	}
}

// isDefaultDetails reports whether the detail shape is errgen's default,
// {field: string, message: string}.
func isDefaultDetails(fields []*model.DetailField) bool {
	got, want := model.DetailLeaves(fields), model.DetailLeaves(model.DefaultDetails())
	return slices.EqualFunc(got, want, func(a, b *model.DetailField) bool {
		return a.Type == b.Type && a.GoName == b.GoName && slices.Equal(a.Path, b.Path)
	})
}

// detailGoType is the Go type of a detail leaf.
func detailGoType(t string) string {
	switch t {
	case "int":
		return "int"
	case "bool":
		return "bool"
	}
	return "string"
}

// genDetail renders the Detail type, in the catalog's detail shape, and
// the functions that write and read one item.
func genDetail(f *jen.File, s *model.Spec) {
	leaves := model.DetailLeaves(s.Details)
	if isDefaultDetails(s.Details) {
		f.Add(doc("Detail is a field-level problem, sent in the error's details list."))
		f.Type().Id("Detail").Struct(
			jen.Id("Field").String().Tag(map[string]string{"json": "field"}),
			jen.Id("Message").String().Tag(map[string]string{"json": "message"}),
		)
	} else {
		var members []string
		for _, l := range leaves {
			members = append(members, strings.Join(l.Path, "."))
		}
		var fields []jen.Code
		for _, l := range leaves {
			fd := jen.Comment(fmt.Sprintf("%s is the item's %s member.", l.GoName, quoted(strings.Join(l.Path, ".")))).Line().Id(l.GoName).Id(detailGoType(l.Type))
			if len(l.Path) == 1 {
				fd = fd.Tag(map[string]string{"json": l.Path[0]})
			}
			fields = append(fields, fd)
		}
		f.Add(doc(fmt.Sprintf("Detail is a field-level problem, one item of the error's details list, whose members are %s.", strings.Join(members, ", ")),
			"Every field is sent, its zero value included. The json tags name the top-level members; a nested member's field has none."))
		f.Type().Id("Detail").Struct(fields...)
	}

	// errgenAppendDetail writes the members in shape order, constant text
	// merged.
	var body []jen.Code
	pending := ""
	flush := func() {
		if pending != "" {
			body = append(body, jen.Id("buf").Op("=").Append(jen.Id("buf"), rawLit(pending).(*jen.Statement).Op("...")))
			pending = ""
		}
	}
	var write func(fields []*model.DetailField)
	write = func(fields []*model.DetailField) {
		pending += "{"
		for i, fd := range fields {
			if i > 0 {
				pending += ","
			}
			pending += jsonValue(fd.Name) + ":"
			if fd.Type == "" {
				write(fd.Children)
				continue
			}
			flush()
			v := jen.Id("d").Dot(fd.GoName)
			switch fd.Type {
			case "int":
				body = append(body, jen.Id("buf").Op("=").Qual("strconv", "AppendInt").Call(jen.Id("buf"), jen.Int64().Call(v), jen.Lit(10)))
			case "bool":
				body = append(body, jen.Id("buf").Op("=").Qual("strconv", "AppendBool").Call(jen.Id("buf"), v))
			default:
				body = append(body, jen.Id("buf").Op("=").Id("errgenAppendString").Call(jen.Id("buf"), v))
			}
		}
		pending += "}"
	}
	write(s.Details)
	body = append(body, jen.Return(jen.Append(jen.Id("buf"), rawLit(pending).(*jen.Statement).Op("..."))))
	f.Add(doc("errgenAppendDetail appends one detail item as JSON, in the catalog's detail shape."))
	f.Func().Id("errgenAppendDetail").Params(jen.Id("buf").Index().Byte(), jen.Id("d").Op("*").Id("Detail")).Index().Byte().Block(body...)

	var values []jen.Code
	for _, l := range leaves {
		var raw jen.Code
		if len(l.Path) == 1 {
			raw = jen.Id("errgenMember").Call(jen.Id("item"), jen.Lit(l.Path[0]))
		} else {
			raw = jen.Id("errgenAt").Call(jen.Id("item"), pathLit(l.Path))
		}
		read := "errgenDetailString"
		switch l.Type {
		case "int":
			read = "errgenDetailInt"
		case "bool":
			read = "errgenDetailBool"
		}
		values = append(values, jen.Id(l.GoName).Op(":").Id(read).Call(raw))
	}
	f.Add(doc("errgenReadDetail reads one detail item (a valid JSON object) in the catalog's detail shape; a member that is absent or of another type is the zero value."))
	f.Func().Id("errgenReadDetail").Params(jen.Id("item").Index().Byte()).Id("Detail").Block(
		jen.Return(jen.Id("Detail").Values(lines(values)...)))
}

// genWriters renders, for each group with a wire format of its own, the
// writer and handler type that answer in that format only.
func genWriters(f *jen.File, s *model.Spec) {
	for _, r := range s.Formats {
		if !r.Extra() {
			continue
		}
		g := r.Group.GoName()
		write, handler := "Write"+g+"Error", g+"HandlerFunc"
		title := oneLine(r.Group.Title)
		f.Add(doc(
			fmt.Sprintf("%s writes err as WriteError does, but always in the wire format of the group %s (%s): for endpoints whose every answer must be in that format.", write, r.Group.ID, title),
			fmt.Sprintf("An error of the group's format is written as itself. Any other error (one not from the catalog, one of another format, a nil or typed nil error, or a 5xx error that wraps a cause) is written as the format's internal error, %s, whose text is never sent.", r.Internal.Code)))
		f.Func().Id(write).Params(
			jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request"), jen.Id("err").Error(),
		).Block(jen.Id("errgenWrite").Call(jen.Id("w"), jen.Id("r"), jen.Id("err"), jen.Lit(r.Index)))
		f.Add(doc(fmt.Sprintf("%s is an http.Handler that returns its error instead of writing it: a returned error is written with %s.", handler, write)))
		f.Type().Id(handler).Func().Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request")).Error()
		f.Add(doc(fmt.Sprintf("ServeHTTP calls f and writes its error, if any, with %s.", write)))
		f.Func().Params(jen.Id("f").Id(handler)).Id("ServeHTTP").Params(
			jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request"),
		).Block(
			jen.If(jen.Err().Op(":=").Id("f").Call(jen.Id("w"), jen.Id("r")), jen.Err().Op("!=").Nil()).Block(
				jen.Id(write).Call(jen.Id("w"), jen.Id("r"), jen.Err())))
	}
}
