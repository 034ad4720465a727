package spec

import "testing"

func TestLoadBasicGolden(t *testing.T) {
	s, err := Load("../../golden/basic/errors.yaml", "golden/basic/errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Errors) != 7 || s.Internal == nil || !s.Internal.BuiltIn {
		t.Fatalf("got %d errors, internal %+v", len(s.Errors), s.Internal)
	}
	if got := s.Errors[0].GoName; got != "InvalidAPIKey" {
		t.Errorf("GoName = %q", got)
	}
	if got := s.Errors[2].Message.Example; got != "name is invalid: must be a string" {
		t.Errorf("example = %q", got)
	}
}
