//go:build race

package runtime

// raceEnabled reports a build with the race detector, under which
// sync.Pool drops items at random: allocation counts of code that uses
// one (WriteError's buffers) are not what they are in a service.
const raceEnabled = true
