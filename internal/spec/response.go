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
	"$request_id":  model.ValueRequestID,
}

// mediaTypeProblem says what is wrong with a media_type and what it
// accepts, or returns "" for a media type as RFC 6838 names them,
// type/subtype (each a letter or digit and up to 126 more of letters,
// digits and !#$&-^_.+), with optional parameters as RFC 9110 writes them
// ("; charset=utf-8"), which are sent as written.
func mediaTypeProblem(s string) string {
	base, params, _ := strings.Cut(s, ";")
	if validMediaType(strings.TrimSpace(base)) && base == strings.TrimRight(base, " \t") {
		if params == "" && !strings.Contains(s, ";") {
			return ""
		}
		if bad := mediaTypeParams(params); bad != "" {
			return fmt.Sprintf("media_type %q: parameter %q is not name=value (a token, or a quoted string)", s, bad)
		}
		return ""
	}
	if mediaTypeName(s) && (s == "json" || strings.HasSuffix(s, "+json")) {
		return fmt.Sprintf("media_type %q is not a media type, which is type/subtype (did you mean %q?)", s, "application/"+s)
	}
	return fmt.Sprintf("media_type %q is not a media type: write type/subtype like %q (letters, digits and !#$&-^_.+ in each part), with optional parameters like \"; charset=utf-8\"", s, "application/json")
}

// mediaTypeParams returns the first malformed parameter of a media
// type's parameters (what follows its first ";"), or "".
func mediaTypeParams(params string) string {
	for _, p := range strings.Split(params, ";") {
		p = strings.Trim(p, " \t")
		name, value, ok := strings.Cut(p, "=")
		if !ok || !fieldName(name) || value == "" {
			return p
		}
		if strings.HasPrefix(value, `"`) {
			if len(value) < 2 || !strings.HasSuffix(value, `"`) || strings.ContainsAny(value[1:len(value)-1], "\"\r\n") {
				return p
			}
			continue
		}
		if !fieldName(value) {
			return p
		}
	}
	return ""
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

// problemBody is RFC 9457's body in errgen's member order: params are
// extension members (and attributes, before them, when the format's
// errors have any: see buildFormats), the details go in detailsMember,
// the request id, when configured, in requestIDMember, after the code.
func problemBody(detailsMember, requestIDMember string) []*model.Field {
	out := []*model.Field{
		{Name: "type", Kind: model.ValueType},
		{Name: "title", Kind: model.ValueTitle},
		{Name: "status", Kind: model.ValueStatus},
		{Name: "detail", Kind: model.ValueMessage},
		{Name: "instance", Kind: model.ValueInstance},
		{Name: "code", Kind: model.ValueCode},
	}
	if requestIDMember != "" {
		out = append(out, &model.Field{Name: requestIDMember, Kind: model.ValueRequestID})
	}
	return append(out,
		&model.Field{Kind: model.ValueParamsInline},
		&model.Field{Name: detailsMember, Kind: model.ValueDetails},
	)
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
	case v.Kind == yaml.SequenceNode:
		item := (*yaml.Node)(nil)
		if len(v.Content) == 1 {
			item = b.resolve(v.Content[0])
		}
		if item == nil || item.Kind != yaml.MappingNode {
			b.add(f.Pos, "%s: a list holds exactly one object, written as a one-element JSON array (like JSON:API's errors)", what)
			return nil
		}
		f.Kind = model.ValueList
		f.Children = b.bodyFields(item, what+"[0]", depth+1)
		if len(f.Children) == 0 {
			if len(item.Content) == 0 {
				b.add(f.Pos, "%s: an object needs at least one member", what)
			}
			return nil
		}
		return f
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
		b.add(f.Pos, "%s: a value must be a $variable, a constant, an object or a one-object list, not %s", what, kindName(v))
		return nil
	case v.Tag == "!!str" && !strings.HasPrefix(v.Value, "$$") && strings.Contains(v.Value, "${"):
		t, msg := b.parseStringTemplate(v.Value)
		if msg != "" {
			b.add(f.Pos, "%s: %s", what, msg)
			return nil
		}
		for _, p := range t.Parts {
			if p.Kind == model.ValueParam && !b.anyErrorHasParam(p.Name) {
				b.add(f.Pos, "%s: ${param.%s} names a param no error declares", what, p.Name)
				return nil
			}
		}
		f.Kind, f.Template = model.ValueTemplate, t
		return f
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
		if kind == model.ValueRequestID && b.spec.RequestID == nil {
			b.add(f.Pos, "%s: %s", what, noRequestID("$request_id"))
			return nil
		}
		f.Kind = kind
		return f
	}
	if a, ok := strings.CutPrefix(v.Value, "$attr."); ok {
		if !validName(a) {
			b.add(f.Pos, "%s: $attr.%s: attribute names match [A-Za-z_][A-Za-z0-9_]*", what, a)
			return nil
		}
		f.Kind, f.Attr = model.ValueAttr, a
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
	b.add(f.Pos, "%s: unknown value %s (use one of %s, $param.NAME, $attr.NAME, or $$ for a literal $)", what, strconv.Quote(v.Value), variableList())
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
	return "$code, $status, $status_text, $title, $message, $details, $retry_after, $doc_url, $instance, $request_id, $params"
}
