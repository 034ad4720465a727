package diff

// Rule is one kind of change errgen diff reports.
type Rule struct {
	// ID names the rule in reports and in -ignore RULE[:CODE].
	ID       string
	Category Category
	// Severities are the severities the rule reports, worst first: most
	// rules have one; some depend on the change (a message change is
	// breaking only for an error clients identify by its message).
	Severities []Severity
	Section    Section
	// Summary says what the rule catches, for help and docs.
	Summary string
}

func rule(id string, cat Category, sec Section, summary string, sev ...Severity) *Rule {
	r := &Rule{ID: id, Category: cat, Severities: sev, Section: sec, Summary: summary}
	Rules = append(Rules, r)
	return r
}

// Rules lists every rule, in the order docs/evolution.md documents them.
var Rules []*Rule

// The rules. Their order here is their order in Rules.
var (
	// Errors and codes.
	ruleErrorAdded          = rule("error-added", Wire, Added, "an error was added", Info)
	ruleCodeRemoved         = rule("code-removed", Wire, Removed, "an error was removed without its code being reserved or kept as an alias", Breaking)
	ruleCodeRenamed         = rule("code-renamed", Wire, Changed, "an error's code changed (a removed code whose status and messages reappear under a new code, or that a new error keeps as an alias): breaking unless the old code is kept as an alias", Breaking, Warning)
	ruleCodeReserved        = rule("code-reserved", Wire, Removed, "an error was removed and its code reserved: info after a deprecation, a warning without one", Warning, Info)
	ruleRemovedBeforeSunset = rule("removed-before-sunset", Wire, Removed, "a deprecated error was removed before its sunset date", Breaking)
	ruleStatusChanged       = rule("status-changed", Wire, Changed, "an error's HTTP status changed", Breaking)
	ruleAliasRemoved        = rule("alias-removed", Wire, Removed, "an alias is no longer accepted for its error", Breaking)
	ruleAliasAdded          = rule("alias-added", Wire, Added, "an alias was added", Info)
	// Messages.
	ruleMessageChanged        = rule("message-changed", Wire, Changed, "an error's message changed: breaking when its format carries no code (clients identify it by its message), a warning when clients recover its params from it, else info", Breaking, Warning, Info)
	ruleVariantMessageChanged = rule("variant-message-changed", Wire, Changed, "a variant's message changed (severity as message-changed)", Breaking, Warning, Info)
	ruleMessageRemoved        = rule("message-removed", Wire, Removed, "a variant was removed, so its message is no longer sent: breaking when the format carries no code", Breaking, Info)
	ruleVariantAdded          = rule("variant-added", Wire, Added, "a variant (another message for a code) was added", Info)
	ruleTitleChanged          = rule("title-changed", Wire, Changed, "the title bodies carry ($title, the problem title) changed", Info)
	// Params.
	ruleParamRemoved  = rule("param-removed", Wire, Removed, "a param was removed: clients read it from the body or the message", Breaking)
	ruleParamRenamed  = rule("param-renamed", Wire, Changed, "a param was renamed (removed, and one of the same type added in its place)", Breaking)
	ruleParamRetyped  = rule("param-retyped", Wire, Changed, "a param's type changed, a list type included", Breaking)
	ruleParamOptional = rule("param-optional", Wire, Changed, "a param became optional: responses may leave it out", Warning)
	ruleParamAdded    = rule("param-added", Wire, Added, "a param was added", Info)
	// Retries and details.
	ruleRetryAfterRemoved = rule("retry-after-removed", Wire, Removed, "retry_after was removed: no Retry-After header any more", Warning)
	ruleRetryAfterChanged = rule("retry-after-changed", Wire, Changed, "retry_after changed", Info)
	ruleRetryAfterAdded   = rule("retry-after-added", Wire, Added, "retry_after was added", Info)
	ruleDetailsDropped    = rule("details-dropped", Wire, Removed, "details: true was dropped: the error no longer carries field details", Breaking)
	ruleDetailsAdded      = rule("details-added", Wire, Added, "details: true was added", Info)
	// Lifecycle.
	ruleErrorDeprecated   = rule("error-deprecated", Wire, Deprecated, "an error was deprecated", Info)
	ruleErrorUndeprecated = rule("error-undeprecated", Wire, Changed, "an error is no longer deprecated", Info)
	ruleSunsetChanged     = rule("sunset-changed", Wire, Deprecated, "a deprecated error's sunset date changed: a warning when it moved earlier", Warning, Info)
	// Formats, headers and attributes of an error.
	ruleErrorFormatChanged = rule("error-format-changed", Wire, Changed, "an error is written in another wire format (it moved to a group with a format of its own, or out of one)", Breaking)
	ruleHeaderRemoved      = rule("header-removed", Wire, Removed, "a response header is no longer sent", Breaking)
	ruleHeaderChanged      = rule("header-changed", Wire, Changed, "a response header's value changed", Breaking)
	ruleHeaderAdded        = rule("header-added", Wire, Added, "a response header was added", Info)
	ruleAttributeRemoved   = rule("attribute-removed", Wire, Removed, "an attribute the body writes was removed", Breaking)
	ruleAttributeChanged   = rule("attribute-changed", Wire, Changed, "an attribute the body writes changed its value", Breaking)
	ruleAttributeAdded     = rule("attribute-added", Wire, Added, "an attribute the body writes was added", Info)
	ruleTypeURIChanged     = rule("type-uri-changed", Wire, Changed, "the doc link a body carries (the problem type, $doc_url) changed: breaking when the format carries no code", Breaking, Warning)
	// Formats.
	ruleCodeTypeChanged        = rule("code-type-changed", Wire, Changed, "response.code_type changed: codes change JSON type", Breaking)
	ruleFormatChanged          = rule("format-changed", Wire, Changed, "a format changed between problem and custom", Breaking)
	ruleMediaTypeChanged       = rule("media-type-changed", Wire, Changed, "a media type changed (type/subtype)", Breaking)
	ruleMediaParamsChanged     = rule("media-type-params-changed", Wire, Changed, "only a media type's parameters changed", Info)
	ruleBodyMemberRemoved      = rule("body-member-removed", Wire, Removed, "a body template member was removed", Breaking)
	ruleBodyMemberMoved        = rule("body-member-moved", Wire, Changed, "a body template member was renamed or moved", Breaking)
	ruleBodyMemberChanged      = rule("body-member-changed", Wire, Changed, "a body template member holds another value or type", Breaking)
	ruleBodyMemberAdded        = rule("body-member-added", Wire, Added, "a body template member was added", Info)
	ruleDetailsMemberChange    = rule("details-member-changed", Wire, Changed, "the problem member that holds the details changed", Breaking)
	ruleRequestIDMemberChanged = rule("request-id-member-changed", Wire, Changed, "the problem member that carries the request id was renamed or removed", Breaking)
	ruleRequestIDMemberAdded   = rule("request-id-member-added", Wire, Added, "problem documents now carry the request id in a member", Info)
	ruleMarkerChanged          = rule("error-marker-changed", Wire, Changed, "the error_marker changed, appeared or went away", Breaking)
	ruleDetailMemberRemoved    = rule("detail-member-removed", Wire, Removed, "a member of the detail shape was removed", Breaking)
	ruleDetailMemberRetyped    = rule("detail-member-retyped", Wire, Changed, "a member of the detail shape changed type", Breaking)
	ruleDetailMemberAdded      = rule("detail-member-added", Wire, Added, "a member was added to the detail shape", Info)
	ruleReservedRemoved        = rule("reserved-removed", Wire, Changed, "a code is no longer reserved, so it may mean something else", Warning)
	// The Go API.
	ruleGoPackageChanged  = rule("go-package-changed", Go, Changed, "go.package changed, or the generated package moved (its import path changes)", Breaking)
	ruleGoOutputRemoved   = rule("go-output-removed", Go, Removed, "the spec no longer generates a Go package", Breaking)
	ruleGoNameChanged     = rule("go-name-changed", Go, Changed, "an error's Go name changed: CodeX, ErrX and NewX are renamed", Breaking)
	ruleConstructorChange = rule("constructor-changed", Go, Changed, "a constructor's arguments changed: a param removed, retyped, reordered, or a required one added", Breaking)
	ruleVariantRemoved    = rule("variant-removed", Go, Removed, "a variant was removed: its constructor goes away", Breaking)
	ruleVariantRenamed    = rule("variant-renamed", Go, Changed, "a variant was renamed: its constructor is renamed", Breaking)
	ruleWithRemoved       = rule("with-method-removed", Go, Removed, "no error has an optional param of a With method's name any more: the method goes away", Breaking)
	ruleWithRetyped       = rule("with-method-retyped", Go, Changed, "a With method's argument type changed", Breaking)
	// Docs.
	ruleDocLinkChanged  = rule("doc-link-changed", Docs, Changed, "an error's doc link changed: published links to it break", Warning)
	ruleDocLinksMoved   = rule("doc-links-moved", Docs, Changed, "api.docs_url, docs.layout or docs.anchor_style changed: every doc link changes", Warning)
	ruleDocLinksRemoved = rule("doc-links-removed", Docs, Removed, "api.docs_url was removed: errors have no doc links any more", Warning)
)

// RuleByID returns the rule with the id, or nil.
func RuleByID(id string) *Rule {
	for _, r := range Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}
