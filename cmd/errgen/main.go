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
//
// In a container (a control group) with less than twice memoryLimit of
// memory, the limit is half the container's; with less than twice
// minMemoryLimit, errgen keeps Go's default collector.
const (
	memoryLimit    = 1 << 30
	minMemoryLimit = 256 << 20
	gcPercent      = 400
)

func main() {
	_, gogc := os.LookupEnv("GOGC")
	_, limit := os.LookupEnv("GOMEMLIMIT")
	if !gogc && !limit {
		if l, ok := heapLimit(containerMemory("/sys/fs/cgroup", "/proc/self/cgroup")); ok {
			debug.SetGCPercent(-1)
			debug.SetMemoryLimit(l)
			watchHeap(l)
		}
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// heapLimit is the memory limit up to which errgen collects no garbage,
// given the container's memory (known reports whether there is one);
// false to keep Go's default collector.
func heapLimit(container int64, known bool) (int64, bool) {
	switch {
	case !known || container >= 2*memoryLimit:
		return memoryLimit, true
	case container/2 >= minMemoryLimit:
		return container / 2, true
	}
	return 0, false
}

// watchHeap runs after each garbage collection until the heap has neared
// limit, then sets the collector to gcPercent without a limit.
func watchHeap(limit int64) {
	// The sentinel holds a pointer, so that it is not allocated with other
	// small objects, which would keep it alive.
	type sentinel struct{ _ *int }
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() >= uint64(limit/4*3) {
			debug.SetGCPercent(gcPercent)
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
		watchHeap(limit)
	})
}
