package runtime

import (
	"io"
	"net/http"
	"strconv"
	"time"
)

// errgenMaxBody bounds how much of a response body FromResponse reads.
const errgenMaxBody = 1 << 20

// errgenKeepBody bounds the raw body an unidentified error keeps.
const errgenKeepBody = 64 << 10

// FromResponse turns an HTTP response into an error: nil for a 2xx status,
// otherwise an *Error that errors.Is the matching sentinel. It identifies
// the error by the body's code (aliases included) when the wire format
// has one; else by the type URI; else by matching the message against the
// documented messages and variants, recovering typed params; else by the
// status when only one error has it. Anything else (an unknown code, an
// HTML page from a proxy, an empty, truncated or oversized body) comes
// back as an *Error with the response's status, no known code and the raw
// body in Body. Retry-After is read from the header (seconds or HTTP-date)
// and else from the body. FromResponse reads at most 1 MiB of the body
// and does not close it.
func FromResponse(resp *http.Response) error {
	if resp == nil {
		return &Error{Status: 0, Message: "no response"}
	}
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		return nil
	}
	var body []byte
	if resp.Body != nil {
		body, _ = io.ReadAll(io.LimitReader(resp.Body, errgenMaxBody+1))
	}
	e := errgenDecode(resp.StatusCode, body)
	if ra, ok := errgenParseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
		e.RetryAfter = ra
	}
	return e
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

func errgenDecode(status int, body []byte) *Error {
	root, ok := errgenValid(body)
	if len(body) > errgenMaxBody || !ok {
		return errgenUnknown(status, "", "", body)
	}
	message, _ := errgenString(errgenAt(root, errgenPathMessage))
	i := -1
	m := errgenMatch{entry: -1}
	code, hasCode := errgenString(errgenAt(root, errgenPathCode))
	switch {
	case hasCode:
		if i = errgenIndex(code); i < 0 {
			return errgenUnknown(status, Code(code), message, body)
		}
	default:
		if t, _ := errgenString(errgenAt(root, errgenPathType)); t != "" {
			i = errgenByDocURL(t)
		}
		if i < 0 && message != "" {
			m = errgenMatchMessage(status, -1, message)
			i = m.entry
		}
		if i < 0 {
			i = errgenByStatus(status)
		}
	}
	if i < 0 {
		return errgenUnknown(status, "", message, body)
	}
	if m.entry != i && message != "" {
		// Identified otherwise: only the error's own messages name the
		// variant and recover the params the body does not carry.
		m = errgenMatchMessage(status, i, message)
	}
	return errgenBuild(i, status, root, message, &m)
}

// errgenBuild makes the *Error of catalog entry i from a valid body and
// what matching its message found. Without a message, the message is
// rendered from the params the body carries when it has them all, and is
// the error's sentinel message (the title, for a message with params)
// otherwise: never a template with its placeholders.
func errgenBuild(i, status int, body []byte, message string, m *errgenMatch) *Error {
	ent := &errgenCatalog[i]
	e := &Error{Code: ent.code, Status: status, Title: ent.title, Message: message, entry: i + 1}
	if m.template != nil {
		e.Variant = m.template.variant
	}
	e.Params = errgenParams(ent, body, m.values)
	if message == "" {
		e.Message = ent.message
		if len(ent.messages) > 0 {
			if s, ok := errgenRender(ent, &ent.messages[0], e.Params); ok {
				e.Message = s
			}
		}
	}
	e.Details = errgenDetails(errgenAt(body, errgenPathDetails))
	if n := errgenAt(body, errgenPathRetryAfter); errgenIsNumber(n) {
		if v, err := strconv.Atoi(string(n)); err == nil && v > 0 {
			e.RetryAfter = v
		}
	}
	return e
}

// errgenParams reads the params from the body when the format carries
// them, else from the values recovered from the message.
func errgenParams(ent *errgenEntry, body []byte, matched []string) []Param {
	var out []Param
	for j, name := range ent.params {
		kind := ent.kinds[j]
		if v, ok := errgenBodyParam(body, name, kind); ok {
			out = append(out, Param{Name: name, Value: v})
			continue
		}
		if matched != nil && matched[j] != "\x00" {
			if v, ok := errgenConvert(matched[j], kind); ok {
				out = append(out, Param{Name: name, Value: v})
			}
		}
	}
	return out
}

// errgenBodyParam finds a param in the body: inline members, the $params
// object or a $param.NAME member, as the wire format places them.
func errgenBodyParam(body []byte, name string, kind byte) (any, bool) {
	var raw []byte
	if errgenParamsInline != nil {
		raw = errgenMember(errgenAt(body, errgenParamsInline), name)
	}
	if raw == nil && errgenPathParams != nil {
		raw = errgenMember(errgenAt(body, errgenPathParams), name)
	}
	for k := 0; raw == nil && k < len(errgenPathParam); k++ {
		if errgenPathParam[k].name == name {
			raw = errgenAt(body, errgenPathParam[k].path)
		}
	}
	switch {
	case raw == nil:
	case raw[0] == '"':
		if s, ok := errgenString(raw); ok && kind == 's' {
			return s, true
		}
	case errgenIsNumber(raw):
		if kind != 's' && kind != 'b' {
			return errgenConvert(string(raw), kind)
		}
	case kind == 'b' && (string(raw) == "true" || string(raw) == "false"):
		return string(raw) == "true", true
	}
	return nil, false
}

// errgenConvert parses a param value of the given kind.
func errgenConvert(s string, kind byte) (any, bool) {
	switch kind {
	case 's':
		return s, true
	case 'i':
		v, err := strconv.ParseInt(s, 10, strconv.IntSize)
		return int(v), err == nil
	case 'I':
		v, err := strconv.ParseInt(s, 10, 64)
		return v, err == nil
	case 'f':
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	case 'b':
		return s == "true", s == "true" || s == "false"
	}
	return nil, false
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

// errgenDetails reads a details list: objects with field and message.
func errgenDetails(raw []byte) []Detail {
	if len(raw) == 0 || raw[0] != '[' {
		return nil
	}
	var out []Detail
	p := errgenParser{b: raw, i: 1}
	for {
		p.space()
		if p.i >= len(p.b) || p.b[p.i] == ']' {
			return out
		}
		start := p.i
		if !p.skipValue(0) {
			return out
		}
		if item := p.b[start:p.i]; item[0] == '{' {
			f, _ := errgenString(errgenMember(item, "field"))
			m, _ := errgenString(errgenMember(item, "message"))
			out = append(out, Detail{Field: f, Message: m})
		}
		p.space()
		if p.i < len(p.b) && p.b[p.i] == ',' {
			p.i++
		}
	}
}

// errgenParseRetryAfter reads a Retry-After header: delay-seconds or an
// HTTP-date, as seconds from now (0 for a date in the past).
func errgenParseRetryAfter(v string, now time.Time) (int, bool) {
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil {
		return max(n, 0), n >= 0
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d := t.Sub(now)
	if d <= 0 {
		return 0, true
	}
	return int((d + time.Second - 1) / time.Second), true
}
