package spec

import (
	"strconv"
	"strings"
)

// The most common YAML mistake in a spec is a message template left
// unquoted: `message: {field} is required`. YAML reads a plain value that
// starts with "{" as a flow mapping, so the parser fails on the text that
// follows it ("did not find expected key"), or, when nothing follows,
// the value is a mapping where a string belongs. The helpers below find
// such a value on its source line, so that the problem can point at it
// and show it quoted.

// braceHint is the hint added to problems caused by an unquoted value
// that starts with "{"; value is the value as written, "" when unknown.
func braceHint(value string) string {
	if value == "" {
		return "a value that starts with { must be quoted"
	}
	return "a value that starts with { must be quoted: " + strconv.Quote(value)
}

// source finds the lines of a spec, for hints that quote it.
type source struct {
	data  []byte
	start []int // the offset of each line, computed on first use
}

// maxHintLine bounds the lines hints look at, so that a hostile spec's
// problems cost time in proportion to its size.
const maxHintLine = 4 << 10

// line returns line n (1-based) as runes, since YAML columns count
// characters; nil when there is no such line, or it is longer than
// maxHintLine bytes.
func (s *source) line(n int) []rune {
	if s.start == nil {
		s.start = []int{0}
		for i, c := range s.data {
			if c == '\n' {
				s.start = append(s.start, i+1)
			}
		}
	}
	if n < 1 || n > len(s.start) {
		return nil
	}
	end := len(s.data)
	if n < len(s.start) {
		end = s.start[n] - 1
	}
	l := s.data[s.start[n-1]:end]
	if len(l) > maxHintLine {
		return nil
	}
	return []rune(strings.TrimSuffix(string(l), "\r"))
}

// unquotedBrace looks at the line of a YAML syntax error for a value that
// starts with "{" and whose flow mapping closes before the error column
// with more text after it: `{field} is required`, `- {id}, {name}`. It
// returns the 1-based column of that "{" and the whole value as written,
// up to the end of the line (or, inside a flow collection, up to the
// next "," or the collection's end).
func unquotedBrace(line []rune, errCol int) (col int, value string, ok bool) {
	depth := 0 // flow collections open at i
	for i := 0; i < len(line) && i < errCol-1; i++ {
		c := line[i]
		switch {
		case c == '#' && (i == 0 || isBlank(line[i-1])):
			return col, value, ok
		case (c == '"' || c == '\'') && valueStart(line, i):
			i = quoteEnd(line, i)
		case c == '{' && valueStart(line, i):
			end := closing(line, i)
			if end < 0 {
				return col, value, ok
			}
			// What may follow a flow mapping: a comment, the ":" of a
			// complex key and, in a flow collection, "," or its end.
			follows := "#:"
			if depth > 0 {
				follows = "#:,}]"
			}
			if next := nextNonBlank(line, end+1); end < errCol-1 && next < len(line) && !strings.ContainsRune(follows, line[next]) {
				col, value, ok = i+1, valueText(line, i, depth > 0), true
				i = end
				continue
			}
			depth++
		case c == '[' && valueStart(line, i):
			depth++
		case (c == '}' || c == ']') && depth > 0:
			depth--
		}
	}
	return col, value, ok
}

// flowMappingText returns the flow mapping that starts at column col
// (1-based) of line as written, from "{" to its "}", or "" when it does
// not close on that line.
func flowMappingText(line []rune, col int) string {
	i := col - 1
	if i < 0 || i >= len(line) || line[i] != '{' {
		return ""
	}
	end := closing(line, i)
	if end < 0 {
		return ""
	}
	return string(line[i : end+1])
}

// valueStart reports whether the character at i begins a YAML value: it
// follows the line's indentation, "- ", "? ", ": " or a flow indicator.
func valueStart(line []rune, i int) bool {
	k := i - 1
	for k >= 0 && isBlank(line[k]) {
		k--
	}
	if k < 0 {
		return true
	}
	switch line[k] {
	case '[', '{', ',':
		return true
	case ':', '-', '?':
		return k < i-1 && (line[k] == ':' || k == 0 || isBlank(line[k-1]))
	}
	return false
}

// closing returns the index of the "}" or "]" that closes the flow
// collection opened at i, or -1.
func closing(line []rune, i int) int {
	depth := 0
	for j := i; j < len(line); j++ {
		switch c := line[j]; {
		case (c == '"' || c == '\'') && valueStart(line, j):
			j = quoteEnd(line, j)
		case c == '#' && isBlank(line[j-1]):
			return -1
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// quoteEnd returns the index of the quote that closes the quoted scalar
// opened at i, or the end of the line. A doubled single quote escapes one
// in single quotes, a backslash escapes in double quotes.
func quoteEnd(line []rune, i int) int {
	q := line[i]
	for j := i + 1; j < len(line); j++ {
		switch {
		case q == '"' && line[j] == '\\':
			j++
		case line[j] == q && q == '\'' && j+1 < len(line) && line[j+1] == '\'':
			j++
		case line[j] == q:
			return j
		}
	}
	return len(line)
}

// valueText is the plain value that starts at i: the rest of the line
// without a comment or, in a flow collection, up to the next "," or the
// collection's end.
func valueText(line []rune, i int, inFlow bool) string {
	end := len(line)
	depth := 0
	for j := i; j < len(line); j++ {
		c := line[j]
		if c == '#' && isBlank(line[j-1]) {
			end = j
			break
		}
		if !inFlow {
			continue
		}
		switch {
		case c == '{' || c == '[':
			depth++
		case (c == '}' || c == ']') && depth > 0:
			depth--
		case c == ',' && depth == 0, c == '}' || c == ']':
			end = j
		}
		if end == j {
			break
		}
	}
	return strings.TrimRight(string(line[i:end]), " \t")
}

func nextNonBlank(line []rune, i int) int {
	for i < len(line) && isBlank(line[i]) {
		i++
	}
	return i
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' }
