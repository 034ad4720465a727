package engine

import (
	"runtime/debug"
	"testing"
)

// TestCollectorOff checks that Render sees whether the collector is off,
// as cmd/errgen sets it, and only then collects after loading.
func TestCollectorOff(t *testing.T) {
	old := debug.SetGCPercent(400)
	defer debug.SetGCPercent(old)
	if collectorOff() {
		t.Error("GOGC=400 taken for off")
	}
	debug.SetGCPercent(-1)
	if !collectorOff() {
		t.Error("GOGC=off not seen")
	}
}
