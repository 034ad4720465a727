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
}

// wireCases are the exact bytes per golden case, by directory name. The
// bodies follow the seeds where they show one.
var wireCases = map[string][]wireCase{
	// RFC 9457 problem details.
	"basic": {
		{"params inline", `NewValidationFailed("name", "must be a string")`, "/livestreams", 400, "",
			`{"type":"https://docs.acme.dev/errors#validation_failed","title":"Validation failed","status":400,"detail":"name is invalid: must be a string","instance":"/livestreams","code":"validation_failed","field":"name","reason":"must be a string"}`},
		{"typed params and details", `NewTooManyItems(25, 30).WithDetails(Detail{Field: "items", Message: "at most 25 <items>"})`, "/batch", 400, "",
			`{"type":"https://docs.acme.dev/errors#too_many_items","title":"Too many items","status":400,"detail":"At most 25 items are allowed, got 30","instance":"/batch","code":"too_many_items","max":25,"count":30,"errors":[{"field":"items","message":"at most 25 \u003citems\u003e"}]}`},
		{"float and bool", `NewLegacyQuota(0.75, true)`, "/quota", 429, "",
			`{"type":"https://docs.acme.dev/errors#legacy_quota","title":"Legacy quota","status":429,"detail":"Quota exceeded (0.75 used, hard limit: true)","instance":"/quota","code":"legacy_quota","ratio":0.75,"hard":true}`},
		{"retry after", `fmt.Errorf("listing: %w", ErrRateLimited)`, "/limited", 429, "60",
			`{"type":"https://docs.acme.dev/errors#rate_limited","title":"Too many requests","status":429,"detail":"Rate limit exceeded","instance":"/limited","code":"rate_limited"}`},
		{"non-catalog", `plainError("pq: password authentication failed")`, "/boom", 500, "",
			`{"type":"https://docs.acme.dev/errors#internal_error","title":"Internal server error","status":500,"detail":"An internal error occurred.","instance":"/boom","code":"internal_error"}`},
	},
	// Seed 001: statusCode, message, error, details, retryAfter on 429.
	"wire_statuscode": {
		{"details", `NewValidationFailed().WithDetails(Detail{Field: "name", Message: "name must be a string"})`, "/v1/livestreams", 400, "",
			`{"statusCode":400,"message":"Validation failed","error":"Bad Request","details":[{"field":"name","message":"name must be a string"}]}`},
		{"invalid api key", `NewInvalidAPIKey()`, "/v1/key", 401, "",
			`{"statusCode":401,"message":"Invalid API Key","error":"Unauthorized"}`},
		{"missing field", `NewMissingField("name")`, "/v1/missing", 400, "",
			`{"statusCode":400,"message":"name is required","error":"Bad Request"}`},
		{"rate limited", `NewTooManyRequests()`, "/v1/limited", 429, "60",
			`{"statusCode":429,"message":"Rate limit exceeded","error":"Too Many Requests","retryAfter":60}`},
		{"the sentinel of a templated message sends its title", `fmt.Errorf("op: %w", ErrMissingField)`, "/v1/sentinel", 400, "",
			`{"statusCode":400,"message":"Missing field","error":"Bad Request"}`},
		{"non-catalog", `plainError("dial tcp 10.0.0.7:5432: connection refused")`, "/v1/boom", 500, "",
			`{"statusCode":500,"message":"An internal error occurred.","error":"Internal Server Error"}`},
	},
	// Seed 002: the code in "error".
	"wire_errorcode": {
		{"code in error", `NewInsufficientScope()`, "/me", 403, "",
			`{"error":"insufficient_scope","message":"The token does not grant access to this resource"}`},
		{"variant", `NewInvalidRequestMissingParam("client_id")`, "/token", 400, "",
			`{"error":"invalid_request","message":"Missing required parameter client_id"}`},
		{"retry after", `NewUsageLimitExceeded(1000, "hour")`, "/usage", 429, "3600",
			`{"error":"usage_limit_exceeded","message":"Usage limit of 1000 requests per hour exceeded"}`},
		{"non-catalog", `plainError("secret")`, "/boom", 500, "",
			`{"error":"internal_error","message":"An unexpected error occurred on the server"}`},
	},
	// Google's nested error object.
	"wire_google": {
		{"escaped param", `NewNotFound("Bucket \"photos\"")`, "/b/photos", 404, "",
			`{"error":{"code":404,"message":"Bucket \"photos\" not found","status":"NOT_FOUND"}}`},
		{"details", `NewInvalidArgument("bucket", "My Bucket").WithDetails(Detail{Field: "bucket", Message: "must not contain spaces"})`, "/b", 400, "",
			`{"error":{"code":400,"message":"Invalid value for bucket: My Bucket","status":"INVALID_ARGUMENT","details":[{"field":"bucket","message":"must not contain spaces"}]}}`},
		{"retry after", `NewResourceExhausted(101.5, 100)`, "/quota", 429, "30",
			`{"error":{"code":429,"message":"Quota exceeded: 101.5 of 100 used","status":"RESOURCE_EXHAUSTED"}}`},
		{"5xx wrapping a cause", `NewUnavailable().Wrap(plainError("backend pool exhausted"))`, "/down", 500, "",
			`{"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL"}}`},
	},
	// A nested custom body whose "meta" object is left out when empty.
	"wire_nested": {
		{"empty meta left out", `NewNotFound()`, "/x", 404, "",
			`{"error":{"code":"not_found","message":"Not found"}}`},
		{"meta with a param", `NewMissingField("name")`, "/y", 400, "",
			`{"error":{"code":"missing_field","message":"name is required"},"meta":{"field":"name"}}`},
		{"meta with a retry", `NewRateLimited()`, "/z", 429, "30",
			`{"error":{"code":"rate_limited","message":"Slow down"},"meta":{"retry_after":30}}`},
		{"the sentinel of a templated message sends its title", `ErrMissingField`, "/s", 400, "",
			`{"error":{"code":"missing_field","message":"Missing field"}}`},
		{"non-catalog", `plainError("secret")`, "/boom", 500, "",
			`{"error":{"code":"internal_error","message":"An internal error occurred."}}`},
	},
	// OAuth 2.0 (RFC 6749 section 5.2).
	"wire_oauth2": {
		{"error uri", `NewInvalidRequest("grant_type")`, "/token", 400, "",
			`{"error":"invalid_request","error_description":"The request is missing the grant_type parameter","error_uri":"https://auth.example.com/docs/errors#invalid_request"}`},
		{"retry after", `NewSlowDown()`, "/device", 429, "5",
			`{"error":"slow_down","error_description":"Polling too fast; slow down","error_uri":"https://auth.example.com/docs/errors#slow_down"}`},
		{"non-catalog", `plainError("secret")`, "/boom", 500, "",
			`{"error":"internal_error","error_description":"An internal error occurred.","error_uri":"https://auth.example.com/docs/errors#internal_error"}`},
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
}

// decodeCases exercise each identification rule on hand-written bodies.
var decodeCases = map[string][]decodeCase{
	"basic": {
		{"by type URI, params from the message", 400, "", `{"type":"https://docs.acme.dev/errors#too_many_items","title":"Too many items","status":400,"detail":"At most 3 items are allowed, got 4"}`,
			"too_many_items", "At most 3 items are allowed, got 4", "[{max 3} {count 4}]", "", 0},
		{"alias", 403, "", `{"type":"about:blank","status":403,"code":"access_denied","detail":"no"}`,
			"insufficient_scope", "no", "[]", "", 0},
		{"variant by message, params inline", 400, "", `{"code":"validation_failed","detail":"email is required","field":"email"}`,
			"validation_failed", "email is required", "[{field email}]", "field_missing", 0},
		{"HTTP-date Retry-After in the past", 429, "Wed, 21 Oct 2015 07:28:00 GMT", `{"code":"rate_limited","detail":"Rate limit exceeded"}`,
			"rate_limited", "Rate limit exceeded", "[]", "", 0},
		{"unknown code", 400, "", `{"code":"brand_new","detail":"Something new"}`,
			"brand_new", "Something new", "[]", "", 0},
	},
	"wire_statuscode": {
		{"by message template", 400, "", `{"statusCode":400,"message":"projectId must be a valid UUID","error":"Bad Request"}`,
			"invalid_uuid", "projectId must be a valid UUID", "[{field projectId}]", "", 0},
		{"by the only error with the status", 401, "", `{"statusCode":401,"message":"Token expired","error":"Unauthorized"}`,
			"invalid_api_key", "Token expired", "[]", "", 0},
		{"a templated sentinel's title", 400, "", `{"statusCode":400,"message":"Missing field","error":"Bad Request"}`,
			"missing_field", "Missing field", "[]", "", 0},
		{"two errors share the status", 404, "", `{"statusCode":404,"message":"Project not found","error":"Not Found"}`,
			"", "Project not found", "[]", "", 0},
		{"retry from the body", 429, "", `{"statusCode":429,"message":"Rate limit exceeded","error":"Too Many Requests","retryAfter":17}`,
			"too_many_requests", "Rate limit exceeded", "[]", "", 17},
		{"header wins over the body", 429, "5", `{"statusCode":429,"message":"Rate limit exceeded","retryAfter":17}`,
			"too_many_requests", "Rate limit exceeded", "[]", "", 5},
	},
	"wire_nested": {
		{"an empty meta decodes too", 429, "", `{"error":{"code":"rate_limited","message":"Slow down"},"meta":{}}`,
			"rate_limited", "Slow down", "[]", "", 0},
		{"no message: rendered from the params", 400, "", `{"error":{"code":"missing_field"},"meta":{"field":"title"}}`,
			"missing_field", "title is required", "[{field title}]", "", 0},
		{"no message, no params: the title", 400, "", `{"error":{"code":"missing_field"}}`,
			"missing_field", "Missing field", "[]", "", 0},
	},
	"wire_errorcode": {
		{"alias in error", 403, "", `{"error":"access_denied","message":"Access denied"}`,
			"insufficient_scope", "Access denied", "[]", "", 0},
		{"typed params from the message", 429, "", `{"error":"usage_limit_exceeded","message":"Usage limit of 250 requests per minute exceeded"}`,
			"usage_limit_exceeded", "Usage limit of 250 requests per minute exceeded", "[{limit 250} {window minute}]", "", 0},
		{"an int placeholder does not match text", 429, "", `{"error":"usage_limit_exceeded","message":"Usage limit of many requests per minute exceeded"}`,
			"usage_limit_exceeded", "Usage limit of many requests per minute exceeded", "[]", "", 0},
	},
	"wire_google": {
		{"nested code", 404, "", `{"error":{"code":404,"message":"Object \"a.txt\" not found","status":"NOT_FOUND"}}`,
			"NOT_FOUND", "Object \"a.txt\" not found", "[{resource Object \"a.txt\"}]", "", 0},
		{"float and int64 params", 429, "", `{"error":{"code":429,"message":"Quota exceeded: 1e+21 of 9223372036854775807 used","status":"RESOURCE_EXHAUSTED"}}`,
			"RESOURCE_EXHAUSTED", "Quota exceeded: 1e+21 of 9223372036854775807 used", "[{used 1e+21} {quota 9223372036854775807}]", "", 0},
	},
	"wire_oauth2": {
		{"RFC 6749 example", 400, "", `{"error":"invalid_request","error_description":"The request is missing the grant_type parameter","error_uri":"https://auth.example.com/docs/errors#invalid_request"}`,
			"invalid_request", "The request is missing the grant_type parameter", "[{param grant_type}]", "", 0},
		{"by type URI only", 400, "", `{"error_uri":"https://auth.example.com/docs/errors#invalid_scope","error_description":"Bad scope"}`,
			"invalid_scope", "Bad scope", "[]", "", 0},
	},
}
