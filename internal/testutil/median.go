package testutil

import "slices"

// Median is the median of xs (0 for none). Benchmarks that report a ratio
// to a baseline run in the same process divide by the median of the
// baseline's runs so far: -count runs each sub-benchmark that many times
// in a row.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
