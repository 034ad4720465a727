// Package openapi renders the OpenAPI fragment of an errgen spec and merges
// it into a team's own OpenAPI document.
package openapi

import (
	"errors"

	"github.com/errgen/errgen/internal/model"
)

// Fragment renders the standalone OpenAPI document describing every error.
func Fragment(s *model.Spec) ([]byte, error) {
	return nil, errors.New("openapi: not implemented yet")
}

// Merge merges s's error components and responses into the OpenAPI
// document doc (YAML or JSON, named docName in messages) and returns the
// merged document and notes for the user (hand-written responses left
// alone, and so on).
func Merge(s *model.Spec, docName string, doc []byte) (out []byte, notes []string, err error) {
	return nil, nil, errors.New("openapi: merge not implemented yet")
}
