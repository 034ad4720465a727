package openapi

import (
	"errors"

	"github.com/errgen/errgen/internal/model"
)

type merger struct {
	notes []string
}

func newMerger(s *model.Spec, docName string, doc []byte) (*merger, error) {
	return nil, errors.New("openapi: merge not implemented yet")
}

func (m *merger) merge() error            { return nil }
func (m *merger) encode() ([]byte, error) { return nil, nil }
