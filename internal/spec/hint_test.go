package spec

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestUnquotedBrace checks which source lines of a YAML syntax error are
// blamed on an unquoted value that starts with "{", where, and the value
// the hint quotes.
func TestUnquotedBrace(t *testing.T) {
	for _, c := range []struct {
		line   string
		errCol int
		col    int // 0: no hint
		value  string
	}{
		{"    message: {field} is required", 22, 14, "{field} is required"},
		{"    message: {field} is required   # why", 22, 14, "{field} is required"},
		{"    message: {a}{b}", 17, 14, "{a}{b}"},
		{"    message: {a}, b", 17, 14, "{a}, b"},
		{"    message: {fïéld} ü is required", 22, 14, "{fïéld} ü is required"},
		{"      - {field} is empty", 17, 9, "{field} is empty"},
		{"      - {name: v, message: {q} is bad, description: x}", 32, 28, "{q} is bad"},
		{"      - {name: v, message: {q} is bad}", 32, 28, "{q} is bad"},
		{"    message: {{field}} x", 24, 14, "{{field}} x"},
		{`    message: {a} "quoted" tail`, 18, 14, `{a} "quoted" tail`},
		// No unquoted flow mapping followed by text before the error.
		{"    status: [401", 17, 0, ""},
		{`    message: "{field}" is required`, 24, 0, ""},
		{"    message: it's {field} here", 30, 0, ""},
		{"    params: [{name: field}]", 28, 0, ""},
		{"    example: {field: name} # {x} y", 40, 0, ""},
		{"    message: {field} is required", 14, 0, ""}, // the error is before it
		{"", 1, 0, ""},
	} {
		col, value, ok := unquotedBrace([]rune(c.line), c.errCol)
		if !ok {
			col, value = 0, ""
		}
		if col != c.col || value != c.value {
			t.Errorf("%q at column %d: got column %d, value %q; want %d, %q", c.line, c.errCol, col, value, c.col, c.value)
		}
	}
}

// FuzzUnquotedBrace checks that any line and column give either no hint
// or a hint at a "{" of the line whose value is a piece of the line that
// starts there.
func FuzzUnquotedBrace(f *testing.F) {
	f.Add("    message: {field} is required", 22)
	f.Add("      - {name: v, message: {q} is bad}", 32)
	f.Add(`x: {"a\"}" b', c} d`, 10)
	f.Fuzz(func(t *testing.T, line string, errCol int) {
		if !utf8.ValidString(line) {
			return
		}
		runes := []rune(line)
		col, value, ok := unquotedBrace(runes, errCol)
		if !ok {
			return
		}
		if col < 1 || col > len(runes) || runes[col-1] != '{' || col >= errCol {
			t.Fatalf("%q at %d: hint at column %d", line, errCol, col)
		}
		if !strings.HasPrefix(string(runes[col-1:]), value) || !strings.HasPrefix(value, "{") {
			t.Fatalf("%q at %d: value %q is not the line's from column %d", line, errCol, value, col)
		}
		_ = flowMappingText(runes, col)
	})
}
