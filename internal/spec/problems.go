// Package spec loads and validates errgen spec files (spec/errors.yaml) and
// builds the resolved model every renderer works from.
//
// Loading never stops at the first problem: every problem found is
// collected with its file:line:col and returned at once, sorted, as
// Problems. Nothing is built when there is any problem, so callers cannot
// render a half-valid spec by accident.
package spec

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/internal/model"
)

// Problem is one thing wrong with a spec, at a position.
type Problem struct {
	Pos model.Pos
	Msg string
}

func (p Problem) String() string { return p.Pos.String() + ": " + p.Msg }

// Problems is every problem found in a spec, sorted by position. It is the
// error Load returns for a spec that is not valid.
type Problems []Problem

// Error prints one problem per line, compiler style.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Sorted sorts the problems by position and drops exact repeats (an
// aliased node reached twice reports the same problem twice), as Load
// returns them; the engine sorts problems found after loading, such as
// with where an output goes, the same way.
func (ps Problems) Sorted() Problems {
	ps.sort()
	return slices.Compact(ps)
}

func (ps Problems) sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// reporter collects problems; the loader's stages share one.
type reporter struct {
	file  string
	src   *source // the spec's source, for hints that quote it
	probs Problems
}

func (r *reporter) add(pos model.Pos, format string, args ...any) {
	r.probs = append(r.probs, Problem{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}
