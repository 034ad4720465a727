package runtime

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/errgen/errgen/internal/model"
)

// withRequestID configures the stand-in catalog with a request id header
// until the test ends.
func withRequestID(t *testing.T) {
	prev := errgenFormats[0].requestID
	errgenFormats[0].requestID = "X-Request-Id"
	t.Cleanup(func() { errgenFormats[0].requestID = prev })
}

var uuid4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestCleanID(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"abc-123", "abc-123"},
		{"A-Za-z0-9-_.:@/+=", "A-Za-z0-9-_.:@/+="},
		{"a b\tc\r\nd", "abcd"},
		{"\"quoted\\\"", "quoted"},
		{"é漢\xff\x00x", "x"},
		{strings.Repeat("a", 128), strings.Repeat("a", 128)},
		{strings.Repeat("a", 129), strings.Repeat("a", 128)},
		{strings.Repeat("\"a", 10<<10), strings.Repeat("a", 128)},
		{"\"\"", ""},
		{"", ""},
	} {
		if got := errgenCleanID(c.in); got != c.want {
			t.Errorf("errgenCleanID(%.40q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRequestID(t *testing.T) {
	if id, v := errgenRequestID(httptest.NewRequest("GET", "/", nil)); id != "" || v != nil {
		t.Errorf("without response.request_id: %q %q", id, v)
	}
	withRequestID(t)
	r := httptest.NewRequest("GET", "/", nil)
	r.Header["X-Request-Id"] = []string{"abc", "def"}
	if id, v := errgenRequestID(r); id != "abc" || len(v) != 1 || cap(v) != 1 || v[0] != "abc" {
		t.Errorf("clean id: %q %q (cap %d)", id, v, cap(v))
	}
	r.Header["X-Request-Id"] = []string{"a\"b"}
	if id, v := errgenRequestID(r); id != "ab" || v != nil {
		t.Errorf("sanitised id: %q %q", id, v)
	}
	seen := map[string]bool{}
	for _, r := range []*http.Request{nil, httptest.NewRequest("GET", "/", nil), {}} {
		id, v := errgenRequestID(r)
		if !uuid4.MatchString(id) || v != nil || seen[id] {
			t.Errorf("fresh id %q %q", id, v)
		}
		seen[id] = true
	}
	r.Header["X-Request-Id"] = []string{"\r\n"}
	if id, _ := errgenRequestID(r); !uuid4.MatchString(id) {
		t.Errorf("nothing left: %q", id)
	}
}

// TestWriteRequestID: the request id is passed to the reporter; a clean
// one from the request costs no allocation.
func TestWriteRequestID(t *testing.T) {
	withRequestID(t)
	var got []Report
	SetReporter(func(_ *http.Request, rep Report) { got = append(got, rep) })
	defer SetReporter(nil)
	r := httptest.NewRequest("GET", "/x", nil)
	r.Header.Set("X-Request-Id", "req-1")
	WriteError(httptest.NewRecorder(), r, NewInvalidAPIKey())
	WriteError(httptest.NewRecorder(), nil, errors.New("db down"))
	if len(got) != 2 || got[0].RequestID != "req-1" || got[0].Internal || !uuid4.MatchString(got[1].RequestID) || !got[1].Internal ||
		got[1].Code != CodeInternalError || got[1].Status != 500 || got[1].Err.Error() != "db down" {
		t.Errorf("reports %+v", got)
	}
	SetReporter(func(*http.Request, Report) {})
	w := &discardWriter{h: http.Header{}}
	e := NewInvalidAPIKey()
	if raceEnabled {
		return // the buffers' pool drops them at random under -race
	}
	if n := testing.AllocsPerRun(100, func() { WriteError(w, r, e) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) WriteHeader(int)             {}
func (d *discardWriter) Write(p []byte) (int, error) { return len(p), nil }

// TestSetReporterConcurrent swaps the reporter while responses are
// written (run with -race).
func TestSetReporterConcurrent(t *testing.T) {
	defer SetReporter(nil)
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.DiscardHandler))
	defer slog.SetDefault(prev)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 200 {
				WriteError(httptest.NewRecorder(), nil, errors.New("x"))
			}
		})
	}
	for i := range 200 {
		if i%2 == 0 {
			SetReporter(func(*http.Request, Report) {})
		} else {
			SetReporter(nil)
		}
	}
	wg.Wait()
}

func TestLogReport(t *testing.T) {
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(&buf, nil)))
	defer slog.SetDefault(prev)
	LogReport(nil, Report{Code: CodeInvalidAPIKey, Status: 401})
	if buf.Len() != 0 {
		t.Fatalf("4xx logged: %s", buf.Bytes())
	}
	LogReport(nil, Report{Code: CodeInternalError, Status: 500, Internal: true})
	var line map[string]any
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatal(err)
	}
	if line["error"] != "<nil>" || line["method"] != "" || line["code"] != "internal_error" || line["request_id"] != nil {
		t.Errorf("logged %s", buf.Bytes())
	}
}

func TestLogValue(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	var typed *Error
	log.Error("m", "a", NewMissingFieldEmpty("name").Wrap(errors.New("cause <1>")), "b", ErrInvalidAPIKey, "c", typed)
	want := `{"level":"ERROR","msg":"m","a":{"code":"missing_field","status":400,"message":"name must not be empty","params":{"field":"name"},"variant":"empty","cause":"cause <1>"},` +
		`"b":{"code":"invalid_api_key","status":401,"message":"Invalid API Key"},"c":"<nil>"}` + "\n"
	if buf.String() != want {
		t.Errorf("got  %s\nwant %s", buf.String(), want)
	}
}

// TestReportGroupWriter: a group's writer reports an error of another
// format as written as the group's internal error, and its own errors as
// themselves; HandlerFunc reports once.
func TestReportGroupWriter(t *testing.T) {
	var got []Report
	SetReporter(func(_ *http.Request, rep Report) { got = append(got, rep) })
	defer SetReporter(nil)
	r := httptest.NewRequest("GET", "/x", nil)
	WriteLegacyError(httptest.NewRecorder(), r, NewInvalidAPIKey())
	WriteLegacyError(httptest.NewRecorder(), r, NewLegacyNotReady("db", 2))
	LegacyHandlerFunc(func(http.ResponseWriter, *http.Request) error { return errors.New("boom") }).ServeHTTP(httptest.NewRecorder(), r)
	want := []Report{
		{Code: CodeLegacyFailure, Status: 503, Internal: true},
		{Code: CodeLegacyNotReady, Status: 200},
		{Code: CodeLegacyFailure, Status: 503, Internal: true},
	}
	if len(got) != len(want) {
		t.Fatalf("%d reports: %+v", len(got), got)
	}
	for i := range want {
		if got[i].Code != want[i].Code || got[i].Status != want[i].Status || got[i].Internal != want[i].Internal || got[i].Err == nil {
			t.Errorf("report %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

// FuzzCleanID: whatever a client sends, the id kept holds only the bytes
// a request id may hold, at most 128 of them, in their order in the
// header; a clean short header is kept as it is.
func FuzzCleanID(f *testing.F) {
	for _, s := range []string{"", "req-1", "a\r\nb", "\"x\\y\"", strings.Repeat("z", 200), "é漢\xff\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := errgenCleanID(in)
		if len(got) > errgenMaxRequestID {
			t.Fatalf("%d bytes", len(got))
		}
		rest := in
		for i := 0; i < len(got); i++ {
			if !errgenIDByte(got[i]) {
				t.Fatalf("byte %q kept", got[i])
			}
			j := strings.IndexByte(rest, got[i])
			if j < 0 {
				t.Fatalf("%q is not a subsequence of %q", got, in)
			}
			rest = rest[j+1:]
		}
		clean := len(in) <= errgenMaxRequestID
		for i := 0; i < len(in); i++ {
			clean = clean && errgenIDByte(in[i])
		}
		if clean && got != in {
			t.Fatalf("clean %q changed to %q", in, got)
		}
	})
}

// TestIDRuleIsThePattern holds the runtime's request-id rule (the bytes
// errgenIDByte keeps, the errgenMaxRequestID bound) to
// model.RequestIDPattern, which the OpenAPI output and the pages state.
func TestIDRuleIsThePattern(t *testing.T) {
	re := regexp.MustCompile(`\A(?:` + model.RequestIDPattern + `)\z`)
	for c := range 256 {
		if got, want := errgenIDByte(byte(c)), re.MatchString(string([]byte{byte(c)})); got != want {
			t.Errorf("byte %#x: kept %v, the pattern matches %v", c, got, want)
		}
	}
	if !re.MatchString(strings.Repeat("a", errgenMaxRequestID)) || re.MatchString(strings.Repeat("a", errgenMaxRequestID+1)) {
		t.Errorf("the pattern does not bound ids at errgenMaxRequestID (%d) bytes", errgenMaxRequestID)
	}
}
