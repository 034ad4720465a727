package openapi

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
	"github.com/getkin/kin-openapi/openapi3"
)

// checkFragmentValid renders s's fragment in both OpenAPI versions and
// requires kin-openapi to accept it twice: the document as built in
// memory, and the written bytes loaded by a fresh loader (examples
// validated both times). Fragment itself does not validate: this is what
// proves its output.
func checkFragmentValid(t *testing.T, s *model.Spec) {
	t.Helper()
	orig := s.OpenAPI.Version
	defer func() { s.OpenAPI.Version = orig }()
	for _, version := range []string{"3.0.3", "3.1.0"} {
		s.OpenAPI.Version = version
		if err := validateDoc(buildComponents(s, version == "3.1.0").document()); err != nil {
			t.Fatalf("%s: the document built in memory is invalid: %v", version, err)
		}
		out, err := Fragment(s)
		if err != nil {
			t.Fatalf("%s: %v", version, err)
		}
		if err := validateBytes(out); err != nil {
			t.Fatalf("%s: the written fragment is invalid: %v", version, err)
		}
	}
}

// TestFragmentValidSynth: the synthetic catalogs the benchmarks measure
// (every feature a real catalog uses) render valid fragments.
func TestFragmentValidSynth(t *testing.T) {
	for _, n := range []int{1, 120} {
		s, err := spec.Parse("errors.yaml", testutil.SynthSpec(n))
		if err != nil {
			t.Fatal(err)
		}
		checkFragmentValid(t, s)
	}
}

// TestFragmentValidFlagship: the flagship spec's fragment is valid.
func TestFragmentValidFlagship(t *testing.T) {
	s, err := spec.Load(filepath.Join(testutil.Root(), "spec", "errors.yaml"), "spec/errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	checkFragmentValid(t, s)
}

// FuzzFragment feeds the loader arbitrary specs (seeded with every spec
// in the repository, the hostile ones included): whenever one loads, its
// fragment must render and be valid OpenAPI in both versions. `go test`
// runs the seeds; `go test -fuzz FuzzFragment ./internal/openapi`
// explores.
func FuzzFragment(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(testutil.Root(), "golden", "*", "errors.yaml"))
	seeds = append(seeds, filepath.Join(testutil.Root(), "spec", "errors.yaml"))
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := spec.Parse("errors.yaml", data)
		if err != nil {
			return
		}
		checkFragmentValid(t, s)
		checkTextMatchesNodes(t, "fuzz", s)
	})
}

// validateDoc resolves the references of a document errgen built in
// memory and validates it.
func validateDoc(doc *openapi3.T) error {
	if err := openapi3.NewLoader().ResolveRefsIn(doc, nil); err != nil {
		return err
	}
	return doc.Validate(validationContext(), validationOptions()...)
}

// validateBytes loads an OpenAPI document (YAML or JSON) the way a
// consumer would and validates it, examples included. References to
// other files are not followed.
func validateBytes(data []byte) error {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return err
	}
	return doc.Validate(validationContext(), validationOptions()...)
}
