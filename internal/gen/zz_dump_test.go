package gen

import (
	"os"
	"testing"

	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

func TestZZDump(t *testing.T) {
	s, err := spec.Parse("errors.yaml", testutil.SynthSpec(20))
	if err != nil {
		t.Fatal(err)
	}
	code, err := Go(s)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/size_synth20.go", code, 0o644)
	os.WriteFile("/tmp/size_synth20.yaml", testutil.SynthSpec(20), 0o644)
}
