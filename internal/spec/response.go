package spec

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// variables maps the spec's body variables to value kinds. $param.NAME is
// handled apart.
var variables = map[string]model.ValueKind{
	"$code":        model.ValueCode,
	"$status":      model.ValueStatus,
	"$status_text": model.ValueStatusText,
	"$title":       model.ValueTitle,
	"$message":     model.ValueMessage,
	"$details":     model.ValueDetails,
	"$retry_after": model.ValueRetryAfter,
	"$doc_url":     model.ValueDocURL,
	"$instance":    model.ValueInstance,
	"$params":      model.ValueParams,
}

// problemMembers are the RFC 9457 members errgen writes, which params
// must not shadow in the problem format.
var problemMembers = []string{"type", "title", "status", "detail", "instance", "code", "errors"}

func (b *builder) buildResponse() {
	r := b.raw.response
	resp := &b.spec.Response
	resp.Pos = b.pos(r.node)
	resp.Format = model.FormatProblem
	switch f := model.Format(r.format.v); f {
	case "", model.FormatProblem:
	case model.FormatCustom:
		resp.Format = f
	default:
		b.add(b.at(r.format), "response.format %q is not one of problem, custom", r.format.v)
		return
	}
	resp.MediaType = r.mediaType.v
	if r.mediaType.n != nil {
		if msg := mediaTypeProblem(r.mediaType.v); msg != "" {
			b.add(b.at(r.mediaType), "%s", msg)
		}
	}
	if resp.Format == model.FormatProblem {
		if resp.MediaType == "" {
			resp.MediaType = "application/problem+json"
		}
		if r.body != nil {
			b.add(b.pos(r.body), "response.body is only for format: custom; the problem format's body is fixed by RFC 9457")
		}
		resp.Body = problemBody()
		b.checkProblemParams()
		return
	}
	if resp.MediaType == "" {
		resp.MediaType = "application/json"
	}
	if r.body == nil {
		b.add(resp.Pos, "response: format: custom needs a body")
		return
	}
	// A body without $code is allowed: the client then identifies errors
	// by type URI, message and status, as documented.
	resp.Body = b.bodyFields(r.body, "response.body", 1)
	if n := b.resolve(r.body); n != nil && n.Kind == yaml.MappingNode && len(n.Content) == 0 {
		// Only an empty mapping: members that are wrong, or a body that is
		// not a mapping, are reported as what they are.
		b.add(b.pos(n), "response.body needs at least one member")
	}
}

// mediaTypeProblem says what is wrong with a response.media_type and
// what it accepts, or returns "" for a media type as RFC 6838 names them:
// type/subtype, each a letter or digit and up to 126 more of letters,
// digits and !#$&-^_.+, without parameters.
func mediaTypeProblem(s string) string {
	if validMediaType(s) {
		return ""
	}
	if base, _, ok := strings.Cut(s, ";"); ok && validMediaType(strings.TrimSpace(base)) {
		return fmt.Sprintf("response.media_type %q has parameters, which errgen does not take: write the media type alone, %q", s, strings.TrimSpace(base))
	}
	if mediaTypeName(s) && (s == "json" || strings.HasSuffix(s, "+json")) {
		return fmt.Sprintf("response.media_type %q is not a media type, which is type/subtype (did you mean %q?)", s, "application/"+s)
	}
	return fmt.Sprintf("response.media_type %q is not a media type: write type/subtype like %q (letters, digits and !#$&-^_.+ in each part)", s, "application/json")
}

func validMediaType(s string) bool {
	typ, sub, ok := strings.Cut(s, "/")
	return ok && mediaTypeName(typ) && mediaTypeName(sub)
}

// mediaTypeName reports whether s is an RFC 6838 restricted-name.
func mediaTypeName(s string) bool {
	if s == "" || len(s) > 127 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if !alnum && (i == 0 || !strings.ContainsRune("!#$&-^_.+", rune(c))) {
			return false
		}
	}
	return true
}

// problemBody is RFC 9457's body in errgen's member order.
func problemBody() []*model.Field {
	return []*model.Field{
		{Name: "type", Kind: model.ValueType},
		{Name: "title", Kind: model.ValueTitle},
		{Name: "status", Kind: model.ValueStatus},
		{Name: "detail", Kind: model.ValueMessage},
		{Name: "instance", Kind: model.ValueInstance},
		{Name: "code", Kind: model.ValueCode},
		{Kind: model.ValueParamsInline},
		{Name: "errors", Kind: model.ValueDetails},
	}
}

func (b *builder) checkProblemParams() {
	for _, e := range b.spec.Errors {
		for _, p := range e.Params {
			for _, m := range problemMembers {
				if p.Name == m {
					b.add(p.Pos, "error %q: param %q would overwrite the problem member %q on the wire; rename the param", e.Code, p.Name, m)
				}
			}
		}
	}
}

// bodyFields reads a body template mapping in order.
func (b *builder) bodyFields(n *yaml.Node, what string, depth int) []*model.Field {
	n = b.resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		b.add(b.pos(n), "%s must be a mapping of JSON member names to values, not %s", what, kindName(n))
		return nil
	}
	if depth > 16 {
		b.add(b.pos(n), "%s is nested too deeply (16 levels at most)", what)
		return nil
	}
	var out []*model.Field
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := b.resolve(n.Content[i]), b.resolve(n.Content[i+1])
		if k == nil || v == nil {
			return out
		}
		name := k.Value
		switch {
		case k.Kind != yaml.ScalarNode || name == "":
			b.add(b.pos(k), "%s: member names must be non-empty strings", what)
			continue
		case seen[name]:
			b.add(b.pos(k), "%s: duplicate member %q", what, name)
			continue
		}
		seen[name] = true
		if f := b.bodyValue(name, v, what+"."+name, depth); f != nil {
			out = append(out, f)
		}
	}
	return out
}

func (b *builder) bodyValue(name string, v *yaml.Node, what string, depth int) *model.Field {
	f := &model.Field{Name: name, Pos: b.pos(v)}
	switch {
	case v.Kind == yaml.MappingNode:
		f.Kind = model.ValueObject
		f.Children = b.bodyFields(v, what, depth+1)
		if len(f.Children) == 0 {
			if len(v.Content) == 0 {
				b.add(f.Pos, "%s: an object needs at least one member", what)
			}
			return nil // else its members are reported
		}
		return f
	case v.Kind != yaml.ScalarNode || v.Tag == "!!null":
		b.add(f.Pos, "%s: a value must be a $variable, a constant or an object, not %s", what, kindName(v))
		return nil
	case v.Tag != "!!str" || !strings.HasPrefix(v.Value, "$"):
		lit, ok := b.literal(v, what)
		if !ok {
			return nil
		}
		f.Kind, f.Literal = model.ValueLiteral, lit
		return f
	case strings.HasPrefix(v.Value, "$$"):
		f.Kind, f.Literal = model.ValueLiteral, v.Value[1:]
		return f
	}
	if kind, ok := variables[v.Value]; ok {
		f.Kind = kind
		return f
	}
	if p, ok := strings.CutPrefix(v.Value, "$param."); ok {
		if !b.anyErrorHasParam(p) {
			b.add(f.Pos, "%s: $param.%s names a param no error declares", what, p)
			return nil
		}
		f.Kind, f.Param = model.ValueParam, p
		return f
	}
	b.add(f.Pos, "%s: unknown value %s (use one of %s, $param.NAME, or $$ for a literal $)", what, strconv.Quote(v.Value), variableList())
	return nil
}

func (b *builder) anyErrorHasParam(name string) bool {
	for _, e := range b.spec.Errors {
		for _, p := range e.Params {
			if p.Name == name {
				return true
			}
		}
	}
	return false
}

func variableList() string {
	return "$code, $status, $status_text, $title, $message, $details, $retry_after, $doc_url, $instance, $params"
}
