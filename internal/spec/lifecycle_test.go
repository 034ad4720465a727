package spec

import (
	"testing"

	"github.com/errgen/errgen/internal/model"
)

// TestLifecycle checks that the lifecycle keys reach the model: versions
// as written, the sunset date, the replacement resolved to its error, and
// the positions of keys that errgen diff points at.
func TestLifecycle(t *testing.T) {
	src := `errgen: 1
go: {package: apierr}
errors:
  - code: quota_exceeded
    status: 429
    message: Quota exceeded
    since: 1.10
    deprecated: Use usage_limit_exceeded.
    sunset: 2027-06-30
    replaced_by: usage_limit_exceeded
  - code: usage_limit_exceeded
    status: 429
    message: "Limit {limit} exceeded"
    since: v1.4.0
    params:
      - {name: limit, type: int, since: "1.5"}
    variants:
      - {name: monthly, message: "Monthly limit {limit} exceeded", since: "1.6"}
reserved:
  - {code: stream_gone, since: "1.0", removed_in: "2.0"}
`
	s, err := Parse("errors.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	old, repl := s.Errors[0], s.Errors[1]
	if old.Since != "1.10" || old.Sunset != "2027-06-30" || old.ReplacedBy != repl {
		t.Errorf("deprecated error: since %q, sunset %q, replaced by %v", old.Since, old.Sunset, old.ReplacedBy)
	}
	if repl.Since != "v1.4.0" || repl.Params[0].Since != "1.5" || repl.Variants[0].Since != "1.6" || repl.ReplacedBy != nil {
		t.Errorf("replacement: since %q, param since %q, variant since %q", repl.Since, repl.Params[0].Since, repl.Variants[0].Since)
	}
	if r := s.Reserved[0]; r.Since != "1.0" || r.RemovedIn != "2.0" {
		t.Errorf("reserved: since %q, removed_in %q", r.Since, r.RemovedIn)
	}
	for key, want := range map[string]model.Pos{
		"status":  {File: "errors.yaml", Line: 5, Col: 13},
		"sunset":  {File: "errors.yaml", Line: 9, Col: 13},
		"unknown": old.Pos,
	} {
		if got := old.PosOf(key); got != want {
			t.Errorf("PosOf(%q) = %v, want %v", key, got, want)
		}
	}
	if got, want := s.PosOf("go.package"), (model.Pos{File: "errors.yaml", Line: 2, Col: 15}); got != want {
		t.Errorf("spec PosOf(go.package) = %v, want %v", got, want)
	}
	if got, want := s.PosOf("response.code_type"), (model.Pos{File: "errors.yaml"}); got != want {
		t.Errorf("spec PosOf(response.code_type) = %v, want %v", got, want)
	}
}
