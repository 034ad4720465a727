package runtime

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"unicode/utf8"
)

// errgenScratch holds the buffers one WriteError builds in: the body,
// and the header value being rendered.
type errgenScratch struct {
	body, tmp []byte
}

// errgenBufs recycles buffers so that writing does not allocate.
var errgenBufs = sync.Pool{New: func() any { return &errgenScratch{body: make([]byte, 0, 1024), tmp: make([]byte, 0, 256)} }}

// WriteError writes err as an HTTP error response, in the wire format of
// its error (the catalog's, or its group's own): status, Content-Type,
// Retry-After when set, the error's headers, and the body. An error that
// is not from the catalog is written as the internal error; a catalog
// error with a 5xx status that wraps a cause, as the internal error of its
// format: the text of an unexpected error never reaches the client. A nil
// err, or a nil *Error, is written as the internal error too. A sentinel
// is written as the catalog generated it, whatever a program assigned to
// its fields; the sentinel of an error whose message has params carries
// no values for them, so its title is sent as the message. Every error
// written is then reported, once, to the reporter (SetReporter; by
// default LogReport, which logs internal errors and 5xx responses with
// err's full text).
func WriteError(w http.ResponseWriter, r *http.Request, err error) {
	errgenWrite(w, r, err, -1)
}

// errgenWrite writes err in its own format (format < 0), or in the
// format with that index, where an error of another format is written as
// the format's internal error.
func errgenWrite(w http.ResponseWriter, r *http.Request, err error, format int) {
	e := errgenFind(err)
	var ent *errgenEntry
	if e != nil {
		ent = errgenResolve(e)
	}
	if ent != nil && format >= 0 && int(ent.format) != format {
		ent = nil
	}
	internal := ent == nil || (int(ent.status) >= 500 && e.cause != nil)
	if internal {
		f := max(format, 0)
		if ent != nil {
			f = int(ent.format)
		}
		ent = errgenFormats[f].internal
		e = nil
	}
	c := ent.c() // before errgenFill, which then reads the compiled message
	var fresh Error
	if e == nil || errgenSentinel(e) != nil {
		errgenFill(&fresh, ent)
		e = &fresh
	}
	h := w.Header()
	h["Content-Type"] = errgenFormats[int(ent.format)].contentType
	switch {
	case e.RetryAfter <= 0:
	case e.RetryAfter == int(ent.retryAfter):
		h["Retry-After"] = c.retryHeader
	default:
		h["Retry-After"] = []string{strconv.Itoa(e.RetryAfter)}
	}
	instance := ""
	if r != nil && r.URL != nil {
		instance = r.URL.Path
	}
	rid, ridv := errgenRequestID(r)
	sc := errgenBufs.Get().(*errgenScratch)
	for k := range c.headers {
		hd := &c.headers[k]
		if hd.only && hd.parts[0].kind == errgenPartRequestID {
			// The id needs no escaping: its bytes are safe in a header
			// and a quoted-string.
			if ridv == nil {
				ridv = []string{rid}
			}
			h[hd.name] = ridv
			continue
		}
		sc.tmp = errgenSetHeader(h, hd, c, e, instance, rid, sc.tmp[:0])
	}
	sc.body = errgenAppendBody(sc.body[:0], c, e, instance, rid)
	w.WriteHeader(int(ent.status))
	_, _ = w.Write(sc.body)
	if cap(sc.body) <= 64<<10 && cap(sc.tmp) <= 64<<10 {
		errgenBufs.Put(sc)
	}
	errgenReport(r, Report{Err: err, Code: ent.code, Status: int(ent.status), Internal: internal, RequestID: rid})
}

// errgenSetHeader sets one of the error's headers, rendering it in tmp
// when it depends on the response. A rendering equal to the pre-built
// value shares it; any other is a new value.
func errgenSetHeader(h http.Header, hd *errgenHeader, c *errgenCompiled, e *Error, instance, rid string, tmp []byte) []byte {
	if hd.parts == nil {
		h[hd.name] = hd.value
		return tmp
	}
	if hd.only && errgenAbsent(&hd.parts[0], c, e, instance) {
		return tmp
	}
	tmp = errgenAppendParts(tmp, hd.parts, c, e, instance, rid, true)
	if len(hd.value) == 1 && string(tmp) == hd.value[0] {
		h[hd.name] = hd.value
	} else {
		h[hd.name] = []string{string(tmp)}
	}
	return tmp
}

// errgenAbsent reports whether a template part's value is absent from a
// response: an empty request path, no retry delay, a param the error does
// not carry (c.value). Constant text and the message are never absent.
func errgenAbsent(p *errgenPart, c *errgenCompiled, e *Error, instance string) bool {
	switch p.kind {
	case errgenPartInstance:
		return instance == ""
	case errgenPartRetryAfter:
		return e.RetryAfter <= 0
	case errgenPartParam:
		_, ok := c.value(e, p.name)
		return !ok
	}
	return false
}

// value is the value e carries for the param its error declares under
// name: the first of e.Params of that name, when it holds a value of the
// param's declared type. The writer sends params through it (and
// valueAt, and the in-order walk of errgenAppendBody) only, so nothing
// else a program put in Params (an undeclared name, a second value of a
// name, a value of another type) reaches the wire.
func (c *errgenCompiled) value(e *Error, name string) (any, bool) {
	for k, n := range c.params {
		if n == name {
			return c.valueAt(e, k)
		}
	}
	return nil, false
}

// valueAt is value for the error's k-th declared param.
func (c *errgenCompiled) valueAt(e *Error, k int) (any, bool) {
	name := c.params[k]
	for _, p := range e.Params {
		if p.Name == name {
			return p.Value, c.fits(k, p.Value)
		}
	}
	return nil, false
}

// fits reports whether v is a value of the type of the error's k-th
// declared param.
func (c *errgenCompiled) fits(k int, v any) bool {
	return errgenIsKind(v, c.kinds[k], errgenListRole(errgenRoleAt(c.roles, k)))
}

// inOrder reports whether ps holds only declared params, each once, in
// declaration order, as every constructor, With method and FromResponse
// makes them: the writer then finds each declared param's value by
// walking both lists once.
func (c *errgenCompiled) inOrder(ps []Param) bool {
	k := 0
	for i := range ps {
		for k < len(c.params) && c.params[k] != ps[i].Name {
			k++
		}
		if k == len(c.params) {
			return false
		}
		k++
	}
	return true
}

// jsonValue is value, for a param written as a JSON value.
func (c *errgenCompiled) jsonValue(e *Error, name string) (any, bool) {
	v, ok := c.value(e, name)
	return v, ok && errgenJSONable(v)
}

// errgenJSONable reports whether JSON can carry a param value: not a
// float64 that is NaN or an infinity, nor a list holding one. Such a
// param is not sent as a JSON value at all (null is not the number the
// error's schema promises); in a string template it is text ("NaN").
func errgenJSONable(v any) bool {
	switch x := v.(type) {
	case float64:
		return !math.IsNaN(x) && !math.IsInf(x, 0)
	case []float64:
		for _, f := range x {
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return false
			}
		}
	}
	return true
}

// errgenAppendParts renders a string template's parts: constant text as
// pre-encoded, values escaped for a JSON string, or with header set for a
// header value. An absent value is empty text; rid is the request id.
func errgenAppendParts(buf []byte, parts []errgenPart, c *errgenCompiled, e *Error, instance, rid string, header bool) []byte {
	for k := range parts {
		p := &parts[k]
		mode := errgenModeJSON
		if header {
			mode = errgenModeHeader
			if p.quoted {
				mode = errgenModeQuoted
			}
		}
		switch p.kind {
		case errgenPartLit:
			buf = append(buf, p.lit...)
		case errgenPartMessage:
			buf = errgenEscape(buf, e.Message, mode)
		case errgenPartInstance:
			buf = errgenEscape(buf, instance, mode)
		case errgenPartRequestID:
			buf = errgenEscape(buf, rid, mode)
		case errgenPartRetryAfter:
			if e.RetryAfter > 0 {
				buf = strconv.AppendInt(buf, int64(e.RetryAfter), 10)
			}
		case errgenPartParam:
			if v, ok := c.value(e, p.name); ok {
				buf = errgenAppendText(buf, v, mode)
			}
		}
	}
	return buf
}

// The ways text is escaped where it is interpolated.
const (
	errgenModeJSON   = iota // inside a JSON string: as encoding/json escapes it
	errgenModeHeader        // a header value: control characters become spaces
	errgenModeQuoted        // inside a header's quoted-string: also " and \ escaped
)

// errgenEscape appends s escaped for where it goes. In a header, CR, LF
// and every other control character become a space, so a value can never
// end the header or start another; inside a quoted-string, " and \ are
// escaped with a backslash, so a value can never end the quoted-string.
func errgenEscape(buf []byte, s string, mode int) []byte {
	if mode == errgenModeJSON {
		return errgenAppendStringContent(buf, s)
	}
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c == 0x7f:
			buf = append(append(buf, s[start:i]...), ' ')
			start = i + 1
		case mode == errgenModeQuoted && (c == '"' || c == '\\'):
			buf = append(append(buf, s[start:i]...), '\\', c)
			start = i + 1
		}
	}
	return append(buf, s[start:]...)
}

// errgenAppendText appends a param value as text, as messages format
// params; a list's elements are joined by commas.
func errgenAppendText(buf []byte, v any, mode int) []byte {
	switch x := v.(type) {
	case string:
		return errgenEscape(buf, x, mode)
	case int:
		return strconv.AppendInt(buf, int64(x), 10)
	case int64:
		return strconv.AppendInt(buf, x, 10)
	case float64:
		return strconv.AppendFloat(buf, x, 'g', -1, 64)
	case bool:
		return strconv.AppendBool(buf, x)
	case []string:
		for j, s := range x {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = errgenEscape(buf, s, mode)
		}
	case []int:
		for j, n := range x {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(n), 10)
		}
	case []int64:
		for j, n := range x {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, n, 10)
		}
	case []float64:
		for j, f := range x {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendFloat(buf, f, 'g', -1, 64)
		}
	case []bool:
		for j, b := range x {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendBool(buf, b)
		}
	}
	return buf
}

// HandlerFunc is an http.Handler that returns its error instead of writing
// it: a returned error is written with WriteError, and so reported.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// ServeHTTP calls f and writes its error, if any, with WriteError.
func (f HandlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := f(w, r); err != nil {
		WriteError(w, r, err)
	}
}

// errgenMaxDepth bounds the nesting of body templates (the spec allows
// 16 levels).
const errgenMaxDepth = 32

// errgenAppendBody runs the body program of c for e, with the request
// path instance and the request id rid. An inner object (or one-element
// list) none of whose members is sent for e is left out, member name and
// all.
func errgenAppendBody(buf []byte, c *errgenCompiled, e *Error, instance, rid string) []byte {
	buf = append(buf, '{')
	var filled uint64 // bit d set: the object at depth d has a member
	var before uint64 // bit d set: the object at depth d had a member before its open child
	var marks [errgenMaxDepth]int
	depth := 0
	sep := func(buf []byte) []byte {
		if filled&(1<<depth) != 0 {
			buf = append(buf, ',')
		}
		filled |= 1 << depth
		return buf
	}
	for k := range c.body {
		op := &c.body[k]
		switch op.op {
		case errgenOpConst:
			buf = append(sep(buf), op.lit...)
		case errgenOpOpen:
			if depth+1 >= errgenMaxDepth {
				return append(buf[:0], "{}"...) // not generated: the spec refuses such nesting
			}
			marks[depth] = len(buf)
			before = before&^(1<<depth) | filled&(1<<depth)
			buf = append(sep(buf), op.lit...)
			depth++
			filled &^= 1 << depth
		case errgenOpClose:
			if depth == 0 {
				return append(buf[:0], "{}"...) // not generated: unbalanced program
			}
			empty := filled&(1<<depth) == 0
			depth--
			if empty {
				buf = buf[:marks[depth]]
				filled = filled&^(1<<depth) | before&(1<<depth)
			} else {
				buf = append(buf, op.lit...)
			}
		case errgenOpMessage:
			buf = errgenAppendString(append(sep(buf), op.lit...), e.Message)
		case errgenOpDetails:
			if len(e.Details) > 0 {
				buf = errgenAppendDetails(append(sep(buf), op.lit...), e.Details)
			}
		case errgenOpRetryAfter:
			if e.RetryAfter > 0 {
				buf = strconv.AppendInt(append(sep(buf), op.lit...), int64(e.RetryAfter), 10)
			}
		case errgenOpInstance:
			if instance != "" {
				buf = errgenAppendString(append(sep(buf), op.lit...), instance)
			}
		case errgenOpRequestID:
			if rid != "" {
				buf = errgenAppendString(append(sep(buf), op.lit...), rid)
			}
		case errgenOpParams, errgenOpParamsInline:
			// Each declared param once, in declaration order (value).
			inline, n := op.op == errgenOpParamsInline, 0
			ordered, j := c.inOrder(e.Params), 0
			for k, name := range c.params {
				var v any
				var ok bool
				switch {
				case !ordered:
					v, ok = c.valueAt(e, k)
				case j < len(e.Params) && e.Params[j].Name == name:
					v, ok = e.Params[j].Value, c.fits(k, e.Params[j].Value)
					j++
				}
				if !ok || !errgenJSONable(v) {
					continue
				}
				switch {
				case inline:
					buf = sep(buf)
				case n == 0:
					buf = append(append(sep(buf), op.lit...), '{')
				default:
					buf = append(buf, ',')
				}
				buf = errgenAppendValue(append(buf, c.keys[k]...), v)
				n++
			}
			if !inline && n > 0 {
				buf = append(buf, '}')
			}
		case errgenOpParam:
			if v, ok := c.jsonValue(e, op.name); ok {
				buf = errgenAppendValue(append(sep(buf), op.lit...), v)
			}
		case errgenOpTemplate:
			if op.only && errgenAbsent(&op.parts[0], c, e, instance) {
				continue
			}
			buf = append(append(sep(buf), op.lit...), '"')
			buf = append(errgenAppendParts(buf, op.parts, c, e, instance, rid, false), '"')
		}
	}
	return append(buf, '}')
}

// errgenAppendDetails appends details as a JSON array of items in the
// catalog's detail shape (errgenAppendDetail, generated).
func errgenAppendDetails(buf []byte, ds []Detail) []byte {
	buf = append(buf, '[')
	for j := range ds {
		if j > 0 {
			buf = append(buf, ',')
		}
		buf = errgenAppendDetail(buf, &ds[j])
	}
	return append(buf, ']')
}

// errgenAppendValue appends a param value as JSON; a list param as an
// array (empty for a nil slice). Numbers are formatted as encoding/json
// formats them; NaN and infinities, which JSON cannot carry, become null.
func errgenAppendValue(buf []byte, v any) []byte {
	switch x := v.(type) {
	case string:
		return errgenAppendString(buf, x)
	case int:
		return strconv.AppendInt(buf, int64(x), 10)
	case int64:
		return strconv.AppendInt(buf, x, 10)
	case float64:
		return errgenAppendFloat(buf, x)
	case bool:
		return strconv.AppendBool(buf, x)
	case []string:
		buf = append(buf, '[')
		for j, s := range x {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = errgenAppendString(buf, s)
		}
		return append(buf, ']')
	case []int:
		buf = append(buf, '[')
		for j, n := range x {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(n), 10)
		}
		return append(buf, ']')
	case []int64:
		buf = append(buf, '[')
		for j, n := range x {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, n, 10)
		}
		return append(buf, ']')
	case []float64:
		buf = append(buf, '[')
		for j, f := range x {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = errgenAppendFloat(buf, f)
		}
		return append(buf, ']')
	case []bool:
		buf = append(buf, '[')
		for j, b := range x {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendBool(buf, b)
		}
		return append(buf, ']')
	}
	return append(buf, "null"...)
}

func errgenAppendFloat(buf []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(buf, "null"...)
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		buf = strconv.AppendFloat(buf, f, 'e', -1, 64)
		// Like encoding/json: 1e-07, not 1e-07's two-digit exponent.
		if n := len(buf); n >= 4 && buf[n-4] == 'e' && buf[n-3] == '-' && buf[n-2] == '0' {
			buf[n-2] = buf[n-1]
			buf = buf[:n-1]
		}
		return buf
	}
	return strconv.AppendFloat(buf, f, 'f', -1, 64)
}

const errgenHex = "0123456789abcdef"

// errgenJSONSafe reports, for each byte, whether it stands for itself
// inside a JSON string as errgenAppendStringContent writes one: an ASCII
// byte that is not a control character, '"', '\\', '<', '>' or '&'.
// (Every byte of a multi-byte UTF-8 sequence is false: such a sequence
// is checked as a whole.)
var errgenJSONSafe = func() (safe [256]bool) {
	for c := byte(0x20); c < utf8.RuneSelf; c++ {
		safe[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return safe
}()

// errgenAppendString appends s as a JSON string exactly as encoding/json
// writes it: <, > and & escaped for HTML, U+2028 and U+2029 escaped for
// JavaScript, invalid UTF-8 replaced by U+FFFD.
func errgenAppendString(buf []byte, s string) []byte {
	return append(errgenAppendStringContent(append(buf, '"'), s), '"')
}

// errgenAppendStringContent appends s escaped as errgenAppendString
// does, without the quotes.
func errgenAppendStringContent(buf []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		// Skip the bytes that stand for themselves, four at a time.
		for len(s)-i >= 4 {
			q := s[i : i+4]
			if !errgenJSONSafe[q[0]] || !errgenJSONSafe[q[1]] || !errgenJSONSafe[q[2]] || !errgenJSONSafe[q[3]] {
				break
			}
			i += 4
		}
		for i < len(s) && errgenJSONSafe[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			buf = append(buf, s[start:i]...)
			switch c {
			case '"', '\\':
				buf = append(buf, '\\', c)
			case '\b':
				buf = append(buf, '\\', 'b')
			case '\f':
				buf = append(buf, '\\', 'f')
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			default:
				buf = append(buf, '\\', 'u', '0', '0', errgenHex[c>>4], errgenHex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			buf = append(buf, s[start:i]...)
			buf = append(buf, '\\', 'u', '2', '0', '2', errgenHex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(buf, s[start:]...)
}
