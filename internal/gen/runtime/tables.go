package runtime

import "sync/atomic"

// errgenFormat is one wire format of the catalog: errgenFormats[0] is the
// catalog's, then each group's own, in spec order.
type errgenFormat struct {
	// contentType is the pre-built Content-Type header, as the spec
	// writes it; mediaBase is the media type without its parameters,
	// lower-cased, which responses are compared with.
	contentType []string
	mediaBase   string
	// internal is the error written for anything outside the catalog in
	// this format.
	internal *errgenEntry
	// requestID is the canonical name of the request header that carries
	// the request id (response.request_id.header), on the catalog's
	// format only; "" when the spec has none.
	requestID string
	// body is the format's body template, in wire order; headers are its
	// response headers (an error's own replace them, see
	// errgenMore.headers).
	body    []errgenField
	headers []errgenHeaderTmpl
	// Where the decoder finds each value in a body; a zero errgenPath
	// when the format has no such member.
	code       errgenPath
	message    errgenPath
	typ        errgenPath
	retryAfter errgenPath
	details    []string
	params     []string // the $params object
	inline     []string // the object that holds the params as members (problem format)
	param      []errgenParamPath
	// codeHeaders are the headers that carry the code, for a body
	// without it.
	codeHeaders []errgenHeaderPath
	// marker is the member that marks an error sent with a 2xx status,
	// and markerValue its constant, pre-encoded; nil for none.
	marker      []string
	markerValue string
}

// errgenPath is where a value sits in a body: a member path (through
// one-element lists, which the decoder steps into), and for a value
// interpolated into a string (text), the literal text around it.
type errgenPath struct {
	path           []string
	prefix, suffix string
	text           bool
}

// errgenParamPath is where a $param.NAME member, or a string that
// interpolates ${param.NAME}, sits in the body.
type errgenParamPath struct {
	name string
	at   errgenPath
}

// errgenHeaderPath is a header that carries the code: its canonical
// name, the literal text around the code, and whether the code sits in
// a quoted-string.
type errgenHeaderPath struct {
	name           string
	prefix, suffix string
	quoted         bool
}

// errgenEntry is one error of the catalog, as the generated file writes
// it: a row of its raw values, declared once per error
// (errgenRow<Name>) and pointed to by its sentinel, its constructors
// and the errgenCatalog list. What the writer and the decoder run on
// (message templates, the body program, headers) is built from the row
// and its format on first use (errgenCompile) and kept.
type errgenEntry struct {
	code  Code
	title string
	// msg is the main message template: {name} for a param, {{ and }}
	// for literal braces.
	msg string
	// params are the declared params, separated by spaces: a name for a
	// string param, name:type for others ("limit:int", "tags:[]string").
	params     string
	status     int16
	format     uint8 // the index of the error's wire format in errgenFormats
	retryAfter int32
	// doc is the doc link after errgenDocsURL ("#anchor", "/page#anchor");
	// without doc (or more.docURL), the link is errgenDocsURL#code (none
	// without errgenDocsURL).
	doc string
	// variants holds each variant's name and template in turn.
	variants []string
	// aliases are the other codes decoding accepts, separated by spaces.
	aliases string
	// more holds what few errors need; nil for none of it.
	more *errgenMore
	// sentinel is the error's Err variable (set by register).
	sentinel *Error
	compiled atomic.Pointer[errgenCompiled]
}

// errgenMore holds an error's less common values.
type errgenMore struct {
	// statusText is the status's text when it is not the catalog's for
	// the status (errgenStatusText);
	// wireTitle is the title responses carry when it is not the title (the
	// status text, for a problem type of about:blank).
	statusText string
	wireTitle  string
	// docURL is a doc link of the error's own.
	docURL string
	// roles has one byte per param, or is empty when every param is a
	// message param: m a message param (a constructor argument), d data
	// (a constructor argument no message uses), o optional (set with a
	// With method); D and O are data and optional lists.
	roles string
	// attrs holds each attribute's name, JSON value and text in turn.
	attrs []string
	// headers are the error's response headers when they are not its
	// format's.
	headers []errgenHeaderTmpl
}

// errgenCompiled is what the writer and decoder run on for one error,
// built from its row on first use.
type errgenCompiled struct {
	// message is what a sentinel carries and WriteError sends for it: the
	// main message, or the title when the message has params.
	message string
	// params are the declared param names; kinds has one byte per param,
	// the type of a value or of a list's elements: s string, i int, I
	// int64, f float64, b bool.
	params []string
	kinds  string
	// keys are the params' member names as the writer sends them:
	// `"name":`, pre-encoded.
	keys []string
	// roles is the entry's roles (errgenMore.roles): which params are
	// lists.
	roles string
	// retryHeader is the pre-built Retry-After header for retryAfter.
	retryHeader []string
	// messages holds the main message first, then the variants.
	messages []errgenTemplate
	// body is the pre-encoded body program.
	body []errgenOp
	// headers are the error's response headers, in spec order.
	headers []errgenHeader
}

// errgenTemplate is a parsed message template: lits[0] params[0] lits[1]
// ... params[n-1] lits[n], params holding indexes into the entry's params.
// args are the params its constructor takes, in order, and at the
// place in args of each placeholder's param (-1 for none).
type errgenTemplate struct {
	variant string
	lits    []string
	params  []int
	args    []int
	at      []int
}

// The instructions of a body program.
const (
	errgenOpConst        = iota // lit: one or more complete members
	errgenOpOpen                // lit: `"name":{` or `"name":[{`; members follow until errgenOpClose
	errgenOpClose               // lit: `}` or `}]`
	errgenOpMessage             // lit: `"name":`, value Error.Message
	errgenOpDetails             // Error.Details, omitted when empty
	errgenOpRetryAfter          // Error.RetryAfter, omitted when 0
	errgenOpInstance            // the request path, omitted when empty
	errgenOpParams              // all params as an object, omitted when none
	errgenOpParamsInline        // all params as members of the enclosing object
	errgenOpParam               // the param named name, omitted when absent
	errgenOpTemplate            // lit: `"name":`, a string of parts; omitted when only and its value is absent
	errgenOpRequestID           // lit: `"name":`, the request id
)

// errgenOp is one instruction of a body program; lit is pre-encoded JSON.
type errgenOp struct {
	op    uint8
	only  bool
	lit   string
	name  string
	parts []errgenPart
}

// The kinds of template parts.
const (
	errgenPartLit        = iota // lit: constant text, pre-encoded for where it goes
	errgenPartMessage           // Error.Message
	errgenPartInstance          // the request path; absent when empty
	errgenPartRetryAfter        // Error.RetryAfter in seconds; absent when 0
	errgenPartParam             // the param named name; absent when the error has none
	errgenPartRequestID         // the request id
)

// errgenPart is one part of a string template: constant text (already
// escaped for a JSON string or a header value), or a value of the
// response. In a header, quoted marks a value inside a quoted-string.
type errgenPart struct {
	kind   uint8
	quoted bool
	lit    string
	name   string
}

// errgenHeader is one response header of an error: its canonical name,
// and either its constant value (parts nil) or the parts it is built
// from, with value then the rendering for the catalog's own values (the
// sentinel's message, no params, no request path), shared whenever a
// response renders the same. only marks a template that is exactly one
// value, left out when that value is absent.
type errgenHeader struct {
	name  string
	only  bool
	value []string
	parts []errgenPart
}

// The kinds of values in body templates and string templates, as the
// spec writes them ($code, ${param.NAME}, ...).
const (
	errgenVLiteral      = iota // lit: a constant, pre-encoded JSON (in a string template, text)
	errgenVObject              // children: a nested object
	errgenVCode                // $code
	errgenVStatus              // $status
	errgenVStatusText          // $status_text
	errgenVTitle               // $title
	errgenVMessage             // $message
	errgenVDetails             // $details
	errgenVRetryAfter          // $retry_after
	errgenVDocURL              // $doc_url
	errgenVInstance            // $instance
	errgenVParams              // $params
	errgenVParam               // $param.NAME, ref NAME
	errgenVParamsInline        // every param as a member of the enclosing object
	errgenVType                // the problem type: $doc_url, or about:blank
	errgenVAttr                // $attr.NAME, ref NAME
	errgenVTemplate            // parts: a string with interpolations
	errgenVList                // children: the members of a one-element list's object
	errgenVAttrsInline         // every attribute as a member of the enclosing object
	errgenVRequestID           // $request_id
)

// errgenField is one member of a body template.
type errgenField struct {
	kind     uint8
	name     string
	lit      string
	ref      string
	parts    []errgenTmpl
	children []errgenField
}

// errgenTmpl is one part of a string template: literal text, or a value
// (ref names a param or attribute). In a header, quoted marks a value
// inside a quoted-string.
type errgenTmpl struct {
	kind   uint8
	text   string
	ref    string
	quoted bool
}

// errgenHeaderTmpl is a response header: its canonical name and template.
type errgenHeaderTmpl struct {
	name  string
	parts []errgenTmpl
}
