package runtime

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// errgenValid reports whether body is one JSON object and nothing else,
// accepting exactly what encoding/json accepts, nested at most 64 levels,
// and returns the object without surrounding space. The lookups below
// read only objects it has accepted, in place, without building a tree.
func errgenValid(body []byte) ([]byte, bool) {
	p := errgenParser{b: body}
	p.space()
	start := p.i
	if p.i >= len(p.b) || p.b[p.i] != '{' || !p.skipValue(0) {
		return nil, false
	}
	end := p.i
	p.space()
	return body[start:end], p.i == len(p.b)
}

// errgenDoc is a valid body being decoded, FromResponse's view of it:
// it remembers the members of the objects it read last, as a decoder
// looks up many members of the same few objects (a format's code,
// message, params, type...), each of which would otherwise take a scan
// of the object (and, for a nested one, of its parents around it). Four
// objects are remembered: every path of a format crosses at most the
// body, a list's first element and two nested objects, so repeated
// lookups along one path read each object once. A nil *errgenDoc is no
// body: every lookup finds nothing.
type errgenDoc struct {
	root []byte
	memo [4]errgenObject
	last int // the memo slot to fill next
}

// errgenMemoMembers is how many members an object may have for its
// members to be remembered; a larger one is scanned for every lookup.
const errgenMemoMembers = 16

// errgenObject is an object of the body with its members' places: the
// key from its opening quote to after its closing one, then the value.
type errgenObject struct {
	obj     []byte
	n       int // members; -1 when there are more than fit
	members [errgenMemoMembers][4]int32
}

// at follows a member path from the body's object to a member's raw
// value (errgenAt).
func (d *errgenDoc) at(path []string) []byte {
	if d == nil {
		return nil
	}
	return d.from(d.root, path)
}

// errgenAt follows a member path from a valid value to a member's raw
// value; nil when absent. An empty path is the value itself. A list on
// the way is stepped into: the path goes on in its first element (the
// one-element lists of body templates, like JSON:API's errors).
func errgenAt(raw []byte, path []string) []byte {
	var d *errgenDoc // nothing remembered
	return d.from(raw, path)
}

// from is errgenAt, reading members through d.
func (d *errgenDoc) from(raw []byte, path []string) []byte {
	if path == nil {
		return nil
	}
	for _, name := range path {
		if len(raw) > 0 && raw[0] == '[' {
			raw = errgenFirst(raw)
		}
		raw = d.member(raw, name)
	}
	return raw
}

// member is errgenMember for an object of the body, read from memory
// when the object is one of the last four looked into.
func (d *errgenDoc) member(obj []byte, name string) []byte {
	o := d.object(obj)
	if o == nil {
		return errgenMember(obj, name)
	}
	for k := o.n - 1; k >= 0; k-- { // the last duplicate wins
		m := &o.members[k]
		if errgenKeyMatches(obj[m[0]:m[1]], name) {
			return obj[m[2]:m[3]]
		}
	}
	return nil
}

// object returns obj's remembered members, reading them when obj is not
// one of the last four objects; nil when obj is not an object or has too
// many members to remember.
func (d *errgenDoc) object(obj []byte) *errgenObject {
	if d == nil || len(obj) == 0 || obj[0] != '{' {
		return nil
	}
	for k := range d.memo {
		if o := &d.memo[k]; len(o.obj) == len(obj) && &o.obj[0] == &obj[0] {
			if o.n < 0 {
				return nil
			}
			return o
		}
	}
	o := &d.memo[d.last]
	d.last = (d.last + 1) % len(d.memo)
	o.obj, o.n = obj, 0
	it := errgenMembers{p: errgenParser{b: obj, i: 1}}
	for {
		kStart, kEnd, vStart, vEnd, ok := it.next()
		if !ok {
			return o
		}
		if o.n == len(o.members) {
			o.n = -1
			return nil
		}
		o.members[o.n] = [4]int32{int32(kStart), int32(kEnd), int32(vStart), int32(vEnd)}
		o.n++
	}
}

// errgenFirst returns the first element of a valid array, or nil.
func errgenFirst(arr []byte) []byte {
	p := errgenParser{b: arr, i: 1}
	p.space()
	start := p.i
	if p.i >= len(p.b) || p.b[p.i] == ']' {
		return nil
	}
	p.next()
	return p.b[start:p.i]
}

// errgenMember returns the raw value of the last member called name (as
// encoding/json, the last duplicate wins), or nil when obj is not an
// object or has no such member.
func errgenMember(obj []byte, name string) []byte {
	if len(obj) == 0 || obj[0] != '{' {
		return nil
	}
	var found []byte
	it := errgenMembers{p: errgenParser{b: obj, i: 1}}
	for {
		kStart, kEnd, vStart, vEnd, ok := it.next()
		if !ok {
			return found
		}
		if errgenKeyMatches(obj[kStart:kEnd], name) {
			found = obj[vStart:vEnd]
		}
	}
}

// errgenMembers walks the members of an object of a valid body, its
// parser just past the opening brace.
type errgenMembers struct {
	p errgenParser
}

// next returns the next member's places: its key from the opening quote
// to after the closing one, and its value; false after the last.
func (it *errgenMembers) next() (kStart, kEnd, vStart, vEnd int, ok bool) {
	p := &it.p
	p.space()
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return 0, 0, 0, 0, false
	}
	kStart = p.i
	p.next()
	kEnd = p.i
	p.space()
	p.i++ // :
	p.space()
	vStart = p.i
	p.next()
	vEnd = p.i
	p.space()
	if p.i < len(p.b) && p.b[p.i] == ',' {
		p.i++
	}
	return kStart, kEnd, vStart, vEnd, true
}

// errgenKeyMatches reports whether a raw key, quotes included, is name
// once decoded.
func errgenKeyMatches(raw []byte, name string) bool {
	if len(raw) < 2 {
		return false
	}
	key := raw[1 : len(raw)-1]
	return string(key) == name || (errgenNeedsDecoding(key) && errgenKeyIs(raw, name))
}

// errgenNeedsDecoding reports whether a raw key differs from its decoded
// form: it holds escapes or bytes that may be invalid UTF-8.
func errgenNeedsDecoding(key []byte) bool {
	for _, c := range key {
		if c == '\\' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// errgenKeyIs compares an escaped key with name.
func errgenKeyIs(raw []byte, name string) bool {
	q := errgenParser{b: raw}
	s, ok := q.str()
	return ok && s == name
}

// errgenString decodes a raw JSON string value.
func errgenString(raw []byte) (string, bool) {
	if len(raw) == 0 || raw[0] != '"' {
		return "", false
	}
	p := errgenParser{b: raw}
	return p.str()
}

// errgenIsNumber reports whether a raw value is a number.
func errgenIsNumber(raw []byte) bool {
	return len(raw) > 0 && (raw[0] == '-' || ('0' <= raw[0] && raw[0] <= '9'))
}

// errgenParser is a position in a body being read.
type errgenParser struct {
	b []byte
	i int
}

func (p *errgenParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// next moves past one value of a document errgenValid has accepted,
// without checking it again: strings end at the first quote after an
// even run of backslashes, composites at their matching bracket, other
// values at the next delimiter. Each byte is looked at a bounded number
// of times.
func (p *errgenParser) next() {
	if p.i >= len(p.b) {
		return
	}
	switch p.b[p.i] {
	case '"':
		p.nextString()
		return
	case '{', '[':
	default:
		for p.i < len(p.b) {
			switch p.b[p.i] {
			case ',', '}', ']', ':', ' ', '\t', '\n', '\r':
				return
			}
			p.i++
		}
		return
	}
	depth := 0
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case '"':
			p.nextString()
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				p.i++
				return
			}
		}
		p.i++
	}
}

// nextString moves past a string of an accepted document.
func (p *errgenParser) nextString() {
	p.i++ // "
	for {
		k := bytes.IndexByte(p.b[p.i:], '"')
		if k < 0 {
			p.i = len(p.b)
			return
		}
		p.i += k
		escaped := false
		for j := p.i - 1; j >= 0 && p.b[j] == '\\'; j-- {
			escaped = !escaped
		}
		p.i++
		if !escaped {
			return
		}
	}
}

// skipValue moves past one value, reporting whether it is valid JSON.
func (p *errgenParser) skipValue(depth int) bool {
	if depth > 64 || p.i >= len(p.b) {
		return false
	}
	switch c := p.b[p.i]; {
	case c == '{' || c == '[':
		return p.skipComposite(depth, c)
	case c == '"':
		return p.skipString()
	case c == '-' || ('0' <= c && c <= '9'):
		return p.skipNumber()
	}
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(p.b)-p.i >= len(lit) && string(p.b[p.i:p.i+len(lit)]) == lit {
			p.i += len(lit)
			return true
		}
	}
	return false
}

// skipComposite moves past an object or an array.
func (p *errgenParser) skipComposite(depth int, open byte) bool {
	closer := byte(']')
	if open == '{' {
		closer = '}'
	}
	p.i++
	p.space()
	if p.i < len(p.b) && p.b[p.i] == closer {
		p.i++
		return true
	}
	for {
		p.space()
		if open == '{' {
			if p.i >= len(p.b) || p.b[p.i] != '"' || !p.skipString() {
				return false
			}
			p.space()
			if p.i >= len(p.b) || p.b[p.i] != ':' {
				return false
			}
			p.i++
			p.space()
		}
		if !p.skipValue(depth + 1) {
			return false
		}
		p.space()
		if p.i >= len(p.b) {
			return false
		}
		switch p.b[p.i] {
		case ',':
			p.i++
		case closer:
			p.i++
			return true
		default:
			return false
		}
	}
}

// skipNumber moves past a number in JSON's grammar:
// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *errgenParser) skipNumber() bool {
	digits := func() int {
		n := 0
		for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.b[p.i] == '-' {
		p.i++
	}
	if p.i < len(p.b) && p.b[p.i] == '0' {
		p.i++
	} else if digits() == 0 {
		return false
	}
	if p.i < len(p.b) && p.b[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return false
		}
	}
	if p.i < len(p.b) && (p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		p.i++
		if p.i < len(p.b) && (p.b[p.i] == '+' || p.b[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}

// skipString moves past a string: no raw control characters, only
// JSON's escapes.
func (p *errgenParser) skipString() bool {
	p.i++ // "
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			return true
		case c < 0x20:
			return false
		case c == '\\':
			if _, ok := p.escape(); !ok {
				return false
			}
		default:
			p.i++
		}
	}
	return false
}

// str decodes a string, as encoding/json does: invalid UTF-8 and lone
// surrogates become U+FFFD.
func (p *errgenParser) str() (string, bool) {
	p.i++ // "
	start := p.i
	for p.i < len(p.b) {
		c := p.b[p.i]
		if c == '"' {
			s := string(p.b[start:p.i])
			p.i++
			return s, true
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		p.i++
	}
	out := append([]byte(nil), p.b[start:p.i]...)
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			return string(out), true
		case c < 0x20:
			return "", false
		case c == '\\':
			r, ok := p.escape()
			if !ok {
				return "", false
			}
			out = utf8.AppendRune(out, r)
		case c < utf8.RuneSelf:
			out = append(out, c)
			p.i++
		default:
			r, size := utf8.DecodeRune(p.b[p.i:])
			out = utf8.AppendRune(out, r) // RuneError for invalid bytes
			p.i += size
		}
	}
	return "", false
}

// escape reads one backslash escape, combining surrogate pairs; a lone
// surrogate becomes U+FFFD.
func (p *errgenParser) escape() (rune, bool) {
	if p.i+1 >= len(p.b) {
		return 0, false
	}
	c := p.b[p.i+1]
	p.i += 2
	switch c {
	case '"', '\\', '/':
		return rune(c), true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'u':
		r, ok := p.hex4()
		if !ok {
			return 0, false
		}
		if !utf16.IsSurrogate(r) {
			return r, true
		}
		if p.i+1 < len(p.b) && p.b[p.i] == '\\' && p.b[p.i+1] == 'u' {
			save := p.i
			p.i += 2
			if r2, ok := p.hex4(); ok {
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					return d, true
				}
			}
			p.i = save
		}
		return utf8.RuneError, true
	}
	return 0, false
}

func (p *errgenParser) hex4() (rune, bool) {
	if p.i+4 > len(p.b) {
		return 0, false
	}
	var r rune
	for _, c := range p.b[p.i : p.i+4] {
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	p.i += 4
	return r, true
}
