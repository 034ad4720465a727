// Command errgen generates Go error types, HTTP mappers, OpenAPI
// components and Markdown reference pages from one error catalog,
// spec/errors.yaml. Run 'errgen -h' for its commands; docs/ in its
// repository is the manual.
package main

import (
	"os"
	"runtime/debug"

	"github.com/errgen/errgen/internal/cli"
)

// gcPercent is the garbage collector's target when GOGC is not set. errgen
// runs for seconds at most and keeps most of what it builds until it
// writes, so collecting less often saves time: on a catalog of 10,000
// errors generate takes 1.2x less time (1.3x less CPU) for about 20 % more peak
// memory (BENCHMARKS.md). GOGC in the environment still decides.
const gcPercent = 400

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
