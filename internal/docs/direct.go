package docs

import (
	"bytes"
	"strconv"
	"strings"
)

// The per-error parts of a page — an error's section (error.tmpl) and the
// rows of the overview table (overview.tmpl) — are most of a large
// reference, and text/template spends far more time walking them than the
// escapers spend on the text. Unless a spec overrides those templates,
// they are written by the functions below instead, which write exactly
// the bytes the embedded templates write (TestDirectWritersMatchTemplates
// renders every golden case, the hostile specs and a synthetic catalog
// both ways and compares the pages). A change to error.tmpl or
// overview.tmpl must be made here too; that test fails until it is. The
// page templates' loops over error sections are written in Go as well
// (directLoops), so that a page makes no template call per error.

// directTemplates are the embedded templates written in Go, with the
// template that replaces each: a call of its writer, bound to the
// render's URL form in funcs.
var directTemplates = map[string]string{
	"error.tmpl":    "{{errgenErrorSection .}}",
	"overview.tmpl": "{{errgenOverview .}}",
}

// directLoops are the loops of the embedded page templates over errors'
// sections, each with the call that writes them all at once in Go: one
// template call per error costs more than its section's writer. A page
// template's loop is replaced unless the spec overrides that page
// template or error.tmpl.
var directLoops = []struct{ loop, call string }{
	{"{{range .Errors}}{{template \"error.tmpl\" .}}\n\n{{end}}", "{{errgenErrorSections .Errors}}"},
	{"{{range .Section.Errors}}{{template \"error.tmpl\" .}}\n\n{{end}}", "{{errgenErrorSections .Section.Errors}}"},
}

// directPage is the source of an embedded page template with its loops
// over error sections written in Go.
func directPage(src []byte) []byte {
	for _, l := range directLoops {
		src = bytes.ReplaceAll(src, []byte(l.loop), []byte(l.call))
	}
	return src
}

// errorSections writes what {{range .}}{{template "error.tmpl" .}}\n\n{{end}}
// writes for errs.
func errorSections(errs []*Error, f urlForm, texts textCache) string {
	w := &writer{f: f, texts: texts}
	w.Grow(1536 * len(errs))
	for _, e := range errs {
		w.section(e)
		w.WriteString("\n\n")
	}
	return w.String()
}

// writer writes the per-error parts of a page with URLs in form f.
type writer struct {
	strings.Builder
	f     urlForm
	texts textCache
}

// text, mdinline and mdunder are the template functions of the same
// names; the others are used as they are.
func (w *writer) text(s string) string     { return w.texts.text(s, w.f) }
func (w *writer) mdinline(s string) string { return markdownInlineAs(s, w.f) }
func (w *writer) mdunder(heading, s string) string {
	return markdownBlockAs(s, strings.Count(heading, "#"), w.f)
}

func (w *writer) add(parts ...string) {
	for _, p := range parts {
		w.WriteString(p)
	}
}

// errorSection writes what error.tmpl writes for e.
func errorSection(e *Error, f urlForm, texts textCache) string {
	w := &writer{f: f, texts: texts}
	w.Grow(2048)
	w.section(e)
	return w.String()
}

// section writes what error.tmpl writes for e.
func (w *writer) section(e *Error) {
	w.add(`<a id="`, e.Anchor, "\"></a>\n\n")
	if e.H != "" {
		w.add(e.H, " ", escapeText(e.Title), " (", codeSpan(e.Code), ")")
	}
	w.add("\n\n")
	if e.DeprecatedSet {
		w.add("\n> **Deprecated")
		if e.ReplacedBy != nil || e.Sunset != "" {
			w.add(":** ")
			if r := e.ReplacedBy; r != nil {
				w.add("use [", codeSpan(r.Code), "](", e.ReplacedByLink, ")")
				if e.Sunset != "" {
					w.add(", ")
				}
			}
			if e.Sunset != "" {
				w.add("removed after ", w.text(e.Sunset))
			}
			w.add(".")
		} else {
			w.add(".**")
		}
		if e.Deprecated != "" {
			w.add(" ", w.mdinline(e.Deprecated))
		}
		w.add("\n")
	}
	w.add("\n\n- **Code:** ", codeSpan(e.Code))
	if e.Since != "" {
		w.add("\n- **Added in:** ", w.text(e.Since))
	}
	w.add("\n- **HTTP status:** ", strconv.Itoa(e.Status), " ", w.text(e.StatusText))
	if e.Success != "" {
		w.add(" (", e.Success, ")")
	}
	if o := e.OwnFormat; o != nil {
		w.add("\n- **Response format:** ", codeSpan("Content-Type: "+o.MediaType), ", the format of ", w.text(o.Title),
			" (see [", escapeLinkText(o.Heading), "](", e.OwnFormatLink, "))")
	}
	w.add("\n- **Message:** ", w.text(e.Message.Display))
	if e.Message.Example != e.Message.Display {
		w.add("\n- **Example message:** ", w.text(e.Message.Example))
	}
	w.add("\n- **Retryable:** ", e.Retry)
	if len(e.Aliases) > 0 {
		w.add("\n- **Aliases:** ")
		for i, a := range e.Aliases {
			if i > 0 {
				w.add(", ")
			}
			w.add(codeSpan(a))
		}
		w.add(" (older codes that mean this error)")
	}
	if len(e.Operations) > 0 {
		w.add("\n- **Returned by:** ")
		for i, o := range e.Operations {
			if i > 0 {
				w.add(", ")
			}
			w.add(codeSpan(o.ID))
		}
	}
	if e.Details {
		w.add("\n- **Field details:** ")
		if e.DetailsMember != "" {
			w.add("may list the fields at fault in ", codeSpan(e.DetailsMember))
		} else {
			w.add("yes")
		}
	}
	if len(e.Attrs) > 0 {
		w.add("\n- **Attributes:** ")
		for i, a := range e.Attrs {
			if i > 0 {
				w.add(", ")
			}
			w.add(codeSpan(a.Name), ": ", codeSpan(a.JSON))
		}
	}
	if len(e.ResponseHeaders) > 0 {
		w.add("\n- **Headers:** ")
		for i, h := range e.ResponseHeaders {
			if i > 0 {
				w.add(", ")
			}
			w.add(codeSpan(h.Name + ": " + h.Template))
		}
	}
	switch {
	case e.Internal && e.BuiltIn:
		w.add("\n- **Sent for:** any error that is not in this reference; internal details never reach the client")
	case e.Internal:
		w.add("\n- **Also sent for:** any error that is not in this reference")
		if o := e.OwnFormat; o != nil {
			w.add(", where the format of ", w.text(o.Title), " is used")
		}
		w.add("; internal details never reach the client")
	}
	if e.OwnDocURL {
		w.add("\n- **More:** ", urlLink(e.DocURL, w.f))
	}
	h := e.H
	if h == "" {
		h = "#"
	}
	w.add("\n\n", w.mdunder(h, e.Description), "\n\n")
	// inTitle is the " (`code`)" sub-section titles end with under a
	// heading of the error's own.
	inTitle := ""
	if e.H != "" {
		inTitle = " (" + codeSpan(e.Code) + ")"
	}
	if len(e.Variants) > 0 {
		w.add("\n", e.HSub, " Messages", inTitle, "\n\n| Variant | Message | Example |")
		if e.MessagesDescribed {
			w.add(" Sent when |")
		}
		if e.MessagesSince {
			w.add(" Added in |")
		}
		w.add("\n| --- | --- | --- |")
		if e.MessagesDescribed {
			w.add(" --- |")
		}
		if e.MessagesSince {
			w.add(" --- |")
		}
		w.add("\n")
		for _, m := range e.Messages {
			w.add("| ")
			if m.Variant != "" {
				w.add(cellCode(m.Variant))
			} else {
				w.add("default")
			}
			w.add(" | ", cell(w.text(m.Display)), " | ", cell(w.text(m.Example)), " |")
			if e.MessagesDescribed {
				w.add(" ", cell(w.mdinline(m.Description)), " |")
			}
			if e.MessagesSince {
				w.add(" ", cell(w.text(m.Since)), " |")
			}
			w.add("\n")
		}
		w.add("\n")
	}
	w.add("\n\n")
	if len(e.Causes) > 0 {
		w.add("\n", e.HSub, " Causes", inTitle, "\n\n")
		for _, c := range e.Causes {
			w.add("- ", w.mdinline(c), "\n")
		}
		w.add("\n")
	}
	w.add("\n\n")
	if e.Solution != "" {
		w.add("\n", e.HSub, " Solution", inTitle, "\n\n", w.mdunder(e.HSub, e.Solution), "\n")
	}
	w.add("\n\n")
	if len(e.Params) > 0 {
		w.add("\n", e.HSub, " Parameters", inTitle, "\n\n| Name | Type |")
		if e.ParamsSent {
			w.add(" Sent |")
		}
		if e.ParamsDescribed {
			w.add(" Description |")
		}
		w.add(" Example |")
		if e.ParamsSince {
			w.add(" Added in |")
		}
		w.add("\n| --- | --- |")
		if e.ParamsSent {
			w.add(" --- |")
		}
		if e.ParamsDescribed {
			w.add(" --- |")
		}
		w.add(" --- |")
		if e.ParamsSince {
			w.add(" --- |")
		}
		w.add("\n")
		for _, p := range e.Params {
			w.add("| ", cellCode(p.Name), " | ")
			if p.Type.IsList() {
				w.add(cellCode(string(p.Type)))
			} else {
				w.add(string(p.Type))
			}
			w.add(" |")
			if e.ParamsSent {
				w.add(" ", p.Sent, " |")
			}
			if e.ParamsDescribed {
				w.add(" ", cell(w.mdinline(p.Description)), " |")
			}
			w.add(" ", cellCode(p.ExampleJSON), " |")
			if e.ParamsSince {
				w.add(" ", cell(w.text(p.Since)), " |")
			}
			w.add("\n")
		}
		w.add("\n")
	}
	w.add("\n\n")
	if x := e.Example; x != nil {
		w.add("\n", e.HSub, " Example response", inTitle, "\n\n", x.Fence, "http\n", x.StatusLine, "\n")
		for _, h := range x.Headers {
			w.add(h.Name, ":")
			if h.Value != "" {
				w.add(" ", h.Value)
			}
			w.add("\n")
		}
		w.add("\n", x.Body, "\n", x.Fence, "\n")
	}
	w.add("\n")
}

// overview writes what overview.tmpl writes for errs.
func overview(errs []*Error, f urlForm, texts textCache) string {
	if len(errs) == 0 {
		return "\nNo errors yet.\n\n"
	}
	w := &writer{f: f, texts: texts}
	w.Grow(256 * len(errs))
	w.add("\n| Code | Status | Message | Description |\n| --- | --- | --- | --- |\n")
	for _, e := range errs {
		w.add("| [", cellCode(e.Code), "](", e.Link, ") | ", strconv.Itoa(e.Status), " ", w.text(e.StatusText), " | ", cell(w.text(e.Message.Display)), " | ")
		if e.DeprecatedSet {
			w.add("**Deprecated.** ")
		}
		w.add(cell(w.mdinline(e.Summary)), " |\n")
	}
	w.add("\n\n")
	return w.String()
}

// textCache holds what escapeTextAs writes for the text that is not plain
// prose, for one render: a catalog repeats its messages, example
// messages and notices from error to error.
type textCache map[string]string

func (c textCache) text(s string, f urlForm) string {
	if plainProse(s) {
		return s
	}
	if v, ok := c[s]; ok {
		return v
	}
	v := escapeAllLines(s, f, true)
	c[s] = v
	return v
}
