package docs

import (
	"bytes"
	"strconv"
	"strings"
)

// Most text of a large catalog is plain prose: titles, messages, status
// texts and one-line descriptions of letters, digits, spaces and a little
// punctuation, which every escaper returns as it is. plainProse finds such
// text in one pass, so that the escapers skip their work for it
// (TestPlainProseUnchanged and FuzzPlainProse hold each escaper to that).

// plainProse reports whether s is one line of printable ASCII that
// escapeText, escapeLinkText, markdownInlineAs and markdownBlockAs all
// return unchanged: letters, digits, inner single spaces and , ; ? ' "
// ( ) . - and _ (between letters or digits) in places where none can start a list or a heading, end a
// hard break or begin a link (no "www.", no ":" or "@").
func plainProse(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	lead := true // only digits so far
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			continue
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c == ' ':
			if s[i-1] == ' ' {
				return false
			}
			if lead {
				return false // "1 " and what follows could read as a list
			}
			continue
		case c == ',' || c == ';' || c == '?' || c == '\'' || c == '"' || c == '(':
		case c == '.' || c == ')':
			if lead { // "1." or "1)" starts an ordered list
				return false
			}
			if c == '.' && i >= 3 && (s[i-1]|0x20) == 'w' && (s[i-2]|0x20) == 'w' && (s[i-3]|0x20) == 'w' {
				return false // www. begins a link
			}
		case c == '-':
			if i == 0 {
				return false
			}
		case c == '_': // between letters or digits: no emphasis
			if i == 0 || i+1 == len(s) || !asciiAlnum(s[i-1]) || !asciiAlnum(s[i+1]) {
				return false
			}
		default:
			return false
		}
		lead = false
	}
	return true
}

func asciiAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// plainJSON is the JSON string of s when encoding/json writes it with no
// escapes (printable ASCII but for " \ < > &).
func plainJSON(s string) ([]byte, bool) {
	if !plainJSONText(s) {
		return nil, false
	}
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), true
}

// plainJSONText reports whether encoding/json writes s with no escapes.
func plainJSONText(s string) bool {
	return printableASCII(s) && !strings.ContainsAny(s, "\"\\<>&")
}

// plainJSONValue is the JSON of the scalars encoding/json writes in one
// obvious way: integers, booleans and plain strings.
func plainJSONValue(v any) ([]byte, bool) {
	switch x := v.(type) {
	case string:
		return plainJSON(x)
	case int64:
		return strconv.AppendInt(nil, x, 10), true
	case int:
		return strconv.AppendInt(nil, int64(x), 10), true
	case bool:
		return strconv.AppendBool(nil, x), true
	}
	return nil, false
}

// indentJSON writes the compact JSON src to dst as json.Indent(dst, src,
// "", "  ") does, and reports whether it could: src must be one JSON
// value with no white space outside strings. Anything else (white space,
// invalid JSON) leaves dst as it was, for json.Indent to write or refuse.
func indentJSON(dst *bytes.Buffer, src []byte) bool {
	start := dst.Len()
	depth := 0
	newline := func() {
		dst.WriteByte('\n')
		for range depth {
			dst.WriteString("  ")
		}
	}
	// expect: what may come next. value: a value; key: a string key or,
	// after "{", "}"; colon; next: "," or the closing bracket.
	const (
		value = iota
		key
		colon
		next
	)
	var stack []byte // the open brackets
	state := value
	fail := func() bool { dst.Truncate(start); return false }
	for i := 0; i < len(src); {
		c := src[i]
		switch state {
		case value, key:
			if state == key && c != '"' && c != '}' {
				return fail()
			}
			switch {
			case c == '{' || c == '[':
				if i+1 < len(src) && src[i+1] == c+2 { // {} and [] stay as they are
					dst.Write(src[i : i+2])
					i += 2
					state = next
					continue
				}
				stack = append(stack, c)
				dst.WriteByte(c)
				depth++
				newline()
				i++
				if c == '{' {
					state = key
				}
				continue
			case c == '}' && state == key:
				return fail() // "{" then "}" is handled above; a "," then "}" is invalid
			case c == '"':
				end := jsonStringEnd(src, i)
				if end < 0 {
					return fail()
				}
				dst.Write(src[i:end])
				i = end
				if state == key {
					state = colon
				} else {
					state = next
				}
				continue
			default:
				end := jsonLiteralEnd(src, i)
				if end < 0 {
					return fail()
				}
				dst.Write(src[i:end])
				i = end
				state = next
				continue
			}
		case colon:
			if c != ':' {
				return fail()
			}
			dst.WriteString(": ")
			i++
			state = value
		case next:
			if len(stack) == 0 {
				return fail() // something after the value
			}
			open := stack[len(stack)-1]
			switch {
			case c == ',':
				dst.WriteByte(',')
				newline()
				i++
				state = value
				if open == '{' {
					state = key
				}
			case c == open+2:
				stack = stack[:len(stack)-1]
				depth--
				newline()
				dst.WriteByte(c)
				i++
			default:
				return fail()
			}
		}
	}
	if state != next || len(stack) > 0 {
		return fail()
	}
	return true
}

// jsonStringEnd returns the end of the JSON string at src[i], -1 when it
// is not one.
func jsonStringEnd(src []byte, i int) int {
	for j := i + 1; j < len(src); j++ {
		switch c := src[j]; {
		case c == '"':
			return j + 1
		case c < 0x20:
			return -1
		case c == '\\':
			j++
			if j >= len(src) {
				return -1
			}
			switch src[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(src) {
					return -1
				}
				for _, h := range src[j+1 : j+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return -1
					}
				}
				j += 4
			default:
				return -1
			}
		}
	}
	return -1
}

// jsonLiteralEnd returns the end of the number, true, false or null at
// src[i], -1 when there is none.
func jsonLiteralEnd(src []byte, i int) int {
	for _, w := range [...]string{"true", "false", "null"} {
		if bytes.HasPrefix(src[i:], []byte(w)) {
			return i + len(w)
		}
	}
	j := i
	if j < len(src) && src[j] == '-' {
		j++
	}
	digits := func() int {
		n := 0
		for j < len(src) && '0' <= src[j] && src[j] <= '9' {
			j++
			n++
		}
		return n
	}
	switch {
	case j < len(src) && src[j] == '0':
		j++
	case digits() == 0:
		return -1
	}
	if j < len(src) && src[j] == '.' {
		j++
		if digits() == 0 {
			return -1
		}
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		j++
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if digits() == 0 {
			return -1
		}
	}
	return j
}
