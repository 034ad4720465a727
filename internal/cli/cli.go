// Package cli is errgen's command line: a function of its arguments and
// streams, so that tests run it in-process.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/errgen/errgen/internal/engine"
)

// Exit codes.
const (
	ExitOK    = 0 // success
	ExitInput = 1 // spec problems, drift found by check, merge conflicts, breaking changes found by diff
	ExitUsage = 2 // errgen was called wrongly
	ExitIO    = 3 // reading or writing files failed
)

// DefaultSpec is the spec path used when -spec is not given.
const DefaultSpec = "spec/errors.yaml"

const usage = `errgen generates Go error types, HTTP mappers, OpenAPI components,
Markdown reference pages and a machine-readable JSON catalog from one
error catalog, spec/errors.yaml.

Usage:
  errgen <command> [flags]

Commands:
  generate   write every output the spec configures (only files whose bytes
             change) and delete the files it generated and no longer produces
  check      exit 1 when any output is missing, out of date or obsolete
  diff       report the changes to the error contract since a base version
             (a file or a git revision); exit 1 on breaking ones
  changelog  print those changes as a Markdown changelog section
  openapi    print the OpenAPI fragment, or merge it into an OpenAPI document
  schema     print the JSON Schema of the spec format, for editors (-catalog:
             of the JSON catalog outputs.catalog writes)
  version    print errgen's version

Run 'errgen <command> -h' for a command's flags.

Exit status: 0 ok, 1 spec problems, drift or breaking changes, 2 usage
mistakes, 3 file I/O failures.
Docs: docs/spec.md in errgen's repository describes the spec format,
docs/evolution.md what diff reports.
`

// Main runs errgen with args (without the program name) and returns the
// exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	c := &command{stdin: stdin, stdout: stdout, stderr: stderr}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	case "generate":
		return c.generate(args[1:])
	case "check":
		return c.check(args[1:])
	case "diff":
		return c.diff(args[1:])
	case "changelog":
		return c.changelog(args[1:])
	case "openapi":
		return c.openapi(args[1:])
	case "schema":
		return c.schema(args[1:])
	case "version", "-version", "--version":
		return c.version(args[1:])
	}
	fmt.Fprintf(stderr, "errgen: unknown command %q\n\n%s", args[0], usage)
	return ExitUsage
}

type command struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// flags makes a command's flag set that prints its usage to stderr.
func (c *command) flags(name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("errgen "+name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: errgen %s %s\n\n%s\n", name, synopsis, about)
		if hasFlags(fs) {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parse parses flags, returning an exit code when the command should stop
// (help asked for, or a usage mistake).
func (c *command) parse(fs *flag.FlagSet, args []string) (int, bool) {
	// The flag package prints the usage itself on any parse error; print
	// it here instead, once: to stdout when asked for, to stderr after a
	// mistake.
	usage := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = usage
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(c.stdout)
		fs.Usage()
		return ExitOK, true
	}
	if err != nil {
		fs.Usage()
		return ExitUsage, true
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(c.stderr, "errgen %s: unexpected argument %q\n", strings.TrimPrefix(fs.Name(), "errgen "), fs.Arg(0))
		fs.Usage()
		return ExitUsage, true
	}
	if msg := emptyPath(fs); msg != "" {
		fmt.Fprintf(c.stderr, "errgen %s: %s\n", strings.TrimPrefix(fs.Name(), "errgen "), msg)
		fs.Usage()
		return ExitUsage, true
	}
	return 0, false
}

// pathFlags are the flags that name a file (or, for -base, a file or a
// git revision), with what they name: given, they must not be empty.
var pathFlags = map[string]string{
	"spec": "the spec file",
	"into": "the OpenAPI document to merge into",
	"base": "a spec file or a git revision",
}

// emptyPath returns a usage message for the first path flag given an
// empty value (as -spec "" or -spec=$UNSET), or "".
func emptyPath(fs *flag.FlagSet) string {
	var msg string
	fs.Visit(func(f *flag.Flag) {
		if what, ok := pathFlags[f.Name]; ok && msg == "" && f.Value.String() == "" {
			msg = fmt.Sprintf("-%s is empty; it must name %s", f.Name, what)
		}
	})
	return msg
}

// fail prints err and returns the exit code that fits it.
func (c *command) fail(err error) int {
	var usageErr *engine.UsageError
	var inputErr *engine.InputError
	switch {
	case errors.As(err, &usageErr):
		fmt.Fprintf(c.stderr, "errgen: %v\n", err)
		return ExitUsage
	case errors.As(err, &inputErr):
		fmt.Fprintln(c.stderr, err)
		return ExitInput
	}
	fmt.Fprintf(c.stderr, "errgen: %v\n", err)
	return ExitIO
}

func (c *command) version(args []string) int {
	fs := c.flags("version", "", "Prints errgen's version (the module version it was built from).")
	if code, stop := c.parse(fs, args); stop {
		return code
	}
	fmt.Fprintln(c.stdout, "errgen", Version())
	return ExitOK
}

// Version is the module version errgen was built from, or "(devel)".
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// specFlags adds the flags every spec-reading command shares.
func specFlags(fs *flag.FlagSet, opts *engine.Options) {
	fs.StringVar(&opts.SpecPath, "spec", DefaultSpec, "the spec file; output paths in it are relative to its directory")
	fs.StringVar(&opts.OpenAPIVersion, "openapi-version", "", "OpenAPI version of the fragment, 3.0 or 3.1 (overrides openapi.version in the spec)")
}

// outputFlags adds the flags of the commands that place the spec's
// outputs (generate and check) to the spec's flags.
func outputFlags(fs *flag.FlagSet, opts *engine.Options) {
	specFlags(fs, opts)
	fs.BoolVar(&opts.AllowOutside, "allow-outside", false, "allow outputs outside the project (the nearest directory above the spec with go.mod or .git)")
}

// eolFlag adds -strict-eol: errgen's LF line ends, not those of the files
// on disk.
func eolFlag(fs *flag.FlagSet, usage string) *bool {
	return fs.Bool("strict-eol", false, usage)
}

// eolPolicy is the engine's treatment of CRLF line ends for -strict-eol.
func eolPolicy(strict bool) engine.EOL {
	if strict {
		return engine.StrictEOL
	}
	return engine.KeepEOL
}

// staleRule is how generate and check find the files a spec no longer
// produces; docs/safety.md says the same at length.
const staleRule = `Files errgen generated from this spec that it no longer produces (an
error, a group or a whole output removed from the spec, the docs layout
changed) are stale. errgen finds them by their header, which names the
spec relative to the project root (the nearest directory above the spec
with go.mod or .git): the file's first line, or the first line after a
Markdown page's front matter, is
  // Code generated by errgen from spec/errors.yaml. DO NOT EDIT.
(or the same in a "# " or "<!-- -->" comment; a .json file holds the
text in "$comment", the first member of its top-level object). It looks
in .go, .md, .mdx, .yaml, .yml and .json files and files with an
output's extension,
everywhere in the project but vendor, node_modules, testdata, hidden
directories and directories of another module (holding go.mod or .git),
and directly in each directory the spec writes into. Files outside the
project are never looked at.`

func (c *command) generate(args []string) int {
	var opts engine.Options
	fs := c.flags("generate", "[-spec spec/errors.yaml] [-q | -v] [-strict-eol]", `Writes every output the spec configures: the Go package (outputs.go), the
OpenAPI fragment (outputs.openapi), the merge into your OpenAPI document
(openapi.merge_into), the Markdown reference (outputs.docs) and the JSON
catalog (outputs.catalog), and deletes the stale files. Prints each file
it writes or deletes, and notes (such as responses written by hand that
the merge leaves alone) on stderr; -q prints nothing but problems.

Only files whose bytes change are rewritten, each atomically. A file that
differs only by having CRLF line ends (as Git for Windows checks files
out) is up to date and left alone; a CRLF file that must be rewritten is
written with CRLF line ends. -strict-eol writes LF line ends always. Nothing is
written when the spec has problems; they are all printed, file:line:col.
A file that errgen did not generate (it does not carry "Code generated
by errgen" in its first 16 KiB; a .json file, as its first member,
"$comment") is never overwritten or deleted.

`+staleRule+`

File names are printed relative to the working directory, or to the
project root when errgen runs below it (as under go generate).

For go:generate, in a Go file of the package that holds the generated
code, with the spec's path relative to that package's directory:
  //go:generate go tool errgen generate -spec ../../spec/errors.yaml`)
	outputFlags(fs, &opts)
	strictEOL := eolFlag(fs, "write LF line ends, rewriting outputs that have CRLF line ends (the merged OpenAPI document keeps its own)")
	verbose := fs.Bool("v", false, "also list the outputs that did not change")
	quiet := fs.Bool("q", false, "print nothing but problems: no notes, no list of written files")
	if code, stop := c.parse(fs, args); stop {
		return code
	}
	if *verbose && *quiet {
		fmt.Fprintln(c.stderr, "errgen generate: -q and -v cannot be used together")
		fs.Usage()
		return ExitUsage
	}
	r, err := engine.Render(opts)
	if err != nil {
		return c.fail(err)
	}
	changes, err := engine.WriteEOL(engine.OS, r, eolPolicy(*strictEOL))
	if err != nil {
		return c.fail(err)
	}
	if *quiet {
		return ExitOK
	}
	for _, n := range r.Notes {
		fmt.Fprintf(c.stderr, "note: %s\n", n)
	}
	for _, ch := range changes {
		switch {
		case ch.Kind == "write":
			fmt.Fprintf(c.stdout, "wrote %s\n", ch.Name)
		case ch.Kind == "delete":
			fmt.Fprintf(c.stdout, "deleted %s\n", ch.Name)
		case *verbose:
			fmt.Fprintf(c.stdout, "unchanged %s\n", ch.Name)
		}
	}
	return ExitOK
}

func (c *command) check(args []string) int {
	var opts engine.Options
	fs := c.flags("check", "[-spec spec/errors.yaml] [-q] [-strict-eol]", `Regenerates every output in memory and compares it with the files on disk:
the CI check that code and docs match the spec. Writes nothing. Exits 0
when all match; else exits 1, printing a unified diff for each file that
differs, "missing: FILE" for each output that does not exist and
"obsolete: FILE" for each stale file (errgen generate deletes it), then
the command that brings them up to date. A file at an output's path that
errgen did not generate is reported as such: errgen generate refuses to
overwrite it. A file that differs only by
having CRLF line ends (as Git for Windows checks files out) is up to
date; with -strict-eol it is reported as "line endings: FILE". File names are relative to the
working directory, or to the project root when check runs below it.

`+staleRule)
	outputFlags(fs, &opts)
	strictEOL := eolFlag(fs, "fail when an output has CRLF line ends where errgen writes LF (the merged OpenAPI document keeps its own)")
	quiet := fs.Bool("q", false, "print only the names of the files that differ, are missing or are stale")
	if code, stop := c.parse(fs, args); stop {
		return code
	}
	r, err := engine.Render(opts)
	if err != nil {
		return c.fail(err)
	}
	drift, err := engine.CheckEOL(engine.OS, r, eolPolicy(*strictEOL))
	if err != nil {
		return c.fail(err)
	}
	if len(drift) == 0 {
		return ExitOK
	}
	conflicts := 0
	for _, d := range drift {
		if d.Kind == "conflict" {
			conflicts++
		}
		switch {
		case *quiet:
			fmt.Fprintln(c.stdout, d.Name)
		case d.Kind == "conflict":
			fmt.Fprintln(c.stdout, engine.Conflict(d))
		case d.Kind == "missing":
			fmt.Fprintf(c.stdout, "missing: %s\n", d.Name)
		case d.Kind == "delete":
			fmt.Fprintf(c.stdout, "obsolete: %s\n", d.Name)
		case d.Kind == "eol":
			fmt.Fprintf(c.stdout, "line endings: %s (CRLF; errgen writes LF)\n", d.Name)
		default:
			c.stdout.Write(d.Diff)
		}
	}
	switch {
	case conflicts == len(drift):
		fmt.Fprintf(c.stderr, "errgen check: %d file(s) at output paths of %s were not generated by errgen; move or remove them\n", conflicts, opts.SpecPath)
	case conflicts > 0:
		fmt.Fprintf(c.stderr, "errgen check: %d file(s) out of date with %s, and %d file(s) at its output paths were not generated by errgen; move or remove those, then run: %s\n",
			len(drift)-conflicts, opts.SpecPath, conflicts, generateCommand(fs))
	default:
		fmt.Fprintf(c.stderr, "errgen check: %d file(s) out of date with %s; run: %s\n", len(drift), opts.SpecPath, generateCommand(fs))
	}
	return ExitInput
}

// generateCommand is the errgen generate command that writes what check
// found, with the flags check was given that change the outputs.
func generateCommand(fs *flag.FlagSet) string {
	set := map[string]string{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = f.Value.String() })
	cmd := []string{"errgen", "generate"}
	if v, ok := set["spec"]; ok {
		cmd = append(cmd, "-spec", shellQuote(v))
	}
	if set["allow-outside"] == "true" {
		cmd = append(cmd, "-allow-outside")
	}
	if v, ok := set["openapi-version"]; ok {
		cmd = append(cmd, "-openapi-version", shellQuote(v))
	}
	if set["strict-eol"] == "true" {
		cmd = append(cmd, "-strict-eol")
	}
	return strings.Join(cmd, " ")
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=.,/:@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// readFile is os.ReadFile, a variable for tests.
var readFile = os.ReadFile
