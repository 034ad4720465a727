package apierr

// Constructing an error: the generated constructor with one param beside
// a hand-written plain struct that carries the same code, status and
// message (`make bench-gen`; bench/peers adds Kratos, `make bench-peers`).

import "testing"

// plainErr is the least an error with a code, a status and a message can
// be: one struct, the message built by concatenation.
type plainErr struct {
	code   string
	status int
	msg    string
}

func (e *plainErr) Error() string { return e.msg }

func newPlainFieldMissing(field string) *plainErr {
	return &plainErr{"validation_failed", 400, field + " is required"}
}

var (
	sinkErr   error
	benchName = "name" // a variable, so the message is built at run time
)

func TestConstructorsAgree(t *testing.T) {
	e, p := NewValidationFailedFieldMissing(benchName), newPlainFieldMissing(benchName)
	if e.Error() == "" || e.Message != p.msg || e.Status != p.status || string(e.Code) != p.code {
		t.Fatalf("generated %q %d %q, plain %q %d %q", e.Code, e.Status, e.Message, p.code, p.status, p.msg)
	}
}

// BenchmarkNew constructs validation_failed's field_missing variant,
// whose message interpolates its one param.
func BenchmarkNew(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = NewValidationFailedFieldMissing(benchName)
		}
	})
	b.Run("plain_struct", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = newPlainFieldMissing(benchName)
		}
	})
}
