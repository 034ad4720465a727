package runtime

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

var constructed *Error

// TestConstructorAllocs checks what a New function costs: one
// allocation for the Error, its Params and their values, one for a
// message with params, and the values typed as the spec declares them.
func TestConstructorAllocs(t *testing.T) {
	field, big := "name", int64(1)<<40
	cases := []struct {
		name   string
		new    func() *Error
		allocs float64
		params []Param
		msg    string
	}{
		{"constant message", NewInvalidAPIKey, 1, nil, "Invalid API Key"},
		{"one string", func() *Error { return NewMissingField(field) }, 2,
			[]Param{{Name: "field", Value: "name"}}, "name is required"},
		{"variant", func() *Error { return NewMissingFieldEmpty(field) }, 2,
			[]Param{{Name: "field", Value: "name"}}, "name must not be empty"},
		{"int and int64", func() *Error { return NewTooManyItems(300, big) }, 2,
			[]Param{{Name: "max", Value: 300}, {Name: "count", Value: big}}, "At most 300 items are allowed, got 1099511627776"},
		{"float64 and bool", func() *Error { return NewRateLimited(0.25, true) }, 2,
			[]Param{{Name: "ratio", Value: 0.25}, {Name: "retry", Value: true}}, "Used 0.25 of the quota; retry: true"},
		{"four", func() *Error { return NewWindowConflict("x", "y", 1, big) }, 2,
			[]Param{{Name: "a", Value: "x"}, {Name: "b", Value: "y"}, {Name: "from", Value: int64(1)}, {Name: "to", Value: big}},
			"x overlaps y from 1 to 1099511627776"},
		{"three, a variant", func() *Error { return NewWindowConflictOpenEnded("x", "y", 2) }, 2,
			[]Param{{Name: "a", Value: "x"}, {Name: "b", Value: "y"}, {Name: "from", Value: int64(2)}}, "x overlaps y from 2"},
	}
	for _, c := range cases {
		e := c.new()
		if !reflect.DeepEqual(e.Params, c.params) || e.Message != c.msg {
			t.Errorf("%s: %q %#v, want %q %#v", c.name, e.Message, e.Params, c.msg, c.params)
		}
		if n := testing.AllocsPerRun(100, func() { constructed = c.new() }); n > c.allocs {
			t.Errorf("%s: %v allocations, want at most %v", c.name, n, c.allocs)
		}
	}
	// Values are each error's own: a second error does not change the
	// first one's params.
	a, b := NewMissingField("a"), NewMissingField("b")
	if v, _ := a.Param("field"); v != "a" {
		t.Errorf("first error's param is %v after a second one", v)
	}
	if v, _ := b.Param("field"); v != "b" {
		t.Errorf("second error's param is %v", v)
	}
}

// TestEfaceLayout checks the layout box writes interfaces in against the
// compiler's own interfaces, and that the fallback for another layout
// boxes the same values.
func TestEfaceLayout(t *testing.T) {
	if !errgenEfaceOK {
		t.Fatal("interfaces are not laid out as errgenEface describes: constructors box through the fallback")
	}
	values := []any{"s", 42, int64(-7), 0.5, true, []string{"a"}, []int{1}}
	for _, fallback := range []bool{false, true} {
		errgenEfaceOK = !fallback
		for _, v := range values {
			var s errgenSlot
			var got any
			if !errgenEfaceOK || !s.put(&got, v) {
				got = errgenCopyValue(v)
			}
			if !reflect.DeepEqual(got, v) || reflect.TypeOf(got) != reflect.TypeOf(v) {
				t.Errorf("fallback %v: box(%#v) = %#v", fallback, v, got)
			}
		}
		e := NewTooManyItems(300, 1<<40)
		if v, _ := e.Param("count"); v != int64(1<<40) || e.Message != "At most 300 items are allowed, got 1099511627776" {
			t.Errorf("fallback %v: %v, %q", fallback, v, e.Message)
		}
	}
	errgenEfaceOK = true
}

// TestDecodedParamsAllocs checks what FromResponse spends on params: the
// Error, its Params and their values come in one allocation, so reading
// an error whose params are numbers and bools costs no more allocations
// than reading one without params; the values are typed as the spec
// declares them and each error's own.
func TestDecodedParamsAllocs(t *testing.T) {
	big := int64(1) << 40
	replay := func(e *Error) func() *Error {
		rec := httptest.NewRecorder()
		WriteError(rec, httptest.NewRequest("GET", "/x", nil), e)
		body := rec.Body.Bytes()
		resp := &http.Response{StatusCode: rec.Code, Header: rec.Header()}
		var rd bytes.Reader
		return func() *Error {
			rd.Reset(body)
			resp.Body = io.NopCloser(&rd)
			var got *Error
			errors.As(FromResponse(resp), &got)
			return got
		}
	}
	none := replay(NewInvalidAPIKey())
	base := testing.AllocsPerRun(100, func() { none() })
	for _, c := range []struct {
		e      *Error
		params []Param
	}{
		{NewTooManyItems(300, big), []Param{{Name: "max", Value: 300}, {Name: "count", Value: big}}},
		{NewRateLimited(0.25, true), []Param{{Name: "ratio", Value: 0.25}, {Name: "retry", Value: true}}},
	} {
		decode := replay(c.e)
		got := decode()
		if got == nil || !reflect.DeepEqual(got.Params, c.params) || got.Message != c.e.Message {
			t.Fatalf("%s: decoded as %#v", c.e.Code, got)
		}
		if n := testing.AllocsPerRun(100, func() { decode() }); n > base {
			t.Errorf("%s: %v allocations, %v for an error without params", c.e.Code, n, base)
		}
		again := decode()
		again.Params[0].Value = nil
		if !reflect.DeepEqual(got.Params, c.params) {
			t.Errorf("%s: a second decoded error shares the first one's params", c.e.Code)
		}
	}
}

// TestDecodeBuffersOnStack checks, with the compiler's escape analysis,
// that the buffers FromResponse lends to message matching stay on its
// stack: were one moved to the heap, every response decoded would pay an
// allocation for it, params or not.
func TestDecodeBuffersOnStack(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the package with -gcflags=-m")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goBin, "build", "-gcflags=-m", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, buffer := range []string{"decode.go: moved to heap: buf", "match.go: moved to heap: at"} {
		file, what, _ := strings.Cut(buffer, ": ")
		for line := range strings.Lines(string(out)) {
			if strings.Contains(line, file+":") && strings.HasSuffix(strings.TrimSpace(line), what) {
				t.Errorf("%s", strings.TrimSpace(line))
			}
		}
	}
}
