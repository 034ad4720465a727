package spec

import (
	"strconv"

	"go.yaml.in/yaml/v4"
)

// decode walks the document into a rawSpec, reporting shape problems
// (types, unknown and missing keys). Meaning is checked by build.
func (w *walker) decode(doc *yaml.Node) *rawSpec {
	rs := &rawSpec{root: doc}
	seen := w.mapping(doc, "spec", []field{
		{"errgen", func(_, v *yaml.Node) { rs.version = v }},
		{"api", func(_, v *yaml.Node) { w.decodeAPI(v, &rs.api) }},
		{"status_text", func(_, v *yaml.Node) { rs.statusText = v }},
		{"go", func(_, v *yaml.Node) {
			s := w.mapping(v, "go", []field{{"package", w.strInto(&rs.goPkg, "go.package")}})
			w.require(v, s, "go", "package")
		}},
		{"outputs", func(_, v *yaml.Node) {
			w.mapping(v, "outputs", []field{
				{"go", w.strInto(&rs.outputs.goOut, "outputs.go")},
				{"openapi", w.strInto(&rs.outputs.openapi, "outputs.openapi")},
				{"docs", w.strInto(&rs.outputs.docs, "outputs.docs")},
				{"catalog", w.strInto(&rs.outputs.catalog, "outputs.catalog")},
			})
		}},
		{"response", func(_, v *yaml.Node) { w.decodeResponse(v, &rs.response) }},
		{"openapi", func(_, v *yaml.Node) {
			rs.openapi.node = v
			w.mapping(v, "openapi", []field{
				{"version", w.strInto(&rs.openapi.version, "openapi.version")},
				{"merge_into", w.strInto(&rs.openapi.mergeInto, "openapi.merge_into")},
			})
		}},
		{"docs", func(_, v *yaml.Node) { w.decodeDocs(v, &rs.docs) }},
		{"groups", func(_, v *yaml.Node) {
			w.list(v, "groups", func(it *yaml.Node) { rs.groups = append(rs.groups, w.decodeGroup(it)) })
		}},
		{"errors", func(_, v *yaml.Node) {
			if w.usePre(v) {
				rs.errors = w.pre.errors
				return
			}
			w.list(v, "errors", func(it *yaml.Node) {
				if e := w.decodeError(it); e != nil {
					rs.errors = append(rs.errors, e)
				}
			})
		}},
		{"reserved", func(_, v *yaml.Node) {
			w.list(v, "reserved", func(it *yaml.Node) { rs.reserved = append(rs.reserved, w.decodeReserved(it)) })
		}},
	})
	w.require(doc, seen, "spec", "errgen", "go", "errors")
	return rs
}

// usePre reports whether v is the errors list decoded as it was parsed
// in pieces (walker.pre), and takes what that decoding found: its
// problems, and its charge to the budget, as list would have. It is not
// used when the budget runs out on the way: decoded here, the list then
// reports that where the walk does.
func (w *walker) usePre(v *yaml.Node) bool {
	p := w.pre
	if p == nil || v != p.list || w.overflow || p.overflow ||
		w.visited+1+p.visited > maxNodes || w.hops+p.hops > maxAliasHops {
		return false
	}
	w.resolve(v) // the list itself, charged as list charges it
	w.visited += p.visited
	w.hops += p.hops
	w.probs = append(w.probs, p.probs...)
	return true
}

// strInto returns a field function that stores a string and its node.
func (w *walker) strInto(dst *str, what string) func(k, v *yaml.Node) {
	return w.keyInto(dst, what, "")
}

// keyInto is strInto for a key of an error, a param or a variant, named
// in messages as what+": "+key (keyStr): the name is built only when a
// problem needs it.
func (w *walker) keyInto(dst *str, what, key string) func(k, v *yaml.Node) {
	return w.keyIntoTag(dst, what, key, "")
}

// keyIntoTag is keyInto for a string that may also carry the explicit
// tag tag (keyStrTag).
func (w *walker) keyIntoTag(dst *str, what, key, tag string) func(k, v *yaml.Node) {
	return func(_, v *yaml.Node) {
		if s, ok := w.keyStrTag(v, what, key, tag); ok {
			*dst = str{v: s, n: w.resolve(v)}
		}
	}
}

func (w *walker) decodeAPI(n *yaml.Node, a *rawAPI) {
	w.mapping(n, "api", []field{
		{"name", w.strInto(&a.name, "api.name")},
		{"description", w.strInto(&a.description, "api.description")},
		{"docs_url", w.strInto(&a.docsURL, "api.docs_url")},
	})
}

func (w *walker) decodeResponse(n *yaml.Node, r *rawResponse) {
	r.node = w.resolve(n)
	r.what = "response"
	w.mapping(n, "response", []field{
		{"format", w.strInto(&r.format, "response.format")},
		{"media_type", w.strInto(&r.mediaType, "response.media_type")},
		{"body", func(_, v *yaml.Node) { r.body = v }},
		{"internal_code", w.keyIntoTag(&r.internalCode, "response.internal_code", "", "!!int")},
		{"code_type", w.strInto(&r.codeType, "response.code_type")},
		{"details", func(_, v *yaml.Node) { r.details = v }},
		{"details_member", w.strInto(&r.detailsMember, "response.details_member")},
		{"headers", func(_, v *yaml.Node) { r.headers = v }},
		{"error_marker", func(_, v *yaml.Node) { r.errorMarker = v }},
		{"request_id", func(_, v *yaml.Node) {
			r.requestID = w.resolve(v)
			seen := w.mapping(v, "response.request_id", []field{
				{"header", w.strInto(&r.requestIDHeader, "response.request_id.header")},
				{"member", w.strInto(&r.requestIDMember, "response.request_id.member")},
			})
			w.require(v, seen, "response.request_id", "header")
		}},
	})
	r.keys = valueNodes(r.node)
}

// decodeGroupResponse reads a group's own response: the keys that
// describe one wire format (code_type and details stay package-wide).
func (w *walker) decodeGroupResponse(n *yaml.Node, what string) *rawResponse {
	r := &rawResponse{node: w.resolve(n), what: what + ": response"}
	w.mapping(n, r.what, []field{
		{"format", w.strInto(&r.format, r.what+".format")},
		{"media_type", w.strInto(&r.mediaType, r.what+".media_type")},
		{"body", func(_, v *yaml.Node) { r.body = v }},
		{"internal_code", w.keyIntoTag(&r.internalCode, r.what+".internal_code", "", "!!int")},
		{"details_member", w.strInto(&r.detailsMember, r.what+".details_member")},
		{"headers", func(_, v *yaml.Node) { r.headers = v }},
		{"error_marker", func(_, v *yaml.Node) { r.errorMarker = v }},
	})
	r.keys = valueNodes(r.node)
	return r
}

// valueNodes maps each scalar key of a mapping to its value's node, as
// written (an alias is where it is written), for positions only: it
// reads nodes the walk has already charged to its budget.
func valueNodes(n *yaml.Node) map[string]*yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	m := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode {
			if _, dup := m[k.Value]; !dup {
				m[k.Value] = n.Content[i+1]
			}
		}
	}
	return m
}

func (w *walker) decodeDocs(n *yaml.Node, d *rawDocs) {
	w.mapping(n, "docs", []field{
		{"layout", w.strInto(&d.layout, "docs.layout")},
		{"title", w.strInto(&d.title, "docs.title")},
		{"front_matter", w.strInto(&d.frontMatter, "docs.front_matter")},
		{"slug", w.strInto(&d.slug, "docs.slug")},
		{"excerpt", w.strInto(&d.excerpt, "docs.excerpt")},
		{"sidebar_label", w.strInto(&d.sidebarLabel, "docs.sidebar_label")},
		{"front_matter_extra", func(_, v *yaml.Node) { d.extra = v }},
		{"templates", w.strInto(&d.templates, "docs.templates")},
		{"anchor_style", w.strInto(&d.anchorStyle, "docs.anchor_style")},
	})
}

func (w *walker) decodeGroup(n *yaml.Node) *rawGroup {
	g := &rawGroup{node: w.resolve(n)}
	seen := w.mapping(n, "group", []field{
		{"id", w.strInto(&g.id, "group id")},
		{"title", w.strInto(&g.title, "group title")},
		{"description", w.strInto(&g.description, "group description")},
		{"attributes", func(_, v *yaml.Node) { g.attributes = v }},
		{"headers", func(_, v *yaml.Node) { g.headers = v }},
		{"response", func(_, v *yaml.Node) { g.response = w.decodeGroupResponse(v, groupName(n)) }},
	})
	w.require(n, seen, "group", "id")
	return g
}

// groupName names a group in messages by its id when it has one.
func groupName(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode {
				return "group " + strconv.Quote(n.Content[i+1].Value)
			}
		}
	}
	return "group"
}

func (w *walker) decodeReserved(n *yaml.Node) *rawReserved {
	r := &rawReserved{node: w.resolve(n)}
	seen := w.mapping(n, "reserved code", []field{
		{"code", w.keyIntoTag(&r.code, "reserved code", "", "!!int")},
		{"reason", w.strInto(&r.reason, "reserved reason")},
		{"since", w.strInto(&r.since, "reserved since")},
		{"removed_in", w.strInto(&r.removedIn, "reserved removed_in")},
	})
	w.require(n, seen, "reserved code", "code")
	return r
}

// errorName names an error in messages by its code when it has one.
func errorName(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "code" && n.Content[i+1].Kind == yaml.ScalarNode {
				return "error " + strconv.Quote(n.Content[i+1].Value)
			}
		}
	}
	return "error"
}

func (w *walker) decodeError(n *yaml.Node) *rawError {
	n = w.resolve(n)
	if n == nil {
		return nil
	}
	e := &rawError{node: n}
	what := errorName(n)
	seen := w.mapping(n, what, []field{
		{"code", w.keyIntoTag(&e.code, what, "code", "!!int")},
		{"status", func(_, v *yaml.Node) {
			e.statusNode = w.resolve(v)
			e.status, _ = w.integer(v, what+": status")
		}},
		{"group", w.keyInto(&e.grp, what, "group")},
		{"title", w.keyInto(&e.title, what, "title")},
		{"message", w.keyInto(&e.message, what, "message")},
		{"description", w.keyInto(&e.description, what, "description")},
		{"causes", func(_, v *yaml.Node) { e.causes = w.strList(v, what+": causes") }},
		{"solution", w.keyInto(&e.solution, what, "solution")},
		{"params", func(_, v *yaml.Node) {
			w.list(v, what+": params", func(it *yaml.Node) { e.params = append(e.params, w.decodeParam(it, what)) })
		}},
		{"example", func(_, v *yaml.Node) { e.example = v }},
		{"example_details", func(_, v *yaml.Node) { e.exampleDetails = v }},
		{"variants", func(_, v *yaml.Node) {
			w.list(v, what+": variants", func(it *yaml.Node) { e.variants = append(e.variants, w.decodeVariant(it, what)) })
		}},
		{"details", func(_, v *yaml.Node) { e.details, _ = w.boolean(v, what+": details") }},
		{"retryable", func(_, v *yaml.Node) { e.retryable, _ = w.boolean(v, what+": retryable") }},
		{"retry_after", func(_, v *yaml.Node) {
			e.retryAfterNode = w.resolve(v)
			e.retryAfter, _ = w.integer(v, what+": retry_after")
		}},
		{"aliases", func(_, v *yaml.Node) {
			if r := w.resolve(v); r != nil && r.Kind == yaml.ScalarNode {
				e.aliases = append(e.aliases, str{v: r.Value, n: r})
				return
			}
			w.list(v, what+": aliases", func(it *yaml.Node) {
				if s, ok := w.keyStrTag(it, what+": alias", "", "!!int"); ok {
					e.aliases = append(e.aliases, str{v: s, n: w.resolve(it)})
				}
			})
		}},
		{"deprecated", func(_, v *yaml.Node) {
			// `deprecated: true` marks it; a string is the notice.
			r := w.resolve(v)
			if r != nil && r.Kind == yaml.ScalarNode && r.Tag == "!!bool" {
				e.deprecatedSet, _ = w.boolean(r, what+": deprecated")
				return
			}
			if s, ok := w.str(v, what+": deprecated"); ok {
				e.deprecated, e.deprecatedSet = str{v: s, n: r}, true
			}
		}},
		{"operations", func(_, v *yaml.Node) {
			w.list(v, what+": operations", func(it *yaml.Node) {
				if s, ok := w.str(it, what+": operation"); ok {
					e.operations = append(e.operations, str{v: s, n: w.resolve(it)})
				}
			})
		}},
		{"go_name", w.keyInto(&e.goName, what, "go_name")},
		{"attributes", func(_, v *yaml.Node) { e.attributes = v }},
		{"headers", func(_, v *yaml.Node) { e.headers = v }},
		{"doc_url", w.keyInto(&e.docURL, what, "doc_url")},
		{"since", w.keyInto(&e.since, what, "since")},
		{"sunset", w.keyIntoTag(&e.sunset, what, "sunset", "!!timestamp")},
		{"replaced_by", w.keyIntoTag(&e.replacedBy, what, "replaced_by", "!!int")},
	})
	w.require(n, seen, what, "code", "status", "message")
	return e
}

func (w *walker) decodeParam(n *yaml.Node, what string) *rawParam {
	p := &rawParam{node: w.resolve(n)}
	seen := w.mapping(n, what+": param", []field{
		{"name", w.keyInto(&p.name, what, "param name")},
		{"type", w.keyInto(&p.typ, what, "param type")},
		{"description", w.keyInto(&p.description, what, "param description")},
		{"since", w.keyInto(&p.since, what, "param since")},
		{"optional", func(_, v *yaml.Node) {
			p.optionalNode = w.resolve(v)
			p.optional, _ = w.boolean(v, what+": param optional")
		}},
	})
	w.require(n, seen, what+": param", "name")
	return p
}

func (w *walker) decodeVariant(n *yaml.Node, what string) *rawVariant {
	v := &rawVariant{node: w.resolve(n)}
	seen := w.mapping(n, what+": variant", []field{
		{"name", w.keyInto(&v.name, what, "variant name")},
		{"message", w.keyInto(&v.message, what, "variant message")},
		{"description", w.keyInto(&v.description, what, "variant description")},
		{"since", w.keyInto(&v.since, what, "variant since")},
	})
	w.require(n, seen, what+": variant", "name", "message")
	return v
}
