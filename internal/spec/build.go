package spec

import (
	"fmt"
	"math"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// builder turns a rawSpec into a model.Spec, reporting every problem of
// meaning: bad values, unknown references, collisions.
type builder struct {
	*walker
	raw  *rawSpec
	spec *model.Spec

	groups map[string]*model.Group
	// codes maps every code, alias and reserved code to where it was
	// first defined, to report collisions with both positions.
	codes map[string]codeDef
	// byCode indexes the built errors by code.
	byCode map[string]*model.Error
	// goNames maps every generated identifier to its owner (a zero
	// owner for errgen's own identifiers).
	goNames map[string]goOwner
	// nameClash holds errors already reported for a Go name collision, so
	// that the anchor collision that follows from it is not reported too.
	nameClash map[*model.Error]bool
	// statusText holds the spec's status_text entries.
	statusText map[int]string
	// groupAttrs and groupHeaders hold each group's attributes and
	// headers; errorHeaders each error's own headers, merged with its
	// format's and group's by resolveHeaders.
	groupAttrs   map[*model.Group][]model.KeyValue
	groupHeaders map[*model.Group][]*model.Header
	errorHeaders map[*model.Error][]*model.Header
	// groupRaw maps each group to what the spec says of it.
	groupRaw map[*model.Group]*rawGroup
	// headerParams holds the ${param.NAME} of every header, checked once
	// every error is known.
	headerParams []headerParam
}

// goOwner is what a generated identifier is generated for, and where it
// is written: nothing for errgen's own identifiers.
type goOwner struct {
	what string
	pos  model.Pos
}

func (o goOwner) String() string {
	if o.what == "" {
		return ""
	}
	return fmt.Sprintf("%s at %d:%d", o.what, o.pos.Line, o.pos.Col)
}

type codeDef struct {
	what   string // "code", "alias" or "reserved code"
	prefix string // how problems about it start, e.g. `error "x": `
	pos    model.Pos
}

func (b *builder) at(s str) model.Pos { return b.pos(s.n) }

func (b *builder) build() *model.Spec {
	b.spec = &model.Spec{Source: b.file}
	n := len(b.raw.errors)
	b.groups = map[string]*model.Group{}
	b.codes = make(map[string]codeDef, n)
	b.goNames = make(map[string]goOwner, 3*n+len(model.GeneratedGoNames))
	b.byCode = make(map[string]*model.Error, n)
	b.nameClash = map[*model.Error]bool{}
	b.groupAttrs = map[*model.Group][]model.KeyValue{}
	b.groupHeaders = map[*model.Group][]*model.Header{}
	b.errorHeaders = map[*model.Error][]*model.Header{}
	b.groupRaw = map[*model.Group]*rawGroup{}
	for _, n := range model.GeneratedGoNames {
		b.goNames[n] = goOwner{}
	}

	b.checkVersion()
	b.buildAPI()
	b.buildGo()
	b.buildOutputs()
	b.buildOpenAPI()
	b.checkOutputClash()
	b.buildStatusText()
	b.buildDocs()
	b.buildCodeType()
	b.buildRequestID()
	b.buildDetails()
	b.buildGroups()
	for _, re := range b.raw.errors {
		if e := b.buildError(re); e != nil {
			b.spec.Errors = append(b.spec.Errors, e)
			b.byCode[e.Code] = e
		}
	}
	b.checkAliases()
	b.buildReserved()
	b.resolveReplacements()
	b.buildFormats()
	b.checkRequestIDMember()
	b.buildInternal()
	b.buildGroupInternals()
	b.checkStatuses()
	b.resolveHeaders()
	b.checkHeaderParams()
	b.checkOptionalParams()
	b.resolveLinks()
	b.resolveWireTitles()
	b.collectStatuses()
	b.specKeyPos()
	return b.spec
}

func (b *builder) checkVersion() {
	n := b.raw.version
	if n == nil {
		return // reported as missing
	}
	v, ok := b.integer(n, "errgen (the format version)")
	if ok && v != 1 {
		b.add(b.pos(n), "unsupported format version errgen: %d (this errgen reads version 1)", v)
	}
}

func (b *builder) buildAPI() {
	a := b.raw.api
	b.spec.API = model.API{Name: a.name.v, Description: strings.TrimRight(a.description.v, "\n")}
	if a.docsURL.n == nil {
		return
	}
	u, err := url.Parse(a.docsURL.v)
	switch {
	case err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "":
		b.add(b.at(a.docsURL), "api.docs_url %q is not an absolute http(s) URL", a.docsURL.v)
	case strings.ContainsAny(a.docsURL.v, " <>\"\\`{}|^\t\n\r"):
		b.add(b.at(a.docsURL), "api.docs_url %q has characters a URL must not hold unescaped", a.docsURL.v)
	case u.Fragment != "" || strings.HasSuffix(a.docsURL.v, "#"):
		b.add(b.at(a.docsURL), "api.docs_url %q must not have a #fragment: errgen adds one anchor per error", a.docsURL.v)
	default:
		b.spec.API.DocsURL = strings.TrimRight(a.docsURL.v, "/")
	}
}

func (b *builder) buildGo() {
	p := b.raw.goPkg
	if p.n == nil {
		return
	}
	if !isIdent(p.v) || p.v == "_" {
		b.add(b.at(p), "go.package %q is not a Go package name", p.v)
		return
	}
	b.spec.Go.Package = p.v
}

func (b *builder) buildOutputs() {
	o := b.raw.outputs
	b.spec.Outputs = model.Outputs{
		Go:      b.outputPath(o.goOut, "outputs.go"),
		OpenAPI: b.outputPath(o.openapi, "outputs.openapi"),
		Docs:    b.outputPath(o.docs, "outputs.docs"),
		Catalog: b.outputPath(o.catalog, "outputs.catalog"),
	}
	if c := b.spec.Outputs.Catalog; c != "" && !strings.HasSuffix(c, ".json") {
		b.add(b.at(o.catalog), "outputs.catalog %q: the catalog is a JSON document; give it a path ending in .json, such as errors.json", o.catalog.v)
		b.spec.Outputs.Catalog = ""
	}
	switch g := b.spec.Outputs.Go; {
	case g == "":
	case !strings.HasSuffix(g, ".go"):
		b.add(b.at(o.goOut), "outputs.go %q: the catalog file is a Go source file, and errgen writes the runtime file beside it; give it a path ending in .go, such as %s", o.goOut.v, path.Join(g, "errors_gen.go"))
		b.spec.Outputs.Go = ""
	case strings.HasSuffix(g, "_test.go"):
		b.add(b.at(o.goOut), "outputs.go %q: go build leaves out _test.go files; give the catalog file another name, such as errors_gen.go", o.goOut.v)
		b.spec.Outputs.Go = ""
	case strings.EqualFold(path.Base(g), model.RuntimeFile):
		b.add(b.at(o.goOut), "outputs.go %q: %s is the runtime file errgen writes beside the catalog file; give the catalog file another name, such as errors_gen.go", o.goOut.v, model.RuntimeFile)
		b.spec.Outputs.Go = ""
	}
	b.spec.Outputs.GoPos = b.at(o.goOut)
	b.spec.Outputs.OpenAPIPos = b.at(o.openapi)
	b.spec.Outputs.DocsPos = b.at(o.docs)
	b.spec.Outputs.CatalogPos = b.at(o.catalog)
}

// outputPath cleans a path relative to the spec file. Whether it may leave
// the project is the writer's decision, which knows where the project is.
func (b *builder) outputPath(s str, what string) string {
	if s.n == nil {
		return ""
	}
	if strings.TrimSpace(s.v) == "" {
		b.add(b.at(s), "%s must not be empty (leave the key out to turn the output off)", what)
		return ""
	}
	if strings.ContainsRune(s.v, '\\') {
		b.add(b.at(s), "%s %q: write paths with forward slashes", what, s.v)
		return ""
	}
	return cleanSlash(s.v)
}

// checkOutputClash refuses two outputs (or an output and the merged
// document) at the same path, which would overwrite each other. Paths
// that differ only in case clash too: they are one file on
// case-insensitive file systems.
func (b *builder) checkOutputClash() {
	type out struct {
		what string
		s    str
		path string
	}
	o := b.raw.outputs
	var seen []out
	for _, c := range []out{
		{"outputs.go", o.goOut, b.spec.Outputs.Go},
		{"the runtime file beside outputs.go", o.goOut, model.RuntimePath(b.spec.Outputs.Go)},
		{"outputs.openapi", o.openapi, b.spec.Outputs.OpenAPI},
		{"outputs.docs", o.docs, b.spec.Outputs.Docs},
		{"outputs.catalog", o.catalog, b.spec.Outputs.Catalog},
		{"openapi.merge_into", b.raw.openapi.mergeInto, b.spec.OpenAPI.MergeInto},
	} {
		if c.path == "" {
			continue
		}
		for _, prev := range seen {
			if strings.EqualFold(prev.path, c.path) {
				p := b.at(prev.s)
				b.add(b.at(c.s), "%s %q is the same file as %s at %d:%d", c.what, c.s.v, prev.what, p.Line, p.Col)
				break
			}
		}
		seen = append(seen, c)
	}
}

func (b *builder) buildOpenAPI() {
	o := b.raw.openapi
	b.spec.OpenAPI = model.OpenAPIOptions{Version: "3.0.3", Pos: b.pos(o.node)}
	switch o.version.v {
	case "", "3.0", "3.0.3":
	case "3.1", "3.1.0":
		b.spec.OpenAPI.Version = "3.1.0"
	default:
		b.add(b.at(o.version), "openapi.version %q is not supported (use \"3.0\" or \"3.1\")", o.version.v)
	}
	b.spec.OpenAPI.MergeInto = b.outputPath(o.mergeInto, "openapi.merge_into")
	b.spec.OpenAPI.MergeIntoPos = b.at(o.mergeInto)
}

func (b *builder) buildDocs() {
	d := b.raw.docs
	opts := model.DocsOptions{
		Layout:       model.LayoutSingle,
		FrontMatter:  model.FrontMatterNone,
		Title:        d.title.v,
		Slug:         d.slug.v,
		Excerpt:      d.excerpt.v,
		SidebarLabel: d.sidebarLabel.v,
	}
	switch l := model.Layout(d.layout.v); l {
	case "":
	case model.LayoutSingle, model.LayoutPerGroup, model.LayoutPerError:
		opts.Layout = l
	default:
		b.add(b.at(d.layout), "docs.layout %q is not one of single, per_group, per_error", d.layout.v)
	}
	switch f := model.FrontMatterStyle(d.frontMatter.v); f {
	case "":
	case model.FrontMatterNone, model.FrontMatterReadme, model.FrontMatterDocusaurus:
		opts.FrontMatter = f
	default:
		b.add(b.at(d.frontMatter), "docs.front_matter %q is not one of none, readme, docusaurus", d.frontMatter.v)
	}
	if d.extra != nil {
		b.mapping(d.extra, "docs.front_matter_extra", nil) // reports a non-mapping
		if n := b.resolve(d.extra); n != nil && n.Kind == yaml.MappingNode {
			opts.Extra = b.frontMatterExtra(n)
		}
	}
	if d.templates.n != nil {
		opts.Templates = b.outputPath(d.templates, "docs.templates")
		opts.TemplatesPos = b.at(d.templates)
	}
	switch d.anchorStyle.v {
	case "", "code":
		opts.AnchorStyle = "code"
	case "kebab", "snake":
		opts.AnchorStyle = d.anchorStyle.v
	default:
		b.add(b.at(d.anchorStyle), "docs.anchor_style %q is not one of code, kebab, snake", d.anchorStyle.v)
		opts.AnchorStyle = "code"
	}
	b.spec.Docs = opts
	b.checkDocsDir()
}

// checkDocsDir refuses a Markdown file's name for outputs.docs when the
// layout writes a directory of pages there: the pages would go below a
// file (docs/errors.md/index.md).
func (b *builder) checkDocsDir() {
	out, layout := b.raw.outputs.docs, b.spec.Docs.Layout
	p := b.spec.Outputs.Docs
	if layout == model.LayoutSingle || p == "" {
		return
	}
	ext := strings.ToLower(path.Ext(p))
	if ext != ".md" && ext != ".mdx" {
		return
	}
	at := b.at(b.raw.docs.layout)
	b.add(b.at(out), "outputs.docs %q names a Markdown file, but docs.layout %s (%d:%d) writes a directory of pages (index.md and one page per %s) there; give outputs.docs a directory, such as %s",
		out.v, layout, at.Line, at.Col, map[model.Layout]string{model.LayoutPerGroup: "group", model.LayoutPerError: "error"}[layout], strings.TrimSuffix(p, path.Ext(p)))
	b.spec.Outputs.Docs = ""
}

// frontMatterExtra reads free-form front matter keys in order. The
// mapping call in buildDocs has reported every key as unknown; those
// reports are dropped here, since any key is allowed. Values are scalars,
// lists of scalars, or nested mappings (as readme.io's metadata block).
func (b *builder) frontMatterExtra(n *yaml.Node) []model.KeyValue {
	b.probs = slices.DeleteFunc(b.probs, func(p Problem) bool {
		return strings.HasPrefix(p.Msg, "docs.front_matter_extra: unknown key")
	})
	return b.extraMapping(n, "docs.front_matter_extra", 0)
}

func (b *builder) extraMapping(n *yaml.Node, what string, depth int) []model.KeyValue {
	var out []model.KeyValue
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := b.resolve(n.Content[i]), b.resolve(n.Content[i+1])
		if k == nil || v == nil {
			return out
		}
		if seen[k.Value] {
			b.add(b.pos(k), "%s: duplicate key %q", what, k.Value)
			continue
		}
		seen[k.Value] = true
		if val, ok := b.extraValue(v, what+"."+k.Value, depth); ok {
			out = append(out, model.KeyValue{Key: k.Value, Value: val})
		}
	}
	return out
}

func (b *builder) extraValue(v *yaml.Node, what string, depth int) (any, bool) {
	switch {
	case depth >= 8:
		b.add(b.pos(v), "%s is nested too deeply", what)
		return nil, false
	case v.Kind == yaml.MappingNode:
		return b.extraMapping(v, what, depth+1), true
	case v.Kind == yaml.SequenceNode:
		var items []any
		for _, it := range v.Content {
			if val, ok := b.literal(it, what+" items"); ok {
				items = append(items, val)
			}
		}
		return items, true
	}
	return b.literal(v, what)
}

func (b *builder) buildGroups() {
	for _, rg := range b.raw.groups {
		if rg.id.n == nil {
			continue
		}
		pos := b.at(rg.id)
		if !validGroupID(rg.id.v) {
			b.add(pos, "group id %q must match [A-Za-z][A-Za-z0-9_.-]*", rg.id.v)
			continue
		}
		if prev, dup := b.groups[rg.id.v]; dup {
			b.add(pos, "duplicate group id %q (first defined at %d:%d)", rg.id.v, prev.Pos.Line, prev.Pos.Col)
			continue
		}
		g := &model.Group{
			ID:          rg.id.v,
			Title:       cmpOr(rg.title.v, humanize(rg.id.v)),
			Description: strings.TrimRight(rg.description.v, "\n"),
			Pos:         pos,
		}
		b.groups[g.ID] = g
		b.spec.Groups = append(b.spec.Groups, g)
		b.groupRaw[g] = rg
		what := "group " + strconv.Quote(g.ID)
		b.groupAttrs[g] = b.attributes(rg.attributes, what+": attributes")
		b.groupHeaders[g] = b.headers(rg.headers, what+": headers", groupParams(g))
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// defineCode records a code, alias or reserved code, reporting a clash
// with anything defined before it.
func (b *builder) defineCode(code string, def codeDef) bool {
	if prev, dup := b.codes[code]; dup {
		if prev.what == def.what {
			b.add(def.pos, "%sduplicate %s %q (first defined at %d:%d)", def.prefix, def.what, code, prev.pos.Line, prev.pos.Col)
		} else {
			b.add(def.pos, "%s%s %q is already defined as a %s at %d:%d", def.prefix, def.what, code, prev.what, prev.pos.Line, prev.pos.Col)
		}
		return false
	}
	b.codes[code] = def
	return true
}

// claimGoNames records the identifiers generated for one owner,
// reporting the first that collides with an identifier already claimed.
func (b *builder) claimGoNames(idents []string, owner string, pos model.Pos) bool {
	for _, id := range idents {
		if prev, dup := b.goNames[id]; dup {
			if prev.what == "" {
				b.add(pos, "%s: Go identifier %s is one errgen generates for itself; set go_name", owner, id)
			} else {
				b.add(pos, "%s: Go identifier %s is also generated for %s; set go_name (or rename the variant) to tell them apart", owner, id, prev)
			}
			return false
		}
	}
	for _, id := range idents {
		b.goNames[id] = goOwner{owner, pos}
	}
	return true
}

func (b *builder) buildError(re *rawError) *model.Error {
	if re.code.n == nil {
		return nil // missing code was reported
	}
	what := "error " + strconv.Quote(re.code.v)
	e := &model.Error{Code: re.code.v, Pos: b.at(re.code)}
	ok := true
	if !b.checkCode(re.code, what+": code") {
		ok = false
	} else if !b.defineCode(e.Code, codeDef{"code", "", e.Pos}) {
		ok = false
	}

	if re.statusNode != nil {
		// 2xx statuses are checked once formats are known: they need an
		// error_marker.
		if (re.status < 400 || re.status > 599) && (re.status < 200 || re.status > 299) {
			if _, typed := b.integerQuiet(re.statusNode); typed {
				b.add(b.pos(re.statusNode), "%s: status %d is not an HTTP error status (400-599)", what, re.status)
			}
		}
		e.Status = re.status
		e.StatusText = statusText(re.status, b.statusText)
	}

	if re.grp.n != nil {
		if g := b.groups[re.grp.v]; g != nil {
			e.Group = g
			g.Errors = append(g.Errors, e)
		} else {
			b.add(b.at(re.grp), "%s: unknown group %q%s", what, re.grp.v, b.suggestGroup(re.grp.v))
		}
	}
	var groupAttrs []model.KeyValue
	if e.Group != nil {
		groupAttrs = b.groupAttrs[e.Group]
	}
	e.Attributes = mergeAttributes(groupAttrs, b.attributes(re.attributes, what+": attributes"))
	b.errorHeaders[e] = b.headers(re.headers, what+": headers", errorParams(e))
	b.buildDocURL(e, re.docURL, what)

	e.Title = cmpOr(re.title.v, humanize(e.Code))
	e.Description = strings.TrimRight(re.description.v, "\n")
	e.Causes = re.causes
	e.Solution = strings.TrimRight(re.solution.v, "\n")
	e.Details = re.details
	e.RetryAfter = re.retryAfter
	e.Retryable = re.retryable || re.retryAfter > 0
	if re.retryAfterNode != nil && re.retryAfter <= 0 {
		if _, typed := b.integerQuiet(re.retryAfterNode); typed {
			b.add(b.pos(re.retryAfterNode), "%s: retry_after must be a positive number of seconds", what)
		}
	}
	e.Deprecated, e.DeprecatedSet = re.deprecated.v, re.deprecatedSet
	b.buildLifecycle(e, re, what)
	e.KeyPos = b.valuePos(re.node)

	b.buildParams(e, re, what)
	b.buildMessages(e, re, what)
	b.buildExample(e, re, what)
	if ok {
		b.buildGoName(e, re, what)
	}
	e.Anchor = anchorFor(e.Code, b.spec.Docs.AnchorStyle)

	for _, op := range re.operations {
		if strings.TrimSpace(op.v) == "" {
			b.add(b.at(op), "%s: operation ids must not be empty", what)
			continue
		}
		if slices.ContainsFunc(e.Operations, func(o model.Operation) bool { return o.ID == op.v }) {
			b.add(b.at(op), "%s: operation %q is listed twice", what, op.v)
			continue
		}
		e.Operations = append(e.Operations, model.Operation{ID: op.v, Pos: b.at(op)})
	}
	if !ok {
		return nil
	}
	return e
}

// integerQuiet reports whether n is a well-typed integer, so that range
// checks do not pile onto a type error already reported.
func (b *builder) integerQuiet(n *yaml.Node) (int, bool) {
	v, form := readInt(n)
	if form != intDecimal || v < math.MinInt32 || v > math.MaxInt32 {
		return 0, false
	}
	return int(v), true
}

func (b *builder) suggestGroup(got string) string {
	var fs []field
	for _, g := range b.spec.Groups {
		fs = append(fs, field{name: g.ID})
	}
	return suggest(got, fs)
}

var paramTypes = []model.ParamType{
	model.TypeString, model.TypeInt, model.TypeInt64, model.TypeFloat64, model.TypeBool,
	model.TypeStrings, model.TypeInts, model.TypeInt64s, model.TypeFloat64s, model.TypeBools,
}

func (b *builder) buildParams(e *model.Error, re *rawError, what string) {
	seen := map[string]*model.Param{}
	args := map[string]bool{}
	for _, rp := range re.params {
		if rp.name.n == nil {
			continue
		}
		p := &model.Param{Name: rp.name.v, Type: model.TypeString, Description: rp.description.v, Pos: b.at(rp.name)}
		if !validName(p.Name) {
			b.add(p.Pos, "%s: param name %q must match [A-Za-z_][A-Za-z0-9_]*", what, p.Name)
			continue
		}
		if prev := seen[p.Name]; prev != nil {
			b.add(p.Pos, "%s: duplicate param %q (first at %d:%d)", what, p.Name, prev.Pos.Line, prev.Pos.Col)
			continue
		}
		if rp.typ.n != nil {
			p.Type = model.ParamType(rp.typ.v)
			if !slices.Contains(paramTypes, p.Type) {
				b.add(b.at(rp.typ), "%s: param %q has unknown type %q (use string, int, int64, float64, bool, or a list of one: []string, ...)", what, p.Name, rp.typ.v)
				p.Type = model.TypeString
			}
		}
		p.Optional = rp.optional
		p.Since = b.version(rp.since, what+": param "+strconv.Quote(p.Name)+" since")
		p.GoName = goName(p.Name)
		if p.GoName == "" || !isExported(p.GoName) {
			p.GoName = "P" + p.GoName
		}
		p.ArgName = argName(p.Name)
		for args[p.ArgName] {
			p.ArgName += "_"
		}
		args[p.ArgName] = true
		p.Example = defaultExample(p)
		seen[p.Name] = p
		e.Params = append(e.Params, p)
	}
}

func defaultExample(p *model.Param) any {
	if p.Type.IsList() {
		return []any{defaultExample(&model.Param{Name: p.Name, Type: p.Type.Elem()})}
	}
	switch p.Type {
	case model.TypeInt, model.TypeInt64:
		return int64(1)
	case model.TypeFloat64:
		return 1.5
	case model.TypeBool:
		return true
	}
	return p.Name
}

// paramUse records, across an error's messages, which params they use.
type paramUse struct {
	used map[string]bool
	// suggested holds params proposed for a misspelled placeholder: the
	// misspelling is the mistake, so they are not reported as unused.
	suggested map[string]bool
	// incomplete is set when a message could not be read or parsed (a
	// problem already reported): its placeholders are unknown, so no
	// param is reported as unused.
	incomplete bool
}

// buildMessages parses the main message and each variant's, checking
// placeholders against the params and every param against some message.
func (b *builder) buildMessages(e *model.Error, re *rawError, what string) {
	use := &paramUse{used: map[string]bool{}, suggested: map[string]bool{}}
	if re.message.n != nil {
		e.Message = b.message(e, re.message, what, "message", use)
	} else {
		use.incomplete = true
	}
	variants := map[string]*model.Variant{}
	for _, rv := range re.variants {
		if rv.name.n == nil || rv.message.n == nil {
			use.incomplete = true
			continue
		}
		v := &model.Variant{Name: rv.name.v, Description: strings.TrimRight(rv.description.v, "\n"), Pos: b.at(rv.name)}
		v.Since = b.version(rv.since, what+": variant "+strconv.Quote(v.Name)+" since")
		if !validName(v.Name) {
			b.add(v.Pos, "%s: variant name %q must match [A-Za-z_][A-Za-z0-9_]*", what, v.Name)
			use.incomplete = true
			continue
		}
		if prev := variants[v.Name]; prev != nil {
			b.add(v.Pos, "%s: duplicate variant %q (first at %d:%d)", what, v.Name, prev.Pos.Line, prev.Pos.Col)
			use.incomplete = true
			continue
		}
		variants[v.Name] = v
		v.GoName = goName(v.Name)
		v.Message = b.message(e, rv.message, what, "variant "+strconv.Quote(v.Name)+" message", use)
		e.Variants = append(e.Variants, v)
	}
	for _, p := range e.Params {
		// A param no message uses is data, sent beside the message.
		p.Data = !use.used[p.Name] && !use.suggested[p.Name] && !use.incomplete
	}
}

func (b *builder) message(e *model.Error, s str, what, which string, use *paramUse) model.Message {
	m := model.Message{Template: s.v}
	if strings.TrimSpace(s.v) == "" {
		b.add(b.at(s), "%s: %s must not be empty", what, which)
		use.incomplete = true
		return m
	}
	parts, err := parseTemplate(s.v)
	if err != nil {
		b.add(b.at(s), "%s: %s: %v", what, which, err)
		use.incomplete = true
		return m
	}
	for _, tp := range parts {
		if tp.param == "" {
			m.Parts = append(m.Parts, model.Part{Literal: tp.literal, Param: -1})
			continue
		}
		idx := slices.IndexFunc(e.Params, func(p *model.Param) bool { return p.Name == tp.param })
		if idx < 0 {
			hint := ""
			if p := closestParam(tp.param, e.Params); p != nil {
				hint = " (did you mean {" + p.Name + "}?)"
				use.suggested[p.Name] = true
			}
			b.add(b.at(s), "%s: %s uses {%s}, which is not a declared param%s", what, which, tp.param, hint)
			continue
		}
		use.used[tp.param] = true
		switch p := e.Params[idx]; {
		case p.Type.IsList():
			b.add(b.at(s), "%s: %s uses {%s}, a list param: a list is sent beside the message, never in it", what, which, tp.param)
			continue
		case p.Optional:
			b.add(b.at(s), "%s: %s uses {%s}, an optional param: a message can only use params its constructor takes", what, which, tp.param)
			continue
		}
		m.Parts = append(m.Parts, model.Part{Param: idx})
	}
	return m
}

// closestParam proposes the declared param a misspelled placeholder
// meant: the first at the smallest edit distance (ignoring case) below 3,
// and below the name's length, so that a short name is not proposed for
// an unrelated one.
func closestParam(got string, params []*model.Param) *model.Param {
	var best *model.Param
	bestDist := 3
	for _, p := range params {
		d := EditDistance(strings.ToLower(got), strings.ToLower(p.Name))
		if d < bestDist && d < len(p.Name) {
			best, bestDist = p, d
		}
	}
	return best
}

// buildExample reads example param values, checks their types, and renders
// every message with them.
func (b *builder) buildExample(e *model.Error, re *rawError, what string) {
	if re.example != nil {
		n := b.resolve(re.example)
		if n != nil && n.Kind != yaml.MappingNode {
			b.add(b.pos(n), "%s: example must be a mapping of param names to values, not %s", what, kindName(n))
		} else if n != nil {
			b.exampleValues(e, n, what)
		}
	}
	render(&e.Message, e.Params)
	for _, v := range e.Variants {
		render(&v.Message, e.Params)
	}
	if re.exampleDetails != nil {
		e.ExampleDetails = b.exampleDetails(re.exampleDetails, what)
		if !re.details && len(e.ExampleDetails) > 0 {
			b.add(b.pos(re.exampleDetails), "%s: example_details needs details: true", what)
		}
	}
}

// exampleDetails reads example details: a list of items in the detail
// shape ({field, message} unless response.details says otherwise), every
// member given.
func (b *builder) exampleDetails(n *yaml.Node, what string) []model.Detail {
	var out []model.Detail
	b.list(n, what+": example_details", func(it *yaml.Node) {
		var d model.Detail
		if b.exampleDetail(it, b.spec.Details, what+": example detail", &d) {
			if len(d.Values) == 2 && len(b.spec.Details) == 2 && b.spec.Details[0].Name == "field" && b.spec.Details[1].Name == "message" {
				d.Field, _ = d.Values[0].(string)
				d.Message, _ = d.Values[1].(string)
			}
			out = append(out, d)
		}
	})
	return out
}

// exampleDetail reads one example item of a detail shape into d.Values,
// leaf by leaf in DetailLeaves order.
func (b *builder) exampleDetail(n *yaml.Node, shape []*model.DetailField, what string, d *model.Detail) bool {
	vals := map[string]*yaml.Node{}
	var fields []field
	for _, f := range shape {
		fields = append(fields, field{f.Name, func(_, v *yaml.Node) { vals[f.Name] = v }})
	}
	seen := b.mapping(n, what, fields)
	if seen == nil {
		return false
	}
	ok := true
	for _, f := range shape {
		v := vals[f.Name]
		if v == nil {
			if !b.misspelled(seen, f.Name) {
				b.add(b.pos(n), "%s: missing required key %q", what, f.Name)
			}
			ok = false
			continue
		}
		if f.Type == "" {
			ok = b.exampleDetail(v, f.Children, what+"."+f.Name, d) && ok
			continue
		}
		val, good := detailValue(f.Type, b.resolve(v))
		if !good {
			b.add(b.pos(v), "%s.%s: %s is not %s%s", what, f.Name, kindName(b.resolve(v)), article(model.ParamType(f.Type)), intHint(b.resolve(v)))
			ok = false
			continue
		}
		d.Values = append(d.Values, val)
	}
	return ok
}

// detailValue reads a detail leaf's example value of a type.
func detailValue(typ string, v *yaml.Node) (any, bool) {
	if v == nil || v.Kind != yaml.ScalarNode {
		return nil, false
	}
	switch typ {
	case "int":
		return exampleValue(model.TypeInt64, v)
	case "bool":
		return exampleValue(model.TypeBool, v)
	}
	return exampleValue(model.TypeString, v)
}

func (b *builder) exampleValues(e *model.Error, n *yaml.Node, what string) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := b.resolve(n.Content[i]), b.resolve(n.Content[i+1])
		if k == nil || v == nil {
			return
		}
		if seen[k.Value] {
			b.add(b.pos(k), "%s: example: duplicate key %q", what, k.Value)
			continue
		}
		seen[k.Value] = true
		idx := slices.IndexFunc(e.Params, func(p *model.Param) bool { return p.Name == k.Value })
		if idx < 0 {
			b.add(b.pos(k), "%s: example gives %q, which is not a declared param", what, k.Value)
			continue
		}
		p := e.Params[idx]
		if val, ok := exampleValue(p.Type, v); ok {
			p.Example = val
		} else {
			b.add(b.pos(v), "%s: example value %s for param %q is not %s%s", what, kindName(v), p.Name, article(p.Type), intHint(v))
		}
	}
}

func exampleValue(t model.ParamType, v *yaml.Node) (any, bool) {
	if t.IsList() {
		if v.Kind != yaml.SequenceNode {
			return nil, false
		}
		out := []any{}
		for _, it := range v.Content {
			x, ok := exampleValue(t.Elem(), it)
			if !ok {
				return nil, false
			}
			out = append(out, x)
		}
		return out, true
	}
	if v.Kind != yaml.ScalarNode {
		return nil, false
	}
	switch t {
	case model.TypeString:
		return v.Value, v.Tag == "!!str"
	case model.TypeInt, model.TypeInt64:
		if v.Tag != "!!int" {
			return nil, false
		}
		n, form := readInt(v)
		if t == model.TypeInt && (n > 1<<31-1 || n < -1<<31) {
			// int is 32 bits on some platforms; keep examples portable.
			return nil, false
		}
		return n, form == intDecimal
	case model.TypeFloat64:
		if v.Tag != "!!int" && v.Tag != "!!float" {
			return nil, false
		}
		if _, form := readInt(v); form == intOther && (v.Tag == "!!int" || strings.Trim(v.Value, "+-0123456789") == "") {
			// 012 or 0x1F: YAML readers disagree on what they are.
			return nil, false
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
		return f, err == nil && f-f == 0
	case model.TypeBool:
		bv, err := strconv.ParseBool(strings.ToLower(v.Value))
		return bv, v.Tag == "!!bool" && err == nil
	}
	return nil, false
}

// render fills in a message's Example and Display forms.
func render(m *model.Message, params []*model.Param) {
	var ex, disp strings.Builder
	for _, p := range m.Parts {
		if p.Param < 0 {
			ex.WriteString(p.Literal)
			disp.WriteString(p.Literal)
			continue
		}
		ex.WriteString(model.TextValue(params[p.Param].Example))
		disp.WriteString("{" + params[p.Param].Name + "}")
	}
	m.Example, m.Display = ex.String(), disp.String()
}

func (b *builder) buildGoName(e *model.Error, re *rawError, what string) {
	e.GoName = goName(e.Code)
	if e.Code != "" && !unicode.IsLetter(rune(e.Code[0])) {
		// A code that starts with a digit (20404, "23505") names nothing in
		// Go: the title does.
		e.GoName = goName(strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return ' '
		}, e.Title))
	}
	pos := e.Pos
	if re.goName.n != nil {
		pos = b.at(re.goName)
		if !isIdent(re.goName.v) || !isExported(re.goName.v) {
			b.add(pos, "%s: go_name %q is not an exported Go identifier", what, re.goName.v)
			return
		}
		e.GoName = re.goName.v
	}
	if e.GoName == "" || !isExported(e.GoName) {
		b.add(pos, "%s: cannot derive an exported Go name from the code (or, for a code that starts with a digit, the title); set go_name", what)
		return
	}
	if !b.claimGoNames([]string{"Code" + e.GoName, "Err" + e.GoName, "New" + e.GoName}, what, pos) {
		b.nameClash[e] = true
		return
	}
	for _, v := range e.Variants {
		b.claimGoNames([]string{"New" + e.GoName + v.GoName}, what+" variant "+strconv.Quote(v.Name), v.Pos)
	}
}

func (b *builder) checkAliases() {
	for _, re := range b.raw.errors {
		code := re.code.v
		what := "error " + strconv.Quote(code)
		e := b.errorByCode(code)
		for _, a := range re.aliases {
			pos := b.at(a)
			if !b.checkCode(a, what+": alias") {
				continue
			}
			if !b.defineCode(a.v, codeDef{"alias", what + ": ", pos}) {
				continue
			}
			if e != nil {
				e.Aliases = append(e.Aliases, a.v)
			}
		}
	}
}

func (b *builder) errorByCode(code string) *model.Error {
	return b.byCode[code]
}

func (b *builder) buildReserved() {
	for _, rr := range b.raw.reserved {
		if rr.code.n == nil {
			continue
		}
		pos := b.at(rr.code)
		if !b.checkCode(rr.code, "reserved code") {
			continue
		}
		if !b.defineCode(rr.code.v, codeDef{"reserved code", "", pos}) {
			continue
		}
		what := "reserved code " + strconv.Quote(rr.code.v)
		b.spec.Reserved = append(b.spec.Reserved, &model.Reserved{
			Code: rr.code.v, Reason: rr.reason.v, Pos: pos,
			Since:     b.version(rr.since, what+": since"),
			RemovedIn: b.version(rr.removedIn, what+": removed_in"),
		})
	}
}

// builtinInternal is the error written for anything outside the catalog
// when the spec names no internal code of its own.
func builtinInternal() *model.Error {
	e := &model.Error{
		Code:       "internal_error",
		GoName:     "InternalError",
		Status:     500,
		StatusText: "Internal Server Error",
		Title:      "Internal server error",
		Message:    model.Message{Template: "An internal error occurred.", Parts: []model.Part{{Literal: "An internal error occurred.", Param: -1}}},
		Description: "An unexpected error occurred on the server. It is not caused by the request; " +
			"retrying later may succeed.",
		Anchor:  "internal_error",
		BuiltIn: true,
	}
	render(&e.Message, nil)
	return e
}

func (b *builder) buildInternal() {
	ic := b.raw.response.internalCode
	if ic.n != nil {
		e := b.errorByCode(ic.v)
		switch {
		case e == nil:
			b.add(b.at(ic), "response.internal_code %q is not a code of the catalog", ic.v)
		case e.Status < 500:
			b.add(b.at(ic), "response.internal_code %q has status %d; the internal error must be a 5xx", ic.v, e.Status)
		default:
			b.spec.Internal = e
		}
		return
	}
	if e := b.errorByCode("internal_error"); e != nil && e.Status >= 500 {
		b.spec.Internal = e
		return
	}
	if b.spec.CodeType == model.CodeInteger {
		b.add(b.spec.Response.Pos, "response: with code_type: integer, name the internal error (a 5xx error of the catalog) in response.internal_code: errgen's built-in internal_error has no integer code")
		return
	}
	in := builtinInternal()
	in.Anchor = anchorFor(in.Code, b.spec.Docs.AnchorStyle)
	in.StatusText = statusText(in.Status, b.statusText)
	if prev, taken := b.codes[in.Code]; taken {
		b.add(prev.pos, "code \"internal_error\" is errgen's built-in internal error; give it a 5xx status or name another code in response.internal_code")
		return
	}
	for _, id := range []string{"CodeInternalError", "ErrInternalError", "NewInternalError"} {
		if owner, taken := b.goNames[id]; taken {
			b.add(b.spec.Response.Pos, "Go identifier %s of errgen's built-in internal error is taken by %s; name your internal error in response.internal_code", id, owner)
			return
		}
	}
	b.spec.Internal = in
}

// resolveLinks sets each error's docs page and doc URL from the layout.
func (b *builder) resolveLinks() {
	layout := b.spec.Docs.Layout
	// Pages are claimed by their names folded: names that differ only in
	// case are one file on case-insensitive file systems (macOS, Windows).
	type claimed struct{ page, owner string }
	pages := map[string]claimed{}
	claim := func(page, owner string, pos model.Pos) {
		switch {
		case page == model.IndexPage:
			b.add(pos, "%s would be written to the index page; rename it", owner)
			return
		case strings.EqualFold(page, model.IndexPage):
			b.add(pos, "%s would be written to %q, the same file as the index page %q on case-insensitive file systems; rename it", owner, page+".md", model.IndexPage+".md")
			return
		}
		key := foldCase(page)
		prev, dup := pages[key]
		switch {
		case !dup || prev.owner == owner:
			pages[key] = claimed{page, owner}
		case prev.page == page:
			b.add(pos, "%s and %s would share the docs page %q", owner, prev.owner, page+".md")
		default:
			b.add(pos, "%s and %s would write the docs pages %q and %q, the same file on case-insensitive file systems", owner, prev.owner, page+".md", prev.page+".md")
		}
	}
	if layout == model.LayoutPerGroup {
		// The ungrouped errors' page is claimed first, so that a group
		// that collides with it is reported once, where the group is (the
		// built-in internal error, maybe the only ungrouped one, is
		// nowhere in the spec).
		if slices.ContainsFunc(b.spec.AllErrors(), func(e *model.Error) bool { return e.Group == nil }) {
			claim(model.UngroupedPage, "the ungrouped errors", model.Pos{})
		}
		for _, g := range b.spec.Groups {
			g.Page = g.ID
			if style := b.spec.Docs.AnchorStyle; style != "code" {
				g.Page = anchorFor(g.ID, style)
			}
			claim(g.Page, "group "+strconv.Quote(g.ID), g.Pos)
		}
	}
	anchors := map[string]*model.Error{}
	for _, e := range b.spec.AllErrors() {
		prev := anchors[e.Anchor]
		sameAnchor := prev != nil && prev != e
		if sameAnchor && !b.nameClash[e] {
			b.add(e.Pos, "error %q and error %q share the docs anchor %q", e.Code, prev.Code, e.Anchor)
		}
		anchors[e.Anchor] = e
		switch layout {
		case model.LayoutPerGroup:
			e.Page = model.UngroupedPage
			if e.Group != nil {
				e.Page = e.Group.Page
			} else {
				claim(e.Page, "the ungrouped errors", e.Pos)
			}
		case model.LayoutPerError:
			e.Page = e.Anchor
			if !sameAnchor { // else reported as the anchor both share
				claim(e.Page, "error "+strconv.Quote(e.Code), e.Pos)
			}
		}
		if !e.OwnDocURL {
			e.DocURL = docURL(b.spec.API.DocsURL, layout, e)
		}
	}
}

// resolveWireTitles sets the title each error's responses carry: the
// status text when its problem type is about:blank (its format writes
// the problem type and it has no doc link), as RFC 9457 recommends, else
// the error's own title.
func (b *builder) resolveWireTitles() {
	for _, e := range b.spec.AllErrors() {
		e.WireTitle = e.Title
		if f, _ := e.Format.FindField(model.ValueType); f != nil && e.DocURL == "" {
			e.WireTitle = e.StatusText
		}
	}
}

func docURL(base string, layout model.Layout, e *model.Error) string {
	if base == "" {
		return ""
	}
	switch layout {
	case model.LayoutPerGroup:
		return base + "/" + e.Page + "#" + e.Anchor
	case model.LayoutPerError:
		return base + "/" + e.Page
	}
	return base + "#" + e.Anchor
}

func (b *builder) collectStatuses() {
	seen := map[int]bool{}
	for _, e := range b.spec.AllErrors() {
		if e.Status != 0 && !seen[e.Status] {
			seen[e.Status] = true
			b.spec.Statuses = append(b.spec.Statuses, e.Status)
		}
	}
	slices.Sort(b.spec.Statuses)
}

// cleanSlash cleans a slash-separated path without touching the OS.
func cleanSlash(p string) string {
	return path.Clean(p)
}

// article names a param type with its indefinite article.
func article(t model.ParamType) string {
	if t == model.TypeInt || t == model.TypeInt64 {
		return "an " + string(t)
	}
	return "a " + string(t)
}

// foldCase maps s to a key that strings equal under Unicode simple case
// folding (strings.EqualFold) share: each rune becomes the smallest rune
// of its folding orbit.
func foldCase(s string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, s)
}
