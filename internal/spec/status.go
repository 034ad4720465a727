package spec

import (
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v4"
)

// commonStatusText names the statuses net/http does not, as the servers
// and proxies that send them name them: nginx's (logged for requests it
// answers without a response of its own) and Cloudflare's, between the
// client and the origin.
var commonStatusText = map[int]string{
	444: "No Response",
	494: "Request Header Too Large",
	495: "SSL Certificate Error",
	496: "SSL Certificate Required",
	497: "HTTP Request Sent to HTTPS Port",
	499: "Client Closed Request",
	520: "Web Server Returned an Unknown Error",
	521: "Web Server Is Down",
	522: "Connection Timed Out",
	523: "Origin Is Unreachable",
	524: "A Timeout Occurred",
	525: "SSL Handshake Failed",
	526: "Invalid SSL Certificate",
	527: "Railgun Error",
	530: "Origin DNS Error",
}

// statusClassText names a status no table names by its class, as RFC 9110
// section 15 does: a client treats an unknown status as the x00 of its
// class.
var statusClassText = [...]string{1: "Informational", 2: "Successful", 3: "Redirection", 4: "Client Error", 5: "Server Error"}

// statusText is the text of an HTTP status: the spec's status_text entry,
// else net/http's name, else the common name of commonStatusText, else
// its class ("Client Error", "Server Error").
func statusText(status int, own map[int]string) string {
	if t, ok := own[status]; ok {
		return t
	}
	if t := http.StatusText(status); t != "" {
		return t
	}
	if t, ok := commonStatusText[status]; ok {
		return t
	}
	if c := status / 100; c >= 1 && c < len(statusClassText) {
		return statusClassText[c]
	}
	return "Status " + strconv.Itoa(status)
}

// buildStatusText reads the top-level status_text mapping: HTTP statuses
// (100-599) to the text errgen uses for them instead of its own.
func (b *builder) buildStatusText() {
	b.statusText = map[int]string{}
	b.spec.StatusTexts = b.statusText
	n := b.resolve(b.raw.statusText)
	if n == nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		b.add(b.pos(n), "status_text must be a mapping of HTTP statuses to their text, not %s", kindName(n))
		return
	}
	first := map[int]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := b.resolve(n.Content[i]), n.Content[i+1]
		if k == nil {
			return
		}
		status, ok := statusKey(k)
		if fix := decimalFix(k); !ok && fix != "" {
			b.add(b.pos(k), "status_text: %s must be a decimal integer%s", k.Value, fix)
			continue
		}
		if !ok {
			key := kindName(k)
			if k.Kind == yaml.ScalarNode && k.Tag == "!!int" {
				key = k.Value
			}
			b.add(b.pos(k), "status_text: %s is not an HTTP status (an integer from 100 to 599)", key)
			continue
		}
		if prev := first[status]; prev != nil {
			b.add(b.pos(k), "status_text: duplicate status %d (first at %d:%d)", status, prev.Line, prev.Column)
			continue
		}
		first[status] = k
		what := "status_text " + strconv.Itoa(status)
		text, ok := b.str(v, what)
		if !ok {
			continue
		}
		switch {
		case strings.TrimSpace(text) == "":
			b.add(b.pos(b.resolve(v)), "%s must not be empty", what)
		case strings.IndexFunc(text, notInLine) >= 0:
			b.add(b.pos(b.resolve(v)), "%s must be one line of text, without control characters", what)
		default:
			b.statusText[status] = text
		}
	}
}

// notInLine reports the runes a one-line text may not hold: control
// characters and the Unicode line and paragraph separators.
func notInLine(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// statusKey reads a status_text key: an integer, or a string of digits
// as JSON writes keys, from 100 to 599.
func statusKey(k *yaml.Node) (int, bool) {
	if k.Kind != yaml.ScalarNode || (k.Tag != "!!int" && k.Tag != "!!str") {
		return 0, false
	}
	s := k.Value
	if k.Tag == "!!str" && (len(s) != 3 || strings.Trim(s, "0123456789") != "") {
		return 0, false
	}
	if !plainDecimal(s) {
		return 0, false
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 100 || v > 599 {
		return 0, false
	}
	return int(v), true
}
