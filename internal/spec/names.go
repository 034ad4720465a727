package spec

import (
	"github.com/errgen/errgen/internal/model"
	"go/token"
	"strings"
	"unicode"
)

// initialisms, splitWords and goName are the model's: one derivation of
// Go names for the loader and the renderers.
var initialisms = model.Initialisms

func splitWords(s string) []string { return model.SplitWords(s) }

func goName(s string) string { return model.GoIdent(s) }

// argName derives an unexported Go identifier for a constructor argument
// (room_id -> roomID), avoiding keywords, predeclared identifiers and the
// packages generated code imports.
func argName(s string) string {
	words := splitWords(s)
	if len(words) == 0 {
		return "v"
	}
	var b strings.Builder
	for i, w := range words {
		up := strings.ToUpper(w)
		switch {
		case i == 0 && initialisms[up]:
			b.WriteString(strings.ToLower(w))
		case initialisms[up]:
			b.WriteString(up)
		case i == 0:
			b.WriteString(strings.ToLower(w))
		default:
			rs := []rune(strings.ToLower(w))
			rs[0] = unicode.ToUpper(rs[0])
			b.WriteString(string(rs))
		}
	}
	name := b.String()
	if token.IsKeyword(name) || shadowed[name] {
		name += "Value"
	}
	return name
}

// shadowed are names a constructor argument must not take: predeclared
// identifiers and the imports of generated code.
var shadowed = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true, "clear": true,
	"close": true, "complex": true, "copy": true, "delete": true, "error": true, "false": true,
	"float32": true, "float64": true, "imag": true, "int": true, "int8": true, "int16": true,
	"int32": true, "int64": true, "iota": true, "len": true, "make": true, "max": true, "min": true,
	"new": true, "nil": true, "panic": true, "print": true, "println": true, "real": true,
	"recover": true, "rune": true, "string": true, "true": true, "uint": true, "uint8": true,
	"uint16": true, "uint32": true, "uint64": true, "uintptr": true, "complex64": true,
	"complex128": true, "comparable": true,
	"bytes": true, "errors": true, "fmt": true, "http": true, "io": true, "json": true,
	"math": true, "strconv": true, "strings": true, "sync": true, "time": true, "url": true,
	"utf8": true, "slices": true, "e": true, "err": true, "out": true, "buf": true,
}

// humanize turns a code into a title when the spec gives none:
// invalid_api_key -> "Invalid API key".
func humanize(code string) string {
	words := splitWords(code)
	for i, w := range words {
		up := strings.ToUpper(w)
		switch {
		case initialisms[up]:
			words[i] = up
		case i == 0:
			rs := []rune(strings.ToLower(w))
			rs[0] = unicode.ToUpper(rs[0])
			words[i] = string(rs)
		default:
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// isIdent reports whether s is a Go identifier that is not a keyword.
func isIdent(s string) bool {
	return token.IsIdentifier(s)
}

// isExported reports whether a Go identifier is exported.
func isExported(s string) bool {
	return token.IsExported(s)
}

// validCode reports whether s is a code: [A-Za-z0-9][A-Za-z0-9_.:-]*.
func validCode(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
		case i > 0 && (r == '_' || r == '.' || r == '-' || r == ':'):
		default:
			return false
		}
	}
	return true
}

// validGroupID reports whether s is a group id: [A-Za-z][A-Za-z0-9_.-]*.
func validGroupID(s string) bool {
	return s != "" && !strings.ContainsRune(s, ':') && validCode(s) && unicode.IsLetter(rune(s[0]))
}

// validName reports whether s is a param or variant name:
// [A-Za-z_][A-Za-z0-9_]*.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r < 128 && (unicode.IsLetter(r) || r == '_'):
		case i > 0 && r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return true
}

// anchor is the fragment id of an error's docs section: the code in lower
// case with dots turned into hyphens, which every docs site keeps as is.
func anchor(code string) string {
	return strings.ReplaceAll(strings.ToLower(code), ".", "-")
}
