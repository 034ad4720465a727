package docs

import (
	"path"
	"strings"

	"github.com/errgen/errgen/internal/model"
)

// renderer builds the data of every page of one spec.
type renderer struct {
	s        *model.Spec
	form     urlForm // how URLs are written
	examples map[*model.Error]*Example
	// formats are the docs of the groups' own formats as the main page
	// (single or index) shows them, headings and anchors included: what
	// the sections of their errors link to.
	formats map[*model.Response]*Response
	// anchors maps each error's anchor to the error, for links to a
	// fragment in text shown on another page (see retargetFragments).
	anchors map[string]*model.Error
}

// buildExamples renders every error's example response once.
func (r *renderer) buildExamples() error {
	for _, e := range r.s.AllErrors() {
		ex, err := example(r.s, e)
		if err != nil {
			return err
		}
		r.examples[e] = ex
	}
	return nil
}

// pages plans every page of the layout, in output order.
func (r *renderer) pages() []*Page {
	s := r.s
	switch s.Docs.Layout {
	case model.LayoutPerGroup, model.LayoutPerError:
	default:
		p := r.page("single", s.Outputs.Docs, r.mainMeta())
		r.fillMain(p, "", "###", "####")
		return []*Page{p}
	}
	index := r.page("index", r.pagePath(model.IndexPage), r.mainMeta())
	r.fillMain(index, model.IndexPage, "", "")
	out := []*Page{index}
	if s.Docs.Layout == model.LayoutPerGroup {
		for _, sec := range r.sections(model.IndexPage) {
			page := model.UngroupedPage
			if sec.Group != nil {
				page = sec.Group.Page
			}
			out = append(out, r.groupPage(page, sec.Group))
		}
		return out
	}
	for _, e := range s.AllErrors() {
		out = append(out, r.errorPage(e))
	}
	return out
}

// pagePath is the output path of a page of a multi-page layout.
func (r *renderer) pagePath(page string) string {
	return path.Join(r.s.Outputs.Docs, page+".md")
}

// page starts a page with its front matter and header.
func (r *renderer) page(kind, file string, m pageMeta) *Page {
	p := &Page{
		Spec:        r.s,
		Kind:        kind,
		Path:        file,
		FrontMatter: frontMatter(r.s, m),
		Header:      "<!-- " + marker + " from " + r.s.Source + ". DO NOT EDIT. -->\n",
		Title:       m.title,
	}
	p.TitleInFrontMatter = p.FrontMatter != ""
	if kind == "group" || kind == "error" {
		p.IndexTitle, p.IndexLink = docTitle(r.s), model.IndexPage+".md"
	}
	return p
}

// fillMain fills the overview, response format and reserved codes of the
// single page or the index page.
func (r *renderer) fillMain(p *Page, from, h, hsub string) {
	p.Intro = r.s.API.Description
	p.Sections = r.sections(from)
	for _, sec := range p.Sections {
		for _, e := range sec.Errors {
			e.H, e.HSub = h, hsub
		}
	}
	p.Formats = r.formatDocs(from)
	p.Response = p.Formats[0]
	p.Reserved = r.s.Reserved
	taken := make(anchorSet, 4*len(r.s.Errors)) // an error's section takes about four
	if !p.TitleInFrontMatter {
		taken.add(p.Title)
	}
	if p.Kind == "single" {
		for _, sec := range p.Sections {
			for _, e := range sec.Errors {
				taken.addError(e)
			}
		}
	}
	// errgen's own headings give way to the errors' anchors, which
	// their doc links name.
	p.Headings.Overview = taken.uniqueHeading("Overview", "catalog")
	p.Headings.Response = taken.uniqueHeading("Response format", "catalog")
	if len(p.Reserved) > 0 {
		p.Headings.Reserved = taken.uniqueHeading("Reserved codes", "catalog")
	}
	for _, sec := range p.Sections {
		sec.Heading = taken.unique(sec)
	}
	// The groups' own formats, under "Response format": their headings
	// after every other one, so that the pages of specs with one format
	// keep theirs.
	r.formats = map[*model.Response]*Response{}
	for _, f := range p.Formats[1:] {
		f.Heading = taken.uniqueHeading(formatHeading(f.Title), f.Group.ID)
		f.Anchor = headingAnchor(headingText(f.Heading))
		for _, mf := range r.s.Formats {
			if mf.Group == f.Group {
				r.formats[mf] = f
			}
		}
	}
	for _, sec := range p.Sections {
		for _, e := range sec.Errors {
			r.setOwnFormat(e, from)
		}
	}
	for _, x := range p.Reserved {
		p.ReservedReasons = p.ReservedReasons || strings.TrimSpace(x.Reason) != ""
		p.ReservedVersions = p.ReservedVersions || x.Since != "" || x.RemovedIn != ""
	}
	r.retarget(p, from, taken)
}

// mainMeta is the front matter of the single page or the index.
func (r *renderer) mainMeta() pageMeta {
	s := r.s
	title := docTitle(s)
	m := pageMeta{title: title, slug: s.Docs.Slug, excerpt: s.Docs.Excerpt, sidebarLabel: s.Docs.SidebarLabel}
	if m.slug == "" {
		m.slug = slugify(title)
	}
	if m.excerpt == "" {
		m.excerpt = plainExcerpt(s.API.Description)
	}
	if m.excerpt == "" {
		m.excerpt = "Every error code the API returns, with its causes and how to fix it."
	}
	if m.sidebarLabel == "" {
		m.sidebarLabel = title
	}
	return m
}

// subMeta is the front matter of a group or error page.
func (r *renderer) subMeta(title, page, excerpt string) pageMeta {
	return pageMeta{title: title, slug: r.mainMeta().slug + "-" + slugify(page), excerpt: excerpt, sidebarLabel: title}
}

// sections groups the errors as the overview shows them, seen from the
// page named from.
func (r *renderer) sections(from string) []*Section {
	s := r.s
	var out []*Section
	for _, g := range s.Groups {
		sec := &Section{Group: g, Title: g.Title, Heading: g.Title, Description: g.Description}
		if s.Docs.Layout == model.LayoutPerGroup && from != g.Page {
			sec.Link = g.Page + ".md"
		}
		for _, e := range g.Errors {
			sec.Errors = append(sec.Errors, r.view(e, from))
		}
		out = append(out, sec)
	}
	other := &Section{Title: ungroupedTitle(s), Heading: ungroupedTitle(s)}
	for _, e := range s.AllErrors() {
		if e.Group == nil {
			other.Errors = append(other.Errors, r.view(e, from))
		}
	}
	if len(other.Errors) > 0 {
		if s.Docs.Layout == model.LayoutPerGroup && from != model.UngroupedPage {
			other.Link = model.UngroupedPage + ".md"
		}
		out = append(out, other)
	}
	return out
}

// groupPage is the per_group page of g (nil: the errors in no group).
func (r *renderer) groupPage(page string, g *model.Group) *Page {
	var sec *Section
	for _, x := range r.sections(page) {
		if x.Group == g {
			sec = x
		}
	}
	excerpt := plainExcerpt(sec.Description)
	if excerpt == "" {
		excerpt = sec.Title
	}
	p := r.page("group", r.pagePath(page), r.subMeta(sec.Title, page, excerpt))
	taken := make(anchorSet, 4*len(sec.Errors))
	for _, e := range sec.Errors {
		e.H, e.HSub = "##", "###"
		taken.addError(e)
	}
	sec.Heading = taken.unique(sec)
	if p.TitleInFrontMatter {
		delete(taken, headingAnchor(headingText(sec.Heading))) // not written
	}
	p.Section = sec
	r.retarget(p, page, taken)
	return p
}

// errorPage is the per_error page of e.
func (r *renderer) errorPage(e *model.Error) *Page {
	excerpt := plainExcerpt(e.Description)
	if excerpt == "" {
		excerpt = e.Message.Display
	}
	p := r.page("error", r.pagePath(e.Page), r.subMeta(e.Title, e.Page, excerpt))
	if e.Group != nil {
		for _, x := range r.sections(e.Page) {
			if x.Group == e.Group {
				p.Section = x
			}
		}
	}
	p.Error = r.view(e, e.Page)
	p.Error.H, p.Error.HSub = "", "##"
	taken := anchorSet{}
	if !p.TitleInFrontMatter {
		taken.add(e.Title + " (" + e.Code + ")")
	}
	taken.addParts(p.Error, "")
	r.retarget(p, e.Page, taken)
	return p
}

// view shows e as seen from the page named from.
func (r *renderer) view(e *model.Error, from string) *Error {
	if e == nil {
		return nil
	}
	format := e.Format
	if format == nil {
		format = &r.s.Response
	}
	v := &Error{
		Error:         e,
		Description:   e.Description,
		Solution:      e.Solution,
		Link:          link(e, from, r.s.Docs.Layout),
		Summary:       r.summary(e, from),
		Retry:         retryText(e),
		DetailsMember: detailsMember(format),
		Messages:      messages(e),
		Example:       r.examples[e],
		Internal:      e == r.s.Internal || e == format.Internal,
		Success:       success(e),
	}
	v.Causes = e.Causes
	for _, m := range v.Messages {
		v.MessagesDescribed = v.MessagesDescribed || strings.TrimSpace(m.Description) != ""
		v.MessagesSince = v.MessagesSince || m.Since != ""
	}
	if e.ReplacedBy != nil {
		v.ReplacedByLink = link(e.ReplacedBy, from, r.s.Docs.Layout)
	}
	for _, p := range e.Params {
		v.Params = append(v.Params, &Param{Param: p, Description: p.Description, ExampleJSON: string(jsonValue(p.Example)), Sent: paramSent(p)})
		v.ParamsDescribed = v.ParamsDescribed || strings.TrimSpace(p.Description) != ""
		v.ParamsSent = v.ParamsSent || p.Data || p.Optional
		v.ParamsSince = v.ParamsSince || p.Since != ""
	}
	for _, kv := range e.Attributes {
		v.Attrs = append(v.Attrs, &Attribute{Name: kv.Key, JSON: string(jsonValue(kv.Value))})
	}
	for _, h := range e.Headers {
		v.ResponseHeaders = append(v.ResponseHeaders, &HeaderTemplate{Name: h.Name, Template: h.Value.Source()})
	}
	r.setOwnFormat(v, from)
	return v
}

// setOwnFormat points the view of an error written in its group's own
// format at that format's part of the main page, once the main page has
// named it.
func (r *renderer) setOwnFormat(v *Error, from string) {
	f := r.formats[v.Format]
	if f == nil || v.Format == nil || v.Format.Group == nil {
		return
	}
	v.OwnFormat = f
	v.OwnFormatLink = "#" + f.Anchor
	if r.s.Docs.Layout != model.LayoutSingle && from != model.IndexPage {
		v.OwnFormatLink = model.IndexPage + ".md" + v.OwnFormatLink
	}
}

// summary is e's overview description as the page named from shows it.
// Text shown on another page than e's section keeps no link to a bare
// fragment that only e's page defines (retargetFragments).
func (r *renderer) summary(e *model.Error, from string) string {
	s := summary(e, r.form)
	if from == e.Page {
		return s // written for this page: retarget, once the page is planned
	}
	if !strings.Contains(s, "](") {
		return s
	}
	return retargetFragments(s, func(frag string) (string, bool) {
		if x := r.anchorOwner(frag); x != nil {
			return link(x, from, r.s.Docs.Layout), true
		}
		return "", false
	})
}

// retarget points the links of the texts a planned page shows as
// written for it (the API's description, its groups' descriptions, and
// its errors' descriptions, causes, solutions, overview cells and the
// descriptions of their variants and params) with
// own, once the anchors the page defines are known: taken, to which it
// adds the headings of the texts shown as blocks (descriptions and
// solutions; causes and overview cells are inline).
func (r *renderer) retarget(p *Page, from string, taken anchorSet) {
	if r.s.Docs.Layout == model.LayoutSingle {
		return
	}
	var blocks, inline []*string // the texts, by how the page shows them
	blocks = append(blocks, &p.Intro)
	secs := p.Sections
	if p.Section != nil {
		if p.Error != nil {
			// An error's page shows its group's title alone: its
			// description's headings are not the page's.
			inline = append(inline, &p.Section.Description)
		} else {
			secs = append(secs[:len(secs):len(secs)], p.Section)
		}
	}
	views := []*Error{}
	if p.Error != nil {
		views = append(views, p.Error)
	}
	for _, sec := range secs {
		blocks = append(blocks, &sec.Description)
		views = append(views, sec.Errors...)
	}
	for _, v := range views {
		if v.Page != from {
			continue // shown here by its summary alone, retargeted already
		}
		if len(v.Causes) > 0 {
			v.Causes = append([]string(nil), v.Causes...)
		}
		blocks = append(blocks, &v.Description, &v.Solution)
		inline = append(inline, &v.Summary)
		for k := range v.Causes {
			inline = append(inline, &v.Causes[k])
		}
		for _, m := range v.Messages {
			inline = append(inline, &m.Description)
		}
		for _, p := range v.Params {
			inline = append(inline, &p.Description)
		}
	}
	read := make([]blockText, len(blocks))
	for k, t := range blocks {
		read[k] = readBlockText(*t)
		taken.addHeadings(read[k].blocks)
	}
	for k, t := range blocks {
		*t = r.ownBlocks(*t, read[k], from, taken)
	}
	for _, t := range inline {
		*t = r.own(*t, from, taken)
	}
}

// blockText is Markdown shown as blocks, read: its lines and blocks.
type blockText struct {
	lines  []string
	blocks []*block
}

// readBlockText reads Markdown shown as blocks, when it has a heading
// or a link to find (a # or a line break, or "]("); else nothing.
func readBlockText(s string) blockText {
	if !strings.Contains(s, "#") && !strings.Contains(s, "\n") && !strings.Contains(s, "](") {
		return blockText{}
	}
	lines := strings.Split(markdownSource(s), "\n")
	return blockText{lines: lines, blocks: readBlocks(lines, urlLinks)}
}

// ownBlocks is own for Markdown shown as blocks, read as t, whose code
// (fenced, or a line readBlocks writes as it is: indented code, a break)
// is left as written.
func (r *renderer) ownBlocks(s string, t blockText, from string, anchors anchorSet) string {
	if !strings.Contains(s, "](") {
		return s
	}
	code := make([]bool, len(t.lines))
	for _, b := range t.blocks {
		if b.kind == kindFence || b.kind == kindLine {
			for k := b.first; k < b.first+len(b.lines) && k < len(code); k++ {
				code[k] = true
			}
		}
	}
	var out []string
	for i := 0; i < len(t.lines); {
		j := i
		for j < len(t.lines) && code[j] == code[i] {
			j++
		}
		part := strings.Join(t.lines[i:j], "\n")
		if !code[i] {
			part = r.own(part, from, anchors)
		}
		out = append(out, part)
		i = j
	}
	return strings.Join(out, "\n")
}

// own is Markdown text written for the page it is shown on (from), whose
// anchors are anchors, in the per_group or per_error layout (retarget): a
// link to a bare fragment that names another error's anchor, which that
// page does not have, points at the page of that error; every other link
// stays as written.
func (r *renderer) own(s, from string, anchors anchorSet) string {
	if !strings.Contains(s, "](") {
		return s
	}
	return retargetFragments(s, func(frag string) (string, bool) {
		if x := r.anchorOwner(frag); x != nil && x.Page != from && !anchors[frag] {
			return link(x, from, r.s.Docs.Layout), true
		}
		return "#" + frag, true
	})
}

// anchorOwner is the error whose anchor frag is, or nil.
func (r *renderer) anchorOwner(frag string) *model.Error {
	if r.anchors == nil {
		r.anchors = map[string]*model.Error{}
		for _, x := range r.s.AllErrors() {
			if _, dup := r.anchors[x.Anchor]; !dup {
				r.anchors[x.Anchor] = x
			}
		}
	}
	return r.anchors[frag]
}

// link reaches e's section from the page named from.
func link(e *model.Error, from string, layout model.Layout) string {
	switch {
	case e.Page == from:
		return "#" + e.Anchor
	case layout == model.LayoutPerError:
		return e.Page + ".md"
	}
	return e.Page + ".md#" + e.Anchor
}
