package golden

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/spec"
	"github.com/errgen/errgen/internal/testutil"
)

// seedFacts lists, for each seed case, what the original page says: its
// front matter, free text, every code, status, message, description,
// cause and solution. The generated reference page must say each of
// them. Text is as the page prints it (mojibake of the original fixed);
// a page title is in the front matter where the page has one (the docs
// site shows it as the page's heading).
var seedFacts = map[string][]string{
	"seed-000": {
		"---\ntitle: \"General Errors\"\nslug: \"general-errors\"\nexcerpt: \"The errors you might get while authenticating against the API\"\n",
		"metadata:", "title: \"General Erros\"", "description: \"The list of possible errors that are generated from the API\"",
		"title: \"General Errors\"", "Error map", // the site shows the front matter title as the page's heading
		"Invalid attributes.", "The payload is invalid.", "Your account has reached the webhook urls limit.",
		"The requested resource could not be found.", "Unrecognized request URL.", "Method is not allowed for this route.", "Server error",
		"400 Bad Request", "404 Not Found", "405 Method Not Allowed", "500 Internal Server Error",
		"You sent in a parameter that doesn't exist, isn't correct for the endpoint you're using, or has a bad value.",
		"The payload you sent is missing OR it cannot be json decoded.",
		"You have too many webhooks.",
		"You requested a resource (video, live stream, etc.) that doesn't exist at all or that doesn't belong to your project.",
		"You send a request to an endpoint that doesn't exist at all, for example GET /foobar.",
		"The endpoint exists but not for this HTTP method, for example you DELETE /webhooks instead of GET.",
		"An error occurred on our server, we are working to fix it.",
	},
	"seed-001": {
		"# Error Codes", "Complete reference of API error codes and their meanings.",
		"HTTP Status Codes", "| 200 | OK | Request successful |", "| 201 | Created | Resource created successfully |",
		"| 409 | Conflict | Resource already exists |", "| 422 | Unprocessable Entity | Validation failed |",
		"| 500 | Internal Server Error | Server error |",
		`"statusCode": 400`, `"message": "Validation failed"`, `"error": "Bad Request"`, `"details": [`,
		"Authentication Errors", "Invalid API Key", "401 Unauthorized",
		"API Key is incorrect", "API Key header name is wrong", "API Key has been revoked",
		"Verify API Key and header name (ls-api-key)",
		"Access denied to this resource", "403 Forbidden",
		"API Key doesn't have access to the project", "Trying to access another project's resources",
		"Verify project ID matches your API Key",
		"Validation Errors", "Missing Required Field", "name is required", "Include all required fields in request body",
		"Invalid UUID", "projectId must be a valid UUID", "Use valid UUID format for IDs",
		"Resource Errors", "Livestream not found", "Livestream ID is incorrect", "Livestream was deleted",
		"Livestream belongs to different project", "Media server not found",
		"Get available servers from /media-servers/available",
		"Stream Errors", "Push Token Errors", "INVALID_PUSH_TOKEN", "Token is malformed", "Generate new token",
		"EXPIRED_PUSH_TOKEN", "Token has expired", "Generate new token with longer expiry",
		"TOKEN_MISMATCH", "Token doesn't match stream", "Use correct stream key",
		"Stream Status Errors", "READY_FOR_USE", "Stream created, waiting for broadcaster", "STARTED", "Stream is live",
		"ENDED", "Stream has ended", "TOKEN_EXPIRED", "Push token expired during stream",
		"Rate Limiting", "Rate limit exceeded", "429 Too Many Requests", `"retryAfter": 60`, "Retry-After: 60",
		"Wait for retryAfter seconds before retrying",
		"| Endpoint Type | Limit |", "| Livestream CRUD | 100 req/min |", "| Public APIs | 1000 req/min |",
	},
	"seed-002": {
		"Learn more about error codes returned by our APIs and how to handle them.", "Last updated 2026-06-11",
		"Almost all errors returned by our APIs includes an error code in the response body (error) and/or in the HTTP status code.",
		"Below is a list of error codes you may encounter when using our APIs, along with their meanings and suggested actions.",
		"invalid_request", "400 Bad Request",
		"The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.",
		"Check the request for missing or incorrect parameters.",
		"invalid_content_type", "415 Unsupported Media Type", "The request’s Content-Type header is not supported by the server.",
		"Ensure that the Content-Type header is set to a supported type, such as application/json.",
		"access_denied", "insufficient_scope", "403 Forbidden",
		"The request was valid, but the server is refusing to respond to it.",
		"This may be due to insufficient permissions or an invalid token.",
		"Check the permissions of the user or client making the request.",
		"session_expired", "401 Unauthorized", "The request requires authentication, but the session has expired.",
		"The user must re-authenticate to obtain a new session token.",
		"Check the session expiration settings and ensure the user is logged in.",
		"unauthorized_client", "The request requires authentication, but the client is not authorized to perform the requested action.",
		"Check the credentials and ensure the client has the necessary permissions.",
		"not_found", "404 Not Found", "The requested resource or page could not be found.",
		"Check the path or the resource ID and ensure it exists.",
		"conflict", "409 Conflict", "The request could not be completed due to a conflict with the current state of the resource.",
		"This may occur when trying to create a resource that already exists or when trying to update a resource that has been modified since it was last retrieved.",
		"Check the resource’s state and try again.",
		"precondition_failed", "412 Precondition Failed",
		"The request included an If-Match header whose value does not match the resource’s current ETag.",
		"The resource has been modified by another client since you last retrieved it.",
		"Fetch the latest version and retry your update. See the Conditional Requests guide for details.",
		"usage_limit_exceeded", "429 Too Many Requests",
		"The request was rejected because the user has exceeded their usage limits.",
		"This may occur if the user has made too many requests in a short period of time.",
		"Check the usage limits and try again later.",
		"server_error", "500 Internal Server Error", "An unexpected error occurred on the server.",
		"This is a generic error message and may not provide specific details about the issue.",
		"If this error persists, please contact support.",
		`"error": "invalid_request"`,
	},
	"seed-003": {
		"---\nsidebar_label: \"API Error codes\"\n", "pagination_label: \"API Error codes\"",
		"title: \"Error Event\"", "This event is helpful for development level troubleshooting while using API.",
		"This event can ease your development process.",
		"We have depicted a specific constant with code and message in the below table.",
		"invalid_params", "400 Bad Request", "Please provide a valid `roomId` in body params.",
		"`PartcipantId` is required in request body.", "`RoomId` is invalid.", "'region' field is invalid.",
		"invalid_token", "401 Unauthorized", "`token` is invalid.",
		"unauthorized_token", "403 Forbidden", "Unauthorised access to V2 API, please provide valid payload version.",
		"Your role must be a CRAWLER in token payload to use V2 API.",
		"resource_not_found", "404 Not Found", "Room not found.", "Room Recording not found.", "Session not found.",
		"HLS not found.", "No active participants found.",
		"fetch_error", "406 Not Acceptable", "Failed to get session details.", "Unable to fetch rooms.",
		"Unable to list Room Recordings.", "Failed to get Active participant List.", "Failed to end session.",
		"Failed to remove participant from session.",
		"invalid_object", "422 Unprocessable Entity", "Please provide streamKey.", "Please provide streamUrl.",
		"Please provide layout under config object.", "Please provide outputs.",
		"layout.type must be SPOTLIGHT, SIDEBAR or GRID.", "layout.priority must be SPEAKER or PIN.",
		"grid Size must be a positive number.", "grid Size must be ≤ 25.",
	},
	"seed-004": {
		"---\ntitle: \"Error Codes\"\nslug: \"error-codes\"\nexcerpt: \"🛠️ Learn how to handle common errors.\"\n",
		"hidden: false", "createdAt: \"Tue Jul 23 2024 17:13:28 GMT+0000 (Coordinated Universal Time)\"",
		"updatedAt: \"Tue Jul 23 2024 17:13:35 GMT+0000 (Coordinated Universal Time)\"",
		"We dedicated this article to helping you solve errors in our API. Please review the error description below, or go straight to the causes and suggestions.",
		"Response Codes", "We use the standard HTTP status code. Please see the table below for further information:",
		"200 - ✅ Success", "Request successfully processed/created.",
		"Error Troubleshoots", "Here is our recommendation for handling errors:",
		"400 Bad Request", "The request was unacceptable.",
		"This error occurs because of invalid syntax or missing a required parameter.",
		"Recheck the request that you input. Make sure it has followed the requirements.",
		"401 Unauthorized", "Unauthenticated", "Your API key is invalid.",
		"This error occurs when you put in an invalid API key.",
		"Double-check the API key and make sure you input the correct one.",
		"404 Not Found", "The requested resource doesn't exist.",
		"This error occurs because you provided the wrong URL or the ID you requested is not associated with your account.",
		"Use the correct URL (check for typos and our API documentation carefully).",
		"500 Internal Server Error", "Something went wrong on our side.",
		"This error occurs when our system has encountered an internal system error.",
		"You can retry later, or please get in touch with our support if you keep getting this error.",
	},
}

// mdEscape matches the backslash escapes the renderer adds to spec text.
var mdEscape = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")

// readable undoes Markdown escaping, so facts can be found as the page
// reads to a person.
func readable(md string) string {
	md = mdEscape.ReplaceAllString(md, "$1")
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&#124;", "|").Replace(md)
}

// TestSeedFacts checks that each seed case's reference page says every
// fact of the original page, that its OpenAPI fragment names every code,
// and that the page uses the original's front matter style.
func TestSeedFacts(t *testing.T) {
	for name, facts := range seedFacts {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(testutil.Root(), "golden", name)
			page, err := os.ReadFile(filepath.Join(dir, "errors.md"))
			if err != nil {
				t.Fatal(err)
			}
			text := readable(string(page))
			for _, fact := range facts {
				if !strings.Contains(text, fact) {
					t.Errorf("the page does not say %q", fact)
				}
			}
			s, err := spec.Load(filepath.Join(dir, "errors.yaml"), name)
			if err != nil {
				t.Fatal(err)
			}
			fragment, err := os.ReadFile(filepath.Join(dir, "openapi.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range s.Errors {
				if !strings.Contains(string(fragment), e.Code) {
					t.Errorf("the OpenAPI fragment does not name %s", e.Code)
				}
				if !strings.Contains(text, `<a id="`+e.Anchor+`"></a>`) {
					t.Errorf("the page has no section for %s", e.Code)
				}
			}
		})
	}
}
