package gen

// wireCase is an exact response a generated server must write: expr is Go
// code in the generated package that makes the error (plainError is a
// non-catalog error type of the harness).
type wireCase struct {
	name       string
	expr       string
	path       string // request path, unique per case
	status     int
	retryAfter string
	body       string
	// headers are "Name: value" lines the response must carry exactly
	// ("Name:" for a header it must not carry); a Content-Type line
	// replaces the catalog's media type.
	headers []string
	// writer is the Go name of the group whose <Group>HandlerFunc serves
	// the case; "" for HandlerFunc.
	writer string
}

// wireCases are the exact bytes per golden case, by directory name. The
// bodies follow the seeds where they show one.
var wireCases = map[string][]wireCase{
	// RFC 9457 problem details.
	"basic": {
		{"params inline", `NewValidationFailed("name", "must be a string")`, "/livestreams", 400, "",
			`{"type":"https://docs.acme.dev/errors#validation_failed","title":"Validation failed","status":400,"detail":"name is invalid: must be a string","instance":"/livestreams","code":"validation_failed","field":"name","reason":"must be a string"}`, nil, ""},
		{"typed params and details", `NewTooManyItems(25, 30).WithDetails(Detail{Field: "items", Message: "at most 25 <items>"})`, "/batch", 400, "",
			`{"type":"https://docs.acme.dev/errors#too_many_items","title":"Too many items","status":400,"detail":"At most 25 items are allowed, got 30","instance":"/batch","code":"too_many_items","max":25,"count":30,"errors":[{"field":"items","message":"at most 25 \u003citems\u003e"}]}`, nil, ""},
		{"float and bool", `NewLegacyQuota(0.75, true)`, "/quota", 429, "",
			`{"type":"https://docs.acme.dev/errors#legacy_quota","title":"Legacy quota","status":429,"detail":"Quota exceeded (0.75 used, hard limit: true)","instance":"/quota","code":"legacy_quota","ratio":0.75,"hard":true}`, nil, ""},
		{"retry after", `fmt.Errorf("listing: %w", ErrRateLimited)`, "/limited", 429, "60",
			`{"type":"https://docs.acme.dev/errors#rate_limited","title":"Too many requests","status":429,"detail":"Rate limit exceeded","instance":"/limited","code":"rate_limited"}`, nil, ""},
		{"non-catalog", `plainError("pq: password authentication failed")`, "/boom", 500, "",
			`{"type":"https://docs.acme.dev/errors#internal_error","title":"Internal server error","status":500,"detail":"An internal error occurred.","instance":"/boom","code":"internal_error"}`, nil, ""},
	},
	// Request ids: the problem member and a response header, and a custom
	// group with $request_id in the body, inside a longer string and in a
	// header. The harness sends X-Request-Id: req-wire-1.
	"wire_request_id": {
		{"problem member and header", `NewNotFound("video")`, "/v/1", 404, "",
			`{"type":"https://docs.example.com/errors#not_found","title":"Not found","status":404,"detail":"video not found","instance":"/v/1","code":"not_found","request_id":"req-wire-1","resource":"video"}`,
			[]string{"X-Request-Id: req-wire-1", "X-Trace:"}, ""},
		{"a database error", `fmt.Errorf("load: %w", plainError("sql: no rows in result set"))`, "/v/2", 500, "",
			`{"type":"https://docs.example.com/errors#internal_error","title":"Internal error","status":500,"detail":"An internal error occurred.","instance":"/v/2","code":"internal_error","request_id":"req-wire-1"}`,
			[]string{"X-Request-Id: req-wire-1"}, ""},
		{"custom body, template and header", `NewLegacyConflict()`, "/legacy/1", 409, "",
			`{"error":{"code":"legacy_conflict","message":"The resource changed","request":"req-wire-1","support":"Quote req-wire-1 when you contact support"}}`,
			[]string{"Content-Type: application/json", "X-Trace: req=req-wire-1; code=legacy_conflict", "X-Request-Id:"}, "Legacy"},
		{"custom format's internal error", `plainError("pq: relation \"videos\" does not exist")`, "/legacy/2", 503, "",
			`{"error":{"code":"legacy_failure","message":"Legacy failure","request":"req-wire-1","support":"Quote req-wire-1 when you contact support"}}`,
			[]string{"Content-Type: application/json", "X-Trace: req=req-wire-1; code=legacy_failure"}, "Legacy"},
	},
	// Seed 001: statusCode, message, error, details, retryAfter on 429.
	"wire_statuscode": {
		{"details", `NewValidationFailed().WithDetails(Detail{Field: "name", Message: "name must be a string"})`, "/v1/livestreams", 400, "",
			`{"statusCode":400,"message":"Validation failed","error":"Bad Request","details":[{"field":"name","message":"name must be a string"}]}`, nil, ""},
		{"invalid api key", `NewInvalidAPIKey()`, "/v1/key", 401, "",
			`{"statusCode":401,"message":"Invalid API Key","error":"Unauthorized"}`, nil, ""},
		{"missing field", `NewMissingField("name")`, "/v1/missing", 400, "",
			`{"statusCode":400,"message":"name is required","error":"Bad Request"}`, nil, ""},
		{"rate limited", `NewTooManyRequests()`, "/v1/limited", 429, "60",
			`{"statusCode":429,"message":"Rate limit exceeded","error":"Too Many Requests","retryAfter":60}`, nil, ""},
		{"the sentinel of a templated message sends its title", `fmt.Errorf("op: %w", ErrMissingField)`, "/v1/sentinel", 400, "",
			`{"statusCode":400,"message":"Missing field","error":"Bad Request"}`, nil, ""},
		{"non-catalog", `plainError("dial tcp 10.0.0.7:5432: connection refused")`, "/v1/boom", 500, "",
			`{"statusCode":500,"message":"An internal error occurred.","error":"Internal Server Error"}`, nil, ""},
	},
	// Seed 002: the code in "error".
	"wire_errorcode": {
		{"code in error", `NewInsufficientScope()`, "/me", 403, "",
			`{"error":"insufficient_scope","message":"The token does not grant access to this resource"}`, nil, ""},
		{"variant", `NewInvalidRequestMissingParam("client_id")`, "/token", 400, "",
			`{"error":"invalid_request","message":"Missing required parameter client_id"}`, nil, ""},
		{"retry after", `NewUsageLimitExceeded(1000, "hour")`, "/usage", 429, "3600",
			`{"error":"usage_limit_exceeded","message":"Usage limit of 1000 requests per hour exceeded"}`, nil, ""},
		{"non-catalog", `plainError("secret")`, "/boom", 500, "",
			`{"error":"internal_error","message":"An unexpected error occurred on the server"}`, nil, ""},
	},
	// Google's nested error object.
	"wire_google": {
		{"escaped param", `NewNotFound("Bucket \"photos\"")`, "/b/photos", 404, "",
			`{"error":{"code":404,"message":"Bucket \"photos\" not found","status":"NOT_FOUND"}}`, nil, ""},
		{"details", `NewInvalidArgument("bucket", "My Bucket").WithDetails(Detail{Field: "bucket", Message: "must not contain spaces"})`, "/b", 400, "",
			`{"error":{"code":400,"message":"Invalid value for bucket: My Bucket","status":"INVALID_ARGUMENT","details":[{"field":"bucket","message":"must not contain spaces"}]}}`, nil, ""},
		{"retry after", `NewResourceExhausted(101.5, 100)`, "/quota", 429, "30",
			`{"error":{"code":429,"message":"Quota exceeded: 101.5 of 100 used","status":"RESOURCE_EXHAUSTED"}}`, nil, ""},
		{"5xx wrapping a cause", `NewUnavailable().Wrap(plainError("backend pool exhausted"))`, "/down", 500, "",
			`{"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL"}}`, nil, ""},
	},
	// A nested custom body whose "meta" object is left out when empty.
	"wire_nested": {
		{"empty meta left out", `NewNotFound()`, "/x", 404, "",
			`{"error":{"code":"not_found","message":"Not found"}}`, nil, ""},
		{"meta with a param", `NewMissingField("name")`, "/y", 400, "",
			`{"error":{"code":"missing_field","message":"name is required"},"meta":{"field":"name"}}`, nil, ""},
		{"meta with a retry", `NewRateLimited()`, "/z", 429, "30",
			`{"error":{"code":"rate_limited","message":"Slow down"},"meta":{"retry_after":30}}`, nil, ""},
		{"the sentinel of a templated message sends its title", `ErrMissingField`, "/s", 400, "",
			`{"error":{"code":"missing_field","message":"Missing field"}}`, nil, ""},
		{"non-catalog", `plainError("secret")`, "/boom", 500, "",
			`{"error":{"code":"internal_error","message":"An internal error occurred."}}`, nil, ""},
	},
	// OAuth 2.0 (RFC 6749 section 5.2).
	"wire_oauth2": {
		{"error uri", `NewInvalidRequest("grant_type")`, "/token", 400, "",
			`{"error":"invalid_request","error_description":"The request is missing the grant_type parameter","error_uri":"https://auth.example.com/docs/errors#invalid_request"}`, nil, ""},
		{"retry after", `NewSlowDown()`, "/device", 429, "5",
			`{"error":"slow_down","error_description":"Polling too fast; slow down","error_uri":"https://auth.example.com/docs/errors#slow_down"}`, nil, ""},
		{"non-catalog", `plainError("secret")`, "/boom", 500, "",
			`{"error":"internal_error","error_description":"An internal error occurred.","error_uri":"https://auth.example.com/docs/errors#internal_error"}`, nil, ""},
	},
	// Twilio: integer codes, a more_info link built from the code.
	"wire_twilio": {
		{name: "integer code and a link built from it", expr: `NewResourceNotFound("/2010-04-01/Accounts/ACXXXXXXXX/Calls/CAXXXXXXXX.json")`, path: "/calls", status: 404,
			body: `{"code":20404,"message":"The requested resource /2010-04-01/Accounts/ACXXXXXXXX/Calls/CAXXXXXXXX.json was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}`},
		{name: "retry after", expr: `NewTooManyRequests()`, path: "/limited", status: 429, retryAfter: "1",
			body: `{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}`},
		{name: "non-catalog", expr: `plainError("secret")`, path: "/boom", status: 500,
			body: `{"code":20500,"message":"An internal server error has occurred","more_info":"https://www.twilio.com/docs/errors/20500","status":500}`},
	},
	// Stripe: a nested error object, a constant type per group, data and
	// optional params, kebab doc links and an error's own doc link.
	"wire_stripe": {
		{name: "optional params set (the documented example)", expr: `NewCardDeclined().WithDeclineCode("insufficient_funds").WithParam("number")`, path: "/v1/charges", status: 402,
			body: `{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","param":"number","message":"Your card was declined.","doc_url":"https://docs.stripe.example/error-codes/card-declined"}}`},
		{name: "optional params unset are left out", expr: `NewCardDeclined()`, path: "/v1/charges/2", status: 402,
			body: `{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined.","doc_url":"https://docs.stripe.example/error-codes/card-declined"}}`},
		{name: "a data param", expr: `NewExpiredCard("exp_month")`, path: "/v1/charges/3", status: 402,
			body: `{"error":{"type":"card_error","code":"expired_card","param":"exp_month","message":"Your card has expired.","doc_url":"https://docs.stripe.example/error-codes/expired-card"}}`},
		{name: "WithParam sets a data param, WithDeclineCode leaves an error without one unchanged", expr: `NewExpiredCard("exp_month").WithParam("exp_year").WithDeclineCode("x")`, path: "/v1/charges/4", status: 402,
			body: `{"error":{"type":"card_error","code":"expired_card","param":"exp_year","message":"Your card has expired.","doc_url":"https://docs.stripe.example/error-codes/expired-card"}}`},
		{name: "another group's type", expr: `NewResourceMissing("customer", "cus_9s6XKzkNRiz8i3")`, path: "/v1/customers/cus_9s6XKzkNRiz8i3", status: 404,
			body: `{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such customer: 'cus_9s6XKzkNRiz8i3'","doc_url":"https://docs.stripe.example/error-codes/resource-missing"}}`},
		{name: "a message param in $param", expr: `NewParameterMissing("amount")`, path: "/v1/charges/5", status: 400,
			body: `{"error":{"type":"invalid_request_error","code":"parameter_missing","param":"amount","message":"Missing required param: amount.","doc_url":"https://docs.stripe.example/error-codes/parameter-missing"}}`},
		{name: "non-catalog, with its own doc link", expr: `plainError("secret")`, path: "/boom", status: 500,
			body: `{"error":{"type":"api_error","code":"api_error","message":"An error occurred with our API.","doc_url":"https://status.stripe.example"}}`},
	},
	// JSON:API: a one-element errors list, the status as a string, a
	// JSON pointer in source.
	"wire_jsonapi": {
		{name: "the documented example", expr: `NewInvalidAttribute("First name", "two", "/data/attributes/firstName")`, path: "/articles", status: 422,
			headers: []string{"Content-Type: application/vnd.api+json"},
			body:    `{"errors":[{"status":"422","code":"invalid_attribute","source":{"pointer":"/data/attributes/firstName"},"title":"Invalid Attribute","detail":"First name must contain at least two characters."}]}`},
		{name: "an empty source left out", expr: `NewNotFound()`, path: "/articles/1", status: 404,
			headers: []string{"Content-Type: application/vnd.api+json"},
			body:    `{"errors":[{"status":"404","code":"not_found","title":"Not Found","detail":"The requested resource was not found."}]}`},
		{name: "non-catalog", expr: `plainError("secret")`, path: "/boom", status: 500,
			headers: []string{"Content-Type: application/vnd.api+json"},
			body:    `{"errors":[{"status":"500","code":"internal_error","title":"Internal server error","detail":"An internal error occurred."}]}`},
	},
	// GitHub: details as {resource, field, code}, a documentation link.
	"wire_github": {
		{name: "the documented example", expr: `NewValidationFailed().WithDetails(Detail{Resource: "Issue", Field: "title", Code: "missing_field"})`, path: "/repos/o/r/issues", status: 422,
			body: `{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}],"documentation_url":"https://docs.github.example/rest#validation_failed"}`},
		{name: "empty details left out", expr: `NewNotFound()`, path: "/repos/o/missing", status: 404,
			body: `{"message":"Not Found","documentation_url":"https://docs.github.example/rest#not_found"}`},
		{name: "every leaf written", expr: `NewValidationFailed().WithDetails(Detail{Field: "<b>"})`, path: "/repos/o/r/pulls", status: 422,
			body: `{"message":"Validation Failed","errors":[{"resource":"","field":"\u003cb\u003e","code":""}],"documentation_url":"https://docs.github.example/rest#validation_failed"}`},
	},
	// RFC 9457's own examples: a list param, details in "invalid-params".
	"wire_rfc9457": {
		{name: "out of credit, with a list extension member", expr: `NewOutOfCredit(30, 50, []string{"/account/12345", "/account/67890"})`, path: "/account/12345/msgs/abc", status: 403,
			body: `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","code":"out-of-credit","balance":30,"cost":50,"accounts":["/account/12345","/account/67890"]}`},
		{name: "an empty list", expr: `NewOutOfCredit(0, 1, nil)`, path: "/account/1/msgs/x", status: 403,
			body: `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 0, but that costs 1.","instance":"/account/1/msgs/x","code":"out-of-credit","balance":0,"cost":1,"accounts":[]}`},
		{name: "invalid-params details", expr: `NewValidationError().WithDetails(Detail{Name: "age", Reason: "must be a positive integer"}, Detail{Name: "color", Reason: "must be 'green', 'red' or 'blue'"})`, path: "/register", status: 400,
			body: `{"type":"https://example.com/probs/validation-error","title":"Your request is not valid.","status":400,"detail":"Your request parameters didn't validate.","instance":"/register","code":"validation-error","invalid-params":[{"name":"age","reason":"must be a positive integer"},{"name":"color","reason":"must be 'green', 'red' or 'blue'"}]}`},
	},
	// AWS REST: the code only in a header; a constant fault type.
	"wire_aws_rest": {
		{name: "the documented example", expr: `NewResourceNotFoundException("arn:aws:lambda:us-east-1:123456789012:function:my-function")`, path: "/2015-03-31/functions/my-function", status: 404,
			headers: []string{"X-Amzn-ErrorType: ResourceNotFoundException"},
			body:    `{"Type":"User","message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:my-function"}`},
		{name: "retry after", expr: `NewTooManyRequestsException()`, path: "/limited", status: 429, retryAfter: "1",
			headers: []string{"X-Amzn-ErrorType: TooManyRequestsException"},
			body:    `{"Type":"User","message":"Rate exceeded"}`},
		{name: "non-catalog", expr: `plainError("secret")`, path: "/boom", status: 500,
			headers: []string{"X-Amzn-ErrorType: ServiceException"},
			body:    `{"Type":"Service","message":"The service encountered an internal error."}`},
	},
	// OAuth 2.0 token errors beside problem+json, and an RFC 6750 Bearer
	// challenge on 401 and 403.
	"wire_auth": {
		{name: "token endpoint: RFC 6749 section 5.2", expr: `NewInvalidRequest("grant_type")`, path: "/token", status: 400, writer: "Token",
			headers: []string{"Content-Type: application/json", "Cache-Control: no-store", "Pragma: no-cache", "WWW-Authenticate:"},
			body:    `{"error":"invalid_request","error_description":"The request is missing the grant_type parameter.","error_uri":"https://docs.example.com/errors#invalid_request"}`},
		{name: "token endpoint: anything else is its internal error", expr: `plainError("secret")`, path: "/token/boom", status: 500, writer: "Token",
			headers: []string{"Content-Type: application/json", "Cache-Control: no-store", "Pragma: no-cache"},
			body:    `{"error":"server_error","error_description":"The authorization server encountered an unexpected condition.","error_uri":"https://docs.example.com/errors#server_error"}`},
		{name: "token endpoint: an error of another format is its internal error", expr: `NewNotFound()`, path: "/token/nf", status: 500, writer: "Token",
			headers: []string{"Content-Type: application/json"},
			body:    `{"error":"server_error","error_description":"The authorization server encountered an unexpected condition.","error_uri":"https://docs.example.com/errors#server_error"}`},
		{name: "a token error through HandlerFunc keeps its format", expr: `NewInvalidGrant()`, path: "/token/grant", status: 400,
			headers: []string{"Content-Type: application/json", "Cache-Control: no-store"},
			body:    `{"error":"invalid_grant","error_description":"The authorization grant is invalid, expired or revoked.","error_uri":"https://docs.example.com/errors#invalid_grant"}`},
		{name: "Bearer challenge (RFC 6750 section 3)", expr: `NewInvalidToken()`, path: "/me", status: 401,
			headers: []string{"WWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\", error_description=\"The access token expired\"", "Cache-Control:"},
			body:    `{"type":"https://docs.example.com/errors#invalid_token","title":"Invalid token","status":401,"detail":"The access token expired","instance":"/me","code":"invalid_token"}`},
		{name: "a challenge built from a param", expr: `NewInsufficientScope("write")`, path: "/repos", status: 403,
			headers: []string{"WWW-Authenticate: Bearer realm=\"example\", error=\"insufficient_scope\", error_description=\"The request requires the write scope.\""},
			body:    `{"type":"https://docs.example.com/errors#insufficient_scope","title":"Insufficient scope","status":403,"detail":"The request requires the write scope.","instance":"/repos","code":"insufficient_scope","scope":"write"}`},
		{name: "a hostile value cannot split the header or leave its quoted-string", expr: `NewInsufficientScope("a\"b\\c\r\nX-Evil: 1\x00")`, path: "/evil", status: 403,
			headers: []string{"WWW-Authenticate: Bearer realm=\"example\", error=\"insufficient_scope\", error_description=\"The request requires the a\\\"b\\\\c  X-Evil: 1  scope.\"", "X-Evil:"},
			body:    `{"type":"https://docs.example.com/errors#insufficient_scope","title":"Insufficient scope","status":403,"detail":"The request requires the a\"b\\c\r\nX-Evil: 1\u0000 scope.","instance":"/evil","code":"insufficient_scope","scope":"a\"b\\c\r\nX-Evil: 1\u0000"}`},
		{name: "non-catalog: the catalog's internal error", expr: `plainError("secret")`, path: "/boom", status: 500,
			body: `{"type":"https://docs.example.com/errors#internal_error","title":"Internal server error","status":500,"detail":"An internal error occurred.","instance":"/boom","code":"internal_error"}`},
	},
	// Slack: errors on HTTP 200, marked by "ok": false.
	"wire_slack": {
		{name: "an error on 200", expr: `NewChannelNotFound()`, path: "/api/chat.postMessage", status: 200,
			body: `{"ok":false,"error":"channel_not_found"}`},
		{name: "rate limited on 429", expr: `NewRatelimited()`, path: "/api/limited", status: 429, retryAfter: "30",
			body: `{"ok":false,"error":"ratelimited"}`},
		{name: "non-catalog", expr: `plainError("secret")`, path: "/boom", status: 500,
			body: `{"ok":false,"error":"fatal_error"}`},
	},
	// AWS JSON 1.1: the code after the service's namespace in __type.
	"wire_aws_json": {
		{name: "the documented example", expr: `NewResourceNotFoundException()`, path: "/", status: 400,
			body: `{"__type":"com.amazonaws.logs#ResourceNotFoundException","message":"The specified log group does not exist."}`},
		{name: "params in the message", expr: `NewInvalidParameterException("", "logGroupName")`, path: "/p", status: 400,
			body: `{"__type":"com.amazonaws.logs#InvalidParameterException","message":"1 validation error detected: Value '' at 'logGroupName' failed to satisfy constraint"}`},
		{name: "non-catalog", expr: `plainError("secret")`, path: "/boom", status: 500,
			body: `{"__type":"com.amazonaws.logs#ServiceUnavailableException","message":"The service cannot complete the request."}`},
	},
}

// decodeCase is a response a generated client must identify: code is the
// canonical code FromResponse must find ("" for an unidentified error),
// params the fmt %v of the decoded Params.
type decodeCase struct {
	name       string
	status     int
	retryAfter string // Retry-After header sent
	body       string
	code       string
	message    string
	params     string
	variant    string
	wantRetry  int
	headers    []string // "Name: value" lines sent
	details    string   // the fmt %v of the decoded Details; "" for none
}

// decodeCases exercise each identification rule on hand-written bodies.
var decodeCases = map[string][]decodeCase{
	"basic": {
		{"by type URI, params from the message", 400, "", `{"type":"https://docs.acme.dev/errors#too_many_items","title":"Too many items","status":400,"detail":"At most 3 items are allowed, got 4"}`,
			"too_many_items", "At most 3 items are allowed, got 4", "[{max 3} {count 4}]", "", 0, nil, ""},
		{"alias", 403, "", `{"type":"about:blank","status":403,"code":"access_denied","detail":"no"}`,
			"insufficient_scope", "no", "[]", "", 0, nil, ""},
		{"variant by message, params inline", 400, "", `{"code":"validation_failed","detail":"email is required","field":"email"}`,
			"validation_failed", "email is required", "[{field email}]", "field_missing", 0, nil, ""},
		{"HTTP-date Retry-After in the past", 429, "Wed, 21 Oct 2015 07:28:00 GMT", `{"code":"rate_limited","detail":"Rate limit exceeded"}`,
			"rate_limited", "Rate limit exceeded", "[]", "", 0, nil, ""},
		{"unknown code", 400, "", `{"code":"brand_new","detail":"Something new"}`,
			"brand_new", "Something new", "[]", "", 0, nil, ""},
	},
	"wire_statuscode": {
		{"by message template", 400, "", `{"statusCode":400,"message":"projectId must be a valid UUID","error":"Bad Request"}`,
			"invalid_uuid", "projectId must be a valid UUID", "[{field projectId}]", "", 0, nil, ""},
		{"by the only error with the status", 401, "", `{"statusCode":401,"message":"Token expired","error":"Unauthorized"}`,
			"invalid_api_key", "Token expired", "[]", "", 0, nil, ""},
		{"a templated sentinel's title", 400, "", `{"statusCode":400,"message":"Missing field","error":"Bad Request"}`,
			"missing_field", "Missing field", "[]", "", 0, nil, ""},
		{"two errors share the status", 404, "", `{"statusCode":404,"message":"Project not found","error":"Not Found"}`,
			"", "Project not found", "[]", "", 0, nil, ""},
		{"retry from the body", 429, "", `{"statusCode":429,"message":"Rate limit exceeded","error":"Too Many Requests","retryAfter":17}`,
			"too_many_requests", "Rate limit exceeded", "[]", "", 17, nil, ""},
		{"header wins over the body", 429, "5", `{"statusCode":429,"message":"Rate limit exceeded","retryAfter":17}`,
			"too_many_requests", "Rate limit exceeded", "[]", "", 5, nil, ""},
	},
	"wire_nested": {
		{"an empty meta decodes too", 429, "", `{"error":{"code":"rate_limited","message":"Slow down"},"meta":{}}`,
			"rate_limited", "Slow down", "[]", "", 0, nil, ""},
		{"no message: rendered from the params", 400, "", `{"error":{"code":"missing_field"},"meta":{"field":"title"}}`,
			"missing_field", "title is required", "[{field title}]", "", 0, nil, ""},
		{"no message, no params: the title", 400, "", `{"error":{"code":"missing_field"}}`,
			"missing_field", "Missing field", "[]", "", 0, nil, ""},
	},
	"wire_errorcode": {
		{"alias in error", 403, "", `{"error":"access_denied","message":"Access denied"}`,
			"insufficient_scope", "Access denied", "[]", "", 0, nil, ""},
		{"typed params from the message", 429, "", `{"error":"usage_limit_exceeded","message":"Usage limit of 250 requests per minute exceeded"}`,
			"usage_limit_exceeded", "Usage limit of 250 requests per minute exceeded", "[{limit 250} {window minute}]", "", 0, nil, ""},
		{"an int placeholder does not match text", 429, "", `{"error":"usage_limit_exceeded","message":"Usage limit of many requests per minute exceeded"}`,
			"usage_limit_exceeded", "Usage limit of many requests per minute exceeded", "[]", "", 0, nil, ""},
	},
	"wire_google": {
		{"nested code", 404, "", `{"error":{"code":404,"message":"Object \"a.txt\" not found","status":"NOT_FOUND"}}`,
			"NOT_FOUND", "Object \"a.txt\" not found", "[{resource Object \"a.txt\"}]", "", 0, nil, ""},
		{"float and int64 params", 429, "", `{"error":{"code":429,"message":"Quota exceeded: 1e+21 of 9223372036854775807 used","status":"RESOURCE_EXHAUSTED"}}`,
			"RESOURCE_EXHAUSTED", "Quota exceeded: 1e+21 of 9223372036854775807 used", "[{used 1e+21} {quota 9223372036854775807}]", "", 0, nil, ""},
	},
	"wire_oauth2": {
		{"RFC 6749 example", 400, "", `{"error":"invalid_request","error_description":"The request is missing the grant_type parameter","error_uri":"https://auth.example.com/docs/errors#invalid_request"}`,
			"invalid_request", "The request is missing the grant_type parameter", "[{param grant_type}]", "", 0, nil, ""},
		{"by type URI only", 400, "", `{"error_uri":"https://auth.example.com/docs/errors#invalid_scope","error_description":"Bad scope"}`,
			"invalid_scope", "Bad scope", "[]", "", 0, nil, ""},
	},
	"wire_twilio": {
		{name: "integer code", status: 404, body: `{"code":20404,"message":"The requested resource /x was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}`,
			code: "20404", message: "The requested resource /x was not found", params: "[{resource /x}]"},
		{name: "an integer written as a float", status: 401, body: `{"code":2.0003e4,"message":"Authenticate"}`,
			code: "20003", message: "Authenticate", params: "[]"},
		{name: "the code as a string", status: 400, body: `{"code":"21211","message":"The 'To' number 123 is not a valid phone number."}`,
			code: "21211", message: "The 'To' number 123 is not a valid phone number.", params: "[{to 123}]"},
		{name: "unknown integer code", status: 400, body: `{"code":99999,"message":"Something new"}`,
			code: "99999", message: "Something new", params: "[]"},
		{name: "a catalog code with a leading zero is not that code", status: 500, body: `{"code":"020404","message":"upstream: disk full"}`,
			code: "", message: "upstream: disk full", params: "[]"},
		{name: "a catalog code with a plus sign is not that code", status: 500, body: `{"code":"+20404","message":"upstream: disk full"}`,
			code: "", message: "upstream: disk full", params: "[]"},
	},
	"wire_stripe": {
		{name: "optional params read back", status: 402, body: `{"error":{"type":"card_error","code":"card_declined","decline_code":"do_not_honor","message":"Your card was declined."}}`,
			code: "card_declined", message: "Your card was declined.", params: "[{decline_code do_not_honor}]"},
		{name: "a data param and a message param", status: 404, body: `{"error":{"code":"resource_missing","message":"No such price: 'p_1'"}}`,
			code: "resource_missing", message: "No such price: 'p_1'", params: "[{resource price} {id p_1}]"},
		{name: "by an error's own doc link", status: 500, body: `{"error":{"message":"Oops","doc_url":"https://status.stripe.example"}}`,
			code: "api_error", message: "Oops", params: "[]"},
		{name: "by a kebab doc link", status: 402, body: `{"error":{"message":"Expired","param":"exp_year","doc_url":"https://docs.stripe.example/error-codes/expired-card"}}`,
			code: "expired_card", message: "Expired", params: "[{param exp_year}]"},
	},
	"wire_jsonapi": {
		{name: "the documented example", status: 422, headers: []string{"Content-Type: application/vnd.api+json"},
			body: `{"errors":[{"status":"422","code":"invalid_attribute","source":{"pointer":"/data/attributes/firstName"},"title":"Invalid Attribute","detail":"First name must contain at least two characters."}]}`,
			code: "invalid_attribute", message: "First name must contain at least two characters.", params: "[{attribute First name} {min two} {pointer /data/attributes/firstName}]"},
		{name: "the first of several errors", status: 403,
			body: `{"errors":[{"status":"403","detail":"You may not delete this resource."},{"status":"403","code":"not_found"}]}`,
			code: "forbidden", message: "You may not delete this resource.", params: "[{action delete}]"},
	},
	"wire_github": {
		{name: "the documented example, by its documentation link", status: 422,
			body: `{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}],"documentation_url":"https://docs.github.example/rest#validation_failed"}`,
			code: "validation_failed", message: "Validation Failed", params: "[]", details: "[{Issue title missing_field}]"},
		{name: "by message, a param recovered", status: 403, body: `{"message":"Resource not accessible by integration"}`,
			code: "forbidden", message: "Resource not accessible by integration", params: "[{actor integration}]"},
		{name: "details of another type are zero values", status: 422, body: `{"message":"Validation Failed","errors":[{"resource":1,"field":"body"},"x",{"code":"custom"}]}`,
			code: "validation_failed", message: "Validation Failed", params: "[]", details: "[{ body } {  custom}]"},
	},
	"wire_rfc9457": {
		{name: "RFC 9457's example, by type, a list extension member", status: 403, headers: []string{"Content-Type: application/problem+json"},
			body: `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}`,
			code: "out-of-credit", message: "Your current balance is 30, but that costs 50.", params: "[{balance 30} {cost 50} {accounts [/account/12345 /account/67890]}]"},
		{name: "RFC 9457's invalid-params", status: 400,
			body: `{"type":"https://example.com/probs/validation-error","title":"Your request is not valid.","invalid-params":[{"name":"age","reason":"must be a positive integer"},{"name":"color","reason":"must be 'green', 'red' or 'blue'"}]}`,
			code: "validation-error", message: "Your request parameters didn't validate.", params: "[]", details: "[{age must be a positive integer} {color must be 'green', 'red' or 'blue'}]"},
		{name: "a list with an element of another type is not read", status: 403, body: `{"code":"out-of-credit","detail":"Your current balance is 1, but that costs 2.","accounts":["/a",3]}`,
			code: "out-of-credit", message: "Your current balance is 1, but that costs 2.", params: "[{balance 1} {cost 2}]"},
	},
	"wire_aws_rest": {
		{name: "the code from the header", status: 404, headers: []string{"X-Amzn-ErrorType: ResourceNotFoundException"},
			body: `{"Type":"User","message":"Function not found: arn:aws:lambda:us-east-1:1:function:f"}`,
			code: "ResourceNotFoundException", message: "Function not found: arn:aws:lambda:us-east-1:1:function:f", params: "[{arn arn:aws:lambda:us-east-1:1:function:f}]"},
		{name: "the header alone, without a body", status: 400, headers: []string{"x-amzn-errortype: InvalidParameterValueException"},
			code: "InvalidParameterValueException", message: "Invalid parameter value exception", params: "[]"},
		{name: "an unknown code in the header", status: 400, headers: []string{"X-Amzn-ErrorType: KMSAccessDeniedException"}, body: `{"Type":"User","message":"Denied"}`,
			code: "KMSAccessDeniedException", message: "Denied", params: "[]"},
		{name: "no header: by message", status: 400, body: `{"Type":"User","message":"Invalid value for Timeout."}`,
			code: "InvalidParameterValueException", message: "Invalid value for Timeout.", params: "[{parameter Timeout}]"},
	},
	"wire_auth": {
		{name: "an RFC 6749 body by its media type", status: 400, headers: []string{"Content-Type: application/json;charset=UTF-8"},
			body: `{"error":"invalid_grant","error_description":"Expired"}`,
			code: "invalid_grant", message: "Expired", params: "[]"},
		{name: "an RFC 6749 body without a media type, by its shape", status: 400,
			body: `{"error":"invalid_request","error_description":"The request is missing the scope parameter."}`,
			code: "invalid_request", message: "The request is missing the scope parameter.", params: "[{param scope}]"},
		{name: "a problem with a challenge", status: 403, headers: []string{"Content-Type: application/problem+json", "WWW-Authenticate: Bearer error=\"insufficient_scope\""},
			body: `{"type":"https://docs.example.com/errors#insufficient_scope","status":403,"detail":"The request requires the admin scope.","scope":"admin"}`,
			code: "insufficient_scope", message: "The request requires the admin scope.", params: "[{scope admin}]"},
		{name: "the token format's internal error by its status", status: 500, headers: []string{"Content-Type: application/json"}, body: `{"error_description":"Down"}`,
			code: "server_error", message: "Down", params: "[]"},
	},
	"wire_slack": {
		{name: "an error on 200, media type compared without parameters or case", status: 200, headers: []string{"Content-Type: Application/JSON ; charset=UTF-8"},
			body: `{"ok":false,"error":"invalid_auth"}`,
			code: "invalid_auth", message: "Some aspect of authentication cannot be validated.", params: "[]"},
		{name: "rate limited", status: 429, retryAfter: "12", body: `{"ok":false,"error":"ratelimited"}`,
			code: "ratelimited", message: "The request has been ratelimited.", params: "[]", wantRetry: 12},
	},
	"wire_aws_json": {
		{name: "namespaced", status: 400, headers: []string{"Content-Type: application/x-amz-json-1.1"},
			body: `{"__type":"com.amazonaws.logs#ResourceNotFoundException","message":"The specified log group does not exist."}`,
			code: "ResourceNotFoundException", message: "The specified log group does not exist.", params: "[]"},
		{name: "bare", status: 400, body: `{"__type":"ResourceAlreadyExistsException","message":"The specified log group already exists."}`,
			code: "ResourceAlreadyExistsException", message: "The specified log group already exists.", params: "[]"},
		{name: "params from the message", status: 400, body: `{"__type":"com.amazonaws.logs#InvalidParameterException","message":"1 validation error detected: Value 'x y' at 'logGroupName' failed to satisfy constraint"}`,
			code: "InvalidParameterException", message: "1 validation error detected: Value 'x y' at 'logGroupName' failed to satisfy constraint", params: "[{value x y} {member logGroupName}]"},
		{name: "unknown, namespace removed", status: 400, body: `{"__type":"com.amazonaws.logs#ThrottlingException","message":"Rate exceeded"}`,
			code: "ThrottlingException", message: "Rate exceeded", params: "[]"},
	},
}
