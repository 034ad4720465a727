package openapi

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/errgen/errgen/internal/model"
)

// merger merges errgen's components into one OpenAPI document, editing
// the document's own YAML node tree so that everything errgen does not
// own stays as the team wrote it.
type merger struct {
	s    *model.Spec
	name string // the document's name in messages
	src  []byte
	json bool
	// crlf is set when every line end of the document is "\r\n" (as Git
	// for Windows checks it out): the merged document is written back
	// with "\r\n". src has "\n" line ends in any case.
	crlf bool
	doc  *yaml.Node // the document node
	root *yaml.Node // its top-level mapping
	// shifts put the columns of a JSON document with escaped surrogate
	// pairs back where the document has them (yamlReadable).
	shifts columnShifts
	// keep is a JSON document's own text by node, for writing what the
	// merge leaves alone as the team wrote it; nil for YAML.
	keep  *jsonSource
	comps *components

	// dropped holds the components errgen wrote before (x-errgen) and no
	// longer writes, by reference ("#/components/responses/Error.410"):
	// a reference the team left to one of them is a problem.
	dropped map[string]bool
	// refsBefore and refsNow hold, by response component name, the
	// operations whose response of that status errgen wrote as a
	// reference to it: before the merge (read from the component's
	// x-errgen-operations), and in it.
	refsBefore, refsNow map[string][]string

	problems []problem
	notes    []string
}

// problem is one reason the merge cannot be done, at a position in the
// document or in the spec.
type problem struct {
	pos model.Pos
	msg string
}

// httpMethods are the operations of a path item, in the order OpenAPI
// lists them.
var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

func newMerger(s *model.Spec, docName string, doc []byte) (*merger, error) {
	// YAML and JSON read "\r\n" as one line break, as "\n": merge the
	// document with "\n" line ends, so that the layout errgen puts back
	// (see encode) is read line by line the same.
	crlf := isCRLF(doc)
	doc = bytes.ReplaceAll(doc, []byte("\r\n"), []byte("\n"))
	m := &merger{s: s, name: docName, src: doc, json: isJSON(doc), crlf: crlf,
		dropped: map[string]bool{}, refsBefore: map[string][]string{}, refsNow: map[string][]string{}}
	var n yaml.Node
	if len(bytes.TrimSpace(doc)) == 0 {
		return nil, fmt.Errorf("%s: the document is empty", docName)
	}
	readable := doc
	if m.json {
		readable, m.shifts = yamlReadable(doc)
	}
	if err := yaml.Load(readable, &n); err != nil {
		return nil, syntaxError(docName, err, m.shifts)
	}
	if n.Kind != yaml.DocumentNode || len(n.Content) == 0 || n.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: not an OpenAPI document (the top level must be a mapping)", docName)
	}
	m.doc, m.root = &n, n.Content[0]
	m.duplicateKeys(m.root, "")
	if err := m.err(); err != nil {
		return nil, err
	}
	if m.json {
		m.keep = newJSONSource(doc, m.root)
	}
	v31, err := m.version()
	if err != nil {
		return nil, err
	}
	m.comps = buildComponents(s, v31)
	if specV31 := s.OpenAPI.Version == "3.1.0"; specV31 != v31 {
		k, v := mapGet(m.root, "openapi")
		m.notes = append(m.notes, fmt.Sprintf("%s: the document is OpenAPI %s, so errgen's components in it are written for %s (the spec's openapi.version is %s)",
			m.at(k), v.Value, majorMinor(v.Value), majorMinor(s.OpenAPI.Version)))
	}
	return m, nil
}

// duplicateKeys reports every key that a mapping (a JSON object) of the
// document holds twice, what names the mapping in problems. Readers
// disagree on which of the two counts (errgen's would see the first, most
// others the last), so a component errgen writes could be hidden behind
// the other, or a conflict missed: the document is refused. Aliases are
// not followed: the node they stand for is checked where it is.
func (m *merger) duplicateKeys(n *yaml.Node, what string) {
	switch n.Kind {
	case yaml.MappingNode:
		first := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			inner := k.Value
			if what != "" {
				inner = what + "." + k.Value
			}
			if k.Kind == yaml.ScalarNode && k.Value != "<<" {
				if prev, dup := first[k.Value]; dup {
					at := "duplicate key"
					if what != "" {
						at = what + ": duplicate key"
					}
					first := m.at(prev)
					m.fail(m.at(k), "%s %q (first at %d:%d)", at, k.Value, first.Line, first.Col)
				} else {
					first[k.Value] = k
				}
			}
			m.duplicateKeys(v, inner)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			m.duplicateKeys(c, fmt.Sprintf("%s[%d]", what, i))
		}
	}
}

// isCRLF reports whether doc has at least one line end and every line
// end in it is "\r\n". A document with mixed line ends is written with
// "\n" line ends.
func isCRLF(doc []byte) bool {
	n := bytes.Count(doc, []byte("\n"))
	return n > 0 && bytes.Count(doc, []byte("\r\n")) == n
}

// lineEnds gives the merged document out the line ends of the document
// it was merged into: "\r\n" when every line end there was "\r\n".
func (m *merger) lineEnds(out []byte) []byte {
	if !m.crlf {
		return out
	}
	return bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
}

// syntaxError points a YAML (or JSON) syntax error at its line, like
// every other problem errgen reports.
func syntaxError(docName string, err error, shifts columnShifts) error {
	var le *yaml.LoadError
	if errors.As(err, &le) && le.Mark.Line > 0 {
		line, col := shifts.pos(le.Mark.Line, le.Mark.Column)
		return fmt.Errorf("%s: %s", model.Pos{File: docName, Line: line, Col: col}, le.Message)
	}
	return fmt.Errorf("%s: %w", docName, err)
}

// majorMinor shortens "3.1.0" to "3.1"; an unset version is 3.0, the
// default.
func majorMinor(v string) string {
	if len(v) < 3 {
		return "3.0"
	}
	return v[:3]
}

// isJSON reports whether a document is JSON: its first non-space byte
// opens an object.
func isJSON(doc []byte) bool {
	t := bytes.TrimLeft(doc, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] == '{'
}

// version reads the document's openapi field: errgen writes its
// components in the dialect of the document it merges into, whatever the
// spec's openapi.version says.
func (m *merger) version() (v31 bool, err error) {
	k, v := mapGet(m.root, "openapi")
	switch {
	case v == nil:
		return false, fmt.Errorf("%s: not an OpenAPI 3 document (no openapi field)", m.name)
	case strings.HasPrefix(v.Value, "3.0"):
		return false, nil
	case strings.HasPrefix(v.Value, "3.1"):
		return true, nil
	}
	return false, fmt.Errorf("%s: openapi %q is not supported (errgen merges into OpenAPI 3.0 and 3.1)", m.at(k), v.Value)
}

// at is the position of a document node.
func (m *merger) at(n *yaml.Node) model.Pos {
	line, col := m.shifts.pos(n.Line, n.Column)
	return model.Pos{File: m.name, Line: line, Col: col}
}

func (m *merger) fail(pos model.Pos, format string, args ...any) {
	m.problems = append(m.problems, problem{pos, fmt.Sprintf(format, args...)})
}

// merge edits the tree: components first, then operations. All problems
// are reported at once, sorted by file and position.
func (m *merger) merge() error {
	comps := childMapping(m.root, "components")
	if comps.Kind != yaml.MappingNode {
		m.fail(m.at(comps), "components must be a mapping")
		return m.err()
	}
	m.replaceSection(childMapping(comps, "schemas"), "schemas", m.comps.schemaSection())
	responses := m.comps.responseSection()
	m.replaceSection(childMapping(comps, "responses"), "responses", responses)
	ops := m.operations()
	wants := m.wantedResponses(ops)
	for _, op := range ops {
		m.removeOwnedResponses(op, wants[op.id])
	}
	for _, op := range ops {
		if w := wants[op.id]; w != nil {
			m.addResponses(op, w)
		}
	}
	for i := 0; i+1 < len(responses); i += 2 {
		if ids := m.refsNow[responses[i].Value]; len(ids) > 0 {
			mapNode{responses[i+1]}.add(extOperations, sequence(strNodes(ids)...))
		}
	}
	m.danglingRefs(m.root)
	return m.err()
}

func (m *merger) err() error {
	if len(m.problems) == 0 {
		return nil
	}
	slices.SortStableFunc(m.problems, func(a, b problem) int {
		return cmp.Or(cmp.Compare(a.pos.File, b.pos.File), cmp.Compare(a.pos.Line, b.pos.Line), cmp.Compare(a.pos.Col, b.pos.Col))
	})
	lines := make([]string, len(m.problems))
	for i, p := range m.problems {
		lines[i] = p.pos.String() + ": " + p.msg
	}
	return errors.New(strings.Join(lines, "\n"))
}

// childMapping returns the mapping under key in parent, appending an
// empty one when there is none. A flow-style empty mapping ({}) is
// turned into block style so that what errgen adds reads as YAML.
func childMapping(parent *yaml.Node, key string) *yaml.Node {
	k, v := mapGet(parent, key)
	switch {
	case v == nil:
		v = mapping().Node
		parent.Content = append(parent.Content, str(key), v)
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null": // "components:" with nothing under it
		*v = *mapping().Node
		v.LineComment, k.LineComment = k.LineComment, ""
	}
	if v.Kind == yaml.MappingNode && len(v.Content) == 0 {
		v.Style &^= yaml.FlowStyle
	}
	return v
}

// isOwned reports whether a node is a mapping errgen marked as its own.
func isOwned(n *yaml.Node) bool {
	_, v := mapGet(n, extErrgen)
	return v != nil && v.Value == "true"
}

// replaceSection removes errgen's entries from a components section and
// puts the current ones where the first of them was (or at the end), so
// that a second merge writes the same bytes. An entry of the same name
// the team wrote is a conflict.
func (m *merger) replaceSection(sec *yaml.Node, section string, ours []*yaml.Node) {
	if sec.Kind != yaml.MappingNode {
		m.fail(m.at(sec), "components.%s must be a mapping", section)
		return
	}
	want := map[string]bool{}
	for i := 0; i < len(ours); i += 2 {
		want[ours[i].Value] = true
	}
	insert := -1
	var kept []*yaml.Node
	for i := 0; i+1 < len(sec.Content); i += 2 {
		k, v := sec.Content[i], sec.Content[i+1]
		switch {
		case isOwned(v):
			if insert < 0 {
				insert = len(kept)
			}
			if !want[k.Value] {
				m.dropped["#/components/"+section+"/"+k.Value] = true
			}
			if _, ids := mapGet(v, extOperations); section == "responses" && ids != nil {
				for _, id := range ids.Content {
					m.refsBefore[k.Value] = append(m.refsBefore[k.Value], id.Value)
				}
			}
			continue
		case want[k.Value]:
			m.conflict(k, section)
		}
		kept = append(kept, k, v)
	}
	if insert < 0 {
		insert = len(kept)
	}
	sec.Content = slices.Concat(kept[:insert], ours, kept[insert:])
}

// conflict reports a component the team wrote under a name errgen needs,
// with the spec position of the error it would describe.
func (m *merger) conflict(k *yaml.Node, section string) {
	what := "errgen writes its error body schema under that name"
	for _, f := range m.comps.formats()[1:] {
		if section == "schemas" && formatSchemaName(f) == k.Value {
			what = fmt.Sprintf("errgen writes the body schema of group %q's format (%s) under that name", f.Group.ID, f.Pos)
		}
	}
	for _, e := range m.s.AllErrors() {
		switch {
		case e.BuiltIn:
			continue
		case section == "schemas" && m.comps.codeNames[e] == k.Value:
			what = fmt.Sprintf("errgen writes the schema of error %q (%s) under that name", e.Code, e.Pos)
		case section == "responses" && statusResponseName(e.Status) == k.Value:
			what = fmt.Sprintf("errgen writes the shared %d response under that name (error %q, %s)", e.Status, e.Code, e.Pos)
		default:
			continue
		}
		break
	}
	m.fail(m.at(k), "components.%s.%s was not written by errgen (it has no x-errgen: true), but %s; rename or remove it", section, k.Value, what)
}

// operation is one operation of the document.
type operation struct {
	id   string
	node *yaml.Node // the operation mapping
}

// operations lists the document's operations that have an operationId,
// in document order.
func (m *merger) operations() []*operation {
	var ops []*operation
	_, paths := mapGet(m.root, "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return nil
	}
	for i := 1; i < len(paths.Content); i += 2 {
		item := paths.Content[i]
		for j := 0; item.Kind == yaml.MappingNode && j+1 < len(item.Content); j += 2 {
			if !slices.Contains(httpMethods, item.Content[j].Value) {
				continue
			}
			op := item.Content[j+1]
			if _, id := mapGet(op, "operationId"); id != nil && id.Kind == yaml.ScalarNode {
				ops = append(ops, &operation{id: id.Value, node: op})
			}
		}
	}
	return ops
}

// removeOwnedResponses takes errgen's responses off an operation, which
// the spec has return the errors of wants (by status; nil when it lists
// none): inline ones marked x-errgen, and at a status key, a reference to
// errgen's response of that status that errgen wrote (its component's
// x-errgen-operations names the operation) or writes back now (the spec
// lists the operation for that status). Nothing else is errgen's: it
// never writes a default or a range (4XX), nor touches an operation the
// spec does not list, so a reference to its responses there was written
// by hand and is kept.
func (m *merger) removeOwnedResponses(op *operation, wants map[int][]*model.Error) {
	_, rs := mapGet(op.node, "responses")
	if rs == nil || rs.Kind != yaml.MappingNode {
		return
	}
	var kept []*yaml.Node
	for i := 0; i+1 < len(rs.Content); i += 2 {
		if !m.ownedResponse(op, rs.Content[i], rs.Content[i+1], wants) {
			kept = append(kept, rs.Content[i], rs.Content[i+1])
		}
	}
	rs.Content = kept
}

// ownedResponse reports whether the response v at key k of op, which
// returns wants, is errgen's.
func (m *merger) ownedResponse(op *operation, k, v *yaml.Node, wants map[int][]*model.Error) bool {
	if isOwned(v) {
		return true
	}
	_, ref := mapGet(v, "$ref")
	if ref == nil || k.Kind != yaml.ScalarNode || !isStatus(k.Value) {
		return false
	}
	status, _ := strconv.Atoi(k.Value)
	name := statusResponseName(status)
	return ref.Value == refResponses+name && (len(wants[status]) > 0 || slices.Contains(m.refsBefore[name], op.id))
}

// danglingRefs reports every reference in n to a component errgen wrote
// before and no longer writes (the response of a status no error has any
// more, the schema of a removed error): the team wrote it (errgen removes
// its own), and left as it is, it would point at nothing.
func (m *merger) danglingRefs(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "$ref" && v.Kind == yaml.ScalarNode && m.dropped[v.Value] {
				m.fail(m.at(v), "%s refers to a component errgen wrote before and no longer writes (no error of the spec needs it any more); remove or replace the reference", v.Value)
			}
		}
	}
	for _, c := range n.Content {
		m.danglingRefs(c)
	}
}

// wantedResponses maps each operationId to the errors (by status) the
// spec says it returns. Operations the document does not have are
// problems at the spec's position.
func (m *merger) wantedResponses(ops []*operation) map[string]map[int][]*model.Error {
	known := map[string]bool{}
	for _, op := range ops {
		known[op.id] = true
	}
	wants := map[string]map[int][]*model.Error{}
	for _, e := range m.s.Errors {
		for _, o := range e.Operations {
			if !known[o.ID] {
				m.fail(o.Pos, "error %q: operation %q is not in %s (no operation has that operationId)", e.Code, o.ID, m.name)
				continue
			}
			if wants[o.ID] == nil {
				wants[o.ID] = map[int][]*model.Error{}
			}
			wants[o.ID][e.Status] = append(wants[o.ID][e.Status], e)
		}
	}
	return wants
}

// addResponses adds one response per status to an operation, unless the
// team wrote that status's response by hand, or, for a success status
// (errors sent with 200 and an error marker), a 2XX response: errgen never
// replaces or shadows a response the team wrote, which for a success
// status describes the operation's successes.
func (m *merger) addResponses(op *operation, byStatus map[int][]*model.Error) {
	statuses := make([]int, 0, len(byStatus))
	for st := range byStatus {
		statuses = append(statuses, st)
	}
	slices.Sort(statuses)
	if op.node.Kind != yaml.MappingNode {
		return
	}
	rs := childMapping(op.node, "responses")
	if rs.Kind != yaml.MappingNode {
		m.fail(m.at(rs), "operation %s: responses must be a mapping", op.id)
		return
	}
	for _, st := range statuses {
		errs := byStatus[st]
		k, v := mapGet(rs, strconv.Itoa(st))
		if k == nil && st >= 200 && st <= 299 {
			if k, v = mapGet(rs, "2XX"); k == nil {
				k, v = mapGet(rs, "2xx")
			}
		}
		if k == nil {
			r := m.operationResponse(errs)
			if !isOwned(r) {
				name := statusResponseName(st)
				m.refsNow[name] = append(m.refsNow[name], op.id)
			}
			insertStatus(rs, m.statusKey(st), r)
			continue
		}
		if m.describes(v, errs) {
			continue // the team's response references errgen's schemas for them
		}
		note := fmt.Sprintf("%s: operation %s: the %s response was written by hand and is left alone (errgen would describe %s)",
			m.at(k), op.id, k.Value, codeList(errs))
		if st >= 200 && st <= 299 {
			note += fmt.Sprintf("; to describe these errors beside the successes, add {$ref: '%s'} to its schema's oneOf", refSchemas+formatSchemaName(m.s.FormatOf(errs[0])))
		}
		m.notes = append(m.notes, note)
	}
}

// describes reports whether a response the team wrote references, somewhere
// in it, the body schema of the errors' format or the schema of every one
// of them: it then describes them already, and needs no note.
func (m *merger) describes(resp *yaml.Node, errs []*model.Error) bool {
	refs := map[string]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		if n.Kind == yaml.MappingNode {
			if _, ref := mapGet(n, "$ref"); ref != nil && ref.Kind == yaml.ScalarNode {
				refs[ref.Value] = true
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(resp)
	all := true
	for _, e := range errs {
		if refs[refSchemas+formatSchemaName(m.s.FormatOf(e))] {
			continue
		}
		all = all && refs[refSchemas+m.comps.codeNames[e]]
	}
	return all
}

func codeList(errs []*model.Error) string {
	codes := make([]string, len(errs))
	for i, e := range errs {
		codes[i] = e.Code
	}
	return strings.Join(codes, ", ")
}

// operationResponse references the shared status response when the
// operation returns every code of the status, else describes exactly its
// codes inline.
func (m *merger) operationResponse(errs []*model.Error) *yaml.Node {
	if len(errs) == len(m.s.ByStatus(errs[0].Status)) {
		ref := mapping()
		ref.add("$ref", str(refResponses+statusResponseName(errs[0].Status)))
		return ref.Node
	}
	r := m.comps.response(errs)
	r.Extensions = withErrgen(r.Extensions)
	return m.comps.responseNode(r)
}

// statusKey writes a status as the document writes its other response
// codes: quoted the same way, or plain.
func (m *merger) statusKey(status int) *yaml.Node {
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strconv.Itoa(status), Style: yaml.SingleQuotedStyle}
	if m.json {
		k.Style = yaml.DoubleQuotedStyle
		return k
	}
	if style, ok := m.statusKeyStyle(); ok {
		k.Style = style
		if style == 0 {
			k.Tag = "!!int"
		}
	}
	return k
}

// statusKeyStyle is the style of the first response code the document
// writes.
func (m *merger) statusKeyStyle() (yaml.Style, bool) {
	for _, op := range m.operations() {
		_, rs := mapGet(op.node, "responses")
		for i := 0; rs != nil && rs.Kind == yaml.MappingNode && i < len(rs.Content); i += 2 {
			if k := rs.Content[i]; isStatus(k.Value) {
				return k.Style, true
			}
		}
	}
	return 0, false
}

func isStatus(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 100 && n <= 599
}

// insertStatus puts key: value among an operation's responses before the
// first larger status (default and ranges like 4XX stay after it), so that
// responses read in ascending order when the team keeps them so.
func insertStatus(rs *yaml.Node, key, value *yaml.Node) {
	status, _ := strconv.Atoi(key.Value)
	at := len(rs.Content)
	for i := 0; i < len(rs.Content); i += 2 {
		if n, err := strconv.Atoi(rs.Content[i].Value); err == nil && n > status {
			at = i
			break
		}
		if rs.Content[i].Value == "default" {
			at = i
			break
		}
	}
	rs.Content = slices.Insert(rs.Content, at, key, value)
}
