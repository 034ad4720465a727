package runtime

import (
	"net/http"
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
	// Decoding maps aliases to the canonical code. It is empty for a
	// response that carried no code.
	Code Code
	// Status is the HTTP status.
	Status int
	// Title is the short constant summary of the code.
	Title string
	// Message is the client-facing message, rendered from its template.
	Message string
	// Params are the message parameters in declaration order, each value
	// typed as the spec declares it (string, int, int64, float64 or bool).
	// A variant carries only the params its message uses.
	Params []Param
	// Details are field-level problems, for errors that allow them.
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
	entry int // 1 + index into errgenCatalog; 0 when unknown
}

// Param is one message parameter: its name in the spec and its typed value.
type Param struct {
	Name  string
	Value any
}

// Detail is a field-level problem, sent in the error's details list.
type Detail struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error returns "code: message", followed by ": cause" when the error wraps
// one. The cause's text is for logs; WriteError never sends it. A nil
// *Error returns "<nil>".
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Message
	if e.Code != "" {
		s = string(e.Code) + ": " + s
	}
	if e.cause != nil {
		s += ": " + e.cause.Error()
	}
	return s
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
	return code != "" && code == errgenCode(e)
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

// Param returns the value of the named message parameter.
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

// CodeOf returns the code of the first *Error in err's chain, or "" when
// there is none. It does not allocate.
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
	switch {
	case e == nil:
	case errgenIsSentinel(e):
		return errgenCatalog[e.entry-1].status
	case e.Status != 0:
		return e.Status
	}
	return http.StatusInternalServerError
}

// Lookup returns a fresh error of a code or alias, as its sentinel was
// generated.
func Lookup(code string) (*Error, bool) {
	i := errgenIndex(code)
	if i < 0 {
		return nil, false
	}
	return errgenNew(i), true
}

// errgenNew returns a fresh error of catalog entry i, as its sentinel was
// generated: the values come from the catalog, never from the sentinel
// variable, which a program may have changed.
func errgenNew(i int) *Error {
	e := new(Error)
	errgenFill(e, i)
	return e
}

// errgenFill sets e to catalog entry i's sentinel values.
func errgenFill(e *Error, i int) {
	ent := &errgenCatalog[i]
	*e = Error{Code: ent.code, Status: ent.status, Title: ent.title, Message: ent.message, RetryAfter: ent.retryAfter, entry: i + 1}
}

// errgenCopy returns a copy of e (of a zero Error when e is nil), taking a
// sentinel's values from the catalog.
func errgenCopy(e *Error) *Error {
	switch {
	case e == nil:
		return new(Error)
	case errgenIsSentinel(e):
		return errgenNew(e.entry - 1)
	}
	c := *e
	return &c
}

// errgenIsSentinel reports whether e is one of the package's Err
// variables.
func errgenIsSentinel(e *Error) bool {
	return e.entry > 0 && e.entry <= len(errgenCatalog) && errgenCatalog[e.entry-1].sentinel == e
}

// errgenCode is e's code, a sentinel's from the catalog; "" for nil.
func errgenCode(e *Error) Code {
	switch {
	case e == nil:
		return ""
	case errgenIsSentinel(e):
		return errgenCatalog[e.entry-1].code
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
			err = x.Unwrap()
		case interface{ Unwrap() []error }:
			for _, u := range x.Unwrap() {
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

// errgenResolve returns the catalog index of e: its own when it came from
// this package, else the one of its code; -1 when it is not a catalog error.
func errgenResolve(e *Error) int {
	if e.entry > 0 && e.entry <= len(errgenCatalog) && (errgenCatalog[e.entry-1].sentinel == e || errgenCatalog[e.entry-1].code == e.Code) {
		return e.entry - 1
	}
	return errgenIndex(string(e.Code))
}
