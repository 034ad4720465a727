package docs

import (
	"fmt"

	"github.com/errgen/errgen/internal/model"
)

// The types below are what the page templates receive. They are part of
// errgen's contract with teams that override templates (docs/markdown.md
// documents them), so fields are only ever added.

// Page is the data of a page template (page-*.tmpl).
type Page struct {
	// Spec is the whole resolved catalog, for templates that want more
	// than the page's own view.
	Spec *model.Spec
	// Kind is "single", "index", "group" or "error": which page template
	// renders the page.
	Kind string
	// Path is the page's output path, relative to the spec directory.
	Path string
	// FrontMatter is the YAML front matter block, "---" lines and final
	// newline included; "" when docs.front_matter is none.
	FrontMatter string
	// Header is the generated-file marker, an HTML comment and a newline.
	// A page must carry it (errgen refuses to overwrite files without it).
	Header string
	// Title is the page's plain-text title (not escaped: use text).
	Title string
	// TitleInFrontMatter reports whether the front matter carries the
	// title (readme, docusaurus), which the docs site shows as the page's
	// heading: the page then has no H1 of its own (one top-level heading
	// per page, markdownlint's MD025).
	TitleInFrontMatter bool
	// IndexTitle and IndexLink name the reference's main page, for links
	// back from group and error pages ("" on single and index pages).
	IndexTitle string
	IndexLink  string
	// Intro is the API description (Markdown), on single and index pages.
	Intro string
	// Sections are the groups in spec order, then the errors in no group
	// (with errgen's built-in internal error): the overview of single and
	// index pages.
	Sections []*Section
	// Section is the group a group page documents, or the group of the
	// error an error page documents (nil for an error in no group).
	Section *Section
	// Error is the error an error page documents.
	Error *Error
	// Response describes the catalog's wire format (single and index
	// pages): Formats[0].
	Response *Response
	// Formats describe every wire format (single and index pages): the
	// catalog's, then each group's own, in group order.
	Formats []*Response
	// Reserved lists the retired codes (single and index pages).
	Reserved []*model.Reserved
	// ReservedReasons reports whether any retired code has a reason: the
	// reserved table has no Reason column when none does.
	ReservedReasons bool
	// ReservedVersions reports whether any retired code says when it was
	// added or retired (.Since, .RemovedIn): the reserved table has no
	// "Added in" and "Removed in" columns when none does.
	ReservedVersions bool
	// Headings are the texts of the single and index pages' own
	// headings (plain text).
	Headings MainHeadings
}

// MainHeadings are the texts of the headings errgen gives the single and
// index pages: "Overview", "Response format" and "Reserved codes" (""
// without reserved codes), each followed by " (catalog)" (then "(catalog
// 2)", …) when the page title, or an error's anchor or heading on the
// page, already has its anchor, so that an error's doc link lands on the
// error.
type MainHeadings struct {
	Overview, Response, Reserved string
}

// Section is a group of errors: a spec group, or the errors in none.
type Section struct {
	// Group is the spec group; nil for the errors in no group.
	Group *model.Group
	// Title is the group's title, or "Other errors" ("Errors" when the
	// spec has no groups).
	Title string
	// Heading is the text of the section's heading on the page (plain
	// text): its title, unless another heading of the page, or an error's
	// anchor, has the anchor the title would get; then the title and the
	// group id, "Billing (billing)" ("(ungrouped)" for the errors in no
	// group), so that every heading has an anchor of its own.
	Heading string
	// Description is the group's Markdown description.
	Description string
	// Link is the section's page relative to the current page (per_group
	// index only; "" elsewhere).
	Link string
	// Errors are the section's errors in spec order.
	Errors []*Error
}

// Error is one error as the current page shows it.
type Error struct {
	*model.Error
	// Description, Causes and Solution are the error's, as the page shows
	// them: on a page of the per_group or per_error layout, a link to a
	// bare fragment that names another error's anchor points at the page
	// of that error (see renderer.own).
	Description string
	Causes      []string
	Solution    string
	// Link reaches the error's section from the current page: "#anchor"
	// on the same page, "page.md#anchor" or "page.md" on another.
	Link string
	// H is the Markdown heading prefix of the error's section ("###"),
	// "" when the page title is the error's heading (per_error pages);
	// HSub is the prefix of its sub-sections ("####").
	H, HSub string
	// Summary is a one-paragraph Markdown description for overview tables:
	// the first paragraph of the description, else the title.
	Summary string
	// Retry says in words whether and when a retry may succeed.
	Retry string
	// DetailsMember is the JSON path of the $details member ("errors"),
	// "" when the wire format has none.
	DetailsMember string
	// Messages are the main message (Variant "") then each variant's.
	Messages []*Message
	// MessagesDescribed reports whether any message says when it is
	// sent: the messages table has no "Sent when" column when none does.
	MessagesDescribed bool
	// MessagesSince reports whether any variant says when it was added:
	// the messages table has no "Added in" column when none does.
	MessagesSince bool
	// Params are the error's params with their example values as JSON.
	Params []*Param
	// ParamsDescribed reports whether any param has a description: the
	// params table has no Description column when none does.
	ParamsDescribed bool
	// ParamsSent reports whether any param is a data or an optional
	// param: the params table has a "Sent" column (Param.Sent) when one
	// is.
	ParamsSent bool
	// ParamsSince reports whether any param says when it was added
	// (.Since): the params table has an "Added in" column when one does.
	ParamsSince bool
	// ReplacedByLink reaches the section of the error that replaces a
	// deprecated one (.ReplacedBy) from the current page; "" when the
	// error has no replacement.
	ReplacedByLink string
	// Attrs are the error's attributes, in order, with their values as
	// JSON.
	Attrs []*Attribute
	// ResponseHeaders are the headers sent with the error, as the spec
	// writes them: name and template.
	ResponseHeaders []*HeaderTemplate
	// Success says, for an error sent with a 2xx status, how clients
	// tell it from a success (Markdown: "sent with HTTP 200; the body's
	// `+"`ok`"+` is `+"`false`"+`"); "" for other errors.
	Success string
	// OwnFormat is the format of the error's group when the group has its
	// own (nil when the error is written in the catalog's), and
	// OwnFormatLink reaches its part of the response format section from
	// the current page.
	OwnFormat     *Response
	OwnFormatLink string
	// Example is the response the server writes for the main message
	// with the example params.
	Example *Example
	// Internal marks the error the server writes for anything that is not
	// a catalog error.
	Internal bool
}

// Message is one message of an error.
type Message struct {
	// Variant is the variant name, "" for the main message.
	Variant string
	// Display is the template with placeholders shown as {name}; Example
	// is the message rendered with the example params (both plain text).
	Display string
	Example string
	// Description says when the variant is sent (Markdown).
	Description string
	// Since is the version that added the variant (plain text), "" for
	// the main message and for variants the spec does not date.
	Since string
}

// Param is a message parameter.
type Param struct {
	*model.Param
	// Description is the param's description (Markdown), its links as
	// the page shows them (see Error.Description).
	Description string
	// ExampleJSON is the example value as it appears in JSON bodies.
	ExampleJSON string
	// Sent says when responses carry the param (plain text): "in the
	// message" (a param some message uses), "always" (a data param, which
	// every constructor takes), "only when set" (an optional param).
	Sent string
}

// Attribute is a constant attribute of an error.
type Attribute struct {
	Name string
	// JSON is the value as responses carry it.
	JSON string
}

// HeaderTemplate is a response header as the spec writes it.
type HeaderTemplate struct {
	Name string
	// Template is the value's template, with ${NAME} for each value.
	Template string
}

// Example is an HTTP response exactly as the generated server writes it.
type Example struct {
	// StatusLine is e.g. "HTTP/1.1 404 Not Found".
	StatusLine string
	// Headers are Content-Type, the error's own headers (their names
	// as Go's server writes them, X-Amzn-Errortype), then Retry-After
	// when the error sets it.
	Headers []Header
	// Body is the JSON body, indented with two spaces.
	Body string
	// Fence is a code fence longer than any backtick run in the example.
	Fence string
}

// Header is one HTTP header line.
type Header struct{ Name, Value string }

// Response describes a wire format.
type Response struct {
	// Format is "problem" (RFC 9457) or "custom".
	Format    string
	MediaType string
	// Fields are the body's members, depth first in wire order.
	Fields []*FieldDoc
	// Internal is the error written for non-catalog errors in this
	// format.
	Internal *Error
	// Group is the group whose own format this is; nil for the catalog's.
	Group *model.Group
	// Title is the group's title ("" for the catalog's format).
	Title string
	// Heading is the text of the heading of a group's format on the page
	// (plain text), "Response format: <title>", with the group id when
	// the anchor is taken (see Section.Heading); Anchor is its anchor.
	// Both are "" for the catalog's format, under "Response format".
	Heading, Anchor string
	// Others reports, for the catalog's format, that groups have formats
	// of their own.
	Others bool
	// Headers are the headers every error of the format sends, as the
	// spec writes them.
	Headers []*HeaderTemplate
	// Marker says what marks a body as an error in a format whose errors
	// may be sent with a 2xx status (Markdown: "`+"`ok`"+` is `+"`false`"+`"); "" for
	// other formats.
	Marker string
}

// FieldDoc documents one body member.
type FieldDoc struct {
	// Path is the member's JSON path ("error.code", "errors[0].code" in
	// a one-object list); "" for the problem format's inline params and
	// attributes.
	Path string
	// Inline names the members of a Path-less row: "params" or
	// "attributes".
	Inline string
	// Type is the JSON type: string, number, boolean, object, array, or
	// "as documented" for params.
	Type string
	// Description is Markdown written by errgen (spec text in it is
	// already escaped).
	Description string
}

// ungroupedTitle names the section of errors in no group.
func ungroupedTitle(s *model.Spec) string {
	if len(s.Groups) == 0 {
		return "Errors"
	}
	return "Other errors"
}

// docTitle is the reference's title: docs.title, else "<api.name> errors".
func docTitle(s *model.Spec) string {
	switch {
	case s.Docs.Title != "":
		return s.Docs.Title
	case s.API.Name != "":
		return s.API.Name + " errors"
	}
	return "Errors"
}

// retryText says whether a retry may succeed.
func retryText(e *model.Error) string {
	switch {
	case e.RetryAfter > 0:
		return fmt.Sprintf("yes, after %d seconds (sent as `Retry-After: %d`)", e.RetryAfter, e.RetryAfter)
	case e.Retryable:
		return "yes, the same request may succeed later"
	}
	return "no"
}

// summary is the overview's short description of an error.
func summary(e *model.Error, f urlForm) string {
	if p := firstParagraph(e.Description); p != "" {
		return p
	}
	return escapeTextAs(e.Title, f)
}

// messages lists an error's main message and its variants.
func messages(e *model.Error) []*Message {
	out := []*Message{{Display: e.Message.Display, Example: e.Message.Example}}
	for _, v := range e.Variants {
		out = append(out, &Message{Variant: v.Name, Display: v.Message.Display, Example: v.Message.Example, Description: v.Description, Since: v.Since})
	}
	return out
}

// detailsMember is the JSON path of the $details member of a format
// ("error.details", "errors[0].details" in a one-object list), if any.
func detailsMember(f *model.Response) string {
	var find func(fields []*model.Field, prefix string) string
	find = func(fields []*model.Field, prefix string) string {
		for _, fd := range fields {
			path := fd.Name
			if prefix != "" {
				path = prefix + "." + fd.Name
			}
			switch fd.Kind {
			case model.ValueDetails:
				return path
			case model.ValueObject:
				if p := find(fd.Children, path); p != "" {
					return p
				}
			case model.ValueList:
				if p := find(fd.Children, path+"[0]"); p != "" {
					return p
				}
			}
		}
		return ""
	}
	return find(f.Body, "")
}

// paramSent says when responses carry a param.
func paramSent(p *model.Param) string {
	switch {
	case p.Optional:
		return "only when set"
	case p.Data:
		return "always"
	}
	return "in the message"
}

// success says how clients tell an error sent with a 2xx status from a
// success; "" for other errors.
func success(e *model.Error) string {
	if e.Status < 200 || e.Status > 299 || e.Format == nil || e.Format.Marker == nil {
		return ""
	}
	m := e.Format.Marker
	return fmt.Sprintf("sent with HTTP %d; the body's %s is %s", e.Status, codeSpan(m.Member), codeSpan(string(jsonValue(m.Value))))
}
