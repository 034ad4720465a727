package spec

import (
	"bytes"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileLimits feeds the loader documents built to exhaust it: each
// must be refused with one clear problem, having allocated a bounded
// amount of memory (no time limits: the machine's speed is not tested).
func TestHostileLimits(t *testing.T) {
	bomb := func(levels, width int) []byte {
		var b strings.Builder
		b.WriteString("errgen: 1\ngo: {package: a}\nerrors:\n  - code: a\n    status: 400\n    message: x\n    causes: &c0 [lol, lol]\n")
		b.WriteString("response:\n  format: custom\n  body:\n")
		b.WriteString("    l0: &b0 {a: $code, b: $code}\n")
		for i := 1; i <= levels; i++ {
			b.WriteString("    l" + itoa(i) + ": &b" + itoa(i) + " {")
			for j := range width {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString("k" + itoa(j) + ": *b" + itoa(i-1))
			}
			b.WriteString("}\n")
		}
		return []byte(b.String())
	}
	for _, tc := range []struct {
		name     string
		src      []byte
		want     string
		maxAlloc uint64
	}{
		{"billion laughs", bomb(9, 10), "expands YAML aliases more than 10000 times", 64 << 20},
		{"wide alias fan-out", bomb(3, 1000), "expands YAML aliases more than 10000 times", 64 << 20},
		{"deep flow nesting", []byte("errgen: 1\nx: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"), "nested more than 64 levels", 8 << 20},
		{"deep block nesting", []byte("errgen: 1\nx:\n" + deepBlock(200)), "nested more than 64 levels", 8 << 20},
		{"oversized", append([]byte("errgen: 1\n# "), bytes.Repeat([]byte("x"), MaxSpecBytes)...), "larger than 16 MiB", 64 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = Parse("errors.yaml", tc.src) })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one mentioning %q", err, tc.want)
			}
			if ps := err.(Problems); len(ps) > 3 {
				t.Errorf("%d problems reported, want one clear one:\n%v", len(ps), err)
			}
			if n > tc.maxAlloc {
				t.Errorf("allocated %d MiB refusing it, want at most %d MiB", n>>20, tc.maxAlloc>>20)
			}
		})
	}
}

func deepBlock(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i+1) + "k:\n")
	}
	b.WriteString(strings.Repeat("  ", depth+1) + "v\n")
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }
