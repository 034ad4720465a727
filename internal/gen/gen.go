// Package gen renders the Go package of an errgen spec: error codes,
// sentinels, constructors and the HTTP mappers.
package gen

import (
	"errors"

	"github.com/errgen/errgen/internal/model"
)

// Go renders the generated Go file for s.
func Go(s *model.Spec) ([]byte, error) {
	return nil, errors.New("gen: not implemented yet")
}
