// Package docs renders the Markdown error reference of an errgen spec.
package docs

import (
	"errors"
	"io/fs"

	"github.com/errgen/errgen/internal/model"
)

// Render renders the reference pages. overrides, when not nil, holds
// template files that replace the embedded ones by name.
func Render(s *model.Spec, overrides fs.FS) ([]model.File, error) {
	return nil, errors.New("docs: not implemented yet")
}
