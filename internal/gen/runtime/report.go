package runtime

import (
	"context"
	"log/slog"
	"net/http"
	"sync/atomic"
)

// Report describes one error response.
type Report struct {
	// Err is what the handler returned: it may be nil, a typed nil, an
	// error from outside the catalog, or a catalog error wrapping a cause.
	Err error
	// Code is the code written.
	Code Code
	// Status is the status written.
	Status int
	// Internal reports that Err was written as the internal error rather
	// than as itself: an error from outside the catalog, nil, a 5xx
	// catalog error that wraps a cause, or an error of another wire
	// format than the writer's.
	Internal bool
	// RequestID is the request id written with the response; "" when the
	// spec has no response.request_id.
	RequestID string
}

// errgenReporter holds the function SetReporter set; nil for LogReport.
var errgenReporter atomic.Pointer[func(*http.Request, Report)]

// SetReporter makes f the function every written error response is
// reported to: WriteError, each group's writer and HandlerFunc call it
// once per response, after writing it, with the request (which may be
// nil) and what was written. A nil f restores the default, LogReport. It
// is safe to call at any time, also while responses are written: set it
// once at start-up, or swap it in tests. f is called on the goroutine
// that writes the response and must be safe for concurrent use.
func SetReporter(f func(r *http.Request, rep Report)) {
	if f == nil {
		errgenReporter.Store(nil)
		return
	}
	errgenReporter.Store(&f)
}

// errgenReport passes a written error response to the reporter.
func errgenReport(r *http.Request, rep Report) {
	if f := errgenReporter.Load(); f != nil {
		(*f)(r, rep)
		return
	}
	LogReport(r, rep)
}

// LogReport is the default reporter. It logs an error response written
// as the internal error, and any 5xx response, through slog.Default() at
// Error level with the request's context: the message "error response"
// and the attributes method, path, status, code, request_id (when the
// spec has response.request_id) and error, the full text of what the
// handler returned (a wrapped cause's text included; "<nil>" for nil,
// and for a typed nil whose Error method panics).
// Other responses (4xx errors the handler meant to send) are not logged.
func LogReport(r *http.Request, rep Report) {
	if !rep.Internal && rep.Status < 500 {
		return
	}
	ctx := context.Background()
	method, path := "", ""
	if r != nil {
		ctx = r.Context()
		method = r.Method
		if r.URL != nil {
			path = r.URL.Path
		}
	}
	text := "<nil>"
	if rep.Err != nil {
		text = errgenErrorText(rep.Err)
	}
	attrs := make([]slog.Attr, 0, 6)
	attrs = append(attrs,
		slog.String("method", method),
		slog.String("path", path),
		slog.Int("status", rep.Status),
		slog.String("code", errgenCodeText(rep.Code)),
	)
	if rep.RequestID != "" {
		attrs = append(attrs, slog.String("request_id", rep.RequestID))
	}
	attrs = append(attrs, slog.String("error", text))
	slog.Default().LogAttrs(ctx, slog.LevelError, "error response", attrs...)
}

// LogValue makes an *Error log as a group of structured fields with
// log/slog: code, status, message, params (a group of name=value in
// declaration order, when there are any), variant (when set) and cause
// (the wrapped cause's text, when there is one). A sentinel logs its
// catalog values. A nil *Error logs as "<nil>".
func (e *Error) LogValue() slog.Value {
	if e == nil {
		return slog.StringValue("<nil>")
	}
	if s := errgenSentinel(e); s != nil {
		var f Error
		errgenFill(&f, s)
		e = &f
	}
	attrs := make([]slog.Attr, 0, 6)
	attrs = append(attrs,
		slog.String("code", errgenCodeText(e.Code)),
		slog.Int("status", e.Status),
		slog.String("message", e.Message),
	)
	if len(e.Params) > 0 {
		ps := make([]slog.Attr, len(e.Params))
		for j, p := range e.Params {
			ps[j] = slog.Any(p.Name, p.Value)
		}
		attrs = append(attrs, slog.Attr{Key: "params", Value: slog.GroupValue(ps...)})
	}
	if e.Variant != "" {
		attrs = append(attrs, slog.String("variant", e.Variant))
	}
	if e.cause != nil {
		attrs = append(attrs, slog.String("cause", errgenErrorText(e.cause)))
	}
	return slog.GroupValue(attrs...)
}
