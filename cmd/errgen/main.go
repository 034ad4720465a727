// Command errgen generates Go error types, HTTP mappers, OpenAPI
// components and Markdown reference pages from one error catalog,
// spec/errors.yaml. Run 'errgen -h' for its commands; docs/ in its
// repository is the manual.
package main

import (
	"os"

	"github.com/errgen/errgen/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
