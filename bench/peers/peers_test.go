// Package peers measures errgen's generated package beside peer error
// libraries, each doing the same thing in the same run.
package peers

import (
	"testing"

	kratos "github.com/go-kratos/kratos/v2/errors"

	apierr "github.com/errgen/errgen/internal/gen/testdata/bench"
)

// plainErr is the least an error with a code, a status and a message can
// be: one struct, the message built by concatenation.
type plainErr struct {
	code   string
	status int
	msg    string
}

func (e *plainErr) Error() string { return e.msg }

var (
	sinkErr   error
	benchName = "name" // a variable, so the message is built at run time
)

// TestSameError checks that the three constructors carry the same status
// and message.
func TestSameError(t *testing.T) {
	e := apierr.NewValidationFailedFieldMissing(benchName)
	k := kratos.NotFound("VALIDATION_FAILED", benchName+" is required")
	p := &plainErr{"validation_failed", 404, benchName + " is required"}
	if e.Message != p.msg || k.Message != p.msg || int(k.Code) != p.status {
		t.Fatalf("errgen %q, kratos %d %q, plain %d %q", e.Message, k.Code, k.Message, p.status, p.msg)
	}
}

// BenchmarkNew constructs an error whose message interpolates one value:
// errgen's generated constructor with one param (golden/basic's
// validation_failed, variant field_missing), Kratos's errors.NotFound with
// a reason and the message, a literal of the generated Error type with the
// same values (what no constructor of this Error can beat), and a plain
// struct.
func BenchmarkNew(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = apierr.NewValidationFailedFieldMissing(benchName)
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = kratos.NotFound("VALIDATION_FAILED", benchName+" is required")
		}
	})
	// The floor of any constructor of this API: the generated Error
	// type's literal with the same values, no params (the Error struct
	// alone, whose exported fields are the API, and the message).
	b.Run("error_literal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = &apierr.Error{Code: apierr.CodeValidationFailed, Status: 400, Title: "Validation failed", Message: benchName + " is required", Variant: "field_missing"}
		}
	})
	b.Run("plain_struct", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = &plainErr{"validation_failed", 404, benchName + " is required"}
		}
	})
}
