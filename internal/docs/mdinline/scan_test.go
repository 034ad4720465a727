package mdinline

import (
	"strings"
	"testing"
)

// literals scans s and returns its literal autolinks.
func literals(s string) []string {
	var out []string
	for _, t := range Scan(s, 0, len(s), Options{Links: true, Literals: true}) {
		if t.Kind == Literal {
			out = append(out, s[t.Start:t.End])
		}
	}
	return out
}

// TestLiteralsAsMicromark: the literal autolinks micromark (with
// micromark-extension-gfm-autolink-literal, the parser markdownlint's
// MD034 uses) finds in each text, recorded from it.
func TestLiteralsAsMicromark(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"see https://example.com/a_b. ok", "https://example.com/a_b"},
		{"www.x.com", "www.x.com"},
		{"a@b.co", "a@b.co"},
		{"_a@b.com", "_a@b.com"},
		{"xhttps://x.com", ""},
		{"(https://x.com/(a))", "https://x.com/(a)"},
		{"https://x.com/a)", "https://x.com/a"},
		{"mail a.b-c+d@ex-ample.co.uk.", "a.b-c+d@ex-ample.co.uk"},
		{"https://x.com/?q=1&amp;", "https://x.com/?q=1"},
		{"https://x.com/a&b", "https://x.com/a&b"},
		{"www.a@b.com", "www.a@b.com"},
		{"https://x_y.z.com", "https://x_y.z.com"},
		{"https://x.y_z.com", ""},
		{"*https://x.com*", "https://x.com"},
		{"https://x.com/a<b", "https://x.com/a"},
		{"https://x.com/a>b", "https://x.com/a>b"},
		{"HTTPS://X.COM/A", "HTTPS://X.COM/A"},
		{"http://", ""},
		{"https://.x", ""},
		{"a/b@c.com", ""},
		{"x@y.z1", ""},
		{"www.\u00e9.com/\u00fc?", "www.\u00e9.com/\u00fc"},
		{"https://x.com/a]b](c", "https://x.com/a]b"},
		{"https://x.com/a],", "https://x.com/a"},
		{"a https://x.com/\"q\". b", "https://x.com/\"q"},
		{"1.2@x.co", "1.2@x.co"},
		{"~www.x.com~", "www.x.com"},
		{"see:https://x.com", "https://x.com"},
	} {
		got := strings.Join(literals(c.in), " ")
		if got != c.want {
			t.Errorf("%q: literal %q, micromark finds %q", c.in, got, c.want)
		}
	}
}

func TestHref(t *testing.T) {
	for lit, want := range map[string]string{
		"https://x.com": "https://x.com",
		"HTTP://x.com":  "HTTP://x.com",
		"www.x.com":     "http://www.x.com",
		"a@b.co":        "mailto:a@b.co",
	} {
		if got := Href(lit); got != want {
			t.Errorf("Href(%q) = %q, want %q", lit, got, want)
		}
	}
}

func TestScan(t *testing.T) {
	kinds := func(s string, opt Options) string {
		var b strings.Builder
		for _, tok := range Scan(s, 0, len(s), opt) {
			b.WriteString([]string{"T", "E", "C", "A", "L", "U", "K", "I", "D"}[tok.Kind])
			b.WriteString("(" + s[tok.Start:tok.End] + ")")
		}
		return b.String()
	}
	all := Options{Links: true, Literals: true}
	for _, c := range []struct {
		in   string
		opt  Options
		want string
	}{
		{"a `b <c>` \\* <https://x> <b>", all, "T(a )C(`b <c>`)T( )E(\\*)T( )A(<https://x>)T( )L(<)T(b>)"},
		{"[a *b*](x_y \"t\") ![i](s) [no]", all, "K([a *b*](x_y \"t\"))T( )I(![i](s))T( [no])"},
		{"[a](<x y>) [b]( z ) [c](d e)", all, "K([a](<x y>))T( )K([b]( z ))T( [c](d e))"},
		{"[`]`](x) [a [b] c](d)", all, "K([`]`](x))T( )K([a [b] c](d))"},
		{"``a`` ``b`", all, "C(``a``)T( ``b`)"},
		{"_a_ **b** ~~c~~", all, "D(_)T(a)D(_)T( )D(**)T(b)D(**)T( )D(~~)T(c)D(~~)"},
		{"see https://x.com/_a_ x", all, "T(see )U(https://x.com/_a)D(_)T( x)"},
		{"see https://x.com", Options{Links: true}, "T(see https://x.com)"},
		{"[a](b)", Options{}, "T([a](b))"},
		{"<a@b.co> <ab:y> <x:y>", all, "A(<a@b.co>)T( )A(<ab:y>)T( )L(<)T(x:y>)"},
	} {
		if got := kinds(c.in, c.opt); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestDestination(t *testing.T) {
	for in, want := range map[string]string{
		"[a](https://x.com/\\(y\\) \"t\")": "https://x.com/(y)",
		"[a](<x y>)":                       "x y",
		"[a]()":                            "",
		"[a]( z )":                         "z",
	} {
		toks := Scan(in, 0, len(in), Options{Links: true})
		if len(toks) != 1 || toks[0].Kind != Link {
			t.Fatalf("%q: not one link: %v", in, toks)
		}
		if got := Destination(in, toks[0]); got != want {
			t.Errorf("Destination(%q) = %q, want %q", in, got, want)
		}
	}
}
