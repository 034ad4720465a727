package openapi

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// encode writes the merged tree in the document's own format and layout.
func (m *merger) encode() ([]byte, error) {
	if m.json {
		var buf bytes.Buffer
		m.keep.write(&buf, m.root, jsonIndent(m.src), "")
		buf.WriteByte('\n')
		return buf.Bytes(), nil
	}
	out, err := encodeMerged(m.src, m.doc, detectYAMLStyle(m.src), pieceNodes)
	if err == nil && bytes.HasPrefix(m.src, []byte("---")) && !bytes.HasPrefix(out, []byte("---")) {
		out = append([]byte("---\n"), out...) // the encoder drops an explicit document start
	}
	return out, err
}

// pieceNodes is the size (in nodes) from which a subtree errgen added to
// a document is encoded on its own.
const pieceNodes = 16

// sectionEntries is how many entries make a large errgen mapping a
// section (such as components.schemas), cut into one piece per entry
// rather than encoded as one (a variable for the tests).
var sectionEntries = 16

// encodeMerged writes the merged document with the YAML encoder and puts
// back the team's layout (blank lines, spacing before comments). The
// encoder's cost grows faster than the document, so the subtrees errgen
// added of pieceNodes nodes or more are each encoded on their own, at
// their depth, and spliced into the rest: the bytes are the same as one
// encoder call over the whole tree (the merge tests compare the two).
func encodeMerged(src []byte, doc *yaml.Node, st yamlStyle, minPiece int) ([]byte, error) {
	quoteYAML11(doc) // errgen's text YAML 1.1 would misread, quoted in every piece
	var pieces []piece
	if !bytes.Contains(src, []byte(placeholderPrefix)) { // else a placeholder could be the team's text
		cutPieces(doc.Content[0], 0, minPiece, &pieces)
	}
	// Encode the rest with a placeholder in each piece's place.
	for i, p := range pieces {
		p.parent.Content[p.index] = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: placeholder(i)}
	}
	var buf bytes.Buffer
	err := encodeYAML(&buf, doc, st)
	var out []byte
	if err == nil {
		out, err = restoreBlankLines(src, doc, buf.Bytes())
	}
	for _, p := range pieces {
		p.parent.Content[p.index] = p.value
	}
	if err != nil {
		return nil, err
	}
	out = restoreCommentGaps(src, doc, out)
	if len(pieces) == 0 {
		return out, nil
	}
	var spliced bytes.Buffer
	spliced.Grow(len(out))
	for line := range strings.Lines(string(out)) {
		i, ok := placeholderIn(line)
		if !ok {
			spliced.WriteString(line)
			continue
		}
		p := pieces[i]
		if err := writeEntry(&spliced, p.depth, p.parent.Content[p.index-1], p.value, st); err != nil {
			return nil, err
		}
	}
	return spliced.Bytes(), nil
}

// piece is a subtree encoded on its own: the value at parent.Content[index],
// depth mappings down from the top.
type piece struct {
	parent *yaml.Node
	index  int
	value  *yaml.Node
	depth  int
}

// cutPieces finds the pieces under the mapping m (at depth): values errgen
// added (their key has no source line) of at least minPiece nodes, and
// every entry of a large errgen section (such as components.schemas),
// which is descended into instead of being one piece. Only mappings are
// descended into, so a piece's depth is the number of mappings above it.
func cutPieces(m *yaml.Node, depth, minPiece int, out *[]piece) {
	cutIn(m, depth, minPiece, false, out)
}

func cutIn(m *yaml.Node, depth, minPiece int, ours bool, out *[]piece) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.MappingNode || v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0 || hasComments(k) || k.Kind != yaml.ScalarNode {
			continue
		}
		if k.Line > 0 {
			cutIn(v, depth+1, minPiece, false, out)
			continue
		}
		size := countNodes(v)
		switch {
		case size >= 4*minPiece && len(v.Content) > 2*sectionEntries:
			cutIn(v, depth+1, minPiece, true, out)
		case size >= minPiece || ours:
			*out = append(*out, piece{parent: m, index: i + 1, value: v, depth: depth})
		}
	}
}

func countNodes(n *yaml.Node) int {
	c := 1
	for _, x := range n.Content {
		c += countNodes(x)
	}
	return c
}

const placeholderPrefix = "errgen-piece-"

func placeholder(i int) string { return placeholderPrefix + strconv.Itoa(i) }

// placeholderIn reports which piece a line of the encoded rest stands for.
func placeholderIn(line string) (int, bool) {
	line = strings.TrimRight(line, "\n")
	at := strings.LastIndex(line, ": "+placeholderPrefix)
	if at < 0 {
		return 0, false
	}
	i, err := strconv.Atoi(line[at+2+len(placeholderPrefix):])
	return i, err == nil
}

// treeJSON is the merged YAML document written as JSON, for validation:
// kin-openapi reads JSON many times faster than YAML. It is nil for JSON
// documents, validated as written, and for documents using YAML merge
// keys (<<), which JSON cannot express.
func (m *merger) treeJSON() []byte {
	if m.json || bytes.Contains(m.src, []byte("<<")) {
		return nil
	}
	var buf bytes.Buffer
	writeJSON(&buf, m.root, "", "")
	if !json.Valid(buf.Bytes()) { // numbers JSON has no form for, such as .inf
		return nil
	}
	return buf.Bytes()
}

// detectYAMLStyle reads the indentation of a YAML document: the first
// indented line gives the step, and a sequence item at its key's
// indentation means the compact sequence style.
func detectYAMLStyle(src []byte) yamlStyle {
	st := yamlStyle{indent: 2}
	prevIndent, prevKey, foundIndent := -1, false, false
	for _, line := range strings.Split(string(src), "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		ind := len(line) - len(trimmed)
		if !foundIndent && ind > 0 && ind <= 9 {
			st.indent, foundIndent = max(ind, 2), true
		}
		if prevKey && strings.HasPrefix(trimmed, "- ") && ind == prevIndent {
			st.compact = true
		}
		prevIndent, prevKey = ind, strings.HasSuffix(strings.TrimRight(trimmed, " "), ":")
	}
	return st
}

// jsonIndent is the indentation step of a JSON document: the leading
// white space of its first indented line, or "" for one-line JSON.
func jsonIndent(src []byte) string {
	for _, line := range strings.Split(string(src), "\n")[1:] {
		trimmed := strings.TrimLeft(line, " \t")
		if trimmed != "" {
			return line[:len(line)-len(trimmed)]
		}
	}
	return ""
}

// writeJSON writes a node tree as JSON, keys in tree order, indented by
// step ("" writes one line).
func writeJSON(buf *bytes.Buffer, n *yaml.Node, step, indent string) {
	(*jsonSource)(nil).write(buf, n, step, indent)
}

func writeJSONList(buf *bytes.Buffer, open, close byte, n int, step, indent string, item func(i int, inner string)) {
	buf.WriteByte(open)
	if n == 0 {
		buf.WriteByte(close)
		return
	}
	inner := indent + step
	for i := range n {
		if i > 0 {
			buf.WriteByte(',')
		}
		if step != "" {
			buf.WriteString("\n" + inner)
		}
		item(i, inner)
	}
	if step != "" {
		buf.WriteString("\n" + indent)
	}
	buf.WriteByte(close)
}

func writeJSONScalar(buf *bytes.Buffer, n *yaml.Node) {
	switch n.Tag {
	case "!!int", "!!float", "!!bool":
		buf.WriteString(n.Value)
	case "!!null":
		buf.WriteString("null")
	default:
		writeJSONString(buf, n.Value)
	}
}

// writeJSONString quotes a string as encoding/json does, but leaves <, >
// and & as they are: this is a document, not HTML.
func writeJSONString(buf *bytes.Buffer, s string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	buf.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// restoreBlankLines puts back the blank lines the team left between
// entries of their document, which the YAML encoder drops. Each mapping
// key that had a blank line (ignoring its head comment) right above it in
// src gets one again above it (and its head comment) in out.
func restoreBlankLines(src []byte, doc *yaml.Node, out []byte) ([]byte, error) {
	srcLines := strings.Split(string(src), "\n")
	var spaced []*yaml.Node
	walkKeys(doc, func(k *yaml.Node) {
		if k.Line > 0 && blankAbove(srcLines, k.Line-commentLines(k)) {
			spaced = append(spaced, k)
		}
	})
	if len(spaced) == 0 {
		return out, nil
	}
	// Find where each of those keys landed in out: parse it again and walk
	// both trees side by side (they have the same shape).
	var again yaml.Node
	if err := yaml.Load(out, &again); err != nil {
		return nil, err
	}
	outLine := map[*yaml.Node]int{}
	pairKeys(doc, &again, func(orig, written *yaml.Node) { outLine[orig] = written.Line - commentLines(written) })
	lines := strings.Split(string(out), "\n")
	blank := map[int]bool{}
	for _, k := range spaced {
		if l := outLine[k]; l > 1 && !blankAbove(lines, l) {
			blank[l] = true
		}
	}
	var b strings.Builder
	for i, line := range lines {
		if blank[i+1] {
			b.WriteString("\n")
		}
		b.WriteString(line)
		if i < len(lines)-1 {
			b.WriteString("\n")
		}
	}
	return []byte(b.String()), nil
}

// restoreCommentGaps puts back the spacing the team left before trailing
// comments ("limit:  # 1..100"), which the YAML encoder writes as one
// space. A line of out gets its source's spacing when its text and
// comment are those of a source line with a trailing comment; text and
// comments that appear with different spacings in the source are left
// as written.
func restoreCommentGaps(src []byte, doc *yaml.Node, out []byte) []byte {
	srcLines := strings.Split(string(src), "\n")
	type lineKey struct{ text, comment string }
	gaps := map[lineKey]string{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if c := n.LineComment; c != "" && n.Line > 0 && n.Line <= len(srcLines) && !strings.Contains(c, "\n") {
			line := srcLines[n.Line-1]
			if i := strings.LastIndex(line, c); i > 0 {
				text := strings.TrimRight(line[:i], " \t")
				k := lineKey{strings.TrimSpace(text), c}
				if g, seen := gaps[k]; seen && g != line[len(text):i] {
					gaps[k] = "" // spaced differently in different places
				} else if !seen {
					gaps[k] = line[len(text):i]
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
	if len(gaps) == 0 {
		return out
	}
	lines := strings.Split(string(out), "\n")
	for li, line := range lines {
		for i := strings.Index(line, " #"); i >= 0; {
			text, comment := strings.TrimRight(line[:i], " \t"), line[i+1:]
			if g := gaps[lineKey{strings.TrimSpace(text), comment}]; g != "" {
				lines[li] = text + g + comment
				break
			}
			next := strings.Index(line[i+2:], " #")
			if next < 0 {
				break
			}
			i += 2 + next
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// commentLines counts the lines of a key's head comment.
func commentLines(k *yaml.Node) int {
	if k.HeadComment == "" {
		return 0
	}
	return strings.Count(k.HeadComment, "\n") + 1
}

// blankAbove reports whether the line above line (1-based) is blank.
func blankAbove(lines []string, line int) bool {
	return line >= 2 && line-2 < len(lines) && strings.TrimSpace(lines[line-2]) == ""
}

// walkKeys calls f for every mapping key under n that came from the
// source (errgen's own nodes have no line).
func walkKeys(n *yaml.Node, f func(*yaml.Node)) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			f(n.Content[i])
		}
	}
	for _, c := range n.Content {
		walkKeys(c, f)
	}
}

// pairKeys walks two trees of the same shape and calls f for each pair of
// mapping keys.
func pairKeys(a, b *yaml.Node, f func(a, b *yaml.Node)) {
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return
	}
	if a.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(a.Content); i += 2 {
			f(a.Content[i], b.Content[i])
		}
	}
	for i := range a.Content {
		pairKeys(a.Content[i], b.Content[i], f)
	}
}

// writeEntry writes the mapping entry k: v depth block mappings down,
// exactly as the encoder writes it inside the whole document: with
// fastYAML when the layout is fastYAML's and it can, else with the
// encoder, nested under depth stand-in keys whose lines are then dropped
// (the lines of a mapping's values do not depend on its key).
func writeEntry(buf *bytes.Buffer, depth int, k, v *yaml.Node, st yamlStyle) error {
	if st == (yamlStyle{indent: 2}) && writeFast(buf, k, v, 2*depth) {
		return nil
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{k, v}}
	for range depth {
		n = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str("k"), n}}
	}
	var out bytes.Buffer
	if err := encodeYAML(&out, n, st); err != nil {
		return err
	}
	text := out.Bytes()
	for range depth {
		text = text[bytes.IndexByte(text, '\n')+1:]
	}
	buf.Write(text)
	return nil
}
