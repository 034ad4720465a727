package cli

import (
	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/spec"
)

func (c *command) schema(args []string) int {
	fs := c.flags("schema", "[-catalog]", `Prints the JSON Schema of the spec format. Point your editor's YAML
support at it, e.g. with a first line in spec/errors.yaml:
  # yaml-language-server: $schema=errors.schema.json
With -catalog, prints the JSON Schema of the JSON catalog errgen writes
to outputs.catalog instead (docs/catalog.md), for the tools that read it.`)
	cat := fs.Bool("catalog", false, "print the JSON Schema of the catalog document (outputs.catalog)")
	if code, stop := c.parse(fs, args); stop {
		return code
	}
	if *cat {
		c.stdout.Write(catalog.Schema)
		return ExitOK
	}
	c.stdout.Write(spec.Schema)
	return ExitOK
}
