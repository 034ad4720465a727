package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testutil"
)

// BenchmarkCommand runs the errgen command, as a user does, on synthetic
// catalogs of 100, 1,000 and 10,000 errors, beside its floor: the gofmt
// command run on the Go file errgen writes. Each errgen run writes every
// output (they are removed, untimed, before each run). The floor runs
// first, so each errgen run reports its ratio to it (x-gofmt, against the
// median of the floor's runs under -count).
func BenchmarkCommand(b *testing.B) {
	if testing.Short() {
		b.Skip("builds errgen and runs it on up to 10,000 errors")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go command")
	}
	goroot, err := exec.Command(goBin, "env", "GOROOT").Output()
	if err != nil {
		b.Fatal(err)
	}
	gofmt := filepath.Join(strings.TrimSpace(string(goroot)), "bin", "gofmt")
	bin := filepath.Join(b.TempDir(), "errgen")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, n := range []int{100, 1000, 10000} {
		dir := b.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module synth\n"), 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "errors.yaml"), testutil.SynthSpec(n), 0o644); err != nil {
			b.Fatal(err)
		}
		outputs := []string{"errors_gen.go", "openapi.yaml", "errors.md"}
		run := func(b *testing.B, name string, args ...string) {
			var stderr strings.Builder
			cmd := exec.Command(name, args...)
			cmd.Dir, cmd.Stdout, cmd.Stderr = dir, io.Discard, &stderr
			if err := cmd.Run(); err != nil {
				b.Fatalf("%s: %v\n%s", name, err, stderr.String())
			}
		}
		run(b, bin, "generate", "-spec", "errors.yaml") // the file gofmt formats
		var floor []float64
		b.Run(fmt.Sprintf("errors=%d/gofmt", n), func(b *testing.B) {
			for b.Loop() {
				run(b, gofmt, "errors_gen.go")
			}
			floor = append(floor, float64(b.Elapsed().Nanoseconds())/float64(b.N))
			b.ReportMetric(floor[len(floor)-1]/float64(n), "ns/error")
		})
		b.Run(fmt.Sprintf("errors=%d/errgen", n), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				for _, o := range outputs {
					os.Remove(filepath.Join(dir, o))
				}
				b.StartTimer()
				run(b, bin, "generate", "-spec", "errors.yaml")
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(ns/float64(n), "ns/error")
			if len(floor) > 0 {
				b.ReportMetric(ns/testutil.Median(floor), "x-gofmt")
			}
		})
	}
}
