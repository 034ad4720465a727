package docs

import "strconv"

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
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
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
