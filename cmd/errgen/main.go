// Command errgen generates Go error types, HTTP mappers, OpenAPI
// components and Markdown reference pages from one error catalog,
// spec/errors.yaml. Run 'errgen -h' for its commands; docs/ in its
// repository is the manual.
package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	"github.com/errgen/errgen/internal/cli"
)

// errgen runs for seconds at most and keeps most of what it builds until
// it writes, so collecting garbage mostly costs time. Unless GOGC or
// GOMEMLIMIT is set, it collects none until the heap nears memoryLimit
// (but the one collection after loading a large spec, internal/engine):
// a catalog of 10,000 errors (3.5 MB of spec) is generated in some
// 660 MB at its peak. Once the heap has neared the limit, errgen collects
// as GOGC=400 would, so a larger catalog costs what it did before
// (BENCHMARKS.md). GOGC or GOMEMLIMIT in the environment decides instead.
const (
	memoryLimit = 1 << 30
	gcPercent   = 400
)

func main() {
	_, gogc := os.LookupEnv("GOGC")
	_, limit := os.LookupEnv("GOMEMLIMIT")
	if !gogc && !limit {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(memoryLimit)
		watchHeap()
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// watchHeap runs after each garbage collection until the heap has neared
// memoryLimit, then sets the collector to gcPercent without a limit.
func watchHeap() {
	// The sentinel holds a pointer, so that it is not allocated with other
	// small objects, which would keep it alive.
	type sentinel struct{ _ *int }
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() >= memoryLimit/4*3 {
			debug.SetGCPercent(gcPercent)
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
		watchHeap()
	})
}
