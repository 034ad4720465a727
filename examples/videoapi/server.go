// Package videoapi is a small livestream service that shows errgen's
// generated error package at work. Handlers return errors from package
// apierr (generated from the repository's spec/errors.yaml);
// apierr.HandlerFunc writes them as RFC 9457 problem documents, and the
// client in package client turns them back into *apierr.Error values.
package videoapi

//go:generate go tool errgen generate -spec ../../spec/errors.yaml

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"sync"

	"github.com/errgen/errgen/examples/videoapi/apierr"
)

// Livestream is the service's one resource.
type Livestream struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Server holds the livestreams in memory. Every request needs the API key
// in the ls-api-key header, and each key gets a fixed budget of requests.
type Server struct {
	apiKey string

	mu      sync.Mutex
	streams map[string]Livestream
	budget  int
	nextID  int
}

// NewServer returns a server that accepts apiKey for at most budget
// requests.
func NewServer(apiKey string, budget int) *Server {
	return &Server{apiKey: apiKey, budget: budget, streams: map[string]Livestream{}}
}

// ErrStorage stands for an infrastructure failure whose text must never
// reach a client.
var ErrStorage = errors.New("storage: connection to 10.0.0.7:5432 refused (user=videoapi)")

// Handler returns the service's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /v1/livestreams/{id}", s.guard(s.getLivestream))
	mux.Handle("POST /v1/livestreams", s.guard(s.createLivestream))
	mux.Handle("GET /v1/recordings", s.guard(func(http.ResponseWriter, *http.Request) error {
		// Not from the catalog: written as server_error, text withheld.
		return fmt.Errorf("listing recordings: %w", ErrStorage)
	}))
	mux.Handle("GET /v1/sessions/{id}", s.guard(func(http.ResponseWriter, *http.Request) error {
		// A catalog 5xx that wraps a cause is written as server_error too.
		return apierr.NewFetchError().Wrap(ErrStorage)
	}))
	// The error catalog (api/errors.json), public: no API key, cacheable,
	// with conditional GETs. The handler answers other methods itself.
	mux.Handle("/v1/errors", apierr.CatalogHandler())
	mux.Handle("/", apierr.HandlerFunc(func(http.ResponseWriter, *http.Request) error {
		return apierr.ErrRouteNotFound
	}))
	return mux
}

// guard checks the API key and the request budget before h runs.
func (s *Server) guard(h apierr.HandlerFunc) http.Handler {
	return apierr.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		if r.Header.Get("ls-api-key") != s.apiKey {
			return apierr.ErrInvalidAPIKey
		}
		s.mu.Lock()
		over := s.budget <= 0
		s.budget--
		s.mu.Unlock()
		if over {
			return apierr.NewRateLimited()
		}
		return h(w, r)
	})
}

func (s *Server) getLivestream(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !isUUID(id) {
		return apierr.NewInvalidUUID("id")
	}
	s.mu.Lock()
	ls, ok := s.streams[id]
	s.mu.Unlock()
	if !ok {
		return apierr.NewLivestreamNotFound()
	}
	return writeJSON(w, http.StatusOK, ls)
}

func (s *Server) createLivestream(w http.ResponseWriter, r *http.Request) error {
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		return apierr.NewInvalidContentType(r.Header.Get("Content-Type"))
	}
	var in struct {
		Name *string `json:"name"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		// A 4xx keeps its cause for logs; WriteError sends only the message.
		return apierr.NewInvalidPayload().Wrap(err)
	}
	if in.Name == nil || *in.Name == "" {
		return apierr.NewMissingField("name").WithDetails(apierr.Detail{Field: "name", Message: "name must be a non-empty string"})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ls := range s.streams {
		if ls.Name == *in.Name {
			return apierr.NewConflict("livestream")
		}
	}
	s.nextID++
	ls := Livestream{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", s.nextID), Name: *in.Name}
	s.streams[ls.ID] = ls
	return writeJSON(w, http.StatusCreated, ls)
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, err = w.Write(body)
	return err
}

// isUUID reports whether s is a UUID in its 8-4-4-4-12 hex form.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if c != '-' {
				return false
			}
		case '0' <= c && c <= '9', 'a' <= c && c <= 'f', 'A' <= c && c <= 'F':
		default:
			return false
		}
	}
	return true
}
