package model

import (
	"strconv"
)

// Helpers the OpenAPI renderer asks of the model: the format an error is
// written in and what a code is on the wire (ErrorsOf and
// Template.Source, in docs.go, serve it too).

// FormatOf returns the format e is written in: its own, else the
// catalog's.
func (s *Spec) FormatOf(e *Error) *Response {
	if e.Format != nil {
		return e.Format
	}
	return &s.Response
}

// CodeValue is a code as $code writes it: an int64 for integer codes, the
// string otherwise.
func (s *Spec) CodeValue(code string) any {
	if s.CodeType == CodeInteger {
		if n, err := strconv.ParseInt(code, 10, 64); err == nil {
			return n
		}
	}
	return code
}
