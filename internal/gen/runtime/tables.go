package runtime

// errgenParamPath is where a $param.NAME member sits in the body.
type errgenParamPath struct {
	name string
	path []string
}

// errgenEntry is what the generated code knows about one error.
type errgenEntry struct {
	code   Code
	status int
	title  string
	// message is what a sentinel carries and WriteError sends for it: the
	// main message, or the title when the message has params.
	message    string
	docURL     string
	retryAfter int
	// retryHeader is the pre-built Retry-After header for retryAfter.
	retryHeader []string
	// params are the declared param names; kinds has one byte per param:
	// s string, i int, I int64, f float64, b bool.
	params []string
	kinds  string
	// messages holds the main message first, then the variants.
	messages []errgenTemplate
	// body is the pre-encoded body program.
	body     []errgenOp
	sentinel *Error
}

// errgenTemplate is a parsed message template: lits[0] params[0] lits[1]
// ... params[n-1] lits[n], params holding indexes into the entry's params.
type errgenTemplate struct {
	variant string
	lits    []string
	params  []int
}

// The instructions of a body program.
const (
	errgenOpConst        = iota // lit: one or more complete members
	errgenOpOpen                // lit: `"name":{`; members follow until errgenOpClose
	errgenOpClose               // `}`
	errgenOpMessage             // lit: `"name":`, value Error.Message
	errgenOpDetails             // Error.Details, omitted when empty
	errgenOpRetryAfter          // Error.RetryAfter, omitted when 0
	errgenOpInstance            // the request path, omitted when empty
	errgenOpParams              // all params as an object, omitted when none
	errgenOpParamsInline        // all params as members of the enclosing object
	errgenOpParam               // the param named name, omitted when absent
)

// errgenOp is one instruction of a body program; lit is pre-encoded JSON.
type errgenOp struct {
	op   uint8
	lit  string
	name string
}
