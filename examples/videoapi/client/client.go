// Package client calls the videoapi service. Every non-2xx response comes
// back as an *apierr.Error decoded by apierr.FromResponse, so callers
// branch with errors.Is on the same sentinels the server returns.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/errgen/errgen/examples/videoapi/apierr"
)

// Client talks to one videoapi server.
type Client struct {
	BaseURL string
	APIKey  string
	HTTP    *http.Client
}

// Livestream is the service's resource as the client sees it.
type Livestream struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// GetLivestream fetches one livestream.
func (c *Client) GetLivestream(ctx context.Context, id string) (*Livestream, error) {
	var out Livestream
	if err := c.do(ctx, http.MethodGet, "/v1/livestreams/"+url.PathEscape(id), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// CreateLivestream creates a livestream; an empty name is sent as a
// missing field.
func (c *Client) CreateLivestream(ctx context.Context, name string) (*Livestream, error) {
	in := map[string]any{}
	if name != "" {
		in["name"] = name
	}
	body, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	var out Livestream
	if err := c.do(ctx, http.MethodPost, "/v1/livestreams", body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Get calls any path and returns only its error, for the other routes.
func (c *Client) Get(ctx context.Context, path string) error {
	return c.do(ctx, http.MethodGet, path, nil, nil)
}

func (c *Client) do(ctx context.Context, method, path string, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("ls-api-key", c.APIKey)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := apierr.FromResponse(resp); err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
