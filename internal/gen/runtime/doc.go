// Package runtime is the part of every generated Go package that is the
// same for every catalog: the Error type and its methods, CodeOf,
// StatusOf and Lookup, the JSON writer behind WriteError and HandlerFunc,
// the reporter every written error goes to (SetReporter, LogReport,
// Error.LogValue; report.go), request ids (requestid.go), and the
// response decoder behind FromResponse.
//
// It is real Go, compiled, vetted, linted and unit-tested here like any
// package, and errgen emits it verbatim into each generated package as
// errors_runtime_gen.go (internal/gen joins the files listed in
// gen.runtimeFiles, merging their imports, under the package clause of
// the catalog). It reads the catalog only through the errgen-prefixed
// tables and functions the catalog file declares (the rows, which the
// sentinels' initialization lists in errgenCatalog, the errors with
// their body programs and headers; errgenStatusText, the spec's status
// texts; errgenFormats, the wire
// formats with the member paths the decoder reads, and on the catalog's
// format the request id header; errgenIndex,
// errgenByDocURL, errgenByStatus; errgenNumericCodes, errgenCodeText, errgenParseCode for
// the Code type, a string or an integer; errgenAppendDetail,
// errgenReadDetail for the Detail type, in the catalog's detail shape)
// and the Code and Detail types. It compiles with either kind of Code:
// it compares codes with the zero Code and converts them only through
// those functions. catalog_gen.go is errgen's own output for
// testdata/errors.yaml, standing in for a generated catalog so that this
// package compiles and its tests run; internal/gen's tests keep it up to
// date. The harness internal/gen runs over every golden case compiles it
// with integer codes and other detail shapes.
//
// Everything here runs in other teams' services, on bodies and headers
// from the network: no panics on any input (typed nils included), no
// recursion without a bound, and nothing slower than linear in what it
// reads.
//
// This file is not emitted.
package runtime
