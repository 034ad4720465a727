package openapi

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/model"
	"github.com/errgen/errgen/internal/testutil"
)

// The tests below check, per golden case of a real API's wire format, the
// schema facts the fragment must state exactly, in OpenAPI 3.0 and 3.1.

// fragmentOf renders a golden case's fragment in a version and decodes
// it.
func fragmentOf(t *testing.T, name, version string) (*model.Spec, map[string]any) {
	t.Helper()
	s := loadCase(t, filepath.Join(testutil.Root(), "golden", name))
	return s, fragmentOfSpec(t, s, version)
}

func fragmentOfSpec(t *testing.T, s *model.Spec, version string) map[string]any {
	t.Helper()
	s.OpenAPI.Version = version
	out, err := Fragment(s)
	if err != nil {
		t.Fatal(err)
	}
	if err := validateBytes(out); err != nil {
		t.Fatal(err)
	}
	return decode(t, out)
}

// constOf returns the value a schema allows: const in 3.1, a one-value
// enum in 3.0 (failing the test when the version's form is not used).
func constOf(t *testing.T, version string, sc any) any {
	t.Helper()
	m, _ := sc.(map[string]any)
	if version == "3.1.0" {
		if _, ok := m["enum"]; ok {
			t.Errorf("3.1 constant written as an enum: %v", m)
		}
		return m["const"]
	}
	enum, _ := m["enum"].([]any)
	if len(enum) != 1 || m["const"] != nil {
		t.Errorf("3.0 constant is not a one-value enum: %v", m)
		return nil
	}
	return enum[0]
}

func schema(doc map[string]any, name string, path ...string) any {
	return dig(doc, append([]string{"components", "schemas", name}, path...)...)
}

func response(doc map[string]any, status string, path ...string) any {
	return dig(doc, append([]string{"components", "responses", "Error." + status}, path...)...)
}

func required(sc any) []string {
	list, _ := dig(sc, "required").([]any)
	var out []string
	for _, r := range list {
		out = append(out, r.(string))
	}
	return out
}

var versions = []string{"3.0.3", "3.1.0"}

// TestWireIntegerCodes: Twilio's integer codes are JSON integers, in the
// body schema's enum, each error's constant and the examples; more_info,
// a template of the code, is a constant per error.
func TestWireIntegerCodes(t *testing.T) {
	for _, v := range versions {
		_, doc := fragmentOf(t, "wire_twilio", v)
		code := schema(doc, "Error", "properties", "code")
		if got := dig(code, "type"); got != "integer" {
			t.Errorf("%s: Error.code type %v", v, got)
		}
		if got := dig(code, "enum"); !slices.Equal(got.([]any), []any{20404, 20003, 21211, 20429, 20500}) {
			t.Errorf("%s: Error.code enum %v", v, got)
		}
		if got := constOf(t, v, schema(doc, "Error.20404", "properties", "code")); got != 20404 {
			t.Errorf("%s: Error.20404 code %v (%T)", v, got, got)
		}
		if got := constOf(t, v, schema(doc, "Error.20404", "properties", "more_info")); got != "https://www.twilio.com/docs/errors/20404" {
			t.Errorf("%s: more_info %v", v, got)
		}
		if got := dig(schema(doc, "Error", "properties", "more_info"), "enum"); len(got.([]any)) != 5 {
			t.Errorf("%s: Error.more_info enum %v", v, got)
		}
		if got := response(doc, "404", "content", "application/json", "examples", "20404", "value", "code"); got != 20404 {
			t.Errorf("%s: example code %v (%T)", v, got, got)
		}
	}
}

// TestWireParamsAndAttributes: Stripe's params are never required (its
// optional params are described so; a sentinel has no data param); the group attribute "type" is a constant
// per error and an enum in the body schema; an error's own doc link is
// its doc_url.
func TestWireParamsAndAttributes(t *testing.T) {
	for _, v := range versions {
		_, doc := fragmentOf(t, "wire_stripe", v)
		declined := schema(doc, "Error.card_declined", "properties", "error")
		if got := required(declined); slices.Contains(got, "decline_code") || slices.Contains(got, "param") {
			t.Errorf("%s: card_declined requires %v: optional params must not be required", v, got)
		}
		if d, _ := dig(declined, "properties", "decline_code", "description").(string); !strings.Contains(d, "Optional") {
			t.Errorf("%s: optional param described as %q", v, d)
		}
		if got := required(schema(doc, "Error.expired_card", "properties", "error")); slices.Contains(got, "param") {
			t.Errorf("%s: expired_card requires %v: its sentinel is sent without its data param", v, got)
		}
		if got := constOf(t, v, dig(declined, "properties", "type")); got != "card_error" {
			t.Errorf("%s: card_declined type %v", v, got)
		}
		if got := dig(schema(doc, "Error", "properties", "error", "properties", "type"), "enum"); !slices.Equal(got.([]any), []any{"card_error", "invalid_request_error", "api_error"}) {
			t.Errorf("%s: Error type enum %v", v, got)
		}
		if got := constOf(t, v, schema(doc, "Error.api_error", "properties", "error", "properties", "doc_url")); got != "https://status.stripe.example" {
			t.Errorf("%s: api_error doc_url %v", v, got)
		}
		if got := constOf(t, v, dig(declined, "properties", "doc_url")); got != "https://docs.stripe.example/error-codes/card-declined" {
			t.Errorf("%s: card_declined doc_url %v", v, got)
		}
		ex := response(doc, "402", "content", "application/json", "examples", "card_declined", "value", "error")
		if got := keys(ex); !slices.Equal(got, []string{"code", "decline_code", "doc_url", "message", "param", "type"}) {
			t.Errorf("%s: card_declined example members %v", v, got)
		}
	}
}

// TestWireLists: JSON:API's errors member is a one-element array of the
// error object; its status is the status as a string.
func TestWireLists(t *testing.T) {
	for _, v := range versions {
		_, doc := fragmentOf(t, "wire_jsonapi", v)
		list := schema(doc, "Error.invalid_attribute", "properties", "errors")
		if dig(list, "type") != "array" || dig(list, "minItems") != 1 || dig(list, "maxItems") != 1 || dig(list, "items", "type") != "object" {
			t.Errorf("%s: errors is %v", v, list)
		}
		if got := constOf(t, v, dig(list, "items", "properties", "status")); got != "422" {
			t.Errorf("%s: status %v (%T)", v, got, got)
		}
		// The sentinel has no pointer, and then no source object.
		if got := required(dig(list, "items")); slices.Contains(got, "source") {
			t.Errorf("%s: the error object requires %v", v, got)
		}
		if got := required(dig(list, "items", "properties", "source")); len(got) != 0 {
			t.Errorf("%s: source requires %v", v, got)
		}
		if dig(list, "items", "properties", "source", "properties", "pointer", "type") != "string" {
			t.Errorf("%s: source is %v", v, dig(list, "items", "properties", "source"))
		}
		if dig(schema(doc, "Error.not_found", "properties", "errors", "items", "properties"), "source") != nil {
			t.Error("not_found has no pointer param, so no source object")
		}
		ex, _ := response(doc, "422", "content", "application/vnd.api+json", "examples", "invalid_attribute", "value", "errors").([]any)
		if len(ex) != 1 || dig(ex[0], "source", "pointer") != "/data/attributes/firstName" {
			t.Errorf("%s: example errors %v", v, ex)
		}
	}
}

// TestWireDetailShapes: the details item follows the spec's shape
// (GitHub's {resource, field, code}; RFC 9457's invalid-params
// {name, reason}), and examples carry its values.
func TestWireDetailShapes(t *testing.T) {
	for _, v := range versions {
		_, doc := fragmentOf(t, "wire_github", v)
		item := schema(doc, "ErrorDetail")
		if got := keys(dig(item, "properties")); !slices.Equal(got, []string{"code", "field", "resource"}) {
			t.Errorf("%s: ErrorDetail members %v", v, got)
		}
		if got := required(item); !slices.Equal(got, []string{"resource", "field", "code"}) {
			t.Errorf("%s: ErrorDetail requires %v", v, got)
		}
		ex, _ := response(doc, "422", "content", "application/json", "examples", "validation_failed", "value", "errors").([]any)
		if len(ex) != 1 || dig(ex[0], "resource") != "Issue" || dig(ex[0], "code") != "missing_field" {
			t.Errorf("%s: example details %v", v, ex)
		}

		_, doc = fragmentOf(t, "wire_rfc9457", v)
		if got := keys(schema(doc, "ErrorDetail", "properties")); !slices.Equal(got, []string{"name", "reason"}) {
			t.Errorf("%s: invalid-params item %v", v, got)
		}
		if got := schema(doc, "Error.validation-error", "properties", "invalid-params", "items", "$ref"); got != refSchemas+"ErrorDetail" {
			t.Errorf("%s: invalid-params items %v", v, got)
		}
		accounts := schema(doc, "Error.out-of-credit", "properties", "accounts")
		if dig(accounts, "type") != "array" || dig(accounts, "items", "type") != "string" {
			t.Errorf("%s: accounts %v", v, accounts)
		}
		if got := required(schema(doc, "Error.out-of-credit")); slices.Contains(got, "accounts") || slices.Contains(got, "balance") || !slices.Contains(got, "type") {
			t.Errorf("%s: out-of-credit requires %v: its params are not sent with its sentinel", v, got)
		}
		if got := response(doc, "403", "content", "application/problem+json", "examples", "out-of-credit", "value", "accounts"); !slices.Equal(got.([]any), []any{"/account/12345", "/account/67890"}) {
			t.Errorf("%s: example accounts %v", v, got)
		}
	}
}

// TestWireHeaders: AWS REST's x-amzn-ErrorType carries the code: a
// required header, constant per error, beside Retry-After; the body's
// fault type is an attribute.
func TestWireHeaders(t *testing.T) {
	for _, v := range versions {
		_, doc := fragmentOf(t, "wire_aws_rest", v)
		h := response(doc, "404", "headers", "x-amzn-ErrorType")
		if dig(h, "required") != true || dig(h, "schema", "type") != "string" || dig(h, "example") != "ResourceNotFoundException" {
			t.Errorf("%s: 404 x-amzn-ErrorType %v", v, h)
		}
		if got := constOf(t, v, dig(h, "schema")); got != "ResourceNotFoundException" {
			t.Errorf("%s: 404 x-amzn-ErrorType value %v", v, got)
		}
		if got := keys(response(doc, "429", "headers")); !slices.Equal(got, []string{"Retry-After", "x-amzn-ErrorType"}) {
			t.Errorf("%s: 429 headers %v", v, got)
		}
		if got := constOf(t, v, schema(doc, "Error.ServiceException", "properties", "Type")); got != "Service" {
			t.Errorf("%s: ServiceException Type %v", v, got)
		}
	}
}

// TestWireFormats: errors of a group with a format of its own are under
// that format's media type, beside the catalog's, in one response; the
// group's format has a body schema of its own; headers sent with some of
// a response's errors are not required, and a computed header gets a
// pattern and an example.
func TestWireFormats(t *testing.T) {
	for _, v := range versions {
		_, doc := fragmentOf(t, "wire_auth", v)
		content := response(doc, "401", "content")
		if got := keys(content); !slices.Equal(got, []string{"application/json", "application/problem+json"}) {
			t.Errorf("%s: 401 media types %v", v, got)
		}
		if got := dig(content, "application/json", "schema", "$ref"); got != refSchemas+"Error.invalid_client" {
			t.Errorf("%s: 401 application/json %v", v, got)
		}
		if got := dig(content, "application/problem+json", "schema", "$ref"); got != refSchemas+"Error.invalid_token" {
			t.Errorf("%s: 401 application/problem+json %v", v, got)
		}
		if got := dig(schema(doc, "ErrorFormat.token", "properties", "error"), "enum"); !slices.Equal(got.([]any), []any{"invalid_request", "invalid_client", "invalid_grant", "server_error"}) {
			t.Errorf("%s: ErrorFormat.token codes %v", v, got)
		}
		if got := dig(schema(doc, "Error", "properties", "code"), "enum"); slices.Contains(got.([]any), any("invalid_client")) {
			t.Errorf("%s: Error's codes %v hold a code of the token group", v, got)
		}
		if got := response(doc, "400", "headers", "Cache-Control", "required"); got != true {
			t.Errorf("%s: 400 Cache-Control required %v", v, got)
		}
		if got := response(doc, "401", "headers", "Cache-Control", "required"); got != false {
			t.Errorf("%s: 401 Cache-Control required %v", v, got)
		}
		www := response(doc, "401", "headers", "WWW-Authenticate")
		pattern, _ := dig(www, "schema", "pattern").(string)
		example, _ := dig(www, "example").(string)
		if example != `Bearer realm="example", error="invalid_token", error_description="The access token expired"` {
			t.Errorf("%s: WWW-Authenticate example %q", v, example)
		}
		if pattern == "" || !regexp.MustCompile(pattern).MatchString(example) {
			t.Errorf("%s: WWW-Authenticate pattern %q does not match its example", v, pattern)
		}
	}
}

// TestWireSuccessStatus: Slack's errors sent with 200 have a response of
// their own, under the media type as written (parameters included), and
// their schemas require the marker member as its constant.
func TestWireSuccessStatus(t *testing.T) {
	for _, v := range versions {
		_, doc := fragmentOf(t, "wire_slack", v)
		content := response(doc, "200", "content")
		if got := keys(content); !slices.Equal(got, []string{"application/json; charset=utf-8"}) {
			t.Errorf("%s: 200 media types %v", v, got)
		}
		if d, _ := response(doc, "200", "description").(string); !strings.Contains(d, "success status") {
			t.Errorf("%s: 200 description %q", v, d)
		}
		sc := schema(doc, "Error.channel_not_found")
		if !slices.Contains(required(sc), "ok") || constOf(t, v, dig(sc, "properties", "ok")) != false {
			t.Errorf("%s: channel_not_found does not require ok: false: %v", v, sc)
		}
		if got := dig(content, "application/json; charset=utf-8", "schema", "discriminator", "propertyName"); got != "error" {
			t.Errorf("%s: 200 discriminator %v", v, got)
		}
	}
}

// TestWireTemplateDiscriminator: AWS JSON's "__type" is a template of the
// code, a constant per error, so it tells the errors of a status apart.
func TestWireTemplateDiscriminator(t *testing.T) {
	for _, v := range versions {
		_, doc := fragmentOf(t, "wire_aws_json", v)
		sc := response(doc, "400", "content", "application/x-amz-json-1.1", "schema")
		if got := dig(sc, "discriminator", "propertyName"); got != "__type" {
			t.Errorf("%s: 400 discriminator %v", v, got)
		}
		if got := dig(sc, "discriminator", "mapping", "com.amazonaws.logs#LimitExceededException"); got != refSchemas+"Error.LimitExceededException" {
			t.Errorf("%s: 400 mapping %v", v, got)
		}
	}
}

// TestProblemAttributes: in the problem format attributes are extension
// members: constants of each error, an enum in the body schema, required
// there only when every error has them.
func TestProblemAttributes(t *testing.T) {
	for _, v := range versions {
		s := parseSpec(t, `errgen: 1
go: {package: apierr}
groups:
  - {id: billing, attributes: {category: billing, retryable: false}}
errors:
  - {code: card_declined, status: 402, group: billing, message: Declined}
  - {code: over_limit, status: 402, group: billing, message: Over, attributes: {category: limits}}
  - {code: not_found, status: 404, message: Not found}
`)
		doc := fragmentOfSpec(t, s, v)
		if got := constOf(t, v, schema(doc, "Error.over_limit", "properties", "category")); got != "limits" {
			t.Errorf("%s: over_limit category %v", v, got)
		}
		if got := constOf(t, v, schema(doc, "Error.card_declined", "properties", "retryable")); got != false {
			t.Errorf("%s: card_declined retryable %v", v, got)
		}
		if got := required(schema(doc, "Error.card_declined")); !slices.Contains(got, "category") {
			t.Errorf("%s: card_declined requires %v", v, got)
		}
		if dig(schema(doc, "Error.not_found", "properties"), "category") != nil {
			t.Errorf("%s: not_found has no attributes", v)
		}
		if got := dig(schema(doc, "Error", "properties", "category"), "enum"); !slices.Equal(got.([]any), []any{"billing", "limits"}) {
			t.Errorf("%s: Error category %v", v, got)
		}
		if slices.Contains(required(schema(doc, "Error")), "category") {
			t.Errorf("%s: Error requires category, which not_found lacks", v)
		}
		ex := response(doc, "402", "content", "application/problem+json", "examples", "over_limit", "value")
		if dig(ex, "category") != "limits" || dig(ex, "retryable") != false {
			t.Errorf("%s: over_limit example %v", v, ex)
		}
	}
}

// TestTemplatePattern: a template with a value that varies (a param) is a
// string whose pattern matches what the server writes; one an error has
// no value for is left out when it is only that value.
func TestTemplatePattern(t *testing.T) {
	for _, v := range versions {
		s := parseSpec(t, `errgen: 1
go: {package: apierr}
response:
  format: custom
  body:
    code: $code
    link: "https://example.com/${code}/items/${param.id}"
    id: "${param.id}"
errors:
  - {code: gone, status: 404, message: "{id} is gone", params: [{name: id, type: int}], example: {id: 42}}
  - {code: nope, status: 403, message: No}
`)
		doc := fragmentOfSpec(t, s, v)
		link := schema(doc, "Error.gone", "properties", "link")
		pattern, _ := dig(link, "pattern").(string)
		re := regexp.MustCompile(pattern)
		if !re.MatchString("https://example.com/gone/items/42") || re.MatchString("https://example.com/nope/items/42") {
			t.Errorf("%s: link pattern %q", v, pattern)
		}
		// The sentinel has no id: the link ends in empty text, and the id
		// member is left out.
		if !re.MatchString("https://example.com/gone/items/") || slices.Contains(required(schema(doc, "Error.gone")), "id") {
			t.Errorf("%s: link pattern %q, required %v: the sentinel's body does not match", v, pattern, required(schema(doc, "Error.gone")))
		}
		if d, _ := dig(link, "description").(string); !strings.Contains(d, "${param.id}") {
			t.Errorf("%s: link description %q", v, d)
		}
		if got := constOf(t, v, schema(doc, "Error.nope", "properties", "link")); got != "https://example.com/nope/items/" {
			t.Errorf("%s: nope link %v", v, got)
		}
		if dig(schema(doc, "Error.nope", "properties"), "id") != nil {
			t.Errorf("%s: nope has no id param, so no id member", v)
		}
		ex := response(doc, "404", "content", "application/json", "examples", "gone", "value")
		if dig(ex, "link") != "https://example.com/gone/items/42" || dig(ex, "id") != "42" {
			t.Errorf("%s: gone example %v", v, ex)
		}
	}
}

// TestCodeSchemaNames: a ":" in a code, which component names cannot
// hold, is written "."; a name that would then collide gets a suffix.
func TestCodeSchemaNames(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
errors:
  - {code: "auth:expired", status: 401, message: Expired, go_name: AuthExpired}
  - {code: auth.expired, status: 401, message: Expired too, go_name: AuthExpiredDot}
`)
	doc := fragmentOfSpec(t, s, "3.0.3")
	for _, name := range []string{"Error.auth.expired", "Error.auth.expired-2"} {
		if schema(doc, name) == nil {
			t.Errorf("no schema %s: %v", name, keys(dig(doc, "components", "schemas")))
		}
	}
	if got := response(doc, "401", "content", "application/problem+json", "schema", "discriminator", "mapping", "auth:expired"); got != refSchemas+"Error.auth.expired" {
		t.Errorf("mapping of auth:expired %v", got)
	}
}

// TestMergeSuccessStatus: an operation that returns errors with 200 gets
// errgen's 200 response only when the team described no 200 (nor 2XX);
// a success response the team wrote is never replaced or shadowed, and
// the note says how to describe the errors beside the successes, unless
// the response references errgen's schemas already.
func TestMergeSuccessStatus(t *testing.T) {
	s := parseSpec(t, `errgen: 1
go: {package: apierr}
response:
  format: custom
  media_type: application/json; charset=utf-8
  error_marker: {ok: false}
  body: {ok: false, error: $code}
  internal_code: fatal_error
errors:
  - {code: channel_not_found, status: 200, message: Bad channel, operations: [chatPostMessage, conversationsInfo, usersInfo, teamInfo]}
  - {code: ratelimited, status: 429, message: Slow down, operations: [chatPostMessage]}
  - {code: fatal_error, status: 500, message: Fatal}
`)
	doc := `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /chat.postMessage:
    post:
      operationId: chatPostMessage
      responses:
        '200':
          description: Posted.
          content:
            application/json; charset=utf-8:
              schema: {$ref: '#/components/schemas/Posted'}
  /conversations.info:
    get:
      operationId: conversationsInfo
      responses:
        2XX:
          description: The conversation.
  /users.info:
    get:
      operationId: usersInfo
      responses:
        '200':
          description: The user, or an error.
          content:
            application/json; charset=utf-8:
              schema:
                oneOf:
                  - {$ref: '#/components/schemas/Posted'}
                  - {$ref: '#/components/schemas/Error'}
  /team.info:
    get:
      operationId: teamInfo
      responses:
        default:
          description: Anything.
components:
  schemas:
    Posted:
      type: object
      properties:
        ok: {type: boolean, enum: [true]}
`
	out, notes := mustMerge(t, s, "api.yaml", []byte(doc))
	merged := decode(t, out)
	if got := dig(merged, "paths", "/chat.postMessage", "post", "responses", "200", "description"); got != "Posted." {
		t.Errorf("the team's 200 was replaced: %v", got)
	}
	if got := dig(merged, "paths", "/chat.postMessage", "post", "responses", "429", "$ref"); got != refResponses+"Error.429" {
		t.Errorf("chatPostMessage 429 = %v", got)
	}
	if got := keys(dig(merged, "paths", "/conversations.info", "get", "responses")); !slices.Equal(got, []string{"2XX"}) {
		t.Errorf("conversationsInfo responses %v: a 200 would shadow the team's 2XX", got)
	}
	if got := dig(merged, "paths", "/team.info", "get", "responses", "200", "$ref"); got != refResponses+"Error.200" {
		t.Errorf("teamInfo 200 = %v", got)
	}
	want := []string{
		"api.yaml:8:9: operation chatPostMessage: the 200 response was written by hand and is left alone (errgen would describe channel_not_found); to describe these errors beside the successes, add {$ref: '#/components/schemas/Error'} to its schema's oneOf",
		"api.yaml:17:9: operation conversationsInfo: the 2XX response was written by hand and is left alone (errgen would describe channel_not_found); to describe these errors beside the successes, add {$ref: '#/components/schemas/Error'} to its schema's oneOf",
	}
	if !slices.Equal(notes, want) {
		t.Errorf("notes:\n%q\nwant\n%q", notes, want)
	}
	again, notes2 := mustMerge(t, s, "api.yaml", out)
	if string(again) != string(out) || len(notes2) != len(want) {
		t.Errorf("a second merge changes the document or the notes: %q", notes2)
	}
}
