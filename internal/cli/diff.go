package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/errgen/errgen/internal/diff"
	"github.com/errgen/errgen/internal/engine"
	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
)

// baseHelp says what -base takes; diff and changelog share it.
const baseHelp = `BASE is a file (old/errors.yaml) or a git revision (origin/main, HEAD~1,
v1.4.0): a file of that name wins. For a revision, errgen reads the spec
at the same path in that revision with git show, in the spec's
repository; when the spec did not exist there, every error is new. In a
shallow clone, fetch the base commit first (git fetch --depth=1 origin
REV).`

// versionFlags are the flags diff and changelog share.
type versionFlags struct {
	base, spec, date string
	only             []diff.Category
}

func (v *versionFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&v.base, "base", "", "the version to compare with: a spec file, or a git revision (required)")
	fs.StringVar(&v.spec, "spec", DefaultSpec, "the new spec file")
	fs.StringVar(&v.date, "date", "", "today, YYYY-MM-DD, to compare sunset dates with (default: today, UTC)")
	fs.Func("only", "report only the changes of a category: wire, go or docs (repeat, or separate with commas)", func(s string) error {
		for _, part := range strings.Split(s, ",") {
			cat, err := diff.ParseCategory(strings.TrimSpace(part))
			if err != nil {
				return errors.New(strings.TrimPrefix(err.Error(), `-only `))
			}
			v.only = append(v.only, cat)
		}
		return nil
	})
}

// check validates the flags once parsed, returning a usage message.
func (v *versionFlags) check() string {
	if v.base == "" {
		return "-base is required"
	}
	if v.date == "" {
		v.date = time.Now().UTC().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, v.date); err != nil || len(v.date) != len(time.DateOnly) {
		return fmt.Sprintf("-date %q is not a date written YYYY-MM-DD", v.date)
	}
	return ""
}

// versions are the two specs a comparison reads.
type versions struct {
	base      *diff.Base
	old, spec *model.Spec // old is nil when the spec is new at the base
}

// load reads and validates both versions. It returns an exit code when
// the command must stop: spec problems in either version (all printed,
// each version's named), or a file or revision it cannot read.
func (c *command) load(v *versionFlags, name string) (*versions, int, bool) {
	// Both versions load at once: loading is most of what diff costs.
	var head *model.Spec
	var headErr error
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		head, headErr = engine.Load(engine.Options{SpecPath: v.spec})
	}()
	b, err := diff.ReadBase(v.base, v.spec)
	var old *model.Spec
	var baseErr error
	if err == nil && !b.Missing {
		old, baseErr = spec.Parse(b.Name, b.Data)
	}
	<-loaded
	var inputErr *engine.InputError
	if headErr != nil && !errors.As(headErr, &inputErr) {
		return nil, c.fail(headErr), true
	}
	if err != nil {
		var be *diff.BaseError
		if errors.As(err, &be) {
			fmt.Fprintf(c.stderr, "errgen %s: %v\n", name, err)
			return nil, ExitIO, true
		}
		return nil, c.fail(err), true
	}
	vs := &versions{base: b, old: old, spec: head}
	if headErr != nil || baseErr != nil {
		for _, e := range []struct {
			err  error
			what string
		}{{baseErr, "the base, " + b.Name + ","}, {headErr, "the new spec"}} {
			if e.err != nil {
				fmt.Fprintln(c.stderr, e.err)
				fmt.Fprintf(c.stderr, "errgen %s: %s has spec problems; nothing was compared\n", name, e.what)
			}
		}
		return nil, ExitInput, true
	}
	if b.Missing {
		fmt.Fprintf(c.stderr, "note: %s did not exist at %s: every error is new\n", strings.TrimPrefix(b.Name, v.base+":"), v.base)
	}
	return vs, 0, false
}

func (c *command) diff(args []string) int {
	var v versionFlags
	fs := c.flags("diff", "-base BASE [-spec spec/errors.yaml] [-format text|json|github|markdown] [-only wire|go|docs] [-ignore RULE[:CODE]]... [-date YYYY-MM-DD]",
		`Compares the spec with a base version and reports every change to the
error contract: a rule, its category (wire: what clients see over HTTP;
go: the generated package's API; docs: links to the reference pages), a
severity (breaking, warning, info), what changed and the fix, at the new
spec's file:line:col (the base's for what was removed).

`+baseHelp+`

Exits 0 without breaking changes; 1 with any that -only and -ignore
leave, or with spec problems in either version; 2 for usage mistakes; 3
when a file or the git revision cannot be read. Sunsets are compared with
-date. -format github prints workflow annotations, markdown a table for a
pull-request comment, json a document docs/evolution.md describes.

Rules (ID, category, severities):
`+ruleList())
	v.add(fs)
	format := fs.String("format", "text", "the report's format: text, json, github or markdown")
	var ignore []diff.Ignore
	fs.Func("ignore", "accept the changes of a rule, of every error or of one: RULE or RULE:CODE (repeat, or separate with commas)", func(s string) error {
		for _, part := range strings.Split(s, ",") {
			ig, err := diff.ParseIgnore(strings.TrimSpace(part))
			if err != nil {
				return errors.New(strings.TrimPrefix(err.Error(), "-ignore "))
			}
			ignore = append(ignore, ig)
		}
		return nil
	})
	if code, stop := c.parse(fs, args); stop {
		return code
	}
	write := map[string]func(io.Writer, *diff.Report) error{
		"text": diff.Text, "json": diff.JSON, "github": diff.GitHub, "markdown": diff.Markdown,
	}[*format]
	msg := v.check()
	if msg == "" && write == nil {
		msg = fmt.Sprintf("-format %q: use text, json, github or markdown", *format)
	}
	if msg != "" {
		fmt.Fprintf(c.stderr, "errgen diff: %s\n", msg)
		fs.Usage()
		return ExitUsage
	}
	vs, code, stop := c.load(&v, "diff")
	if stop {
		return code
	}
	kept, ignored := diff.Filter(diff.Compare(vs.old, vs.spec, diff.Options{Date: v.date}), v.only, ignore)
	r := &diff.Report{Base: vs.base.Name, Spec: specName(vs.spec, v.spec), BaseInGit: vs.base.InGit, Date: v.date, Changes: kept, Ignored: ignored}
	if err := write(c.stdout, r); err != nil {
		return c.fail(err)
	}
	if n := r.Count(diff.Breaking); n > 0 {
		fmt.Fprintf(c.stderr, "errgen diff: %d breaking %s against %s; fix %s, or accept %s with -ignore RULE:CODE\n",
			n, plural(n, "change"), vs.base.Name, pronoun(n, "it", "them"), pronoun(n, "it", "each"))
		return ExitInput
	}
	return ExitOK
}

func (c *command) changelog(args []string) int {
	var v versionFlags
	fs := c.flags("changelog", "-base BASE [-spec spec/errors.yaml] [-heading '## Unreleased'] [-only wire|go|docs] [-date YYYY-MM-DD]",
		`Prints what changed in the error contract since a base version as a
Markdown section in the style of Keep a Changelog: the heading, then
Added, Changed, Deprecated and Removed, each only when it has entries,
breaking changes marked so. Paste it into release notes, or publish it
beside the reference pages. The changes are errgen diff's.

`+baseHelp+`

Exits 0, breaking changes or not; 1 with spec problems in either version;
2 for usage mistakes; 3 when a file or the git revision cannot be read.`)
	v.add(fs)
	heading := fs.String("heading", "## Unreleased", "the section's heading line (empty: none)")
	if code, stop := c.parse(fs, args); stop {
		return code
	}
	if msg := v.check(); msg != "" {
		fmt.Fprintf(c.stderr, "errgen changelog: %s\n", msg)
		fs.Usage()
		return ExitUsage
	}
	vs, code, stop := c.load(&v, "changelog")
	if stop {
		return code
	}
	kept, _ := diff.Filter(diff.Compare(vs.old, vs.spec, diff.Options{Date: v.date}), v.only, nil)
	if err := diff.Changelog(c.stdout, *heading, kept); err != nil {
		return c.fail(err)
	}
	return ExitOK
}

// specName is the new spec as its positions name it.
func specName(s *model.Spec, given string) string {
	if f := s.Response.Pos.File; f != "" {
		return f
	}
	return given
}

// ruleList lists the rules for diff -h.
func ruleList() string {
	var b strings.Builder
	for _, r := range diff.Rules {
		sevs := make([]string, len(r.Severities))
		for i, s := range r.Severities {
			sevs[i] = string(s)
		}
		fmt.Fprintf(&b, "  %-26s %-4s %s\n", r.ID, r.Category, strings.Join(sevs, "/"))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func pronoun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
