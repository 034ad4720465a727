package runtime

import (
	"bytes"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// errgenMaxBody bounds how much of a response body FromResponse reads.
const errgenMaxBody = 1 << 20

// errgenKeepBody bounds the raw body an unidentified error keeps.
const errgenKeepBody = 64 << 10

// FromResponse turns an HTTP response into an error: an *Error that
// errors.Is the matching sentinel, or nil for a success.
//
// A non-2xx response is always an error. Its wire format is the one of
// the catalog's formats whose media type is the response's Content-Type
// (compared case-insensitively, without parameters), the one whose
// members the body has when several share it or none does. The error is
// identified by its code, read from the body (aliases included, with the
// text the format writes around it removed, or bare) or from the header
// that carries it; else by the type URI; else by matching the message
// against the documented messages and variants of the format's errors,
// recovering typed params; else by the status when only one error of the
// format has it. Anything else (an unknown code, an HTML page from a
// proxy, an empty, truncated or oversized body) comes back as an *Error
// with the response's status, no known code and the raw body in Body.
//
// A 2xx response is nil, unless a format of the catalog marks errors sent
// with a 2xx status (error_marker) and the response has its media type:
// FromResponse then reads the body, and returns the error it holds when
// the marker is there, nil otherwise. Either way it puts back what it
// read, so the caller can read the whole body (Close closes the
// original).
//
// Retry-After is read from the header (seconds or HTTP-date) and else
// from the body. FromResponse reads at most 1 MiB of the body and does
// not close it; how long a slow body may take to read is bounded by the
// client's timeout or the request context's deadline.
func FromResponse(resp *http.Response) error {
	if resp == nil {
		return &Error{Status: 0, Message: "no response"}
	}
	ct := resp.Header.Get("Content-Type")
	var body []byte
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		f := errgenMarkedFormat(ct)
		if f < 0 || resp.Body == nil {
			return nil
		}
		body = errgenReadBody(resp.Body)
		resp.Body = errgenRestored{Reader: io.MultiReader(bytes.NewReader(body), resp.Body), Closer: resp.Body}
		root, ok := errgenValid(body)
		if !ok || len(body) > errgenMaxBody {
			return nil
		}
		d := &errgenDoc{root: root}
		if !errgenMarked(&errgenFormats[f], d) {
			return nil
		}
		e := errgenDecodeIn(f, resp.StatusCode, body, d, resp.Header)
		errgenRetryHeader(e, resp.Header)
		return e
	}
	if resp.Body != nil {
		body = errgenReadBody(resp.Body)
	}
	e := errgenDecode(resp.StatusCode, ct, body, resp.Header)
	errgenRetryHeader(e, resp.Header)
	return e
}

// errgenReadBody reads r to its end or to one byte past errgenMaxBody,
// whichever comes first (what io.ReadAll of an io.LimitReader reads,
// without allocating the limiter); a read error ends it like the end.
// Its buffer doubles when full, up to the limit, so that it allocates
// at most about twice what it reads.
func errgenReadBody(r io.Reader) []byte {
	b := make([]byte, 0, 512)
	for {
		p := b[len(b):cap(b)]
		n, err := r.Read(p)
		if n < 0 || n > len(p) {
			return b // a reader that breaks io.Reader's contract
		}
		b = b[:len(b)+n]
		if err != nil || len(b) > errgenMaxBody {
			return b
		}
		if len(b) == cap(b) {
			size := 2 * cap(b)
			if size >= errgenMaxBody {
				size = errgenMaxBody + 1 // the last it needs
			}
			more := make([]byte, len(b), size)
			copy(more, b)
			b = more
		}
	}
}

// errgenRestored is a response body put back: what FromResponse read,
// then the rest, closed by the original's Close.
type errgenRestored struct {
	io.Reader
	io.Closer
}

// errgenRetryHeader sets e's retry delay from a Retry-After header.
func errgenRetryHeader(e *Error, h http.Header) {
	if ra, ok := errgenParseRetryAfter(h.Get("Retry-After"), time.Now()); ok {
		e.RetryAfter = ra
	}
}

// errgenMarkedFormat returns the format with an error marker whose media
// type is the Content-Type's, or -1.
func errgenMarkedFormat(contentType string) int {
	base := errgenMediaBase(contentType)
	for f := range errgenFormats {
		if errgenFormats[f].marker != nil && strings.EqualFold(base, errgenFormats[f].mediaBase) {
			return f
		}
	}
	return -1
}

// errgenMarked reports whether a valid body carries the format's error
// marker with its constant.
func errgenMarked(fm *errgenFormat, d *errgenDoc) bool {
	raw := d.at(fm.marker)
	if raw == nil {
		return false
	}
	if string(raw) == fm.markerValue {
		return true
	}
	a, okA := errgenString(raw)
	b, okB := errgenString([]byte(fm.markerValue))
	return okA && okB && a == b
}

// errgenMediaBase is a Content-Type's media type without parameters or
// surrounding space.
func errgenMediaBase(contentType string) string {
	base, _, _ := strings.Cut(contentType, ";")
	return strings.TrimSpace(base)
}

// errgenUnknown is an unidentified response.
func errgenUnknown(status int, code Code, message string, body []byte) *Error {
	if message == "" {
		message = http.StatusText(status)
	}
	if message == "" {
		message = "HTTP status " + strconv.Itoa(status)
	}
	if len(body) > errgenKeepBody {
		body = body[:errgenKeepBody]
	}
	return &Error{Code: code, Status: status, Title: http.StatusText(status), Message: message,
		Body: append([]byte{}, body...)}
}

// errgenDecode decodes a non-2xx response.
func errgenDecode(status int, contentType string, body []byte, header http.Header) *Error {
	var d *errgenDoc // nil: no body to read
	if root, ok := errgenValid(body); ok && len(body) <= errgenMaxBody {
		d = &errgenDoc{root: root}
	}
	f := errgenPickFormat(contentType, d, header)
	if d == nil {
		// No body to read: the code may still travel in a header.
		if code, has := errgenHeaderCode(&errgenFormats[f], header); has {
			if ent := errgenIndex(code); ent != nil {
				return errgenBuild(f, ent, status, nil, "", nil, nil)
			}
		}
		return errgenUnknown(status, errgenNoCode, "", body)
	}
	return errgenDecodeIn(f, status, body, d, header)
}

// errgenPickFormat returns the format a response is in: of the formats
// of its media type, the first whose members identify the body best; when
// the body has none of their members (or no format has the media type),
// the first of all formats that identifies it best; else the first of its
// media type, else the catalog's.
func errgenPickFormat(contentType string, d *errgenDoc, header http.Header) int {
	if len(errgenFormats) == 1 {
		return 0
	}
	base := errgenMediaBase(contentType)
	byType, best, bestScore := -1, -1, 0
	for f := range errgenFormats {
		if !strings.EqualFold(base, errgenFormats[f].mediaBase) {
			continue
		}
		if byType < 0 {
			byType = f
		}
		if s := errgenScore(&errgenFormats[f], d, header); s > bestScore {
			best, bestScore = f, s
		}
	}
	if best >= 0 {
		return best
	}
	for f := range errgenFormats {
		if s := errgenScore(&errgenFormats[f], d, header); s > bestScore {
			best, bestScore = f, s
		}
	}
	switch {
	case best >= 0:
		return best
	case byType >= 0:
		return byType
	}
	return 0
}

// errgenScore rates how well a body and headers fit a format: a known
// code 4, a code or a known type URI 3, a message 2, the error marker 1.
func errgenScore(fm *errgenFormat, d *errgenDoc, header http.Header) int {
	code, has := errgenBodyCode(fm, d)
	if !has {
		code, has = errgenHeaderCode(fm, header)
	}
	switch {
	case has && errgenIndex(code) != nil:
		return 4
	case has:
		return 3
	}
	if t, ok := errgenText(d, &fm.typ); ok && errgenByDocURL(t) != nil {
		return 3
	}
	if _, ok := errgenText(d, &fm.message); ok {
		return 2
	}
	if fm.marker != nil && errgenMarked(fm, d) {
		return 1
	}
	return 0
}

// errgenDecodeIn decodes a valid body in format f.
func errgenDecodeIn(f, status int, body []byte, d *errgenDoc, header http.Header) *Error {
	fm := &errgenFormats[f]
	message, _ := errgenText(d, &fm.message)
	var ent *errgenEntry
	var m errgenMatch
	var buf [4]string // the values a match finds, for up to 4 params
	var vals []string
	code, hasCode := errgenBodyCode(fm, d)
	if !hasCode {
		code, hasCode = errgenHeaderCode(fm, header)
	}
	switch {
	case hasCode:
		if ent = errgenIndex(code); ent == nil {
			return errgenUnknown(status, errgenParseCode(code), message, body)
		}
	default:
		if t, _ := errgenText(d, &fm.typ); t != "" {
			ent = errgenByDocURL(t)
		}
		if ent == nil && message != "" {
			m, vals = errgenMatchMessage(f, status, nil, message, buf[:])
			ent = m.entry
		}
		if ent == nil {
			ent = errgenByStatus(f, status)
		}
	}
	if ent == nil {
		return errgenUnknown(status, errgenNoCode, message, body)
	}
	if m.entry != ent && message != "" {
		// Identified otherwise: only the error's own messages name the
		// variant and recover the params the body does not carry.
		m, vals = errgenMatchMessage(f, status, ent, message, buf[:])
	}
	return errgenBuild(f, ent, status, d, message, m.template, vals)
}

// errgenBodyCode reads the code from a body: a string (with the text the
// format writes around it removed, when it is there), or for integer
// codes a number.
func errgenBodyCode(fm *errgenFormat, d *errgenDoc) (string, bool) {
	if fm.code.path == nil || d == nil {
		return "", false
	}
	raw := d.at(fm.code.path)
	if errgenNumericCodes && errgenIsNumber(raw) {
		return errgenIntegerText(raw)
	}
	s, ok := errgenString(raw)
	if !ok {
		return "", false
	}
	return errgenStrip(s, &fm.code), true
}

// errgenIntegerText is the decimal text of a JSON number that is an
// integer.
func errgenIntegerText(raw []byte) (string, bool) {
	for _, c := range raw {
		if c < '0' || c > '9' {
			f, err := strconv.ParseFloat(string(raw), 64)
			if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
				return "", false
			}
			return strconv.FormatInt(int64(f), 10), true
		}
	}
	return string(raw), true
}

// errgenHeaderCode reads the code from the first of the format's code
// headers the response has.
func errgenHeaderCode(fm *errgenFormat, header http.Header) (string, bool) {
	for k := range fm.codeHeaders {
		hp := &fm.codeHeaders[k]
		v := header.Get(hp.name)
		if v == "" {
			continue
		}
		v = errgenStrip(v, &errgenPath{prefix: hp.prefix, suffix: hp.suffix})
		if hp.quoted {
			v = errgenUnquote(v)
		}
		return v, true
	}
	return "", false
}

// errgenUnquote removes the backslashes of a quoted-string's escapes.
func errgenUnquote(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b = append(b, s[i])
	}
	return string(b)
}

// errgenStrip removes the literal text a path's string writes around its
// value, when the string has it; otherwise the string is the bare value.
func errgenStrip(s string, at *errgenPath) string {
	if (at.prefix != "" || at.suffix != "") && len(s) >= len(at.prefix)+len(at.suffix) &&
		strings.HasPrefix(s, at.prefix) && strings.HasSuffix(s, at.suffix) {
		return s[len(at.prefix) : len(s)-len(at.suffix)]
	}
	return s
}

// errgenText reads a string value at a path, its surrounding text
// removed.
func errgenText(d *errgenDoc, at *errgenPath) (string, bool) {
	if at.path == nil || d == nil {
		return "", false
	}
	s, ok := errgenString(d.at(at.path))
	if !ok {
		return "", false
	}
	return errgenStrip(s, at), true
}

// errgenBuild makes the *Error of catalog entry ent from a valid body (nil
// when there is none) in format f and what matching its message found:
// the template it matched and the raw values (errgenMatchMessage), nil
// for none.
// Without a message, the message is rendered from the params the body
// carries when it has them all, and is the error's sentinel message (the
// title, for a message with params) otherwise: never a template with its
// placeholders.
func errgenBuild(f int, ent *errgenEntry, status int, d *errgenDoc, message string, t *errgenTemplate, matched []string) *Error {
	c := ent.c()
	fm := &errgenFormats[f]
	e, params, slots := errgenAlloc(len(c.params))
	e.Code, e.Status, e.Title, e.Message, e.entry = ent.code, status, ent.title, message, ent
	if t != nil {
		e.Variant = t.variant
	}
	e.Params = errgenParams(fm, ent, d, matched, params, slots)
	if message == "" {
		e.Message = c.message
		if len(c.messages) > 0 {
			if s, ok := errgenRender(ent, &c.messages[0], e.Params); ok {
				e.Message = s
			}
		}
	}
	if d == nil {
		return e
	}
	e.Details = errgenDetails(d.at(fm.details))
	raw := d.at(fm.retryAfter.path)
	if s, ok := errgenString(raw); ok && fm.retryAfter.text {
		raw = []byte(errgenStrip(s, &fm.retryAfter))
	}
	if v, ok := errgenDelaySeconds(string(raw)); ok && v > 0 {
		e.RetryAfter = v
	}
	return e
}

// errgenParams reads the params from the body when the format carries
// them, else from the values recovered from the message, into params
// (room for each of the entry's params, their values kept in slots); nil
// when there are none.
func errgenParams(fm *errgenFormat, ent *errgenEntry, d *errgenDoc, matched []string, params []Param, slots []errgenSlot) []Param {
	n := 0
	c := ent.c()
	for j, name := range c.params {
		kind := c.kinds[j]
		list := errgenListRole(ent.role(j))
		p, slot := &params[n], &slots[n]
		if errgenBodyParam(&p.Value, slot, fm, d, name, kind, list) ||
			!list && matched != nil && matched[j] != "\x00" && errgenConvert(&p.Value, slot, matched[j], kind) {
			p.Name = name
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return params[:n:n]
}

// errgenBodyParam finds a param in the body: inline members, the $params
// object, a $param.NAME member or a string that interpolates it, as the
// wire format places them; it sets *dst, keeping a scalar in slot.
func errgenBodyParam(dst *any, slot *errgenSlot, fm *errgenFormat, d *errgenDoc, name string, kind byte, list bool) bool {
	if d == nil {
		return false
	}
	var raw []byte
	if fm.inline != nil {
		raw = d.member(d.at(fm.inline), name)
	}
	if raw == nil && fm.params != nil {
		raw = d.member(d.at(fm.params), name)
	}
	for k := 0; raw == nil && k < len(fm.param); k++ {
		at := &fm.param[k].at
		if fm.param[k].name != name {
			continue
		}
		raw = d.at(at.path)
		if at.text && raw != nil {
			s, ok := errgenString(raw)
			return ok && errgenTextValue(dst, slot, errgenStrip(s, at), kind, list)
		}
	}
	if list {
		v, ok := errgenList(raw, kind)
		if ok {
			*dst = v
		}
		return ok
	}
	return errgenScalar(dst, slot, raw, kind)
}

// errgenScalar converts a raw JSON value to a param of a kind: strings
// from strings, numbers from numbers, bools from true and false.
func errgenScalar(dst *any, slot *errgenSlot, raw []byte, kind byte) bool {
	switch {
	case raw == nil:
	case raw[0] == '"':
		if s, ok := errgenString(raw); ok && kind == 's' {
			errgenSet(dst, slot, s)
			return true
		}
	case errgenIsNumber(raw):
		if kind != 's' && kind != 'b' {
			return errgenNumber(dst, slot, string(raw), kind)
		}
	case kind == 'b' && (string(raw) == "true" || string(raw) == "false"):
		errgenSet(dst, slot, string(raw) == "true")
		return true
	}
	return false
}

// errgenTextValue converts a value interpolated as text to a param of a
// kind into *dst (a scalar kept in slot); a list's elements are
// separated by commas.
func errgenTextValue(dst *any, slot *errgenSlot, s string, kind byte, list bool) bool {
	if !list {
		return errgenConvert(dst, slot, s, kind)
	}
	var items []string
	if s != "" {
		items = strings.Split(s, ",")
	}
	var vals []any
	for _, it := range items {
		var v any
		if !errgenConvert(&v, nil, it, kind) {
			return false
		}
		vals = append(vals, v)
	}
	*dst = errgenMakeList(vals, kind)
	return true
}

// errgenList reads a JSON array as a list param of a kind: every element
// must convert.
func errgenList(raw []byte, kind byte) (any, bool) {
	if len(raw) == 0 || raw[0] != '[' {
		return nil, false
	}
	vals := []any{}
	p := errgenParser{b: raw, i: 1}
	for {
		p.space()
		if p.i >= len(p.b) || p.b[p.i] == ']' {
			return errgenMakeList(vals, kind), true
		}
		start := p.i
		p.next()
		var v any
		if !errgenScalar(&v, nil, p.b[start:p.i], kind) {
			return nil, false
		}
		vals = append(vals, v)
		p.space()
		if p.i < len(p.b) && p.b[p.i] == ',' {
			p.i++
		}
	}
}

// errgenMakeList builds the typed slice of a list param from its
// converted elements (never nil).
func errgenMakeList(vals []any, kind byte) any {
	switch kind {
	case 'i':
		out := make([]int, 0, len(vals))
		for _, v := range vals {
			out = append(out, v.(int))
		}
		return out
	case 'I':
		out := make([]int64, 0, len(vals))
		for _, v := range vals {
			out = append(out, v.(int64))
		}
		return out
	case 'f':
		out := make([]float64, 0, len(vals))
		for _, v := range vals {
			out = append(out, v.(float64))
		}
		return out
	case 'b':
		out := make([]bool, 0, len(vals))
		for _, v := range vals {
			out = append(out, v.(bool))
		}
		return out
	}
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		out = append(out, v.(string))
	}
	return out
}

// errgenConvert parses a param value of the given kind into *dst, kept
// in slot (errgenSet); false, leaving *dst as it is, when s is not one.
func errgenConvert(dst *any, slot *errgenSlot, s string, kind byte) bool {
	if kind != 's' {
		return errgenNumber(dst, slot, s, kind)
	}
	errgenSet(dst, slot, s)
	return true
}

// errgenNumber is errgenConvert for the kinds other than strings (bools
// included), which keep nothing of s.
func errgenNumber(dst *any, slot *errgenSlot, s string, kind byte) bool {
	switch kind {
	case 'i':
		v, err := strconv.ParseInt(s, 10, strconv.IntSize)
		if err != nil {
			return false
		}
		errgenSet(dst, slot, int(v))
	case 'I':
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return false
		}
		errgenSet(dst, slot, v)
	case 'f':
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return false
		}
		errgenSet(dst, slot, v)
	case 'b':
		if s != "true" && s != "false" {
			return false
		}
		errgenSet(dst, slot, s == "true")
	default:
		return false
	}
	return true
}

// errgenFits reports whether s parses as a param of the given kind,
// without allocating.
func errgenFits(s string, kind byte) bool {
	var err error
	switch kind {
	case 'i':
		_, err = strconv.ParseInt(s, 10, strconv.IntSize)
	case 'I':
		_, err = strconv.ParseInt(s, 10, 64)
	case 'f':
		_, err = strconv.ParseFloat(s, 64)
	case 'b':
		return s == "true" || s == "false"
	}
	return err == nil
}

// errgenMaxDetails bounds the details read from one response: a body of
// 1 MiB could otherwise hold hundreds of thousands of empty items, each
// a Detail kept in memory.
const errgenMaxDetails = 1000

// errgenDetails reads a details list: objects in the catalog's detail
// shape (errgenReadDetail, generated), the first errgenMaxDetails of
// them.
func errgenDetails(raw []byte) []Detail {
	if len(raw) == 0 || raw[0] != '[' {
		return nil
	}
	var out []Detail
	p := errgenParser{b: raw, i: 1}
	for {
		p.space()
		if p.i >= len(p.b) || p.b[p.i] == ']' || len(out) == errgenMaxDetails {
			return out
		}
		start := p.i
		p.next()
		if item := p.b[start:p.i]; item[0] == '{' {
			out = append(out, errgenReadDetail(item))
		}
		p.space()
		if p.i < len(p.b) && p.b[p.i] == ',' {
			p.i++
		}
	}
}

// errgenMaxRetryAfter is the longest retry delay read from a response,
// in seconds: the longest time.Duration (about 292 years; less where int
// has 32 bits), so that time.Duration(e.RetryAfter) * time.Second never
// overflows. Longer delays are read as this one.
const errgenMaxRetryAfter = min(math.MaxInt64/1_000_000_000, math.MaxInt) // a Duration counts nanoseconds

// errgenParseRetryAfter reads a Retry-After header: delay-seconds or an
// HTTP-date, as seconds from now (0 for a date in the past), at most
// errgenMaxRetryAfter.
func errgenParseRetryAfter(v string, now time.Time) (int, bool) {
	if v == "" {
		return 0, false
	}
	if n, ok := errgenDelaySeconds(v); ok {
		return n, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d := t.Sub(now) // saturates rather than overflows
	if d <= 0 {
		return 0, true
	}
	n := int64(d / time.Second)
	if d%time.Second != 0 {
		n++
	}
	return int(min(n, errgenMaxRetryAfter)), true
}

// errgenDelaySeconds reads delay-seconds: one or more ASCII digits, no
// sign, at most errgenMaxRetryAfter.
func errgenDelaySeconds(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n < errgenMaxRetryAfter {
			n = min(n*10+int64(c-'0'), errgenMaxRetryAfter)
		}
	}
	return int(n), true
}

// errgenDetailString reads a string leaf of a detail item.
func errgenDetailString(raw []byte) string {
	s, _ := errgenString(raw)
	return s
}

// errgenDetailInt reads an integer leaf of a detail item.
func errgenDetailInt(raw []byte) int {
	if !errgenIsNumber(raw) {
		return 0
	}
	v, _ := strconv.Atoi(string(raw))
	return v
}

// errgenDetailBool reads a bool leaf of a detail item.
func errgenDetailBool(raw []byte) bool {
	return string(raw) == "true"
}
