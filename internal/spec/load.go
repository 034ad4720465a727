package spec

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// Load reads and validates the spec file at path. name is how the file is
// named in messages and generated headers (usually path as the user gave
// it). The error is Problems when the spec is invalid, or an I/O error.
func Load(path, name string) (*model.Spec, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSpecBytes+1))
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// Parse validates spec source and builds the model. name is used in
// problem positions and in generated headers; it should be a relative,
// slash-separated path.
func Parse(name string, data []byte) (*model.Spec, error) {
	name = filepath.ToSlash(name)
	r := &reporter{file: name, src: &source{data: data}}
	if len(data) > MaxSpecBytes {
		r.add(model.Pos{File: name}, "spec is larger than %d MiB", MaxSpecBytes>>20)
		return nil, r.probs
	}
	doc, pre, err := parseYAML(name, data)
	if err != nil {
		return nil, err
	}
	w := &walker{reporter: r, pre: pre}
	raw := w.decode(doc)
	b := &builder{walker: w, raw: raw}
	s := b.build()
	if len(r.probs) > 0 {
		return nil, r.probs.Sorted()
	}
	return s, nil
}

// parseYAML parses one YAML document, turning syntax errors into a
// positioned problem and refusing streams of several documents. A large
// spec is parsed in pieces, its errors list decoded as it is (pre).
func parseYAML(name string, data []byte) (*yaml.Node, *decoded, error) {
	if depth := nestingDepth(data); depth > maxDepth {
		return nil, nil, Problems{{Pos: model.Pos{File: name, Line: 1, Col: 1}, Msg: fmt.Sprintf("spec is nested more than %d levels deep", maxDepth)}}
	}
	if root, pre, ok := parseSplit(name, data, pieces()); ok {
		return root, pre, nil
	}
	root, err := parseYAMLWhole(name, data)
	return root, nil, err
}

// parseYAMLWhole parses data in one piece.
func parseYAMLWhole(name string, data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Problems{{Pos: model.Pos{File: name, Line: 1, Col: 1}, Msg: "spec is empty"}}
		}
		return nil, yamlProblem(name, data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Problems{{Pos: model.Pos{File: name, Line: extra.Line, Col: extra.Column}, Msg: "spec must be a single YAML document"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlProblem(name, data, err)
	}
	if len(doc.Content) == 0 {
		return nil, Problems{{Pos: model.Pos{File: name, Line: 1, Col: 1}, Msg: "spec is empty"}}
	}
	return doc.Content[0], nil
}

func yamlProblem(name string, data []byte, err error) Problems {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		return Problems{syntaxProblem(name, data, le)}
	}
	var les *yaml.LoadErrors
	if errors.As(err, &les) && len(les.Errors) > 0 {
		var ps Problems
		for _, e := range les.Errors {
			ps = append(ps, syntaxProblem(name, data, e))
		}
		ps.sort()
		return ps
	}
	return Problems{{Pos: model.Pos{File: name, Line: 1, Col: 1}, Msg: "YAML: " + err.Error()}}
}

// syntaxProblem reports a YAML syntax error at its position or, when an
// unquoted value that starts with "{" on that line caused it, at that
// value, with a hint.
func syntaxProblem(name string, data []byte, e *yaml.LoadError) Problem {
	p := Problem{Pos: model.Pos{File: name, Line: e.Mark.Line, Col: e.Mark.Column}, Msg: "YAML: " + e.Message}
	src := &source{data: data}
	if col, value, ok := unquotedBrace(src.line(e.Mark.Line), e.Mark.Column); ok {
		p.Pos.Col = col
		p.Msg += " (" + braceHint(value) + ")"
	}
	return p
}

// nestingDepth is a cheap upper bound on flow and block nesting, checked
// before parsing so that a pathologically nested document is refused in
// bounded time and memory.
func nestingDepth(data []byte) int {
	depth, maxSeen, indent := 0, 0, 0
	lineStart := true
	for _, c := range data {
		switch c {
		case '[', '{':
			depth++
			maxSeen = max(maxSeen, depth)
		case ']', '}':
			if depth > 0 {
				depth--
			}
		case '\n':
			lineStart, indent = true, 0
			continue
		case ' ', '-':
			if lineStart {
				indent++
				maxSeen = max(maxSeen, indent/2)
				continue
			}
		}
		lineStart = false
	}
	return maxSeen
}
