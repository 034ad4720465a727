package cli

import (
	"fmt"
	"path/filepath"

	"github.com/errgen/errgen/internal/engine"
	"github.com/errgen/errgen/internal/openapi"
)

const openapiUsage = `Usage: errgen openapi <fragment|merge> [flags]

  fragment   print the OpenAPI fragment describing every error (stdout)
  merge      merge the fragment into an OpenAPI document (YAML or JSON),
             keeping its comments, key order and formatting

Run 'errgen openapi <subcommand> -h' for flags.
`

func (c *command) openapi(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, openapiUsage)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(c.stdout, openapiUsage)
		return ExitOK
	case "fragment":
		return c.openapiFragment(args[1:])
	case "merge":
		return c.openapiMerge(args[1:])
	}
	fmt.Fprintf(c.stderr, "errgen openapi: unknown subcommand %q\n\n%s", args[0], openapiUsage)
	return ExitUsage
}

func (c *command) openapiFragment(args []string) int {
	var opts engine.Options
	fs := c.flags("openapi fragment", "[-spec spec/errors.yaml] [-openapi-version 3.1]",
		"Prints the OpenAPI fragment (components and responses for every error) to stdout.")
	specFlags(fs, &opts)
	if code, stop := c.parse(fs, args); stop {
		return code
	}
	s, err := engine.Load(opts)
	if err != nil {
		return c.fail(err)
	}
	data, err := openapi.Fragment(s)
	if err != nil {
		return c.fail(err)
	}
	c.stdout.Write(data)
	return ExitOK
}

func (c *command) openapiMerge(args []string) int {
	var opts engine.Options
	fs := c.flags("openapi merge", "-into api/openapi.yaml [-write] [-spec spec/errors.yaml]",
		`Merges errgen's components and responses into an OpenAPI document and
prints the result, or with -write replaces the document atomically.

errgen's own components carry x-errgen: true, so merging again replaces
them: merging twice gives the same bytes. A component of the same name
written by hand is a conflict: errgen names both positions and writes
nothing. Each error's status response is added to the operations its
spec entry lists (operations: [operationId]); a response already written
by hand on an operation is left alone and reported. The merged document
is validated before anything is written.

To merge on every 'errgen generate', set openapi.merge_into in the spec.`)
	specFlags(fs, &opts)
	into := fs.String("into", "", "the OpenAPI document to merge into (required)")
	write := fs.Bool("write", false, "write the merged document back to -into instead of printing it")
	if code, stop := c.parse(fs, args); stop {
		return code
	}
	if *into == "" {
		fmt.Fprintln(c.stderr, "errgen openapi merge: -into is required")
		fs.Usage()
		return ExitUsage
	}
	s, err := engine.Load(opts)
	if err != nil {
		return c.fail(err)
	}
	doc, err := readFile(*into)
	if err != nil {
		return c.fail(err)
	}
	name := filepath.ToSlash(*into)
	out, notes, err := openapi.Merge(s, name, doc)
	if err != nil {
		return c.fail(&engine.InputError{Err: err})
	}
	for _, n := range notes {
		fmt.Fprintf(c.stderr, "note: %s\n", n)
	}
	if !*write {
		c.stdout.Write(out)
		return ExitOK
	}
	r := &engine.Result{Spec: s, Outputs: []engine.Output{{Path: *into, Name: name, Data: out, Merged: true}}}
	changes, err := engine.Write(engine.OS, r)
	if err != nil {
		return c.fail(err)
	}
	for _, ch := range changes {
		if ch.Kind == "write" {
			fmt.Fprintf(c.stdout, "wrote %s\n", ch.Name)
		}
	}
	return ExitOK
}
