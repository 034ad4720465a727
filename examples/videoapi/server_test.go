package videoapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/errgen/errgen/examples/videoapi"
	"github.com/errgen/errgen/examples/videoapi/apierr"
	"github.com/errgen/errgen/examples/videoapi/client"
)

// serve starts the service on a real loopback listener.
func serve(t *testing.T, budget int) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: videoapi.NewServer("demo-key", budget).Handler()}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
	return "http://" + ln.Addr().String()
}

func TestWireBytes(t *testing.T) {
	base := serve(t, 100)
	cases := []struct {
		name, method, path, key, contentType, body string
		status                                     int
		retryAfter                                 string
		want                                       string
	}{
		{"invalid api key", "GET", "/v1/livestreams/x", "wrong", "", "", 401, "",
			`{"type":"https://docs.streamline.dev/errors#invalid_api_key","title":"Invalid API key","status":401,"detail":"Invalid API Key","instance":"/v1/livestreams/x","code":"invalid_api_key","request_id":"req-1"}`},
		{"invalid uuid", "GET", "/v1/livestreams/not-a-uuid", "demo-key", "", "", 400, "",
			`{"type":"https://docs.streamline.dev/errors#invalid_uuid","title":"Invalid UUID","status":400,"detail":"id must be a valid UUID","instance":"/v1/livestreams/not-a-uuid","code":"invalid_uuid","request_id":"req-2","field":"id"}`},
		{"not found", "GET", "/v1/livestreams/0b6f2c3e-8d4a-4f7e-9c1b-2a3d4e5f6a7b", "demo-key", "", "", 404, "",
			`{"type":"https://docs.streamline.dev/errors#livestream_not_found","title":"Livestream not found","status":404,"detail":"Livestream not found","instance":"/v1/livestreams/0b6f2c3e-8d4a-4f7e-9c1b-2a3d4e5f6a7b","code":"livestream_not_found","request_id":"req-3"}`},
		{"missing field with details", "POST", "/v1/livestreams", "demo-key", "application/json", `{}`, 400, "",
			`{"type":"https://docs.streamline.dev/errors#missing_field","title":"Missing required field","status":400,"detail":"name is required","instance":"/v1/livestreams","code":"missing_field","request_id":"req-4","field":"name","errors":[{"field":"name","message":"name must be a non-empty string"}]}`},
		{"content type, escaped", "POST", "/v1/livestreams", "demo-key", "text/html; x=<b>", `{}`, 415, "",
			`{"type":"https://docs.streamline.dev/errors#invalid_content_type","title":"Unsupported content type","status":415,"detail":"Content-Type text/html; x=\u003cb\u003e is not supported.","instance":"/v1/livestreams","code":"invalid_content_type","request_id":"req-5","content_type":"text/html; x=\u003cb\u003e"}`},
		{"bad payload keeps its cause private", "POST", "/v1/livestreams", "demo-key", "application/json", `{"name":`, 400, "",
			`{"type":"https://docs.streamline.dev/errors#invalid_payload","title":"Invalid payload","status":400,"detail":"The payload is invalid.","instance":"/v1/livestreams","code":"invalid_payload","request_id":"req-6"}`},
		{"non-catalog error", "GET", "/v1/recordings", "demo-key", "", "", 500, "",
			`{"type":"https://docs.streamline.dev/errors#server_error","title":"Internal server error","status":500,"detail":"An unexpected error occurred on the server.","instance":"/v1/recordings","code":"server_error","request_id":"req-7"}`},
		{"5xx wrapping a cause", "GET", "/v1/sessions/1", "demo-key", "", "", 500, "",
			`{"type":"https://docs.streamline.dev/errors#server_error","title":"Internal server error","status":500,"detail":"An unexpected error occurred on the server.","instance":"/v1/sessions/1","code":"server_error","request_id":"req-8"}`},
		{"unknown route", "GET", "/nowhere", "", "", "", 404, "",
			`{"type":"https://docs.streamline.dev/errors#route_not_found","title":"Unrecognized request URL","status":404,"detail":"Unrecognized request URL.","instance":"/nowhere","code":"route_not_found","request_id":"req-9"}`},
	}
	for i, c := range cases {
		req, err := http.NewRequest(c.method, base+c.path, strings.NewReader(c.body))
		if err != nil {
			t.Fatal(err)
		}
		id := fmt.Sprintf("req-%d", i+1)
		req.Header.Set("X-Request-Id", id)
		req.Header.Set("ls-api-key", c.key)
		if c.contentType != "" {
			req.Header.Set("Content-Type", c.contentType)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || resp.Header.Get("Content-Type") != "application/problem+json" || resp.Header.Get("Retry-After") != c.retryAfter {
			t.Errorf("%s: %d, Content-Type %q, Retry-After %q", c.name, resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Retry-After"))
		}
		if got := resp.Header.Get("X-Request-Id"); got != id {
			t.Errorf("%s: X-Request-Id %q, want %q", c.name, got, id)
		}
		if string(body) != c.want {
			t.Errorf("%s: body\n got %s\nwant %s", c.name, body, c.want)
		}
		if strings.Contains(string(body), "10.0.0.7") || strings.Contains(string(body), "unexpected EOF") {
			t.Errorf("%s: leaked a cause: %s", c.name, body)
		}
	}
}

func TestRateLimit(t *testing.T) {
	base := serve(t, 1)
	c := &client.Client{BaseURL: base, APIKey: "demo-key"}
	ctx := context.Background()
	if _, err := c.CreateLivestream(ctx, "first"); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("GET", base+"/v1/recordings", nil)
	req.Header.Set("ls-api-key", "demo-key")
	req.Header.Set("X-Request-Id", "ticket-4711")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want := `{"type":"https://docs.streamline.dev/errors#rate_limited","title":"Too many requests","status":429,"detail":"Rate limit exceeded","instance":"/v1/recordings","code":"rate_limited","request_id":"ticket-4711"}`
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "60" || string(body) != want {
		t.Errorf("rate limited: %d, Retry-After %q\n got %s\nwant %s", resp.StatusCode, resp.Header.Get("Retry-After"), body, want)
	}
	err = c.Get(ctx, "/v1/recordings")
	var e *apierr.Error
	if !errors.Is(err, apierr.ErrRateLimited) || !errors.As(err, &e) || e.RetryAfter != 60 {
		t.Errorf("client: %#v", err)
	}
}

func TestClientDecoding(t *testing.T) {
	base := serve(t, 100)
	ctx := context.Background()
	c := &client.Client{BaseURL: base, APIKey: "demo-key"}

	ls, err := c.CreateLivestream(ctx, "launch")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetLivestream(ctx, ls.ID); err != nil || got.Name != "launch" {
		t.Fatalf("GetLivestream = %+v, %v", got, err)
	}

	_, err = c.CreateLivestream(ctx, "launch")
	var e *apierr.Error
	if !errors.Is(err, apierr.ErrConflict) || !errors.As(err, &e) {
		t.Fatalf("duplicate: %v", err)
	}
	if v, _ := e.Param("resource"); v != "livestream" || e.Status != 409 || e.Message != "livestream already exists" {
		t.Errorf("conflict decoded as %+v", e)
	}

	_, err = c.CreateLivestream(ctx, "")
	if !errors.Is(err, apierr.ErrMissingField) || !errors.As(err, &e) ||
		len(e.Details) != 1 || e.Details[0].Field != "name" || apierr.StatusOf(err) != 400 {
		t.Errorf("missing name: %#v", err)
	}

	_, err = c.GetLivestream(ctx, "0b6f2c3e-8d4a-4f7e-9c1b-2a3d4e5f6a7b")
	if !errors.Is(err, apierr.ErrLivestreamNotFound) || apierr.CodeOf(err) != apierr.CodeLivestreamNotFound {
		t.Errorf("unknown id: %v", err)
	}

	err = c.Get(ctx, "/v1/recordings")
	if !errors.Is(err, apierr.ErrServerError) || strings.Contains(err.Error(), "10.0.0.7") {
		t.Errorf("storage failure: %v", err)
	}

	bad := &client.Client{BaseURL: base, APIKey: "nope"}
	if _, err := bad.GetLivestream(ctx, ls.ID); !errors.Is(err, apierr.ErrInvalidAPIKey) {
		t.Errorf("bad key: %v", err)
	}
}

// TestCatalog fetches the error catalog the service serves at /v1/errors:
// the bytes of api/errors.json, then a 304 for a request that sends its
// ETag back.
func TestCatalog(t *testing.T) {
	base := serve(t, 100)
	want, err := os.ReadFile("api/errors.json")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(base + "/v1/errors")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" || string(body) != string(want) {
		t.Fatalf("GET /v1/errors: %d %q, body equal to api/errors.json: %v", resp.StatusCode, resp.Header.Get("Content-Type"), string(body) == string(want))
	}
	etag := resp.Header.Get("ETag")
	req, _ := http.NewRequest("GET", base+"/v1/errors", nil)
	req.Header.Set("If-None-Match", etag)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 304 || len(body) != 0 || resp.Header.Get("ETag") != etag {
		t.Fatalf("conditional GET: %d, %d bytes, ETag %q (want 304, none, %q)", resp.StatusCode, len(body), resp.Header.Get("ETag"), etag)
	}
}

// TestInternalErrorLogged: a storage failure reaches no client, but the
// default reporter logs it through slog with its full text and the
// request id the client sent, which the response carries too; a 4xx is
// not logged.
func TestInternalErrorLogged(t *testing.T) {
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })
	base := serve(t, 100)
	get := func(path, id string) (*http.Response, []byte) {
		req, _ := http.NewRequest("GET", base+path, nil)
		req.Header.Set("ls-api-key", "demo-key")
		req.Header.Set("X-Request-Id", id)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, body
	}
	get("/v1/livestreams/0b6f2c3e-8d4a-4f7e-9c1b-2a3d4e5f6a7b", "not-logged")
	if buf.Len() != 0 {
		t.Fatalf("a 404 was logged: %s", buf.Bytes())
	}
	resp, body := get("/v1/recordings", "support-ticket-42")
	if resp.Header.Get("X-Request-Id") != "support-ticket-42" || !strings.Contains(string(body), `"request_id":"support-ticket-42"`) {
		t.Errorf("response: %v %s", resp.Header, body)
	}
	var line map[string]any
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatalf("log %q: %v", buf.Bytes(), err)
	}
	want := map[string]any{
		"level": "ERROR", "msg": "error response", "method": "GET", "path": "/v1/recordings", "status": float64(500),
		"code": "server_error", "request_id": "support-ticket-42", "error": "listing recordings: " + videoapi.ErrStorage.Error(),
	}
	for k, v := range want {
		if line[k] != v {
			t.Errorf("log %s = %v, want %v", k, line[k], v)
		}
	}
}
