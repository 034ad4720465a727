package openapi

import "strings"

// OpenAPI descriptions are CommonMark, and docs portals render them as
// HTML. Spec text goes into them the way the Markdown reference treats it:
// plain text (names, titles, messages) renders exactly as written, and
// Markdown (descriptions) keeps its formatting but not raw HTML, so a
// description cannot inject a <script> into a portal.

// escapePlain escapes what Markdown could read as syntax in plain text:
// "<" as an entity, the rest with backslashes.
func escapePlain(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<': // an entity, not \<: naive HTML scanners see "\<script"
			b.WriteString("&lt;")
			continue
		case strings.ContainsRune("\\`*_[]>&|#!~", r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codeSpan writes s as inline code: the backtick fence is longer than any
// run of backticks inside, and padded when s starts or ends with one.
func codeSpan(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// markdownSafe keeps Markdown as written but turns "<" outside code into
// "&lt;", so raw HTML shows as text instead of running.
func markdownSafe(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	lines := strings.Split(s, "\n")
	fence := ""
	for i, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
		case strings.HasPrefix(trimmed, "```"), strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
		default:
			lines[i] = escapeHTMLOutsideCode(line)
		}
	}
	return strings.Join(lines, "\n")
}

// escapeHTMLOutsideCode escapes "<" in one line except inside code spans.
func escapeHTMLOutsideCode(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		if line[i] == '`' {
			n := countRun(line[i:], '`')
			fence := line[i : i+n]
			if end := strings.Index(line[i+n:], fence); end >= 0 {
				b.WriteString(line[i : i+n+end+n])
				i += n + end + n
				continue
			}
			b.WriteString(fence)
			i += n
			continue
		}
		if line[i] == '<' {
			b.WriteString("&lt;")
		} else {
			b.WriteByte(line[i])
		}
		i++
	}
	return b.String()
}

func countRun(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}
