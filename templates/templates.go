// Package templates holds the text/template files errgen renders the
// Markdown error reference with. They are embedded in the errgen binary;
// a spec's docs.templates directory overrides any of them by file name.
// docs/markdown.md lists every file and the data it receives.
package templates

import "embed"

// FS holds every page template, each at its file name (e.g. "error.tmpl").
//
//go:embed *.tmpl
var FS embed.FS
