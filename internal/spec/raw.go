package spec

import (
	"go.yaml.in/yaml/v4"
)

// The raw* types hold the spec as written, each value beside the node it
// came from, so that the build stage can point at it.

type rawSpec struct {
	root     *yaml.Node
	version  *yaml.Node
	api      rawAPI
	goPkg    str
	outputs  rawOutputs
	response rawResponse
	openapi  rawOpenAPI
	docs     rawDocs
	groups   []*rawGroup
	errors   []*rawError
	reserved []*rawReserved
	// statusText is the status_text mapping, read by build.
	statusText *yaml.Node
}

// str is a string value with its node; n is nil when the key was absent.
type str struct {
	v string
	n *yaml.Node
}

type rawAPI struct {
	name, description, docsURL str
}

type rawOutputs struct {
	goOut, openapi, docs, catalog str
}

type rawResponse struct {
	node          *yaml.Node
	format        str
	mediaType     str
	body          *yaml.Node
	internalCode  str
	codeType      str
	details       *yaml.Node
	detailsMember str
	headers       *yaml.Node
	errorMarker   *yaml.Node
	// requestID is the response.request_id mapping, with its header and
	// member.
	requestID       *yaml.Node
	requestIDHeader str
	requestIDMember str
	// keys maps each key the section writes to its value's node.
	keys map[string]*yaml.Node
	// what names the section in problems: "response" or
	// "group \"x\": response".
	what string
}

type rawOpenAPI struct {
	node      *yaml.Node
	version   str
	mergeInto str
}

type rawDocs struct {
	layout, title, frontMatter, slug, excerpt, sidebarLabel, templates str
	anchorStyle                                                        str
	extra                                                              *yaml.Node
}

type rawGroup struct {
	node                   *yaml.Node
	id, title, description str
	attributes, headers    *yaml.Node
	response               *rawResponse // nil when the group has none
}

type rawParam struct {
	node                          *yaml.Node
	name, typ, description, since str
	optional                      bool
	optionalNode                  *yaml.Node
}

type rawVariant struct {
	node                              *yaml.Node
	name, message, description, since str
}

type rawError struct {
	node                                   *yaml.Node
	code, title, message, description, grp str
	solution, deprecated, goName           str
	status                                 int
	statusNode                             *yaml.Node
	causes                                 []string
	params                                 []*rawParam
	example                                *yaml.Node
	exampleDetails                         *yaml.Node
	variants                               []*rawVariant
	details, retryable                     bool
	retryAfter                             int
	retryAfterNode                         *yaml.Node
	aliases                                []str
	deprecatedSet                          bool
	operations                             []str
	attributes, headers                    *yaml.Node
	docURL                                 str
	since, sunset, replacedBy              str
}

type rawReserved struct {
	node                           *yaml.Node
	code, reason, since, removedIn str
}
