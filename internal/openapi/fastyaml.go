package openapi

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// fastYAML writes a node tree errgen built (block mappings and sequences
// of plain or single-quoted ASCII scalars, small flow sequences) exactly
// as the YAML encoder does with two-space indentation and no line
// wrapping, without the encoder's cost. It handles only what it can write
// byte for byte like the encoder; anything else (multi-line or non-ASCII
// text, text that needs double quotes, comments, nested sequences) makes
// it give up, and the caller encodes that piece with the encoder. The
// fragment tests compare the two on every golden case and on random text.
//
// Text that YAML 1.2 reads as a string but YAML 1.1 (PyYAML, SnakeYAML,
// Psych) reads as something else (yes, On, y, 1:20, 0x1F, 2001-12-14, <<,
// =) is single-quoted, by both: writeFast marks such scalars quoted
// (quoteYAML11) before writing, so that the encoder, given the same nodes
// when fastYAML gives up, quotes them too. The encoder alone would write
// them plain: it quotes YAML 1.1 words only in Go strings it is given,
// not in nodes.
type fastYAML struct {
	buf *bytes.Buffer
	ok  bool
}

// writeFast writes the mapping entry k: v at indent to buf and reports
// whether it could; when it could not, buf is as it was.
//
// It marks the strings of k and v that a YAML 1.1 reader would misread as
// single-quoted (quoteYAML11), whether or not it could write them.
func writeFast(buf *bytes.Buffer, k, v *yaml.Node, indent int) bool {
	quoteYAML11(k)
	quoteYAML11(v)
	start := buf.Len()
	w := fastYAML{buf: buf, ok: true}
	w.pair(k, v, indent, true)
	if !w.ok {
		buf.Truncate(start)
	}
	return w.ok
}

func (w *fastYAML) fail() { w.ok = false }

func (w *fastYAML) spaces(n int) { writeSpaces(w.buf, n) }

// pair writes key: value at indent; without writeIndent the caller has
// written what precedes the key (the "- " of a sequence item).
func (w *fastYAML) pair(k, v *yaml.Node, indent int, writeIndent bool) {
	if !w.ok {
		return
	}
	if k.Kind != yaml.ScalarNode || len(k.Value) > 100 || hasComments(k) {
		w.fail()
		return
	}
	if writeIndent {
		w.spaces(indent)
	}
	w.scalar(k)
	w.buf.WriteByte(':')
	w.value(v, indent, false)
}

// value writes a node after "key:" (inSeq false) or "- " (inSeq true).
func (w *fastYAML) value(v *yaml.Node, indent int, inSeq bool) {
	if !w.ok {
		return
	}
	if hasComments(v) || v.Anchor != "" {
		w.fail()
		return
	}
	sep := func() {
		if !inSeq {
			w.buf.WriteByte(' ')
		}
	}
	switch {
	case v.Kind == yaml.ScalarNode && v.Style == yaml.LiteralStyle:
		sep()
		w.literal(v, indent+2)
	case v.Kind == yaml.ScalarNode:
		sep()
		w.scalar(v)
		w.buf.WriteByte('\n')
	case v.Style&yaml.FlowStyle != 0:
		sep()
		w.flow(v)
		w.buf.WriteByte('\n')
	case len(v.Content) == 0:
		w.fail()
	case v.Kind == yaml.MappingNode:
		if inSeq {
			w.pair(v.Content[0], v.Content[1], indent+2, false)
		} else {
			w.buf.WriteByte('\n')
			w.pair(v.Content[0], v.Content[1], indent+2, true)
		}
		for i := 2; i+1 < len(v.Content); i += 2 {
			w.pair(v.Content[i], v.Content[i+1], indent+2, true)
		}
	case v.Kind == yaml.SequenceNode && !inSeq:
		w.buf.WriteByte('\n')
		for _, item := range v.Content {
			w.spaces(indent + 2)
			w.buf.WriteString("- ")
			w.value(item, indent+2, true)
		}
	default:
		w.fail()
	}
}

// flow writes a flow sequence of scalars.
func (w *fastYAML) flow(v *yaml.Node) {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		w.fail()
		return
	}
	w.buf.WriteByte('[')
	for i, item := range v.Content {
		if i > 0 {
			w.buf.WriteString(", ")
		}
		switch {
		case item.Kind == yaml.ScalarNode && item.Style == yaml.SingleQuotedStyle && effectiveTag(item) == "!!str" &&
			!hasComments(item) && singleQuotable(item.Value):
			w.single(item.Value)
		case item.Kind != yaml.ScalarNode || item.Style != 0 || hasComments(item):
			w.fail()
		case effectiveTag(item) != "!!str" && canonicalNonString(effectiveTag(item), item.Value):
			w.buf.WriteString(item.Value)
		case effectiveTag(item) != "!!str":
			w.fail()
		default:
			if !writeFlowStr(w.buf, item.Value) {
				w.fail()
			}
		}
	}
	w.buf.WriteByte(']')
}

// writeBlockStr writes a string scalar of no style of its own in block
// context as the encoder does: single-quoted when it would read as a
// number, plain when it can be, else single-quoted. It writes nothing
// and returns false for text it cannot be sure of.
func writeBlockStr(buf *bytes.Buffer, s string) bool {
	switch {
	case isInteger(s):
		writeSingle(buf, s)
	case blockPlain(s):
		buf.WriteString(s)
	case notPlain(s) && singleQuotable(s):
		writeSingle(buf, s)
	default:
		return false
	}
	return true
}

// writeFlowStr is writeBlockStr for an item of a flow sequence.
func writeFlowStr(buf *bytes.Buffer, s string) bool {
	switch {
	case flowPlain(s):
		buf.WriteString(s)
	case (notPlain(s) || strings.ContainsAny(s, flowIndicators)) && singleQuotable(s):
		writeSingle(buf, s)
	default:
		return false
	}
	return true
}

// flowIndicators are the characters that keep text from being plain in a
// flow collection.
const flowIndicators = ",?[]{}:"

// flowPlain reports whether s is written plain as a flow item.
func flowPlain(s string) bool {
	return blockPlain(s) && !strings.ContainsAny(s, flowIndicators)
}

func (w *fastYAML) single(s string) { writeSingle(w.buf, s) }

// writeSingle writes s single-quoted, its quotes doubled.
func writeSingle(buf *bytes.Buffer, s string) {
	buf.WriteByte('\'')
	if strings.IndexByte(s, '\'') < 0 {
		buf.WriteString(s)
	} else {
		buf.WriteString(strings.ReplaceAll(s, "'", "''"))
	}
	buf.WriteByte('\'')
}

// literal writes a literal block scalar (writeLiteral) for a string
// node.
func (w *fastYAML) literal(n *yaml.Node, indent int) {
	if effectiveTag(n) != "!!str" || !writeLiteral(w.buf, n.Value, indent) {
		w.fail()
	}
}

// writeLiteral writes v as a literal block scalar, its lines at indent,
// with the encoder's chomping indicator: "|-" without a final line
// break, "|" with one. It writes nothing and returns false unless v's
// lines are printable ASCII with no leading or trailing space, v is not
// empty, and it neither starts with a line break nor ends with two.
func writeLiteral(buf *bytes.Buffer, v string, indent int) bool {
	if v == "" || v[0] == '\n' || strings.HasSuffix(v, "\n\n") {
		return false
	}
	body, chomp := strings.CutSuffix(v, "\n")
	for line := range strings.SplitSeq(body, "\n") {
		if line != "" && (line[0] == ' ' || line[len(line)-1] == ' ') {
			return false
		}
		for i := 0; i < len(line); i++ {
			if line[i] < 0x20 || line[i] > 0x7e {
				return false
			}
		}
	}
	if chomp {
		buf.WriteString("|\n")
	} else {
		buf.WriteString("|-\n")
	}
	for line := range strings.SplitSeq(body, "\n") {
		if line != "" {
			writeSpaces(buf, indent)
			buf.WriteString(line)
		}
		buf.WriteByte('\n')
	}
	return true
}

// scalar writes a scalar in block context: plain where the encoder writes
// it plain, single-quoted where the encoder quotes it so, and quoted as
// asked when the node asks for quotes.
func (w *fastYAML) scalar(n *yaml.Node) {
	tag := effectiveTag(n)
	switch {
	case n.Style == yaml.DoubleQuotedStyle && tag == "!!str" && singleQuotable(n.Value) && !strings.ContainsAny(n.Value, `"\\`):
		w.buf.WriteByte('"')
		w.buf.WriteString(n.Value)
		w.buf.WriteByte('"')
	case n.Style == yaml.SingleQuotedStyle && tag == "!!str" && singleQuotable(n.Value):
		w.single(n.Value)
	case n.Style != 0:
		w.fail()
	case tag == "!!str":
		if !writeBlockStr(w.buf, n.Value) {
			w.fail()
		}
	case canonicalNonString(tag, n.Value):
		w.buf.WriteString(n.Value)
	default:
		w.fail()
	}
}

// effectiveTag is the tag a scalar is written with. The encoder clears
// the tags a value implies (quoting strings that would read as something
// else), so a node it has written before may have none; such a plain
// scalar is a boolean or number when it reads as one (in the canonical
// forms fastYAML writes), else a string.
func effectiveTag(n *yaml.Node) string {
	if n.Tag != "" || n.Style != 0 {
		return n.ShortTag()
	}
	switch v := n.Value; {
	case v == "true" || v == "false":
		return "!!bool"
	case isInteger(v):
		return "!!int"
	case canonicalNonString("!!float", v):
		return "!!float"
	}
	return "!!str"
}

func hasComments(n *yaml.Node) bool {
	return n.HeadComment != "" || n.LineComment != "" || n.FootComment != ""
}

// blockPlain reports whether the encoder writes s as a plain scalar in
// block context, conservatively: printable ASCII starting with a letter
// or one of _ $ / ( ^, or with a digit when it does not read as a number
// or timestamp (a UUID), with no indicator sequence a plain scalar may
// not hold, that does not read as a boolean or null (YAML 1.2: yes, no,
// on and off are strings).
func blockPlain(s string) bool {
	if s == "" || !isLetter(s[0]) && !strings.ContainsRune("_$/(^", rune(s[0])) && !(isDigit(s[0]) && !yaml12Number(s)) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e {
			return false
		}
		switch c {
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
		case '#':
			if s[i-1] == ' ' {
				return false
			}
		}
	}
	if s[len(s)-1] == ' ' {
		return false
	}
	switch len(s) { // would read as a boolean or null
	case 4:
		return !strings.EqualFold(s, "true") && !strings.EqualFold(s, "null")
	case 5:
		return !strings.EqualFold(s, "false")
	}
	return true
}

// yaml12Number reports whether the YAML encoder's resolver may read s,
// which starts with a digit, as something other than a string: an
// integer or float in any of the forms it parses (underscores dropped,
// 0x, 0o, 0b), or what starts like a timestamp (four digits and "-").
func yaml12Number(s string) bool {
	if len(s) > 4 && isDigits(s[:4]) && s[4] == '-' {
		return true
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return true
	}
	return yaml12Float.MatchString(plain)
}

// yaml12Float is the resolver's float form.
var yaml12Float = regexp.MustCompile(`^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$`)

// notPlain reports whether s holds an indicator that keeps the encoder
// from writing it plain in block context.
func notPlain(s string) bool {
	if s == "" {
		return false
	}
	if strings.IndexByte("#,[]{}&*!|>'\"%@`", s[0]) >= 0 {
		return true
	}
	if strings.IndexByte("-?:", s[0]) >= 0 && (len(s) == 1 || s[1] == ' ') {
		return true
	}
	return strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || strings.Contains(s, " #")
}

// singleQuotable reports whether the encoder writes s single-quoted: text
// it cannot write plain that holds only printable ASCII, with no leading
// or trailing space.
func singleQuotable(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// canonicalNonString reports whether a number or boolean (of tag) holds the
// form the encoder writes as it is: an integer, a decimal fraction, true
// or false.
func canonicalNonString(tag, v string) bool {
	switch tag {
	case "!!bool":
		return v == "true" || v == "false"
	case "!!int":
		return isInteger(v)
	case "!!float":
		whole, frac, ok := strings.Cut(v, ".")
		return ok && isInteger(whole) && frac != "" && isDigits(frac)
	}
	return false
}

func isInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && (s == "0" || s[0] != '0') && isDigits(s)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// quoteYAML11 marks every plain string scalar of n that a YAML 1.1 reader
// would read as another type as single-quoted, as the encoder writes such
// text when it is given a Go string. Only the scalars errgen made are
// marked (Line 0): a team's own text, read from its document, is written
// back as the team wrote it.
func quoteYAML11(n *yaml.Node) {
	switch {
	case n == nil:
	case n.Kind == yaml.ScalarNode:
		if n.Line == 0 && n.Style == 0 && yaml11NonString(n.Value) && effectiveTag(n) == "!!str" {
			n.Style = yaml.SingleQuotedStyle
		}
	default:
		for _, c := range n.Content {
			quoteYAML11(c)
		}
	}
}

// yaml11Implicit matches the plain scalars not starting with a letter
// that YAML 1.1's implicit types (https://yaml.org/type/) resolve to
// something other than a string (those starting with one are
// yaml11Words): int (binary, octal, decimal, hexadecimal, sexagesimal,
// with underscores), float (decimal, sexagesimal, .inf, .nan, in the form
// its readers apply: one point), null (~), merge (<<), value (=) and
// timestamp; and YAML 1.2's 0o octal. The empty string is null too, and
// never written plain.
var yaml11Implicit = regexp.MustCompile(`^(?:` +
	`[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+|0o[0-7]+` +
	`|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*` +
	`|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)` +
	`|~|<<|=` +
	`|[0-9]{4}-[0-9]{2}-[0-9]{2}` +
	`|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?` +
	`)$`)

// yaml11NonString reports whether a YAML 1.1 reader resolves the plain
// scalar s to a type other than string.
func yaml11NonString(s string) bool {
	if s == "" {
		return true
	}
	if !strings.ContainsRune("yYnNtTfFoO0123456789+-.~<=", rune(s[0])) || len(s) > 64 {
		return false
	}
	if c := s[0]; c >= 'A' && c <= 'z' {
		// Every such scalar that starts with a letter is a whole word
		// (most scalars errgen writes start with one), of at most five
		// letters: bool and null.
		return len(s) <= 5 && yaml11Words[s]
	}
	return yaml11Implicit.MatchString(s)
}

// yaml11Words are the plain scalars starting with a letter that YAML 1.1
// resolves to a bool or null.
var yaml11Words = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
	"n": true, "N": true, "no": true, "No": true, "NO": true,
	"true": true, "True": true, "TRUE": true, "false": true, "False": true, "FALSE": true,
	"on": true, "On": true, "ON": true, "off": true, "Off": true, "OFF": true,
	"null": true, "Null": true, "NULL": true,
}
