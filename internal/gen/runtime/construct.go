package runtime

import (
	"strconv"
	"unsafe"
)

// errgenNew returns a new error of ent with message v (0 the main
// message, k the k-th variant) rendered with args, the values of the
// params that message's constructor takes (errgenTemplate.args), in
// order: what every New function returns.
//
// It allocates twice: the message (not for a constant one), and one
// block holding the Error, its Params and the params' values. A param's
// Value is an interface whose data is that block's copy of the value, so
// the arguments, which do not escape, are boxed on the caller's stack.
// (A list, the one kind of value a constructor can be given that is not
// a scalar, is boxed on its own.)
func errgenNew(ent *errgenEntry, v int, args ...any) *Error {
	c := ent.c()
	t := &c.messages[v]
	e, params, slots := errgenAlloc(len(args))
	e.Code, e.Status, e.Title, e.RetryAfter, e.Variant, e.entry = ent.code, int(ent.status), ent.title, int(ent.retryAfter), t.variant, ent
	for k := range args {
		if k < len(t.args) {
			params[k].Name = c.params[t.args[k]]
		}
		errgenSet(&params[k].Value, &slots[k], args[k])
	}
	if len(args) > 0 {
		e.Params = params
	}
	if len(t.params) == 0 {
		e.Message = t.lits[0]
		return e
	}
	var buf [128]byte
	b := append(buf[:0], t.lits[0]...)
	for n, k := range t.at {
		if k >= 0 && k < len(args) {
			b = errgenAppendRaw(b, args[k])
		}
		b = append(b, t.lits[n+1]...)
	}
	e.Message = string(b)
	return e
}

// errgenAlloc returns a new Error with room for n params and their
// values: for up to four params, one allocation holds them all.
func errgenAlloc(n int) (*Error, []Param, []errgenSlot) {
	switch n {
	case 1:
		b := new(struct {
			e Error
			p [1]Param
			s [1]errgenSlot
		})
		return &b.e, b.p[:], b.s[:]
	case 2:
		b := new(struct {
			e Error
			p [2]Param
			s [2]errgenSlot
		})
		return &b.e, b.p[:], b.s[:]
	case 3:
		b := new(struct {
			e Error
			p [3]Param
			s [3]errgenSlot
		})
		return &b.e, b.p[:], b.s[:]
	case 4:
		b := new(struct {
			e Error
			p [4]Param
			s [4]errgenSlot
		})
		return &b.e, b.p[:], b.s[:]
	}
	return new(Error), make([]Param, n), make([]errgenSlot, n) // none for 0
}

// errgenSet sets *dst to a param value v, kept in slot (errgenSlot.put)
// when it is a scalar and slot is not nil, else copied into an interface
// of its own; v itself does not escape.
func errgenSet(dst *any, slot *errgenSlot, v any) {
	if slot == nil || !errgenEfaceOK || !slot.put(dst, v) {
		*dst = errgenCopyValue(v)
	}
}

// errgenNew1 to errgenNew4 are errgenNew for the constructors of one to
// four params: a constructor is then a plain call, and the boxing of its
// arguments is compiled once per shape of param types rather than in
// every constructor, which makes a large catalog quicker to compile.
//
//go:noinline
func errgenNew1[A any](ent *errgenEntry, v int, a A) *Error {
	return errgenNew(ent, v, a)
}

//go:noinline
func errgenNew2[A, B any](ent *errgenEntry, v int, a A, b B) *Error {
	return errgenNew(ent, v, a, b)
}

//go:noinline
func errgenNew3[A, B, C any](ent *errgenEntry, v int, a A, b B, c C) *Error {
	return errgenNew(ent, v, a, b, c)
}

//go:noinline
func errgenNew4[A, B, C, D any](ent *errgenEntry, v int, a A, b B, c C, d D) *Error {
	return errgenNew(ent, v, a, b, c, d)
}

// errgenSlot holds one param value of a constructed or decoded error: a
// string, or the bits of an int, int64, float64 or bool, written and read
// as that type through the same address.
type errgenSlot struct {
	s string
	n uint64
}

// errgenEface is the layout of an interface value: its type, and a
// pointer to its value.
type errgenEface struct {
	typ, data unsafe.Pointer
}

// errgenTypeOf is the type word of an interface holding v.
func errgenTypeOf(v any) unsafe.Pointer {
	return (*errgenEface)(unsafe.Pointer(&v)).typ
}

// The type words of the scalar param types.
var (
	errgenTypeString  = errgenTypeOf("")
	errgenTypeInt     = errgenTypeOf(0)
	errgenTypeInt64   = errgenTypeOf(int64(0))
	errgenTypeFloat64 = errgenTypeOf(0.0)
	errgenTypeBool    = errgenTypeOf(false)
)

// errgenEfaceOK reports whether interfaces of every scalar param type
// are laid out as errgenEface describes, as every Go release has laid
// them out so far; should a later release lay them out otherwise,
// constructors fall back to ordinary boxing (one allocation per value)
// rather than write a layout that is not there.
var errgenEfaceOK = errgenCheckEface()

// errgenCheckEface checks that layout without reading through a word it
// has not shown to be a type word: the first word of the interfaces the
// compiler makes must be the same for two values of a type and differ
// between the types; then an interface written by put, whose data word
// points at a slot, must equal the compiler's. (Were a type's values
// kept in the data word itself, that comparison would take the slot's
// address for the value, and fail, without reading through it.)
func errgenCheckEface() bool {
	pairs := [...][2]any{{"x", "yy"}, {7, 1000}, {int64(7), int64(1000)}, {0.5, 2.5}, {false, true}}
	if unsafe.Sizeof(pairs[0][0]) != unsafe.Sizeof(errgenEface{}) {
		return false
	}
	var types [len(pairs)]unsafe.Pointer
	for k, p := range pairs {
		t := errgenTypeOf(p[0])
		if t == nil || t != errgenTypeOf(p[1]) {
			return false
		}
		for _, other := range types[:k] {
			if t == other {
				return false
			}
		}
		types[k] = t
	}
	for _, p := range pairs {
		var s0, s1 errgenSlot
		var v0, v1 any
		if !s0.put(&v0, p[0]) || !s1.put(&v1, p[1]) || v0 != p[0] || v1 != p[1] || v0 == p[1] {
			return false
		}
	}
	return true
}

// put copies a scalar v into the slot and writes *dst as an interface of
// v's type whose data is the slot's copy; false for another type. (A
// list, or any value when interfaces are not laid out as put writes
// them, is stored as a copy of its own: errgenCopyValue.)
func (s *errgenSlot) put(dst *any, v any) bool {
	var typ, data unsafe.Pointer
	switch x := v.(type) {
	case string:
		s.s = x
		typ, data = errgenTypeString, unsafe.Pointer(&s.s)
	case int:
		*(*int)(unsafe.Pointer(&s.n)) = x
		typ, data = errgenTypeInt, unsafe.Pointer(&s.n)
	case int64:
		*(*int64)(unsafe.Pointer(&s.n)) = x
		typ, data = errgenTypeInt64, unsafe.Pointer(&s.n)
	case float64:
		*(*float64)(unsafe.Pointer(&s.n)) = x
		typ, data = errgenTypeFloat64, unsafe.Pointer(&s.n)
	case bool:
		*(*bool)(unsafe.Pointer(&s.n)) = x
		typ, data = errgenTypeBool, unsafe.Pointer(&s.n)
	default:
		return false
	}
	*(*errgenEface)(unsafe.Pointer(dst)) = errgenEface{typ: typ, data: data}
	return true
}

// errgenCopyValue returns a param's value as an interface of its own,
// leaving v where it is (v may be on the caller's stack).
func errgenCopyValue(v any) any {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return x
	case int64:
		return x
	case float64:
		return x
	case bool:
		return x
	case []string:
		return x
	case []int:
		return x
	case []int64:
		return x
	case []float64:
		return x
	case []bool:
		return x
	}
	return nil
}

// errgenAppendRaw appends a scalar param value as messages show it:
// strings as they are, numbers in strconv's shortest form.
func errgenAppendRaw(b []byte, v any) []byte {
	switch x := v.(type) {
	case string:
		return append(b, x...)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case int64:
		return strconv.AppendInt(b, x, 10)
	case float64:
		return strconv.AppendFloat(b, x, 'g', -1, 64)
	case bool:
		return strconv.AppendBool(b, x)
	}
	return b
}
