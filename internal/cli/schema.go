package cli

import "github.com/errgen/errgen/internal/spec"

func (c *command) schema(args []string) int {
	fs := c.flags("schema", "", `Prints the JSON Schema of the spec format. Point your editor's YAML
support at it, e.g. with a first line in spec/errors.yaml:
  # yaml-language-server: $schema=errors.schema.json`)
	if code, stop := c.parse(fs, args); stop {
		return code
	}
	c.stdout.Write(spec.Schema)
	return ExitOK
}
