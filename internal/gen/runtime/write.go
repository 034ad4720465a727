package runtime

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"unicode/utf8"
)

// errgenBufs recycles body buffers so that writing does not allocate.
var errgenBufs = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// WriteError writes err as an HTTP error response: status, Content-Type,
// Retry-After when set, and the body in the spec's wire format. An error
// that is not from the catalog, or a catalog error with a 5xx status that
// wraps a cause, is written as the internal error: the text of an
// unexpected error never reaches the client. A nil err, or a nil *Error,
// is written as the internal error too. A sentinel is written as the
// catalog generated it, whatever a program assigned to its fields; the
// sentinel of an error whose message has params carries no values for
// them, so its title is sent as the message.
func WriteError(w http.ResponseWriter, r *http.Request, err error) {
	e := errgenFind(err)
	i := -1
	if e != nil {
		i = errgenResolve(e)
	}
	if i < 0 || (errgenCatalog[i].status >= 500 && e.cause != nil) {
		i = errgenInternal
		e = nil
	}
	var fresh Error
	if e == nil || errgenIsSentinel(e) {
		errgenFill(&fresh, i)
		e = &fresh
	}
	ent := &errgenCatalog[i]
	h := w.Header()
	h["Content-Type"] = errgenContentType
	switch {
	case e.RetryAfter <= 0:
	case e.RetryAfter == ent.retryAfter:
		h["Retry-After"] = ent.retryHeader
	default:
		h["Retry-After"] = []string{strconv.Itoa(e.RetryAfter)}
	}
	instance := ""
	if r != nil && r.URL != nil {
		instance = r.URL.Path
	}
	bp := errgenBufs.Get().(*[]byte)
	buf := errgenAppendBody((*bp)[:0], ent, e, instance)
	w.WriteHeader(ent.status)
	_, _ = w.Write(buf)
	if cap(buf) <= 64<<10 {
		*bp = buf
		errgenBufs.Put(bp)
	}
}

// HandlerFunc is an http.Handler that returns its error instead of writing
// it: a returned error is written with WriteError.
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

// errgenAppendBody runs the body program of ent for e. An inner object
// none of whose members is sent for e is left out, member name and all.
func errgenAppendBody(buf []byte, ent *errgenEntry, e *Error, instance string) []byte {
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
	for k := range ent.body {
		op := &ent.body[k]
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
				buf = append(buf, '}')
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
		case errgenOpParams:
			if len(e.Params) > 0 {
				buf = append(append(sep(buf), op.lit...), '{')
				for j, p := range e.Params {
					if j > 0 {
						buf = append(buf, ',')
					}
					buf = errgenAppendParam(buf, p)
				}
				buf = append(buf, '}')
			}
		case errgenOpParamsInline:
			for _, p := range e.Params {
				buf = errgenAppendParam(sep(buf), p)
			}
		case errgenOpParam:
			for _, p := range e.Params {
				if p.Name == op.name {
					buf = errgenAppendValue(append(sep(buf), op.lit...), p.Value)
					break
				}
			}
		}
	}
	return append(buf, '}')
}

func errgenAppendParam(buf []byte, p Param) []byte {
	buf = append(errgenAppendString(buf, p.Name), ':')
	return errgenAppendValue(buf, p.Value)
}

func errgenAppendDetails(buf []byte, ds []Detail) []byte {
	buf = append(buf, '[')
	for j, d := range ds {
		if j > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, `{"field":`...)
		buf = errgenAppendString(buf, d.Field)
		buf = append(buf, `,"message":`...)
		buf = errgenAppendString(buf, d.Message)
		buf = append(buf, '}')
	}
	return append(buf, ']')
}

// errgenAppendValue appends a param value as JSON. Numbers are formatted
// as encoding/json formats them; NaN and infinities, which JSON cannot
// carry, become null.
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

// errgenAppendString appends s as a JSON string exactly as encoding/json
// writes it: <, > and & escaped for HTML, U+2028 and U+2029 escaped for
// JavaScript, invalid UTF-8 replaced by U+FFFD.
func errgenAppendString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
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
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}
