package testutil

import (
	"fmt"
	"strings"
)

// SynthSpec is a spec of n errors in n/50 groups that uses every feature a
// real catalog does: params of each type, variants, details, retries,
// aliases, deprecations and operations. Benchmarks measure generation on
// it; it writes every output (errors_gen.go, openapi.yaml, errors.md)
// beside the spec.
func SynthSpec(n int) []byte {
	var b strings.Builder
	b.WriteString("errgen: 1\napi:\n  name: Synthetic API\n  docs_url: https://docs.example.com/errors\n")
	b.WriteString("go:\n  package: synth\noutputs:\n  go: errors_gen.go\n  openapi: openapi.yaml\n  docs: errors.md\ngroups:\n")
	groups := max(1, n/50)
	for g := range groups {
		fmt.Fprintf(&b, "  - id: group%d\n    title: Group %d\n    description: Errors of area %d.\n", g, g, g)
	}
	b.WriteString("errors:\n")
	statuses := []int{400, 401, 403, 404, 409, 422, 429, 500, 503}
	for i := range n {
		st := statuses[i%len(statuses)]
		fmt.Fprintf(&b, "  - code: error_number_%d\n    status: %d\n    group: group%d\n", i, st, i%groups)
		fmt.Fprintf(&b, "    title: Error number %d\n    description: Error %d happens when the request is wrong in way %d.\n", i, i, i)
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "    message: Thing %d failed.\n    causes: [First cause, Second cause]\n    solution: Fix it.\n", i)
		case 1:
			b.WriteString("    message: \"{field} is invalid: {reason} (limit {limit})\"\n")
			b.WriteString("    params:\n      - {name: field, type: string}\n      - {name: reason, type: string}\n      - {name: limit, type: int}\n")
			b.WriteString("    example: {field: name, reason: too long, limit: 64}\n    details: true\n")
			b.WriteString("    variants:\n      - {name: missing, message: \"{field} is required\"}\n")
		case 2:
			b.WriteString("    message: \"Used {ratio} of quota {n}\"\n    params:\n      - {name: ratio, type: float64}\n      - {name: n, type: int64}\n")
			fmt.Fprintf(&b, "    retry_after: %d\n    aliases: [legacy_alias_%d]\n", 1+i%120, i)
		case 3:
			fmt.Fprintf(&b, "    message: \"Flag is {on}\"\n    params: [{name: on, type: bool}]\n    deprecated: Use error_number_%d.\n", i-1)
			fmt.Fprintf(&b, "    operations: [op%d, op%d]\n", i%20, (i+7)%20)
		}
	}
	return []byte(b.String())
}
