package openapi

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/testutil"
)

// TestLifecycleEveryGoldenCase: in both versions, each error's schema
// carries its lifecycle (deprecated, x-errgen-since, x-errgen-sunset,
// x-errgen-replaced-by, the replacement and sunset in its description)
// and each param's schema its x-errgen-since; nothing is claimed that the
// spec does not say. golden/lifecycle uses every lifecycle key.
func TestLifecycleEveryGoldenCase(t *testing.T) {
	for _, dir := range testutil.GoldenCases() {
		for _, version := range []string{"3.0.3", "3.1.0"} {
			t.Run(filepath.Base(dir)+"/"+version, func(t *testing.T) {
				s := loadCase(t, dir)
				s.OpenAPI.Version = version
				out, err := Fragment(s)
				if err != nil {
					t.Fatal(err)
				}
				checkLifecycle(t, s, decode(t, out))
			})
		}
	}
}

func checkLifecycle(t *testing.T, s *model.Spec, doc map[string]any) {
	t.Helper()
	names := codeSchemaNames(s)
	ext := func(sc any, name string) string {
		v, _ := dig(sc, name).(string)
		return v
	}
	for _, e := range s.AllErrors() {
		sc := dig(doc, "components", "schemas", names[e])
		if got, _ := dig(sc, "deprecated").(bool); got != e.DeprecatedSet {
			t.Errorf("%s: deprecated = %v, want %v", e.Code, got, e.DeprecatedSet)
		}
		if got := ext(sc, extSince); got != e.Since {
			t.Errorf("%s: %s = %q, want %q", e.Code, extSince, got, e.Since)
		}
		if got := ext(sc, extSunset); got != e.Sunset {
			t.Errorf("%s: %s = %q, want %q", e.Code, extSunset, got, e.Sunset)
		}
		desc, _ := dig(sc, "description").(string)
		want := ""
		if e.ReplacedBy != nil {
			want = e.ReplacedBy.Code
			if !strings.Contains(desc, "Deprecated: use `"+want+"`") {
				t.Errorf("%s: description does not name the replacement:\n%s", e.Code, desc)
			}
		}
		if got := ext(sc, extReplacedBy); got != want {
			t.Errorf("%s: %s = %q, want %q", e.Code, extReplacedBy, got, want)
		}
		if e.Sunset != "" && !strings.Contains(desc, "removed after "+e.Sunset) {
			t.Errorf("%s: description does not give the sunset:\n%s", e.Code, desc)
		}
		if e.Since != "" && !strings.Contains(desc, "Added in "+escapePlain(e.Since)+".") {
			t.Errorf("%s: description does not say when it was added:\n%s", e.Code, desc)
		}
		for _, p := range e.Params {
			for _, ps := range findProps(sc, p.Name) {
				if got := ext(ps, extSince); got != p.Since {
					t.Errorf("%s: param %s: %s = %q, want %q", e.Code, p.Name, extSince, got, p.Since)
				}
			}
		}
		for _, v := range e.Variants {
			if v.Since == "" {
				continue
			}
			msg := codeSpan(v.Message.Display) + " (added in " + escapePlain(v.Since) + ")"
			if !strings.Contains(findDescriptions(sc), msg) {
				t.Errorf("%s: variant %s: no message description says %s", e.Code, v.Name, msg)
			}
		}
	}
}

// findProps returns the schemas of every property named name, at any
// depth (params sit in the body, in $params or under a nested object).
func findProps(sc any, name string) []any {
	m, ok := sc.(map[string]any)
	if !ok {
		return nil
	}
	var out []any
	if props, ok := m["properties"].(map[string]any); ok {
		for k, v := range props {
			if k == name {
				out = append(out, v)
			}
			out = append(out, findProps(v, name)...)
		}
	}
	if items, ok := m["items"]; ok {
		out = append(out, findProps(items, name)...)
	}
	return out
}

// findDescriptions joins every description in sc, at any depth.
func findDescriptions(sc any) string {
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if d, ok := x["description"].(string); ok {
				b.WriteString(d + "\n")
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(sc)
	return b.String()
}
