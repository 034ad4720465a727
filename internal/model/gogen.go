package model

import (
	"strings"
	"unicode"
)

// This file holds helpers of the Go renderer: names it derives from the
// model that the loader does not record.

// GoName is the Go name of the group's id, as error codes get theirs
// (token → Token, api_keys → APIKeys): the <Group> of the
// Write<Group>Error and <Group>HandlerFunc the Go package declares for a
// group with a wire format of its own.
func (g *Group) GoName() string {
	return GoIdent(g.ID)
}

// Initialisms are written in upper case in Go names, as golint and the
// Go standard library do (ServeHTTP, UserID).
var Initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "CSV": true, "DNS": true,
	"EOF": true, "GUID": true, "HLS": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "JWT": true, "OK": true, "QPS": true, "RAM": true, "RPC": true,
	"RTMP": true, "SDK": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "SSO": true,
	"TCP": true, "TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "URI": true,
	"URL": true, "UTF8": true, "UUID": true, "VM": true, "XML": true, "XSRF": true, "XSS": true,
}

// SplitWords splits a code or name into words at separators (_ . - :
// and space) and at lower-to-upper case changes: "invalid_api_key",
// "INVALID_PUSH_TOKEN", "invalidApiKey" and "Invalid-API-Key" all give
// three words.
func SplitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '_' || r == '.' || r == '-' || r == ' ' || r == ':':
			flush()
		case unicode.IsUpper(r) && i > 0 && len(cur) > 0 &&
			(unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) ||
				(i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))):
			// "apiKey" -> api|Key; "APIKey" -> API|Key.
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}

// GoIdent derives an exported Go name from a code, name or id, the one
// derivation errgen uses everywhere: words (SplitWords) capitalized,
// initialisms upper-cased (invalid_api_key -> InvalidAPIKey,
// INVALID_PUSH_TOKEN -> InvalidPushToken, not_found -> NotFound).
func GoIdent(s string) string {
	var b strings.Builder
	for _, w := range SplitWords(s) {
		up := strings.ToUpper(w)
		if Initialisms[up] {
			b.WriteString(up)
			continue
		}
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	return b.String()
}
