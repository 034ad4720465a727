package spec

import (
	"errors"
	"strings"
)

// templatePart is a parsed piece of a message template before parameters
// are resolved: literal text, or a placeholder name.
type templatePart struct {
	literal string
	param   string // non-empty for a placeholder
}

// parseTemplate parses a message template: "{name}" is a placeholder, "{{"
// and "}}" are literal braces. Adjacent literal text is merged.
func parseTemplate(s string) ([]templatePart, error) {
	var parts []templatePart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, templatePart{literal: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{' && i+1 < len(s) && s[i+1] == '{':
			lit.WriteByte('{')
			i++
		case c == '}' && i+1 < len(s) && s[i+1] == '}':
			lit.WriteByte('}')
			i++
		case c == '{':
			end := strings.IndexByte(s[i+1:], '}')
			if end < 0 {
				return nil, errors.New("unclosed placeholder: \"{\" without \"}\" (write \"{{\" for a literal brace)")
			}
			name := s[i+1 : i+1+end]
			if !validName(name) {
				return nil, errors.New("placeholder {" + name + "} is not a parameter name (letters, digits and _; write \"{{\" for a literal brace)")
			}
			flush()
			parts = append(parts, templatePart{param: name})
			i += end + 1
		case c == '}':
			return nil, errors.New("unmatched \"}\" (write \"}}\" for a literal brace)")
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return parts, nil
}
