package runtime

import (
	"crypto/rand"
	"net/http"
)

// errgenMaxRequestID is the most bytes of a request id taken from a
// request.
const errgenMaxRequestID = 128

// errgenRequestID returns the request id of r: the value of the request
// header named by response.request_id.header (its first value), with
// every byte outside [A-Za-z0-9] and -_.:@/+= dropped and cut at 128
// bytes; a fresh random id (UUID version 4 text) when the header is
// absent or nothing of it is left. It is "" when the spec has no
// response.request_id. A nil r gets a fresh id. It takes linear time in
// the header's length, and allocates only for a value it had to change
// or a fresh id. For a header value used as it is, v is a header value
// slice holding just the id, shared with the request (its capacity is
// 1, so appending to it never writes into the request's header); nil
// otherwise.
func errgenRequestID(r *http.Request) (id string, v []string) {
	name := errgenFormats[0].requestID
	if name == "" {
		return "", nil
	}
	if r != nil {
		if vs := r.Header[name]; len(vs) > 0 {
			if id := errgenCleanID(vs[0]); id != "" {
				if id == vs[0] {
					return id, vs[:1:1]
				}
				return id, nil
			}
		}
	}
	return errgenNewRequestID(), nil
}

// errgenIDByte reports whether c may appear in a request id.
func errgenIDByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == ':' || c == '@' || c == '/' || c == '+' || c == '='
}

// errgenCleanID returns v with the bytes a request id may not hold
// dropped, cut at errgenMaxRequestID bytes: v itself when it is already
// clean and short enough.
func errgenCleanID(v string) string {
	clean := len(v) <= errgenMaxRequestID
	for i := 0; clean && i < len(v); i++ {
		clean = errgenIDByte(v[i])
	}
	if clean {
		return v
	}
	var buf [errgenMaxRequestID]byte
	n := 0
	for i := 0; i < len(v) && n < len(buf); i++ {
		if c := v[i]; errgenIDByte(c) {
			buf[n] = c
			n++
		}
	}
	return string(buf[:n])
}

// errgenNewRequestID returns a fresh random request id: a version 4 UUID
// from crypto/rand, as text (8-4-4-4-12 lower-case hex digits).
func errgenNewRequestID() string {
	var u [16]byte
	_, _ = rand.Read(u[:]) // never fails (crypto/rand, Go 1.24 and later)
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	var out [36]byte
	n := 0
	for j, b := range u {
		if j == 4 || j == 6 || j == 8 || j == 10 {
			out[n] = '-'
			n++
		}
		out[n], out[n+1] = errgenHex[b>>4], errgenHex[b&0xf]
		n += 2
	}
	return string(out[:])
}
