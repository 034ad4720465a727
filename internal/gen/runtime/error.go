package runtime

import (
	"net/http"
	"unsafe"
)

// Error is an error of the catalog, or an error response that FromResponse
// could not identify. Values made by the New functions, Lookup and
// FromResponse are fresh: change them freely. The Err variables are shared
// sentinels for errors.Is: never modify them. (Nothing the package writes
// or looks up is read from them: assigning to a sentinel's fields changes
// no response, no Lookup result and no decoded error.)
//
// Every method accepts a nil *Error, as held in a non-nil error interface
// (a typed nil): Error returns "<nil>", Is reports false, Unwrap and
// Param find nothing, and Wrap and WithDetails return an error without a
// code, which WriteError writes as the internal error.
type Error struct {
	// Code is the stable machine-readable code, as sent on the wire.
	// Decoding maps aliases to the canonical code. It is the zero Code
	// ("", or 0 for integer codes) for a response that carried no code.
	Code Code
	// Status is the HTTP status.
	Status int
	// Title is the short constant summary of the code.
	Title string
	// Message is the client-facing message, rendered from its template.
	Message string
	// Params are the error's parameters in declaration order, each value
	// typed as the spec declares it (string, int, int64, float64, bool,
	// or a slice of one of them). A constructor sets the params its
	// message uses and the data params (sent beside the message); a
	// variant carries only the params its message uses and the data
	// params; an optional param is there once set with its With method
	// (or read from a response that carried it).
	Params []Param
	// Details are field-level problems, for errors that allow them, in
	// the catalog's detail shape.
	Details []Detail
	// RetryAfter is how many seconds to wait before retrying; 0 when unset.
	RetryAfter int
	// Variant is the name of the message variant, or "" for the main
	// message.
	Variant string
	// Body is the raw response body (at most 64 KiB) of a response
	// FromResponse could not identify; nil otherwise.
	Body []byte

	cause error
	entry *errgenEntry // the catalog error it was made as; nil when unknown
}

// Param is one parameter: its name in the spec and its typed value.
type Param struct {
	Name  string
	Value any
}

// Error returns "code: message", followed by ": cause" when the error wraps
// one. The cause's text is for logs; WriteError never sends it. A nil
// *Error returns "<nil>".
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Message
	if e.Code != errgenNoCode {
		s = errgenCodeText(e.Code) + ": " + s
	}
	if e.cause != nil {
		s += ": " + errgenErrorText(e.cause)
	}
	return s
}

// errgenErrorText is err's text, for logs: err.Error(), or "<nil>" when that
// panics, as it does for a typed nil of most error types (a nil pointer
// whose Error method reads its fields), which fmt also prints as "<nil>".
func errgenErrorText(err error) (s string) {
	defer func() {
		if recover() != nil {
			s = "<nil>"
		}
	}()
	return err.Error()
}

// Unwrap returns the wrapped cause, or nil.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.cause
}

// Is reports whether target is an *Error with the same code, so that
// errors.Is(err, ErrX) holds for every error of code X (sentinels, values
// from the New functions, decoded responses, aliases included) without
// allocating. A sentinel's code is read from the catalog, not from the
// variable.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok || e == nil || t == nil {
		return false
	}
	code := errgenCode(t)
	return code != errgenNoCode && code == errgenCode(e)
}

// Wrap returns a copy of e that wraps cause, for errors.Unwrap and logs.
// WriteError never sends the cause's text; a 5xx error that wraps a cause
// is written as the internal error. On a nil *Error it returns an error
// without a code that wraps cause, written as the internal error.
func (e *Error) Wrap(cause error) *Error {
	c := errgenCopy(e)
	c.cause = cause
	return c
}

// WithDetails returns a copy of e with details appended to its Details.
// On a nil *Error it returns an error without a code, written as the
// internal error.
func (e *Error) WithDetails(details ...Detail) *Error {
	c := errgenCopy(e)
	c.Details = append(append([]Detail(nil), c.Details...), details...)
	return c
}

// Param returns the value of the named parameter.
func (e *Error) Param(name string) (any, bool) {
	if e == nil {
		return nil, false
	}
	for _, p := range e.Params {
		if p.Name == name {
			return p.Value, true
		}
	}
	return nil, false
}

// CodeOf returns the code of the first *Error in err's chain, or the zero
// Code when there is none. It does not allocate.
func CodeOf(err error) Code {
	return errgenCode(errgenFind(err))
}

// StatusOf returns the HTTP status of the first *Error in err's chain:
// 500 for any other error, 200 for nil. It does not allocate.
func StatusOf(err error) int {
	if err == nil {
		return http.StatusOK
	}
	e := errgenFind(err)
	if s := errgenSentinel(e); s != nil {
		return int(s.status)
	}
	switch {
	case e == nil:
	case e.Status != 0:
		return e.Status
	}
	return http.StatusInternalServerError
}

// Lookup returns a fresh error of a code or alias, as its sentinel was
// generated. The code is its text on the wire: for integer codes, its
// decimal digits ("20404").
func Lookup(code string) (*Error, bool) {
	ent := errgenIndex(code)
	if ent == nil {
		return nil, false
	}
	return errgenFresh(ent), true
}

// errgenFresh returns a fresh error of a catalog entry, as its sentinel
// was generated: the values come from the catalog, never from the
// sentinel variable, which a program may have changed.
func errgenFresh(ent *errgenEntry) *Error {
	e := new(Error)
	errgenFill(e, ent)
	return e
}

// errgenFill sets e to a catalog entry's sentinel values.
func errgenFill(e *Error, ent *errgenEntry) {
	*e = Error{Code: ent.code, Status: int(ent.status), Title: ent.title, Message: ent.sentinelMessage(), RetryAfter: int(ent.retryAfter), entry: ent}
}

// errgenCopy returns a copy of e (of a zero Error when e is nil), taking a
// sentinel's values from the catalog.
func errgenCopy(e *Error) *Error {
	if e == nil {
		return new(Error)
	}
	if s := errgenSentinel(e); s != nil {
		return errgenFresh(s)
	}
	c := *e
	return &c
}

// errgenSentinel returns the catalog entry of e when e is one of the
// package's Err variables, else nil. It knows them by address, as
// elements of errgenSentinels (register), so that whatever a program
// assigns to a sentinel, a whole Error value included, the package still
// takes its values from the catalog.
func errgenSentinel(e *Error) *errgenEntry {
	off := uintptr(unsafe.Pointer(e)) - uintptr(unsafe.Pointer(&errgenSentinels))
	if e == nil || off >= unsafe.Sizeof(errgenSentinels) {
		return nil
	}
	if k := int(off / unsafe.Sizeof(Error{})); k < len(errgenCatalog) {
		return errgenCatalog[k]
	}
	return nil
}

// errgenNoCode is the zero Code: no code.
var errgenNoCode Code

// errgenCode is e's code, a sentinel's from the catalog; the zero Code
// for nil.
func errgenCode(e *Error) Code {
	if e == nil {
		return errgenNoCode
	}
	if s := errgenSentinel(e); s != nil {
		return s.code
	}
	return e.Code
}

// errgenFind walks err's chain (errors.Unwrap and errors.Join trees, depth
// first) to the first *Error, without allocating; nil when there is none
// or it is a nil *Error.
func errgenFind(err error) *Error {
	for err != nil {
		switch x := err.(type) {
		case *Error:
			return x
		case interface{ Unwrap() error }:
			err = errgenUnwrap(x)
		case interface{ Unwrap() []error }:
			for _, u := range errgenUnwrapAll(x) {
				if e := errgenFind(u); e != nil {
					return e
				}
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

// errgenUnwrap is x.Unwrap(), or nil when that panics, as it may for a
// typed nil: the chain ends there.
func errgenUnwrap(x interface{ Unwrap() error }) (err error) {
	defer func() {
		if recover() != nil {
			err = nil
		}
	}()
	return x.Unwrap()
}

// errgenUnwrapAll is x.Unwrap(), or nil when that panics.
func errgenUnwrapAll(x interface{ Unwrap() []error }) (errs []error) {
	defer func() {
		if recover() != nil {
			errs = nil
		}
	}()
	return x.Unwrap()
}

// errgenResolve returns the catalog entry of e: its own when it came from
// this package, else the one of its code; nil when it is not a catalog
// error.
func errgenResolve(e *Error) *errgenEntry {
	if s := errgenSentinel(e); s != nil {
		return s
	}
	if e.entry != nil && e.entry.code == e.Code {
		return e.entry
	}
	if e.Code == errgenNoCode {
		return nil
	}
	return errgenIndex(errgenCodeText(e.Code))
}

// errgenWith returns a copy of e with the param that one of names names
// set to v, where e's error declares it as a param sent beside the
// message (optional or data) of v's type; an unchanged copy otherwise.
// The generated With methods call it.
func errgenWith(e *Error, v any, names ...string) *Error {
	c := errgenCopy(e)
	ent := errgenResolve(c)
	if ent == nil {
		return c
	}
	ec := ent.c()
	for j, name := range ec.params {
		if ent.role(j) == 'm' || !ec.fits(j, v) {
			continue
		}
		for _, n := range names {
			if n == name {
				c.Params = errgenSetParam(c.Params, ent, j, v)
				return c
			}
		}
	}
	return c
}

// errgenSetParam returns a new params slice with entry's param j set to
// v, in declaration order.
func errgenSetParam(params []Param, ent *errgenEntry, j int, v any) []Param {
	name := ent.c().params[j]
	out := make([]Param, 0, len(params)+1)
	done := false
	for _, p := range params {
		if p.Name == name {
			if !done {
				out = append(out, Param{Name: name, Value: v})
				done = true
			}
			continue
		}
		if !done && errgenParamIndex(ent, p.Name) > j {
			out = append(out, Param{Name: name, Value: v})
			done = true
		}
		out = append(out, p)
	}
	if !done {
		out = append(out, Param{Name: name, Value: v})
	}
	return out
}

// errgenParamIndex is the declaration index of a param of ent, or one
// past the last for a name it does not declare.
func errgenParamIndex(ent *errgenEntry, name string) int {
	params := ent.c().params
	for j, n := range params {
		if n == name {
			return j
		}
	}
	return len(params)
}

// errgenIsKind reports whether v is a value of a param kind: a scalar,
// or with list set, a slice of one.
func errgenIsKind(v any, kind byte, list bool) bool {
	switch v.(type) {
	case string:
		return !list && kind == 's'
	case int:
		return !list && kind == 'i'
	case int64:
		return !list && kind == 'I'
	case float64:
		return !list && kind == 'f'
	case bool:
		return !list && kind == 'b'
	case []string:
		return list && kind == 's'
	case []int:
		return list && kind == 'i'
	case []int64:
		return list && kind == 'I'
	case []float64:
		return list && kind == 'f'
	case []bool:
		return list && kind == 'b'
	}
	return false
}
