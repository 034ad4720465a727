package runtime

import (
	"strconv"
	"strings"
	"sync"
)

// errgenCatalog lists every error, in spec order: each sentinel's
// initialization (errgenEntry.register) adds its row, and the catalog file
// declares the sentinels in spec order in one var block, which Go
// initializes in that order. Only functions read it, never a
// package-level initializer, so it is complete before any use.
var errgenCatalog []*errgenEntry

// register returns the sentinel of an entry: the next element of
// errgenSentinels (generated with one per error), set to the entry's
// values, which the entry records as its Err variable; it adds the entry
// to errgenCatalog, at the element's index. Each Err variable is
// initialized with it.
func (ent *errgenEntry) register() *Error {
	e := &errgenSentinels[len(errgenCatalog)]
	errgenFill(e, ent)
	ent.sentinel = e
	errgenCatalog = append(errgenCatalog, ent)
	return e
}

// c returns what the writer and the decoder run on for ent, building it
// on first use. Concurrent first uses may each build it; one is kept.
func (ent *errgenEntry) c() *errgenCompiled {
	if c := ent.compiled.Load(); c != nil {
		return c
	}
	ent.compiled.CompareAndSwap(nil, errgenCompile(ent))
	return ent.compiled.Load()
}

// errgenCodes maps every code and alias to its entry, built on first use.
var errgenCodes = sync.OnceValue(func() map[string]*errgenEntry {
	m := make(map[string]*errgenEntry, len(errgenCatalog))
	for _, ent := range errgenCatalog {
		m[errgenCodeText(ent.code)] = ent
	}
	for _, ent := range errgenCatalog {
		for _, a := range strings.Fields(ent.aliases) {
			if m[a] == nil {
				m[a] = ent
			}
		}
	}
	return m
})

// errgenDocURLs maps every doc link to the first error that has it.
var errgenDocURLs = sync.OnceValue(func() map[string]*errgenEntry {
	m := map[string]*errgenEntry{}
	for _, ent := range errgenCatalog {
		if u := ent.docLink(); u != "" && m[u] == nil {
			m[u] = ent
		}
	}
	return m
})

// errgenIndex returns the entry of a code or alias, or nil.
func errgenIndex(code string) *errgenEntry {
	return errgenCodes()[code]
}

// errgenByDocURL returns the entry of the error a doc link (a problem
// type URI) names, or nil.
func errgenByDocURL(url string) *errgenEntry {
	return errgenDocURLs()[url]
}

// docLink is the error's doc link, "" when it has none.
func (ent *errgenEntry) docLink() string {
	switch {
	case ent.doc != "":
		return errgenDocsURL + ent.doc
	case ent.m().docURL != "":
		return ent.m().docURL
	case errgenDocsURL != "":
		return errgenDocsURL + "#" + errgenCodeText(ent.code)
	}
	return ""
}

// statusTextOf is the text of the error's status: the error's own, else
// the catalog's for the status (errgenStatusText, generated from the
// spec), never the server's net/http's, whose names may change between
// Go releases.
func (ent *errgenEntry) statusTextOf() string {
	if ent.m().statusText != "" {
		return ent.m().statusText
	}
	return errgenStatusText(int(ent.status))
}

// titleOnWire is the title responses carry.
func (ent *errgenEntry) titleOnWire() string {
	if ent.m().wireTitle != "" {
		return ent.m().wireTitle
	}
	return ent.title
}

// sentinelMessage is what the error's sentinel carries: the main
// message, or the title when the message has params.
func (ent *errgenEntry) sentinelMessage() string {
	if c := ent.compiled.Load(); c != nil {
		return c.message
	}
	if !strings.ContainsAny(ent.msg, "{}") {
		return ent.msg
	}
	if errgenHasParam(ent.msg) {
		return ent.title // no need to parse it: sentinels are filled at init
	}
	return ent.sentinelText(errgenParseTemplate(ent.msg, nil))
}

// errgenHasParam reports whether a message template has a placeholder as
// errgenParseTemplate reads it: a "{" that is not doubled, with a "}"
// after it.
func errgenHasParam(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c == '{' || c == '}') && i+1 < len(s) && s[i+1] == c {
			i++
			continue
		}
		if c == '{' {
			return strings.IndexByte(s[i:], '}') >= 0
		}
	}
	return false
}

// sentinelText is the sentinel's message given the parsed main message
// t: its text, or the title when it has params.
func (ent *errgenEntry) sentinelText(t errgenTemplate) string {
	if len(t.params) == 0 {
		return t.lits[0]
	}
	return ent.title
}

// errgenParseTemplate parses a message template: {name} is the param of
// that name, {{ and }} are literal braces.
func errgenParseTemplate(s string, params []string) errgenTemplate {
	t := errgenTemplate{lits: []string{""}}
	var lit []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c == '{' || c == '}') && i+1 < len(s) && s[i+1] == c {
			lit = append(lit, c)
			i++
			continue
		}
		if c != '{' {
			lit = append(lit, c)
			continue
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			lit = append(lit, s[i:]...) // not generated
			break
		}
		name := s[i+1 : i+end]
		i += end
		t.lits[len(t.lits)-1] = string(lit)
		lit = lit[:0]
		j := 0
		for j < len(params) && params[j] != name {
			j++
		}
		t.params = append(t.params, j)
		t.lits = append(t.lits, "")
	}
	t.lits[len(t.lits)-1] = string(lit)
	return t
}

// role is the role byte of param j.
func (ent *errgenEntry) role(j int) byte {
	return errgenRoleAt(ent.m().roles, j)
}

// errgenRoleAt is the role byte of param j in roles (errgenMore.roles),
// which is empty when every param is a message param.
func errgenRoleAt(roles string, j int) byte {
	if j < len(roles) {
		return roles[j]
	}
	return 'm'
}

// errgenListRole reports whether a param of role r is a list: a data or
// optional param, which may be of a list type.
func errgenListRole(r byte) bool { return r == 'D' || r == 'O' }

// errgenNoMore is the errgenMore of an error that needs none.
var errgenNoMore errgenMore

// m returns the entry's less common values.
func (ent *errgenEntry) m() *errgenMore {
	if ent.more != nil {
		return ent.more
	}
	return &errgenNoMore
}

// errgenParseParams splits a row's params into their names and their
// kinds: "name" is a string param, "name:int" one of that type, a list's
// type is "[]" and its element type.
func errgenParseParams(params string) (names []string, kinds string) {
	if params == "" {
		return nil, ""
	}
	for _, p := range strings.Split(params, " ") {
		name, typ, _ := strings.Cut(p, ":")
		names = append(names, name)
		switch strings.TrimPrefix(typ, "[]") {
		case "int":
			kinds += "i"
		case "int64":
			kinds += "I"
		case "float64":
			kinds += "f"
		case "bool":
			kinds += "b"
		default:
			kinds += "s"
		}
	}
	return names, kinds
}

// errgenCompile builds what the writer and the decoder run on for ent.
func errgenCompile(ent *errgenEntry) *errgenCompiled {
	c := &errgenCompiled{}
	c.params, c.kinds = errgenParseParams(ent.params)
	c.keys = make([]string, len(c.params))
	for k, name := range c.params {
		c.keys[k] = string(append(errgenAppendString(nil, name), ':'))
	}
	c.roles = ent.m().roles
	if int(ent.retryAfter) > 0 {
		c.retryHeader = []string{strconv.Itoa(int(ent.retryAfter))}
	}
	c.messages = append(c.messages, errgenParseTemplate(ent.msg, c.params))
	for k := 0; k+1 < len(ent.variants); k += 2 {
		t := errgenParseTemplate(ent.variants[k+1], c.params)
		t.variant = ent.variants[k]
		c.messages = append(c.messages, t)
	}
	for k := range c.messages {
		t := &c.messages[k]
		for j := range c.params {
			r := ent.role(j)
			if r == 'o' || r == 'O' {
				continue
			}
			uses := r == 'd' || r == 'D'
			for _, p := range t.params {
				uses = uses || p == j
			}
			if uses {
				t.args = append(t.args, j)
			}
		}
		for _, p := range t.params {
			at := -1
			for k, j := range t.args {
				if j == p {
					at = k
				}
			}
			t.at = append(t.at, at)
		}
	}
	c.message = ent.sentinelText(c.messages[0])
	fm := &errgenFormats[int(ent.format)]
	c.body = errgenCompileBody(ent, c, fm.body)
	headers := ent.m().headers
	if headers == nil {
		headers = fm.headers
	}
	for k := range headers {
		if h, ok := errgenCompileHeader(ent, c, &headers[k]); ok {
			c.headers = append(c.headers, h)
		}
	}
	return c
}

// errgenJSON is s as a JSON string.
func errgenJSON(s string) string {
	return string(errgenAppendString(nil, s))
}

// attr returns the JSON value and the text of the named attribute.
func (ent *errgenEntry) attr(name string) (json, text string, ok bool) {
	for k := 0; k+2 < len(ent.m().attrs); k += 3 {
		if ent.m().attrs[k] == name {
			return ent.m().attrs[k+1], ent.m().attrs[k+2], true
		}
	}
	return "", "", false
}

// hasParam reports whether the error declares the named param.
func (c *errgenCompiled) hasParam(name string) bool {
	for _, p := range c.params {
		if p == name {
			return true
		}
	}
	return false
}

// errgenCompileBody compiles a body template for ent: members whose value
// is the same for every response of ent are pre-encoded, adjacent ones
// merged into one instruction; members that are always empty for ent
// are dropped, and so are inner objects and lists left with no member
// (errgenAppendBody leaves out those that end up empty in a response).
func errgenCompileBody(ent *errgenEntry, c *errgenCompiled, body []errgenField) []errgenOp {
	var out []errgenOp
	emit := func(o errgenOp) {
		if n := len(out); o.op == errgenOpConst && n > 0 && out[n-1].op == errgenOpConst {
			out[n-1].lit += "," + o.lit
			return
		}
		out = append(out, o)
	}
	var walk func(fields []errgenField, depth int)
	walk = func(fields []errgenField, depth int) {
		for k := range fields {
			fd := &fields[k]
			key := errgenJSON(fd.name) + ":"
			if fd.kind == errgenVAttrsInline {
				var members []string
				for a := 0; a+2 < len(ent.m().attrs); a += 3 {
					members = append(members, errgenJSON(ent.m().attrs[a])+":"+ent.m().attrs[a+1])
				}
				if len(members) > 0 {
					emit(errgenOp{op: errgenOpConst, lit: strings.Join(members, ",")})
				}
				continue
			}
			if v, ok := errgenConstValue(ent, fd); ok {
				if v != "" {
					emit(errgenOp{op: errgenOpConst, lit: key + v})
				}
				continue
			}
			switch fd.kind {
			case errgenVObject, errgenVList:
				if depth+1 >= errgenMaxDepth {
					continue // not generated: the spec refuses such nesting
				}
				open, closer := "{", "}"
				if fd.kind == errgenVList {
					open, closer = "[{", "}]"
				}
				emit(errgenOp{op: errgenOpOpen, lit: key + open})
				walk(fd.children, depth+1)
				if out[len(out)-1].op == errgenOpOpen {
					out = out[:len(out)-1] // always empty for ent: left out
					continue
				}
				emit(errgenOp{op: errgenOpClose, lit: closer})
			case errgenVMessage:
				emit(errgenOp{op: errgenOpMessage, lit: key})
			case errgenVDetails:
				emit(errgenOp{op: errgenOpDetails, lit: key})
			case errgenVRetryAfter:
				emit(errgenOp{op: errgenOpRetryAfter, lit: key})
			case errgenVInstance:
				emit(errgenOp{op: errgenOpInstance, lit: key})
			case errgenVRequestID:
				emit(errgenOp{op: errgenOpRequestID, lit: key})
			case errgenVParams:
				if len(c.params) > 0 {
					emit(errgenOp{op: errgenOpParams, lit: key})
				}
			case errgenVParamsInline:
				if len(c.params) > 0 {
					emit(errgenOp{op: errgenOpParamsInline})
				}
			case errgenVParam:
				if c.hasParam(fd.ref) {
					emit(errgenOp{op: errgenOpParam, lit: key, name: fd.ref})
				}
			case errgenVTemplate:
				parts, only, omit := errgenCompileTemplate(ent, c, fd.parts, false)
				switch {
				case omit:
				case len(parts) == 1 && parts[0].kind == errgenPartLit:
					emit(errgenOp{op: errgenOpConst, lit: key + `"` + parts[0].lit + `"`})
				case len(parts) == 0:
					emit(errgenOp{op: errgenOpConst, lit: key + `""`})
				default:
					emit(errgenOp{op: errgenOpTemplate, lit: key, only: only, parts: parts})
				}
			}
		}
	}
	walk(body, 0)
	return out
}

// errgenConstValue returns the pre-encoded value of a member that is
// constant for ent ("" when it is always omitted), or false when it
// varies: the JSON form of errgenConstText's text, a number as it is.
func errgenConstValue(ent *errgenEntry, fd *errgenField) (string, bool) {
	switch fd.kind {
	case errgenVLiteral:
		return fd.lit, true
	case errgenVAttr:
		v, _, _ := ent.attr(fd.ref)
		return v, true
	case errgenVType:
		if u := ent.docLink(); u != "" {
			return errgenJSON(u), true
		}
		return errgenJSON("about:blank"), true
	case errgenVParam:
		return "", false
	}
	text, present, ok := errgenConstText(ent, nil, &errgenTmpl{kind: fd.kind})
	switch {
	case !ok || !present:
		return "", ok
	case fd.kind == errgenVStatus, fd.kind == errgenVCode && errgenNumericCodes:
		return text, true
	}
	return errgenJSON(text), true
}

// errgenConstText is the text of a template value that is constant for
// ent, and whether it is present; ok is false for a value that varies
// with the response. (c is only read for a param.)
func errgenConstText(ent *errgenEntry, c *errgenCompiled, p *errgenTmpl) (text string, present, ok bool) {
	switch p.kind {
	case errgenVLiteral:
		return p.text, true, true
	case errgenVCode:
		return errgenCodeText(ent.code), true, true
	case errgenVStatus:
		return strconv.Itoa(int(ent.status)), true, true
	case errgenVStatusText:
		return ent.statusTextOf(), true, true
	case errgenVTitle:
		return ent.titleOnWire(), true, true
	case errgenVDocURL:
		u := ent.docLink()
		return u, u != "", true
	case errgenVAttr:
		_, v, has := ent.attr(p.ref)
		return v, has, true
	case errgenVParam:
		if !c.hasParam(p.ref) {
			return "", false, true
		}
	}
	return "", false, false
}

// errgenCompileTemplate compiles a string template for ent: constant
// values become text (escaped for a JSON string, or for a header value
// with header set), adjacent texts are merged. only reports a template
// that is exactly one value that varies with the response; omit, one
// that is exactly one value that ent never has (the member or header is
// left out).
func errgenCompileTemplate(ent *errgenEntry, c *errgenCompiled, t []errgenTmpl, header bool) (parts []errgenPart, only, omit bool) {
	isSingle := len(t) == 1 && t[0].kind != errgenVLiteral
	for k := range t {
		tp := &t[k]
		text, present, constant := errgenConstText(ent, c, tp)
		if constant {
			if isSingle && !present && tp.kind != errgenVLiteral {
				return nil, false, true
			}
			var enc []byte
			switch {
			case !header:
				enc = errgenAppendStringContent(nil, text)
			case tp.kind == errgenVLiteral:
				enc = errgenEscape(nil, text, errgenModeHeader)
			case tp.quoted:
				enc = errgenEscape(nil, text, errgenModeQuoted)
			default:
				enc = errgenEscape(nil, text, errgenModeHeader)
			}
			if n := len(parts); n > 0 && parts[n-1].kind == errgenPartLit {
				parts[n-1].lit += string(enc)
			} else if len(enc) > 0 {
				parts = append(parts, errgenPart{kind: errgenPartLit, lit: string(enc)})
			}
			continue
		}
		p := errgenPart{quoted: header && tp.quoted}
		switch tp.kind {
		case errgenVMessage:
			p.kind = errgenPartMessage
		case errgenVInstance:
			p.kind = errgenPartInstance
		case errgenVRequestID:
			p.kind = errgenPartRequestID
		case errgenVRetryAfter:
			p.kind = errgenPartRetryAfter
		case errgenVParam:
			p.kind, p.name = errgenPartParam, tp.ref
		default:
			continue
		}
		parts = append(parts, p)
	}
	return parts, isSingle && len(parts) == 1 && parts[0].kind != errgenPartLit, false
}

// errgenCompileHeader compiles one of ent's headers; false when ent never
// sends it.
func errgenCompileHeader(ent *errgenEntry, c *errgenCompiled, h *errgenHeaderTmpl) (errgenHeader, bool) {
	parts, only, omit := errgenCompileTemplate(ent, c, h.parts, true)
	if omit {
		return errgenHeader{}, false
	}
	out := errgenHeader{name: h.name, only: only}
	constant := true
	for _, p := range parts {
		constant = constant && p.kind == errgenPartLit
	}
	if value, ok := errgenRenderDefault(ent, c, parts); ok {
		out.value = []string{value}
	}
	if !constant {
		out.parts = parts
	}
	return out, true
}

// errgenRenderDefault renders header parts for the catalog's own values
// of ent, as errgenSetHeader does: the sentinel's message, no params, no
// request path, ent's retry delay. ok is false when an only value is
// absent, and for a header with the request id, which no response shares.
func errgenRenderDefault(ent *errgenEntry, c *errgenCompiled, parts []errgenPart) (string, bool) {
	var b []byte
	for _, p := range parts {
		switch p.kind {
		case errgenPartLit:
			b = append(b, p.lit...)
		case errgenPartMessage:
			mode := errgenModeHeader
			if p.quoted {
				mode = errgenModeQuoted
			}
			b = errgenEscape(b, c.message, mode)
		case errgenPartRetryAfter:
			if int(ent.retryAfter) > 0 {
				b = strconv.AppendInt(b, int64(int(ent.retryAfter)), 10)
			} else if len(parts) == 1 {
				return "", false
			}
		case errgenPartRequestID:
			return "", false // never empty, different for every request: nothing to share
		case errgenPartInstance, errgenPartParam:
			if len(parts) == 1 {
				return "", false
			}
		}
	}
	return string(b), true
}
