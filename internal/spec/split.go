package spec

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"
)

// A large spec is parsed in pieces, concurrently: the YAML reader is
// most of the cost of loading, and the errors list, a block sequence of
// the top-level mapping, is most of a large spec. The list is cut at
// the lines where its entries start; the first piece is the document up
// to the first cut, and every other piece is read as a document of its
// own, "errors:" followed by its lines, whose nodes are then moved to
// their lines in the spec and appended to the first piece's list (the
// last piece's keys after the list to the top-level mapping). Each
// piece's entries are decoded as soon as it is parsed (decoded).
//
// A cut is where an entry starts only when the text before it ends in
// block context, outside any quoted scalar or flow collection: a piece
// that ends inside one does not parse (an unterminated quoted scalar or
// flow collection is a syntax error), and a plain or block scalar, or a
// nested block, cannot go on at a line indented no deeper than the list's
// own dashes. So when every piece parses, as one document, to the shape
// the cuts assume (checked below), the nodes are those of the whole
// document, position for position: the pieces parse the same text with
// the same state at each cut. Positions are the exception the YAML reader
// makes two of: the missing value of an explicit key ("? "), and the
// empty value of a one-pair mapping in a flow sequence ("[a:]"), are
// placed at a token read further on, which may be past a cut; a spec with
// either is parsed in one piece. So is a spec with anything else parsing
// in pieces cannot take: a piece that does not parse or has another
// shape, an anchor or alias after the first piece (an alias may refer
// across a cut), a directive, line breaks other than LF and CRLF
// (positions count lines by LF), a byte order mark. Parsed in one piece,
// as before, its problems are reported exactly as before. The tests and a
// fuzz target compare both ways.

// splitMinBytes is the size from which a spec is parsed in pieces.
var splitMinBytes = 256 << 10

// parseSplit parses data (the spec name) in at most parts pieces,
// concurrently, and decodes the entries of its errors list as each piece
// is parsed. ok is false when it cannot; the caller then parses data in
// one piece.
func parseSplit(name string, data []byte, parts int) (root *yaml.Node, pre *decoded, ok bool) {
	if parts < 2 || len(data) < splitMinBytes || !splittable(data) {
		return nil, nil, false
	}
	return parseCuts(name, data, errorCuts(data, parts))
}

// decoded is the errors list of a spec parsed in pieces, decoded as its
// pieces were parsed: the entries, the problems found, and what the walk
// charged to its budget (see walker.usePre).
type decoded struct {
	list     *yaml.Node
	errors   []*rawError
	probs    Problems
	visited  int
	hops     int
	overflow bool
}

// parseCuts parses data in pieces cut at cuts, concurrently.
func parseCuts(name string, data []byte, cuts []cut) (root *yaml.Node, pre *decoded, ok bool) {
	if len(cuts) == 0 {
		return nil, nil, false
	}
	n := len(cuts) + 1
	roots := make([]*yaml.Node, n)
	good := make([]bool, n)
	walkers := make([]*walker, n)
	entries := make([][]*rawError, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			var r io.Reader
			lineOffset := 0
			if i == 0 {
				r = bytes.NewReader(data[:cuts[0].offset])
			} else {
				end := len(data)
				if i < len(cuts) {
					end = cuts[i].offset
				}
				// The piece's first line, "errors:", stands for the lines
				// before the cut: its second line is the cut's.
				r = io.MultiReader(strings.NewReader("errors:\n"), bytes.NewReader(data[cuts[i-1].offset:end]))
				lineOffset = cuts[i-1].line - 2
			}
			roots[i], good[i] = parsePiece(r)
			if good[i] {
				good[i] = checkPiece(roots[i], i > 0, lineOffset, false)
			}
			if good[i] {
				walkers[i], entries[i] = decodePiece(name, data, roots[i], i == 0)
			}
		})
	}
	wg.Wait()
	if slices.Contains(good, false) {
		return nil, nil, false
	}
	// The list is the first piece's last value, before the last piece's
	// keys after it are joined.
	pre = &decoded{list: roots[0].Content[len(roots[0].Content)-1]}
	root, ok = joinPieces(roots, cuts)
	if !ok {
		return nil, nil, false
	}
	for i, w := range walkers {
		pre.errors = append(pre.errors, entries[i]...)
		pre.probs = append(pre.probs, w.probs...)
		pre.visited += w.visited
		pre.hops += w.hops
		pre.overflow = pre.overflow || w.overflow
	}
	return root, pre, true
}

// decodePiece decodes the entries of a piece's part of the errors list
// (the value of its last key for the first piece, of its first for the
// others) with a walker of its own.
func decodePiece(name string, data []byte, root *yaml.Node, first bool) (*walker, []*rawError) {
	w := &walker{reporter: &reporter{file: name, src: &source{data: data}}}
	list := root.Content[1]
	if first {
		list = root.Content[len(root.Content)-1]
	}
	var out []*rawError
	if list.Kind != yaml.SequenceNode {
		return w, nil
	}
	for _, it := range list.Content {
		if e := w.decodeError(it); e != nil {
			out = append(out, e)
		}
	}
	return w, out
}

// cut is where an entry of the errors list starts: its offset and line
// (1-based) in the spec, and the column of its dash (0-based).
type cut struct {
	offset, line, col int
	// keyLine and firstLine are the lines of the "errors:" key and of
	// the list's first entry.
	keyLine, firstLine int
}

// splittable reports whether data has none of what parsing in pieces
// cannot take: line breaks other than LF and CRLF, a byte order mark or
// another encoding than UTF-8, a directive, or an explicit key ("? ")
// starting a line, whose missing value the YAML reader places at the
// token after it, which may be past a cut.
func splittable(data []byte) bool {
	if len(data) == 0 {
		return false
	}
	switch data[0] {
	case 0, 0xFE, 0xFF, '%':
		return false
	}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\r':
			if i+1 == len(data) || data[i+1] != '\n' {
				return false
			}
		case '\n':
			if i+1 < len(data) && data[i+1] == '%' {
				return false
			}
		case 0xC2, 0xE2, 0xEF:
			// NEL, LS and PS are line breaks to the YAML reader; U+FEFF a
			// byte order mark.
			rest := data[i:]
			if bytes.HasPrefix(rest, []byte("\u0085")) || bytes.HasPrefix(rest, []byte("\u2028")) ||
				bytes.HasPrefix(rest, []byte("\u2029")) || bytes.HasPrefix(rest, []byte("\uFEFF")) {
				return false
			}
		}
		if i == 0 || data[i-1] == '\n' {
			if explicitKey(data[i:]) {
				return false
			}
		}
	}
	return true
}

// explicitKey reports whether a line starts with "?" and a blank, after
// blanks and dashes of sequence entries.
func explicitKey(line []byte) bool {
	i := 0
	for i < len(line) {
		switch {
		case line[i] == ' ' || line[i] == '\t':
			i++
		case line[i] == '-' && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			i += 2
		case line[i] == '?':
			return i+1 == len(line) || bytes.IndexByte([]byte(" \t\r\n"), line[i+1]) >= 0
		default:
			return false
		}
	}
	return false
}

// errorCuts finds up to parts-1 cuts in the errors list of data, as
// evenly spread as the entries allow, none at the list's first entry.
// It looks for a line "errors:" at the first column (a comment may
// follow), whose next line that is not blank nor a comment starts with
// a dash; every later line that starts with a dash at the same column is
// an entry, until a line at the first column that is not one.
func errorCuts(data []byte, parts int) []cut {
	var cuts []cut
	line, keyLine, firstLine, col := 1, 0, 0, -1
	next := 0 // the offset the next cut is looked for from
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		text := bytes.TrimSuffix(data[off:end], []byte("\r"))
		switch {
		case keyLine == 0:
			if errorsKey(text) {
				keyLine = line
			}
		case blankOrComment(text):
		case col < 0:
			// The list's first entry.
			c := dashAt(text)
			if c < 0 {
				return nil
			}
			col, firstLine = c, line
			next = off + (len(data)-off)/parts
		default:
			c := dashAt(text)
			if c != col {
				if len(text) > 0 && text[0] != ' ' {
					return cuts // the list has ended
				}
				break
			}
			if off >= next {
				cuts = append(cuts, cut{offset: off, line: line, col: col, keyLine: keyLine, firstLine: firstLine})
				if len(cuts) == parts-1 {
					return cuts
				}
				next = off + (len(data)-off)/(parts-len(cuts))
			}
		}
		off = end + 1
		line++
	}
	return cuts
}

// errorsKey reports whether a line is the key "errors:" of the top-level
// mapping with its value on the lines below: nothing follows but spaces
// and a comment.
func errorsKey(text []byte) bool {
	rest, ok := bytes.CutPrefix(text, []byte("errors:"))
	if !ok {
		return false
	}
	trimmed := bytes.TrimLeft(rest, " ")
	return len(trimmed) == 0 || trimmed[0] == '#' && len(trimmed) < len(rest)
}

// blankOrComment reports whether a line holds nothing but spaces and a
// comment.
func blankOrComment(text []byte) bool {
	trimmed := bytes.TrimLeft(text, " ")
	return len(trimmed) == 0 || trimmed[0] == '#'
}

// dashAt returns the column of the dash a line starts with after spaces,
// followed by a space or nothing, or -1.
func dashAt(text []byte) int {
	trimmed := bytes.TrimLeft(text, " ")
	if len(trimmed) == 0 || trimmed[0] != '-' || len(trimmed) > 1 && trimmed[1] != ' ' {
		return -1
	}
	return len(text) - len(trimmed)
}

// parsePiece parses one piece: exactly one document, whose root is a
// block mapping.
func parsePiece(r io.Reader) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(r)
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, false
	}
	if len(doc.Content) != 1 {
		return nil, false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 || root.Anchor != "" || len(root.Content) < 2 {
		return nil, false
	}
	return root, true
}

// checkPiece reports false when a piece holds what parsing in pieces
// cannot take, and moves the nodes of a piece after the first (later)
// by offset lines. A later piece must have no anchor nor alias. And no
// piece may have a mapping of one key written in a flow sequence ("[a:]")
// with an empty value: the YAML reader places that value at a token it
// has read further on, which may be past a cut. inFlow is whether n is
// in a flow sequence.
func checkPiece(n *yaml.Node, later bool, offset int, inFlow bool) bool {
	if later {
		if n.Kind == yaml.AliasNode || n.Anchor != "" {
			return false
		}
		n.Line += offset
	}
	if inFlow && n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		if v := n.Content[1]; v.Kind == yaml.ScalarNode && v.Value == "" && v.Style == 0 {
			return false
		}
	}
	inFlow = n.Kind == yaml.SequenceNode && n.Style&yaml.FlowStyle != 0
	for _, c := range n.Content {
		if !checkPiece(c, later, offset, inFlow) {
			return false
		}
	}
	return true
}

// joinPieces checks that each piece has the shape its cuts assume and
// appends the later pieces' entries (and the last one's keys after the
// list) to the first piece's.
func joinPieces(roots []*yaml.Node, cuts []cut) (*yaml.Node, bool) {
	head := roots[0]
	key, list := head.Content[len(head.Content)-2], head.Content[len(head.Content)-1]
	if !isErrorsList(key, list, cuts[0].keyLine, cuts[0].firstLine, cuts[0].col) {
		return nil, false
	}
	for i, r := range roots[1:] {
		last := i == len(roots)-2
		if !last && len(r.Content) != 2 {
			return nil, false
		}
		// The piece's "errors:" key is on the line before its first
		// entry, the cut's line once moved.
		k, l := r.Content[0], r.Content[1]
		if !isErrorsList(k, l, cuts[i].line-1, cuts[i].line, cuts[i].col) {
			return nil, false
		}
		list.Content = append(list.Content, l.Content...)
		if last {
			head.Content = append(head.Content, r.Content[2:]...)
		}
	}
	return head, true
}

// isErrorsList reports whether key and list are a plain "errors" key at
// the first column of line keyLine and a block sequence starting on line
// listLine whose dashes are at col.
func isErrorsList(key, list *yaml.Node, keyLine, listLine, col int) bool {
	return key.Kind == yaml.ScalarNode && key.Style == 0 && key.Value == "errors" && key.Anchor == "" &&
		key.Line == keyLine && key.Column == 1 &&
		list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle == 0 && list.Anchor == "" && list.Tag == "!!seq" &&
		list.Line == listLine && list.Column == col+1 && len(list.Content) > 0
}

// pieces is how many pieces a large spec is parsed in: one per processor.
var pieces = func() int { return runtime.GOMAXPROCS(0) }
