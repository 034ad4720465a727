package openapi

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// mapNode builds a YAML mapping in insertion order: the order errgen's
// output is read in.
type mapNode struct{ *yaml.Node }

func mapping() mapNode {
	return mapNode{&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
}

// add appends key: value.
func (m mapNode) add(key string, v *yaml.Node) {
	m.Content = append(m.Content, str(key), v)
}

// addString appends key: value when the string is not empty.
func (m mapNode) addString(key, v string) {
	if v != "" {
		m.add(key, str(v))
	}
}

// str is a string scalar; multi-line strings are written as literal blocks
// so Markdown descriptions stay readable.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") && !strings.ContainsAny(s, "\t\r") && !strings.HasSuffix(s, " ") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// scalar is the node of a JSON scalar value: string, int64, int, float64
// or bool.
func scalar(v any) *yaml.Node {
	switch x := v.(type) {
	case string:
		return str(x)
	case int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(x, 10)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(x)}
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: formatFloat(x)}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(x)}
	}
	panic("openapi: unexpected scalar type")
}

// value is the node of a param value: a scalar, or a list of scalars (a
// list param), written on one line.
func value(v any) *yaml.Node {
	if list, ok := v.([]any); ok {
		seq := sequence()
		for _, it := range list {
			seq.Content = append(seq.Content, scalar(it))
		}
		return flow(seq)
	}
	return scalar(v)
}

// formatFloat writes a float so that YAML 1.2, YAML 1.1 and JSON readers
// all read it back as the same number: the shortest form, always with a
// decimal point, which YAML 1.1 needs to read a float (1e-07 is a string
// there, 1.0e-07 a float); an exponent is signed, as YAML 1.1 needs too.
// NaN and infinities cannot occur.
func formatFloat(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if strings.Contains(s, ".") {
		return s
	}
	if mant, exp, ok := strings.Cut(s, "e"); ok {
		return mant + ".0e" + exp
	}
	return s + ".0"
}

func sequence(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
}

// plain converts an example node into the plain Go value kin-openapi
// validates: map[string]any, []any, string, float64 and bool, as
// encoding/json would decode the body.
func plain(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		out := make([]any, len(n.Content))
		for i, c := range n.Content {
			out[i] = plain(c)
		}
		return out
	}
	switch n.Tag {
	case "!!int", "!!float":
		f, _ := strconv.ParseFloat(n.Value, 64)
		return f
	case "!!bool":
		return n.Value == "true"
	}
	return n.Value
}

// mapGet returns the value node of key in mapping m, and the key node.
func mapGet(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}
