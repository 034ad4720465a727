package docs

import (
	"bytes"
	"encoding/json"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/model"
)

// pageMeta is what a page's front matter says about it.
type pageMeta struct {
	title, slug, excerpt, sidebarLabel string
}

// mdxFormat makes Docusaurus v3 read a page as CommonMark, not MDX: MDX
// rejects HTML comments, and every page starts with errgen's header
// comment.
var mdxFormat = model.KeyValue{Key: "mdx", Value: mdxBlock{}}

// mdxBlock renders as the nested mapping {format: md}.
type mdxBlock struct{}

// frontMatter renders the YAML front matter of a page in the spec's style
// ("" for none), with docs.front_matter_extra keys after the style's own.
// An extra key that names one of the style's keys replaces its value in
// place, so a page never carries a key twice.
func frontMatter(s *model.Spec, m pageMeta) string {
	var kv []model.KeyValue
	switch s.Docs.FrontMatter {
	case model.FrontMatterReadme:
		kv = []model.KeyValue{{Key: "title", Value: m.title}, {Key: "slug", Value: m.slug}, {Key: "excerpt", Value: m.excerpt}}
	case model.FrontMatterDocusaurus:
		kv = []model.KeyValue{{Key: "sidebar_label", Value: m.sidebarLabel}, {Key: "title", Value: m.title}, mdxFormat}
	default:
		return ""
	}
	for _, x := range s.Docs.Extra {
		replaced := false
		for i := range kv {
			if kv[i].Key == x.Key {
				kv[i].Value, replaced = x.Value, true
			}
		}
		if !replaced {
			kv = append(kv, x)
		}
	}
	var b strings.Builder
	b.WriteString("---\n")
	writeFrontMatter(&b, kv, "")
	b.WriteString("---\n")
	return b.String()
}

// writeFrontMatter writes keys at an indent: nested mappings (readme.io's
// metadata block) as indented blocks, lists as flow sequences.
func writeFrontMatter(b *strings.Builder, kv []model.KeyValue, indent string) {
	for _, x := range kv {
		switch v := x.Value.(type) {
		case []model.KeyValue:
			if len(v) == 0 {
				b.WriteString(indent + yamlKey(x.Key) + ": {}\n")
				continue
			}
			b.WriteString(indent + yamlKey(x.Key) + ":\n")
			writeFrontMatter(b, v, indent+"  ")
		case []any:
			items := make([]string, len(v))
			for i, it := range v {
				items[i] = yamlScalar(it)
			}
			b.WriteString(indent + yamlKey(x.Key) + ": [" + strings.Join(items, ", ") + "]\n")
		default:
			b.WriteString(indent + yamlKey(x.Key) + ": " + yamlScalar(x.Value) + "\n")
		}
	}
}

var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

func yamlKey(k string) string {
	if plainKey.MatchString(k) {
		return k
	}
	return yamlString(k)
}

// yamlScalar renders a value YAML reads back as the same value and type.
func yamlScalar(v any) string {
	switch x := v.(type) {
	case mdxBlock:
		return "\n  format: md"
	case string:
		return yamlString(x)
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		switch {
		case math.IsInf(x, 1):
			return ".inf"
		case math.IsInf(x, -1):
			return "-.inf"
		case math.IsNaN(x):
			return ".nan"
		}
		f := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(f, ".e") {
			f += ".0" // keep it a float
		}
		return f
	}
	return yamlString("")
}

// yamlString double-quotes a string. JSON strings are YAML double-quoted
// scalars; control and line-separator characters stay escaped.
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return `""`
	}
	return strings.TrimSuffix(b.String(), "\n")
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slugify derives a URL slug: lower case ASCII letters and digits joined
// by single hyphens.
func slugify(s string) string {
	slug := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if slug == "" {
		return "errors"
	}
	return slug
}

// plainExcerpt flattens Markdown to one line for an excerpt.
func plainExcerpt(s string) string {
	return strings.Join(strings.Fields(firstParagraph(s)), " ")
}
