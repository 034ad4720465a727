package engine

import "bytes"

// Line endings.
//
// errgen renders every output with "\n" line ends. Git for Windows checks
// text files out with "\r\n" by default (core.autocrlf=true), so on such
// a checkout every committed output differs from what errgen renders by
// its line ends only. errgen treats a file that differs from its output
// only that way — every line end on disk is "\r\n" where the output has
// "\n", and nothing else differs — as up to date: check passes it and
// generate leaves it alone. When such a file needs rewriting for another
// reason, generate writes it with "\r\n" line ends, as it found it. A file
// with mixed line ends, or any other difference, is out of date and is
// written with "\n". check -strict-eol and generate -strict-eol insist
// on "\n" (see EOL).

// EOL is how Write and Check treat an output file whose line ends are
// "\r\n".
type EOL int

const (
	// KeepEOL keeps the line ends of an existing file: a file that
	// differs from its output only by having "\r\n" line ends is up to
	// date, and such a file is rewritten with "\r\n" line ends.
	KeepEOL EOL = iota
	// StrictEOL wants errgen's bytes exactly: "\n" line ends (the merged
	// OpenAPI document excepted, which keeps its own; see openapi.Merge).
	StrictEOL
)

// isCRLF reports whether data has at least one line end and every line
// end in it is "\r\n".
func isCRLF(data []byte) bool {
	n := bytes.Count(data, []byte("\n"))
	return n > 0 && bytes.Count(data, []byte("\r\n")) == n
}

// toCRLF returns data with each "\n" that does not follow a "\r" turned
// into "\r\n".
func toCRLF(data []byte) []byte {
	out := make([]byte, 0, len(data)+bytes.Count(data, []byte("\n")))
	for i, c := range data {
		if c == '\n' && (i == 0 || data[i-1] != '\r') {
			out = append(out, '\r')
		}
		out = append(out, c)
	}
	return out
}

// sameButCRLF reports whether disk is want with every line end "\r\n":
// the only difference CRLF line ends make. A file with mixed line ends
// or any other difference is not.
func sameButCRLF(disk, want []byte) bool {
	if !isCRLF(disk) || len(disk) <= len(want) {
		return false
	}
	return bytes.Equal(disk, toCRLF(want))
}
