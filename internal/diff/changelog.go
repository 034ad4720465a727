package diff

import (
	"io"
	"strings"
)

// Sections lists the changelog's sections in the order it prints them.
var Sections = []Section{Added, Changed, Deprecated, Removed}

// Changelog writes the changes as a Keep a Changelog section: the heading
// (such as "## Unreleased" or "## [1.4.0] - 2026-01-15"), then Added,
// Changed, Deprecated and Removed, each only when it has entries, a
// breaking change marked so. Without changes it says so under the
// heading.
func Changelog(w io.Writer, heading string, cs []Change) error {
	var b strings.Builder
	if heading != "" {
		b.WriteString(heading + "\n\n")
	}
	if len(cs) == 0 {
		b.WriteString("No changes to the error contract.\n")
	}
	first := true
	for _, sec := range Sections {
		var lines []string
		for _, ch := range cs {
			if ch.Section != sec {
				continue
			}
			line := "- "
			if ch.Severity == Breaking {
				line += "**Breaking:** "
			}
			lines = append(lines, line+ch.Note+"\n")
		}
		if len(lines) == 0 {
			continue
		}
		if !first {
			b.WriteString("\n")
		}
		first = false
		b.WriteString("### " + string(sec) + "\n\n" + strings.Join(lines, ""))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
