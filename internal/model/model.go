// Package model is the resolved form of an errgen spec: the one structure
// that sits between the YAML loader and every renderer.
//
// The loader (package spec) validates the YAML and builds a *Spec with every
// name resolved, every default applied and every source position recorded.
// Renderers (Go, OpenAPI, Markdown) are pure functions of a *Spec; they never
// see YAML and never need to re-check anything the loader has checked. A
// renderer that finds the model inconsistent has found a loader bug.
package model

import (
	"fmt"
	"path"
	"strings"
)

// Pos is a position in the spec file, 1-based, as editors and compilers
// print it.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, the form editors jump to.
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// File is one rendered output: a path (slash-separated, relative to the
// directory of the spec file) and its complete contents.
type File struct {
	Path string
	Data []byte
}

// Spec is a whole, valid catalog.
type Spec struct {
	// Source is the spec file's path as named in generated headers:
	// slash-separated and relative, never absolute, so output does not
	// depend on where the repository is checked out.
	Source string

	API      API
	Go       GoOptions
	Outputs  Outputs
	Response Response
	// Formats are every wire format of the catalog: Formats[0] is
	// &Response, then each group's own, in group order.
	Formats []*Response
	// CodeType is how codes are written: CodeString or CodeInteger.
	CodeType CodeType
	// RequestID is response.request_id: where the request id comes from
	// and where problem documents carry it; nil when the spec has none.
	RequestID *RequestID
	// Details is the shape of one detail item, package-wide.
	Details []*DetailField
	// StatusTexts are the spec's own status texts (status_text), by
	// status.
	StatusTexts map[int]string
	OpenAPI     OpenAPIOptions
	Docs        DocsOptions

	// Groups in spec order. Errors without a group are not in any group;
	// see Ungrouped.
	Groups []*Group

	// Errors in spec order: the order of the docs and of every generated
	// list. The built-in internal error, when the spec does not name its own
	// internal code, is not in this list; see Internal.
	Errors []*Error

	// Reserved codes in spec order.
	Reserved []*Reserved

	// Internal is the error written for anything that is not a catalog
	// error, and for catalog 5xx errors that wrap a cause. Either one of
	// Errors (response.internal_code) or a built-in 500 "internal_error"
	// with BuiltIn set.
	Internal *Error

	// Statuses lists the distinct HTTP statuses of Errors (and Internal),
	// ascending.
	Statuses []int

	// KeyPos holds where the spec writes some catalog-wide keys' values,
	// by dotted key ("go.package", "outputs.go", "response.code_type",
	// "response.details", "api.docs_url", "docs.layout",
	// "docs.anchor_style"), for tools that point at them (errgen diff);
	// a key the spec leaves out has no entry. See Spec.PosOf.
	KeyPos map[string]Pos
}

// ExampleRequestID is the request id example responses show, in the
// OpenAPI output and the Markdown pages: a fixed UUID, so that output is
// deterministic.
const ExampleRequestID = "3f2c8e1a-9b4d-4c7e-8a15-6d0b2e9f4a73"

// RequestIDPattern is the regular expression (unanchored) every request
// id the generated server sends matches: what it keeps of a client's id
// (A-Z, a-z, 0-9 and -_.:@/+=, at most 128 bytes), or a fresh UUID.
const RequestIDPattern = "[A-Za-z0-9_.:@/+=-]{1,128}"

// RequestID is response.request_id.
type RequestID struct {
	// Header is the request header that carries the client's or proxy's
	// id, as the spec writes it (a valid header name).
	Header string
	// Member is the extension member that carries the id in problem
	// documents; "" for none.
	Member string
	Pos    Pos
}

// PosOf returns where the spec writes a catalog-wide key (see KeyPos),
// or the zero position of the file when it does not.
func (s *Spec) PosOf(key string) Pos {
	if p, ok := s.KeyPos[key]; ok {
		return p
	}
	return Pos{File: s.Response.Pos.File} // the file, as positions name it
}

// API describes the API the catalog belongs to.
type API struct {
	Name string
	// Description is Markdown: the intro of the reference pages. It may hold
	// free text and tables that belong to no single error.
	Description string
	// DocsURL is the published URL of the error reference, without a
	// trailing slash; empty when the spec gives none.
	DocsURL string
}

// GoOptions configures the generated Go code.
type GoOptions struct {
	Package string
}

// Outputs holds the configured output paths, slash-separated and relative
// to the spec file's directory; an empty path means the output is off.
type Outputs struct {
	Go      string
	OpenAPI string
	Docs    string
	// Catalog is the machine-readable JSON catalog (a path ending in
	// ".json").
	Catalog string
	// GoPos, OpenAPIPos, DocsPos and CatalogPos are the positions of the
	// paths in the spec, for problems with where an output goes (such as
	// outside the project).
	GoPos, OpenAPIPos, DocsPos, CatalogPos Pos
}

// Format is the wire format of error bodies.
type Format string

const (
	// FormatProblem is RFC 9457 problem details, application/problem+json.
	FormatProblem Format = "problem"
	// FormatCustom is a body shaped by the spec's response.body template.
	FormatCustom Format = "custom"
)

// Response describes how errors look on the wire: one wire format. The
// catalog's is Spec.Response; a group may have its own (Group set).
type Response struct {
	Format Format
	// MediaType is sent as written, parameters included
	// ("application/json; charset=utf-8").
	MediaType string
	// Body is the body template in wire order. For FormatProblem the loader
	// builds the RFC 9457 body here too, so renderers handle one shape.
	Body []*Field
	// Headers are the format's response headers, in spec order; errors and
	// groups add to and override them (see Error.Headers).
	Headers []*Header
	// DetailsMember is the member that holds the details in the problem
	// format ("errors" by default); empty for custom formats.
	DetailsMember string
	// RequestIDMember is the extension member that carries the request
	// id in the problem format (response.request_id.member); "" for none.
	RequestIDMember string
	// Marker is the member whose constant marks a body as an error, for
	// errors sent with a 2xx status; nil when the format has none.
	Marker *Marker
	// Internal is the error this format writes for anything outside the
	// catalog: the catalog's internal error, or a group format's
	// internal_code.
	Internal *Error
	// Group is the group whose response this is; nil for the catalog's.
	Group *Group
	// Index is the format's place in Spec.Formats.
	Index int
	// Pos is where the response section starts (zero when absent).
	Pos Pos
	// KeyPos holds where the section writes each of its keys' values
	// ("format", "media_type", "body", "headers", "details_member",
	// "error_marker"), for tools that point at them; a key the spec
	// leaves out has no entry.
	KeyPos map[string]Pos
}

// PosOf returns where the section writes a key's value, or where the
// section starts when it does not write the key.
func (r *Response) PosOf(key string) Pos {
	if p, ok := r.KeyPos[key]; ok {
		return p
	}
	return r.Pos
}

// MediaBase is the media type without its parameters, lower-cased: what
// clients compare.
func (r *Response) MediaBase() string {
	base, _, _ := strings.Cut(r.MediaType, ";")
	return strings.ToLower(strings.TrimSpace(base))
}

// ValueKind says what a body field carries.
type ValueKind int

// The kinds of body values. Each but ValueLiteral and ValueObject is a
// $variable in the spec.
const (
	ValueLiteral      ValueKind = iota // a constant: Literal holds string, int64, float64 or bool
	ValueObject                        // a nested object: Field.Children
	ValueCode                          // $code
	ValueStatus                        // $status (JSON number)
	ValueStatusText                    // $status_text, e.g. "Bad Request"
	ValueTitle                         // $title
	ValueMessage                       // $message, the rendered message
	ValueDetails                       // $details, [{field, message}]; omitted when empty
	ValueRetryAfter                    // $retry_after, seconds (JSON number); omitted when unset
	ValueDocURL                        // $doc_url; omitted when the spec has no docs_url
	ValueInstance                      // $instance, the request path
	ValueParams                        // $params, an object of all params; omitted when empty
	ValueParam                         // $param.NAME, one param; omitted when the error has no such param
	ValueParamsInline                  // problem format only: every param as a member of the enclosing object
	ValueType                          // problem format only: $doc_url, or "about:blank" without docs_url
	ValueAttr                          // $attr.NAME, a constant attribute; omitted when the error has none
	ValueTemplate                      // a string with ${NAME} interpolations: Field.Template
	ValueList                          // a one-element list holding an object: Field.Children are its members
	ValueAttrsInline                   // problem format only: every attribute as a member of the enclosing object
	ValueRequestID                     // $request_id, the request id (response.request_id)
)

// Variable returns the spec spelling of a variable kind ("$code"), or ""
// for literals and objects.
func (k ValueKind) Variable() string {
	switch k {
	case ValueCode:
		return "$code"
	case ValueStatus:
		return "$status"
	case ValueStatusText:
		return "$status_text"
	case ValueTitle:
		return "$title"
	case ValueMessage:
		return "$message"
	case ValueDetails:
		return "$details"
	case ValueRetryAfter:
		return "$retry_after"
	case ValueDocURL:
		return "$doc_url"
	case ValueInstance:
		return "$instance"
	case ValueRequestID:
		return "$request_id"
	case ValueParams:
		return "$params"
	case ValueParam:
		return "$param"
	case ValueAttr:
		return "$attr"
	}
	return ""
}

// Field is one member of the body template.
type Field struct {
	// Name is the JSON member name; empty for ValueParamsInline.
	Name string
	Kind ValueKind
	// Literal is the constant of a ValueLiteral: string, int64, float64 or bool.
	Literal any
	// Param is the parameter name of a ValueParam.
	Param string
	// Attr is the attribute name of a ValueAttr.
	Attr string
	// Template is the string template of a ValueTemplate.
	Template Template
	// Children are the members of a ValueObject, or of the one object a
	// ValueList holds, in wire order.
	Children []*Field
	Pos      Pos
}

// OpenAPIOptions configures the OpenAPI fragment.
type OpenAPIOptions struct {
	// Version is "3.0.3" (default) or "3.1.0".
	Version string
	// MergeInto is a path (relative to the spec file, slash-separated) of
	// the team's own OpenAPI document that generate merges the fragment
	// into; empty when not configured.
	MergeInto string
	// MergeIntoPos is the position of merge_into's path in the spec.
	MergeIntoPos Pos
	Pos          Pos
}

// Layout is how the Markdown reference is split into pages.
type Layout string

// The docs layouts.
const (
	LayoutSingle   Layout = "single"    // one page at outputs.docs
	LayoutPerGroup Layout = "per_group" // outputs.docs is a directory: index + a page per group
	LayoutPerError Layout = "per_error" // outputs.docs is a directory: index + a page per error
)

// FrontMatterStyle picks the front matter docs sites expect.
type FrontMatterStyle string

// The front matter styles.
const (
	FrontMatterNone       FrontMatterStyle = "none"
	FrontMatterReadme     FrontMatterStyle = "readme"     // readme.io: title, slug, excerpt
	FrontMatterDocusaurus FrontMatterStyle = "docusaurus" // sidebar_label, title
)

// DocsOptions configures the Markdown reference.
type DocsOptions struct {
	Layout Layout
	// Title overrides the page title; default "<api.name> errors" or
	// "Errors" without an API name.
	Title       string
	FrontMatter FrontMatterStyle
	// Slug and Excerpt feed readme.io front matter; SidebarLabel feeds
	// Docusaurus's. Empty means derived by the renderer.
	Slug         string
	Excerpt      string
	SidebarLabel string
	// Extra holds free-form front matter keys in spec order. A value is a
	// string, int64, float64 or bool; a []any of those (a list); or a
	// []KeyValue (a nested mapping, such as readme.io's metadata block).
	Extra []KeyValue
	// Templates is a directory (relative to the spec file, slash-separated)
	// whose files override the embedded page templates by name.
	Templates string
	// TemplatesPos is the position of the templates path in the spec.
	TemplatesPos Pos
	// AnchorStyle names the errors' anchors, pages and doc links: "code"
	// (the lower-cased code, dots as hyphens), "kebab" or "snake" (the
	// code's words, lower-cased, joined by - or _).
	AnchorStyle string
}

// KeyValue is one ordered free-form entry.
type KeyValue struct {
	Key   string
	Value any
}

// Group is a section of the docs.
type Group struct {
	ID          string
	Title       string
	Description string // Markdown
	Errors      []*Error
	// Page is the group's page (file name without ".md") in the per_group
	// layout; empty otherwise.
	Page string
	// Response is the group's own wire format; nil when its errors use
	// the catalog's.
	Response *Response
	Pos      Pos
}

// ParamType is the Go and JSON type of a message parameter.
type ParamType string

// The parameter types.
const (
	TypeString  ParamType = "string"
	TypeInt     ParamType = "int"
	TypeInt64   ParamType = "int64"
	TypeFloat64 ParamType = "float64"
	TypeBool    ParamType = "bool"

	TypeStrings  ParamType = "[]string"
	TypeInts     ParamType = "[]int"
	TypeInt64s   ParamType = "[]int64"
	TypeFloat64s ParamType = "[]float64"
	TypeBools    ParamType = "[]bool"
)

// Param is a typed message parameter.
type Param struct {
	Name        string
	GoName      string // exported Go form, e.g. "RoomID"
	ArgName     string // Go identifier for constructor arguments, never a keyword
	Type        ParamType
	Description string
	// Example is the example value (string, int64, float64 or bool, or a
	// []any of those for list types), never nil: the spec's example, else
	// a type-appropriate default.
	Example any
	// Optional params are set with (*Error).With<GoName>, not passed to
	// constructors, and left out of bodies while unset.
	Optional bool
	// Data marks a param that no message uses: sent beside the message.
	Data bool
	// Since is the version of the API that added the param (spec key
	// since), as written; empty when the spec does not say.
	Since string
	Pos   Pos
}

// IsList reports whether the param's type is a list ([]string, ...).
func (t ParamType) IsList() bool { return strings.HasPrefix(string(t), "[]") }

// Elem is the element type of a list type, or t itself.
func (t ParamType) Elem() ParamType { return ParamType(strings.TrimPrefix(string(t), "[]")) }

// Part is one piece of a message template: literal text, or a parameter.
type Part struct {
	Literal string
	// Param is the index into Error.Params, or -1 for literal text.
	Param int
}

// Message is a parsed message template.
type Message struct {
	// Template is the message as written in the spec, e.g.
	// "{field} is required" or "use {{braces}}".
	Template string
	// Parts alternates literal text and parameters; adjacent literals are
	// merged and "{{"/"}}" are already unescaped.
	Parts []Part
	// Example is the message rendered with the example params.
	Example string
	// Display is the message with placeholders shown as {name} and literal
	// braces unescaped, for docs.
	Display string
}

// Params returns the indexes of the parameters the message uses, in
// declaration order, without duplicates.
func (m *Message) Params() []int {
	var used []bool // by param index: declaration order, not appearance
	for _, p := range m.Parts {
		if p.Param >= 0 {
			if p.Param >= len(used) {
				used = append(used, make([]bool, p.Param+1-len(used))...)
			}
			used[p.Param] = true
		}
	}
	var out []int
	for i, u := range used {
		if u {
			out = append(out, i)
		}
	}
	return out
}

// IsConstant reports whether the message has no parameters.
func (m *Message) IsConstant() bool {
	for _, p := range m.Parts {
		if p.Param >= 0 {
			return false
		}
	}
	return true
}

// Variant is another message for the same code.
type Variant struct {
	Name    string
	GoName  string // e.g. "RoomIDMissing"; constructor New<Error.GoName><GoName>
	Message Message
	// Description is optional Markdown about when this variant is sent.
	Description string
	// Since is the version of the API that added the variant (spec key
	// since), as written; empty when the spec does not say.
	Since string
	Pos   Pos
}

// Detail is one example detail item, as the wire's $details carries it:
// Values holds a value per leaf of the detail shape (Spec.Details), in
// DetailLeaves order (string, int64 or bool). Field and Message repeat
// the values of the default shape, {field, message}.
type Detail struct {
	Field   string
	Message string
	Values  []any
}

// Operation is an OpenAPI operationId that returns an error.
type Operation struct {
	ID  string
	Pos Pos
}

// Error is one catalog entry.
type Error struct {
	Code   string
	GoName string // e.g. "InvalidAPIKey": CodeInvalidAPIKey, ErrInvalidAPIKey, NewInvalidAPIKey
	Status int
	// StatusText is the status's text, e.g. "Unauthorized": the spec's
	// status_text entry, else net/http's reason phrase, else a common
	// name (499 "Client Closed Request"), else the status class ("Client
	// Error", "Server Error").
	StatusText string
	Group      *Group // nil when ungrouped
	// Title is a short constant summary; derived from the code when the
	// spec gives none.
	Title string
	// WireTitle is the title responses carry ($title, the problem
	// format's "title"): StatusText when the body writes the problem type
	// and the error has no DocURL, so that its type is about:blank (RFC
	// 9457 section 4.2.1: the title should then be the status phrase);
	// Title otherwise. Renderers write it wherever a response's title
	// appears; Title stays the error's own summary everywhere else.
	WireTitle   string
	Message     Message
	Description string // Markdown
	Causes      []string
	Solution    string
	Params      []*Param
	Variants    []*Variant
	Details     bool
	// ExampleDetails are the field details shown in docs and OpenAPI
	// examples (spec key example_details); empty when none are given.
	ExampleDetails []Detail
	Retryable      bool
	// RetryAfter is in seconds; 0 when unset.
	RetryAfter int
	Aliases    []string
	// Deprecated is the deprecation notice; empty when not deprecated.
	Deprecated string
	// DeprecatedSet reports whether the error is deprecated (with or
	// without a notice).
	DeprecatedSet bool
	// Since is the version of the API that added the error (spec key
	// since), as written ("1.4", "v2.0.0"); empty when the spec does not
	// say. The docs show it ("Added in 1.4"), so do OpenAPI
	// (x-errgen-since) and the Go doc comments.
	Since string
	// Sunset is the date, YYYY-MM-DD, after which a deprecated error may
	// be removed (spec key sunset); empty when none is set. Only
	// deprecated errors have one. It is shown beside the deprecation
	// ("removed after 2027-06-30", OpenAPI's x-errgen-sunset); errgen
	// diff reports the removal of the error
	// before that date as a breaking change.
	Sunset string
	// ReplacedBy is the error that replaces a deprecated one (spec key
	// replaced_by): another error of the catalog, never deprecated
	// itself; nil when the spec names none. The Go doc comments name it
	// ("Deprecated: use ErrX.", the form gopls and staticcheck read), so
	// do the docs and OpenAPI.
	ReplacedBy *Error
	Operations []Operation
	// Anchor is the stable fragment id of the error's docs section.
	Anchor string
	// Page is the docs page (file name without ".md") that holds the
	// error's section in the per_group and per_error layouts; empty in the
	// single layout.
	Page string
	// DocURL is api.docs_url plus the error's page and anchor; empty when
	// the spec has no docs_url. Single layout: docs_url#anchor; per_group:
	// docs_url/page#anchor; per_error: docs_url/page.
	DocURL string
	// BuiltIn marks the default internal error errgen adds when the spec
	// names no internal_code.
	BuiltIn bool
	// OwnDocURL is set when the spec gives the error its own doc_url,
	// which DocURL then holds.
	OwnDocURL bool
	// Format is the wire format the error is written in: its group's own,
	// else the catalog's.
	Format *Response
	// Attributes are the error's constant attributes (its group's, then
	// its own, which add or override), in that order.
	Attributes []KeyValue
	// Headers are the response headers sent with the error: the format's,
	// then its group's, then its own, a later one replacing an earlier one
	// of the same name (case-insensitively) in place.
	Headers []*Header
	// Pos is where the error's code is written.
	Pos Pos
	// KeyPos holds where the spec writes the value of each of the error's
	// keys, by key ("status", "message", "retry_after", "go_name", ...),
	// for tools that point at them (errgen diff); a key the spec leaves
	// out has no entry. See PosOf.
	KeyPos map[string]Pos
}

// PosOf returns where the spec writes the value of one of the error's
// keys, or where its code is written when the spec leaves the key out.
func (e *Error) PosOf(key string) Pos {
	if p, ok := e.KeyPos[key]; ok {
		return p
	}
	return e.Pos
}

// Attr returns the value of the named attribute.
func (e *Error) Attr(name string) (any, bool) {
	for _, kv := range e.Attributes {
		if kv.Key == name {
			return kv.Value, true
		}
	}
	return nil, false
}

// Param returns the named param, or nil.
func (e *Error) Param(name string) *Param {
	for _, p := range e.Params {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Args are the params its constructors take, in declaration order: every
// param but the optional ones, and for a variant only those its message
// uses and the data params.
func (e *Error) Args(m *Message) []int {
	uses := map[int]bool{}
	for _, i := range m.Params() {
		uses[i] = true
	}
	var out []int
	for i, p := range e.Params {
		if !p.Optional && (uses[i] || p.Data) {
			out = append(out, i)
		}
	}
	return out
}

// UngroupedPage is the per_group layout's page for errors in no group.
const UngroupedPage = "ungrouped"

// IndexPage is the index page of the per_group and per_error layouts.
const IndexPage = "index"

// RuntimeFile is the name of the Go file that holds the part of the
// generated package that is the same for every catalog, written beside
// the catalog file (outputs.go).
const RuntimeFile = "errors_runtime_gen.go"

// RuntimePath is where the runtime file of a catalog file at goOutput
// goes: beside it, slash-separated like goOutput; "" when goOutput is.
func RuntimePath(goOutput string) string {
	if goOutput == "" {
		return ""
	}
	return path.Join(path.Dir(goOutput), RuntimeFile)
}

// GeneratedGoNames are the package-level identifiers the generated Go code
// declares for itself, besides the Code<X>, Err<X>, New<X> and
// New<X><Variant> of each error. The loader refuses error and variant
// names whose derived identifiers would collide with one of them; the Go
// renderer's tests parse generated files to keep this list exact. The
// unexported ones all start with "errgen", so code written beside the
// generated file can avoid them.
var GeneratedGoNames = []string{
	// Exported API.
	"Code", "CodeOf", "Error", "Param", "Detail", "StatusOf", "Lookup",
	"WriteError", "HandlerFunc", "FromResponse", "CatalogHandler", "Report", "SetReporter", "LogReport",
	// Generated tables and functions (besides each error's
	// errgenRow<GoName>).
	"errgenCatalog", "errgenFormats", "errgenNumericCodes", "errgenDocsURL",
	"errgenCodeText", "errgenParseCode", "errgenStatusText", "errgenAppendDetail", "errgenReadDetail",
	"errgenCatalogJSON", "errgenCatalogETag", "errgenCatalogHandler", "errgenETagMatch",
	// Runtime helpers.
	"errgenFind", "errgenResolve", "errgenParamPath", "errgenEntry", "errgenTemplate", "errgenOpConst",
	"errgenOpOpen", "errgenOpClose", "errgenOpMessage", "errgenOpDetails", "errgenOpRetryAfter", "errgenOpInstance",
	"errgenOpParams", "errgenOpParamsInline", "errgenOpParam", "errgenOp", "errgenBufs", "errgenAppendBody",
	"errgenAppendDetails", "errgenAppendValue", "errgenAppendFloat", "errgenHex", "errgenAppendString",
	"errgenMaxBody", "errgenKeepBody", "errgenUnknown", "errgenDecode", "errgenBuild", "errgenParams",
	"errgenBodyParam", "errgenConvert", "errgenFits", "errgenDetails", "errgenValid", "errgenMember",
	"errgenNeedsDecoding", "errgenKeyIs", "errgenString", "errgenIsNumber", "errgenParser", "errgenAt", "errgenDoc", "errgenObject", "errgenMembers", "errgenMemoMembers", "errgenKeyMatches",
	"errgenByStatus", "errgenMatchMessage", "errgenParseRetryAfter", "errgenMaxDepth", "errgenNew", "errgenFill",
	"errgenCopy", "errgenSentinel", "errgenSentinels", "errgenErrorText", "errgenUnwrap", "errgenUnwrapAll", "errgenMaxRetryAfter", "errgenMaxDetails", "errgenJSONable", "errgenRoleAt", "errgenJSONSafe", "errgenDelaySeconds", "errgenCode", "errgenMaxMessage", "errgenMatch", "errgenMatchTemplate",
	"errgenSplit", "errgenStates", "errgenAccepting", "errgenStep", "errgenFloatStep", "errgenAutomata", "errgenKindIndex", "errgenKinds", "errgenTables", "errgenRender", "errgenAllStrings", "errgenScan",
	"errgenAbsent", "errgenAppendParts", "errgenAppendStringContent", "errgenAppendText", "errgenBodyCode", "errgenDecodeIn",
	"errgenDetailBool", "errgenDetailInt", "errgenDetailString", "errgenEscape", "errgenFirst", "errgenFormat",
	"errgenHeader", "errgenHeaderCode", "errgenHeaderPath", "errgenIntegerText", "errgenIsKind", "errgenList",
	"errgenMakeList", "errgenMarked", "errgenMarkedFormat", "errgenMediaBase", "errgenModeHeader", "errgenModeJSON",
	"errgenModeQuoted", "errgenNoCode", "errgenOpTemplate", "errgenParamIndex", "errgenPart", "errgenPartInstance",
	"errgenPartLit", "errgenPartMessage", "errgenPartParam", "errgenPartRetryAfter", "errgenPath", "errgenPickFormat",
	"errgenRestored", "errgenRetryHeader", "errgenScalar", "errgenScore", "errgenScratch", "errgenSetHeader", "errgenSet", "errgenAlloc", "errgenNumber", "errgenReadBody",
	"errgenSetParam", "errgenStrip", "errgenText", "errgenTextValue", "errgenUnquote", "errgenWith",
	"errgenWrite", "errgenIndex", "errgenByDocURL",
	"errgenReporter", "errgenReport", "errgenRequestID", "errgenIDByte", "errgenMaxRequestID",
	"errgenNewRequestID", "errgenOpRequestID", "errgenPartRequestID", "errgenCleanID",
	// The catalog's rows and what the runtime builds from them.
	"errgenCodes", "errgenDocURLs", "errgenHasParam", "errgenListRole", "errgenStatusKey", "errgenByStatusFormat", "errgenFresh", "errgenCompiled", "errgenCompile",
	"errgenCompileBody", "errgenCompileHeader", "errgenCompileTemplate", "errgenConstText", "errgenConstValue",
	"errgenRenderDefault", "errgenParseTemplate", "errgenJSON", "errgenField", "errgenTmpl", "errgenHeaderTmpl",
	"errgenVLiteral", "errgenVObject", "errgenVCode", "errgenVStatus", "errgenVStatusText", "errgenVTitle",
	"errgenVMessage", "errgenVDetails", "errgenVRetryAfter", "errgenVDocURL", "errgenVInstance", "errgenVParams",
	"errgenVParam", "errgenVParamsInline", "errgenVType", "errgenVAttr", "errgenVTemplate", "errgenVList",
	"errgenVAttrsInline", "errgenVRequestID",
	// Constructors.
	"errgenSlot", "errgenEface", "errgenTypeOf", "errgenTypeString", "errgenTypeInt", "errgenTypeInt64",
	"errgenTypeFloat64", "errgenTypeBool", "errgenCopyValue", "errgenEfaceOK", "errgenCheckEface", "errgenAppendRaw", "errgenMore", "errgenNoMore",
	"errgenParseParams", "errgenNew1", "errgenNew2", "errgenNew3", "errgenNew4",
}

// ErrorMethods are the methods of the generated *Error type. An optional
// param's With<GoName> method may not take one of their names.
var ErrorMethods = []string{"Error", "Unwrap", "Is", "Wrap", "WithDetails", "Param", "LogValue", "Format"}

// Reserved is a retired code that may never be reused.
type Reserved struct {
	Code   string
	Reason string
	// Since is the version that added the code, RemovedIn the version
	// that retired it (spec keys since and removed_in), as written; empty
	// when the spec does not say.
	Since     string
	RemovedIn string
	Pos       Pos
}

// AllErrors returns the catalog errors followed by the built-in internal
// error when there is one: every error the generated code knows.
func (s *Spec) AllErrors() []*Error {
	if s.Internal != nil && s.Internal.BuiltIn {
		out := make([]*Error, 0, len(s.Errors)+1)
		out = append(out, s.Errors...)
		return append(out, s.Internal)
	}
	return s.Errors
}

// AboutBlank reports whether the problems the server writes have type
// about:blank: the body writes the problem type and the spec has no
// docs_url, so no error has a doc link. Every WireTitle is then the
// status text.
func (s *Spec) AboutBlank() bool {
	f, _ := s.Response.FindField(ValueType)
	return f != nil && s.API.DocsURL == ""
}

// Ungrouped returns the errors that belong to no group, in spec order.
func (s *Spec) Ungrouped() []*Error {
	var out []*Error
	for _, e := range s.Errors {
		if e.Group == nil {
			out = append(out, e)
		}
	}
	return out
}

// ByStatus returns the errors (built-in internal error included) with the
// given status, in spec order.
func (s *Spec) ByStatus(status int) []*Error {
	var out []*Error
	for _, e := range s.AllErrors() {
		if e.Status == status {
			out = append(out, e)
		}
	}
	return out
}

// FindField returns the first body field (searched depth first, in wire
// order) of the given kind and its JSON path, or nil.
func (r *Response) FindField(kind ValueKind) (*Field, []string) {
	return findField(r.Body, kind, nil)
}

func findField(fields []*Field, kind ValueKind, path []string) (*Field, []string) {
	for _, f := range fields {
		p := append(append([]string(nil), path...), f.Name)
		if f.Kind == kind {
			return f, p
		}
		if f.Kind == ValueObject {
			if got, gp := findField(f.Children, kind, p); got != nil {
				return got, gp
			}
		}
	}
	return nil, nil
}
