package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/spec"
)

// Report is a comparison as errgen diff prints it: the changes kept once
// -only and -ignore have filtered them.
type Report struct {
	// Base and Spec name the two versions as positions do: the base file,
	// or REV:PATH for a git revision; the new spec's path.
	Base, Spec string
	// BaseInGit is set when the base was read from a git revision, so
	// that its positions name no file of the checkout.
	BaseInGit bool
	Date      string
	Changes   []Change
	// Ignored counts the changes -ignore dropped.
	Ignored int
}

// Ignore drops changes of a rule, of every error or of one (Code).
type Ignore struct{ Rule, Code string }

// ParseIgnore reads -ignore's RULE[:CODE], refusing unknown rules.
func ParseIgnore(s string) (Ignore, error) {
	id, code, _ := strings.Cut(s, ":")
	if RuleByID(id) == nil {
		return Ignore{}, fmt.Errorf("-ignore %q: unknown rule %q%s", s, id, suggestRule(id))
	}
	return Ignore{Rule: id, Code: code}, nil
}

// suggestRule proposes the rule a mistyped id most likely means.
func suggestRule(id string) string {
	best, bestDist := "", 4
	for _, r := range Rules {
		if d := spec.EditDistance(id, r.ID); d < bestDist {
			best, bestDist = r.ID, d
		}
	}
	if best == "" {
		return " (errgen diff -h lists them)"
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// ParseCategory reads one of -only's categories.
func ParseCategory(s string) (Category, error) {
	for _, c := range Categories {
		if string(c) == s {
			return c, nil
		}
	}
	return "", fmt.Errorf("-only %q: use wire, go or docs", s)
}

// Filter keeps the changes of the categories in only (all when empty)
// that no ignore matches, and counts those ignored.
func Filter(cs []Change, only []Category, ignore []Ignore) (kept []Change, ignored int) {
	for _, ch := range cs {
		if len(only) > 0 && !slices.Contains(only, ch.Category) {
			continue
		}
		if slices.ContainsFunc(ignore, func(ig Ignore) bool {
			return ig.Rule == ch.Rule && (ig.Code == "" || ig.Code == ch.Code)
		}) {
			ignored++
			continue
		}
		kept = append(kept, ch)
	}
	return kept, ignored
}

// Count returns how many changes have a severity.
func (r *Report) Count(sev Severity) int {
	n := 0
	for _, ch := range r.Changes {
		if ch.Severity == sev {
			n++
		}
	}
	return n
}

// Summary is the report's one-line count: "1 breaking, 0 warnings, 2
// info (1 ignored)", or "no changes".
func (r *Report) Summary() string {
	s := "no changes to the error contract"
	if len(r.Changes) > 0 {
		s = fmt.Sprintf("%d breaking, %d %s, %d info", r.Count(Breaking), r.Count(Warning), plural(r.Count(Warning), "warning"), r.Count(Info))
	}
	if r.Ignored > 0 {
		s += fmt.Sprintf(" (%d ignored)", r.Ignored)
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// subject names what a change is about, as spec problems do.
func subject(ch Change) string {
	switch {
	case ch.Code == "":
		return ""
	case ch.Rule == ruleReservedRemoved.ID:
		return "reserved code " + strconv.Quote(ch.Code) + ": "
	}
	return "error " + strconv.Quote(ch.Code) + ": "
}

// Text writes the report as errgen's problems read, one change a line,
// file:line:col first, its fix indented below, then the summary.
func Text(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, ch := range r.Changes {
		fmt.Fprintf(&b, "%s: %s %s (%s): %s%s\n", ch.Pos, ch.Severity, ch.Rule, ch.Category, subject(ch), ch.Message)
		if ch.Fix != "" {
			fmt.Fprintf(&b, "\tfix: %s\n", ch.Fix)
		}
	}
	b.WriteString(r.Summary() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonDoc is the JSON report; docs/evolution.md documents it.
type jsonDoc struct {
	Version int          `json:"version"`
	Base    string       `json:"base"`
	Spec    string       `json:"spec"`
	Date    string       `json:"date"`
	Changes []jsonChange `json:"changes"`
	Summary jsonSummary  `json:"summary"`
}

type jsonChange struct {
	Rule     string  `json:"rule"`
	Category string  `json:"category"`
	Severity string  `json:"severity"`
	Code     string  `json:"code"`
	Message  string  `json:"message"`
	Fix      string  `json:"fix"`
	Position jsonPos `json:"position"`
}

type jsonPos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

type jsonSummary struct {
	Breaking int `json:"breaking"`
	Warning  int `json:"warning"`
	Info     int `json:"info"`
	Ignored  int `json:"ignored"`
}

// JSON writes the report as one JSON document (version 1).
func JSON(w io.Writer, r *Report) error {
	doc := jsonDoc{Version: 1, Base: r.Base, Spec: r.Spec, Date: r.Date, Changes: []jsonChange{},
		Summary: jsonSummary{r.Count(Breaking), r.Count(Warning), r.Count(Info), r.Ignored}}
	for _, ch := range r.Changes {
		doc.Changes = append(doc.Changes, jsonChange{
			Rule: ch.Rule, Category: string(ch.Category), Severity: string(ch.Severity), Code: ch.Code,
			Message: ch.Message, Fix: ch.Fix, Position: jsonPos{ch.Pos.File, ch.Pos.Line, ch.Pos.Col},
		})
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// GitHub writes workflow commands that annotate the spec in a pull
// request: ::error for breaking changes, ::warning, ::notice for info.
// A change in a base read from git names no file of the checkout: it is
// annotated on the new spec, its base position in the text.
func GitHub(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, ch := range r.Changes {
		level := map[Severity]string{Breaking: "error", Warning: "warning", Info: "notice"}[ch.Severity]
		pos, where := ch.Pos, ""
		if ch.AtBase && r.BaseInGit {
			pos, where = model.Pos{File: r.Spec}, " (at "+ch.Pos.String()+")"
		}
		props := "file=" + ghProp(pos.File)
		if pos.Line > 0 {
			props += fmt.Sprintf(",line=%d,col=%d", pos.Line, pos.Col)
		}
		props += ",title=" + ghProp(fmt.Sprintf("%s %s (%s)", ch.Severity, ch.Rule, ch.Category))
		msg := subject(ch) + ch.Message + where
		if ch.Fix != "" {
			msg += ". Fix: " + ch.Fix
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", level, props, ghData(msg))
	}
	b.WriteString("errgen diff: " + r.Summary() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// ghData escapes a workflow command's message; ghProp a property value.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Markdown writes the report as a table, for a pull-request comment.
func Markdown(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### errgen diff: %s\n\n", r.Summary())
	fmt.Fprintf(&b, "%s against %s.\n", mdCode(r.Spec), mdCode(r.Base))
	if len(r.Changes) > 0 {
		b.WriteString("\n| severity | rule | error | change | fix | where |\n| --- | --- | --- | --- | --- | --- |\n")
		for _, ch := range r.Changes {
			sev := string(ch.Severity)
			if ch.Severity == Breaking {
				sev = "**breaking**"
			}
			code := ""
			if ch.Code != "" {
				code = mdCode(ch.Code)
			}
			fmt.Fprintf(&b, "| %s | %s (%s) | %s | %s | %s | %s |\n", sev, mdCode(ch.Rule), ch.Category, cell(code),
				cell(mdText(ch.Message)), cell(mdText(ch.Fix)), cell(mdCode(ch.Pos.String())))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell makes text safe in a table cell: pipes escaped, one line.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\r", " ", "\n", " ").Replace(s)
}

// mdText escapes text so that Markdown shows it as written.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCode writes s as a Markdown code span, whatever backticks it holds.
func mdCode(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || len(fence) > 1 {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
