package gen

// What a generated package costs its users at every build, not only at
// generation: the bytes of Go per error, the time to recompile the package
// after a change to its content, and what it adds to a server binary. Each
// is measured beside a baseline in the same run (`make bench-cost`,
// BENCHMARKS.md).

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// plainSynthSpec is a plainer catalog than testutil.SynthSpec: every
// error has a title, a description and a message, every other one a
// single string param; no variants, details, retries, aliases,
// deprecations or operations.
func plainSynthSpec(n int) []byte {
	var b strings.Builder
	b.WriteString("errgen: 1\napi:\n  name: Plain API\n  docs_url: https://docs.example.com/errors\n")
	b.WriteString("go:\n  package: plain\noutputs:\n  go: errors_gen.go\ngroups:\n")
	groups := max(1, n/50)
	for g := range groups {
		fmt.Fprintf(&b, "  - id: group%d\n    title: Group %d\n", g, g)
	}
	b.WriteString("errors:\n")
	statuses := []int{400, 403, 404, 409, 422, 500}
	for i := range n {
		fmt.Fprintf(&b, "  - code: plain_error_%d\n    status: %d\n    group: group%d\n", i, statuses[i%len(statuses)], i%groups)
		fmt.Fprintf(&b, "    title: Plain error %d\n    description: Plain error %d happens when the request is wrong.\n", i, i)
		if i%2 == 0 {
			fmt.Fprintf(&b, "    message: Plain thing %d failed.\n", i)
		} else {
			b.WriteString("    message: \"{name} is invalid\"\n    params:\n      - {name: name, type: string}\n")
		}
	}
	return []byte(b.String())
}

// catalogs are the synthetic catalogs the size of the generated Go is
// measured on.
var catalogs = []struct {
	name  string
	synth func(n int) []byte
}{
	{"synth", testutil.SynthSpec},
	{"plain", plainSynthSpec},
}

// renderSynth renders errors_gen.go for a synthetic catalog of n errors.
func renderSynth(tb testing.TB, synth func(int) []byte, n int) []byte {
	tb.Helper()
	s, err := spec.Parse("errors.yaml", synth(n))
	if err != nil {
		tb.Fatal(err)
	}
	code, err := Go(s)
	if err != nil {
		tb.Fatal(err)
	}
	return code
}

// goBytesPerError is the size of errors_gen.go per error beyond the
// fixed part: the growth from 100 to 1,000 errors over the 900 added.
func goBytesPerError(tb testing.TB, synth func(int) []byte) (perError float64, small, large int) {
	tb.Helper()
	a := renderSynth(tb, synth, 100)
	c := renderSynth(tb, synth, 1000)
	return float64(len(c)-len(a)) / 900, len(a), len(c)
}

// maxGoBytesPerError is the most generated Go an error may add beyond the
// fixed part (BENCHMARKS.md, "Cost of the generated package").
const maxGoBytesPerError = 800

// TestGoBytesPerError holds the bytes of generated Go per error of each
// synthetic catalog to maxGoBytesPerError; the output is deterministic,
// so the figure is exact.
func TestGoBytesPerError(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 1,100 errors per catalog")
	}
	for _, c := range catalogs {
		per, small, large := goBytesPerError(t, c.synth)
		if small <= 0 || large <= small {
			t.Fatalf("%s: errors_gen.go of 100 errors is %d B, of 1,000 errors %d B", c.name, small, large)
		}
		t.Logf("%s: errors_gen.go %d B at 100 errors, %d B at 1,000: %.0f B per error beyond the fixed part (%d B)",
			c.name, small, large, per, small-int(per*100))
		if per > maxGoBytesPerError {
			t.Errorf("%s: %.0f B of Go per error, more than %d B", c.name, per, maxGoBytesPerError)
		}
	}
}

// BenchmarkGoBytes renders errors_gen.go for 100 and 1,000 errors of each
// synthetic catalog and reports the size per error beyond the fixed part
// (B/error) and the file at 1,000 errors (file-B). Its time is rendering
// both files; the metrics are what it is for.
func BenchmarkGoBytes(b *testing.B) {
	for _, c := range catalogs {
		b.Run(c.name, func(b *testing.B) {
			var per float64
			var large int
			for b.Loop() {
				per, _, large = goBytesPerError(b, c.synth)
			}
			b.ReportMetric(per, "B/error")
			b.ReportMetric(float64(large), "file-B")
		})
	}
}

// buildModule is a throwaway module holding a main package, and for the
// generated variant the package generated from a synthetic catalog, that
// a benchmark changes and rebuilds.
type buildModule struct {
	dir, goBin, bin string
	// pkg, when set, is the package path (relative to dir) to build
	// alone: the compile of that package, with no link.
	pkg string
	// write rewrites the module's content for revision rev; each
	// revision differs from every other in a message text, so the build
	// cache cannot reuse the compiled package.
	write func(tb testing.TB, rev int)
}

func (m *buildModule) build(tb testing.TB) {
	tb.Helper()
	cmd := exec.Command(m.goBin, "build", "-o", m.bin, ".")
	if m.pkg != "" {
		cmd = exec.Command(m.goBin, "build", m.pkg)
	}
	cmd.Dir = m.dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build in %s: %v\n%s", m.dir, err, out)
	}
}

func (m *buildModule) size(tb testing.TB) int64 {
	tb.Helper()
	fi, err := os.Stat(m.bin)
	if err != nil {
		tb.Fatal(err)
	}
	return fi.Size()
}

func writeFile(tb testing.TB, path string, data []byte) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

const costGoMod = "module costbench\n\ngo 1.25\n"

// generatedModule serves every request with a catalog error through the
// package generated from testutil.SynthSpec(n).
func generatedModule(tb testing.TB, goBin string, n int) *buildModule {
	dir := tb.TempDir()
	src := testutil.SynthSpec(n)
	const old = "message: Thing 0 failed.\n"
	if !bytes.Contains(src, []byte(old)) {
		tb.Fatalf("SynthSpec(%d) has no %q to change", n, old)
	}
	writeFile(tb, filepath.Join(dir, "go.mod"), []byte(costGoMod))
	writeFile(tb, filepath.Join(dir, "main.go"), []byte(`package main

import (
	"net/http"

	"costbench/synth"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		synth.WriteError(w, r, synth.NewErrorNumber0())
	})
	_ = http.ListenAndServe(":8080", nil)
}
`))
	return &buildModule{dir: dir, goBin: goBin, bin: filepath.Join(dir, "server"), write: func(tb testing.TB, rev int) {
		tb.Helper()
		s, err := spec.Parse("errors.yaml", bytes.Replace(src, []byte(old), fmt.Appendf(nil, "message: Thing 0 failed (revision %d).\n", rev), 1))
		if err != nil {
			tb.Fatal(err)
		}
		code, err := Go(s)
		if err != nil {
			tb.Fatal(err)
		}
		writeFile(tb, filepath.Join(dir, "synth", "errors_gen.go"), code)
		writeFile(tb, filepath.Join(dir, "synth", model.RuntimeFile), Runtime(s))
	}}
}

// generatedPackage is generatedModule's package on its own: a change to
// its content followed by `go build` of that package, which compiles it
// and links nothing, as a team's edit-build loop does before the server
// is linked.
func generatedPackage(tb testing.TB, goBin string, n int) *buildModule {
	m := generatedModule(tb, goBin, n)
	m.pkg = "./synth"
	return m
}

// handWrittenModule is the baseline: a net/http server with no errors
// package that writes one error body by hand.
func handWrittenModule(tb testing.TB, goBin string) *buildModule {
	dir := tb.TempDir()
	writeFile(tb, filepath.Join(dir, "go.mod"), []byte(costGoMod))
	return &buildModule{dir: dir, goBin: goBin, bin: filepath.Join(dir, "server"), write: func(tb testing.TB, rev int) {
		tb.Helper()
		writeFile(tb, filepath.Join(dir, "main.go"), fmt.Appendf(nil, `package main

import "net/http"

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(%q))
	})
	_ = http.ListenAndServe(":8080", nil)
}
`, fmt.Sprintf(`{"code":"error_number_0","message":"Thing 0 failed (revision %d)."}`, rev)))
	}}
}

// BenchmarkRebuild measures `go build` of a server after a change to the
// content of the package generated from testutil.SynthSpec(1000) (a
// message text: the build cache is keyed by content), everything else
// compiled in an untimed warm-up, beside the same change to a
// hand-written net/http server with no errors package. The errgen run
// reports its ratio to the baseline's (x-baseline) and, from the binaries
// the builds write, what the package adds to the server (MB/1k-errors);
// each reports its binary's size (binary-B). The package of one error
// (errors=1) measures the fixed part every catalog pays (the runtime):
// the errgen run of 1,000 errors also reports what its errors add beyond
// it (MB/1k-errors-beyond-fixed) and its time over that package's
// (x-errors=1). errors=1000/errgen/package is the same change followed
// by `go build` of the generated package alone (compiled, nothing
// linked): recompiling the package, what the server's build adds to the
// baseline's compile and link. Rewriting the sources is not timed. Run with -benchtime 1x and -count 3 or more: one rebuild takes
// seconds.
func BenchmarkRebuild(b *testing.B) {
	if testing.Short() {
		b.Skip("builds Go programs")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go command")
	}
	const n = 1000
	mods := []struct {
		name string
		mod  *buildModule
	}{
		{"baseline=net_http", handWrittenModule(b, goBin)},
		{"errors=1/errgen", generatedModule(b, goBin, 1)},
		{fmt.Sprintf("errors=%d/errgen", n), generatedModule(b, goBin, n)},
		{fmt.Sprintf("errors=%d/errgen/package", n), generatedPackage(b, goBin, n)},
	}
	var rev int
	for _, m := range mods {
		rev++
		m.mod.write(b, rev)
		m.mod.build(b) // warm-up: std and the rest in the cache
	}
	var baseNs []float64 // every baseline run so far (-count)
	var baseSize, oneSize int64
	var oneNs []float64 // every run of the package of one error
	for i, m := range mods {
		b.Run(m.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				rev++
				m.mod.write(b, rev)
				b.StartTimer()
				m.mod.build(b)
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			if m.mod.pkg != "" {
				// The package alone: no binary, only the time, against
				// the hand-written server's build.
				if len(baseNs) > 0 {
					b.ReportMetric(ns/testutil.Median(baseNs), "x-baseline")
				}
				return
			}
			size := m.mod.size(b)
			b.ReportMetric(float64(size), "binary-B")
			if i == 0 {
				baseNs, baseSize = append(baseNs, ns), size
				return
			}
			if len(baseNs) > 0 {
				b.ReportMetric(ns/testutil.Median(baseNs), "x-baseline")
			}
			if i == 1 {
				// The package of one error: the runtime and the fixed
				// part, which every catalog pays.
				oneNs, oneSize = append(oneNs, ns), size
				if baseSize > 0 {
					b.ReportMetric(float64(size-baseSize)/1e6, "MB-fixed")
				}
				return
			}
			if baseSize > 0 {
				b.ReportMetric(float64(size-baseSize)/1e6/(n/1000.0), "MB/1k-errors")
			}
			if oneSize > 0 {
				// What the errors add beyond the package of one error.
				b.ReportMetric(float64(size-oneSize)/1e6/((n-1)/1000.0), "MB/1k-errors-beyond-fixed")
				b.ReportMetric(ns/testutil.Median(oneNs), "x-errors=1")
			}
		})
	}
}
