# Fuzzing. `make fuzz-short` runs every target for a few seconds (CI);
# `make fuzz FUZZTIME=10m` runs each for longer. Inputs that fail are
# saved under the package's testdata/fuzz/ and then replayed by go test.

FUZZTIME       ?= 10m
FUZZTIME_SHORT ?= 5s
# How long the fuzzer may minimize each new input, interesting or failing.
# Go's default, a minute, let minimizing FuzzMerge's inputs (which reach
# deep into kin-openapi) take whole runs: 30 inputs counted in 30 s
# against thousands with a bound.
FUZZMINTIME    ?= 2s
# Extra flags for go test -fuzz, e.g. FUZZFLAGS=-parallel=1.
FUZZFLAGS      ?=
# package:target pairs.
FUZZ_TARGETS   := ./internal/spec:FuzzParse ./internal/spec:FuzzTemplate \
                  ./internal/openapi:FuzzMerge ./internal/docs:FuzzTableCells \
                  ./internal/docs:FuzzEmphasis ./internal/docs:FuzzMarkdownBlock \
                  ./internal/gen/runtime:FuzzCleanID ./internal/gen/runtime:FuzzHasParam \
                  ./internal/spec:FuzzSplit ./internal/openapi:FuzzTextComponents \
                  ./internal/docs:FuzzPlainProse ./internal/docs:FuzzIndentJSON \
                  ./internal/spec:FuzzUnquotedBrace ./internal/openapi:FuzzFragment \
                  ./internal/gen/runtime:FuzzSplitLikeRegexp ./internal/gen/runtime:FuzzAppendString
# The generated client's decoder is fuzzed in the module internal/gen's
# tests build from every golden case (kept at FUZZ_GEN_DIR), on the
# problem+json catalog, on seed 001's custom body without a code, and on
# the wire formats of real APIs whose decoding has most paths: two
# formats told apart by media type and shape with a Bearer challenge
# (wire_auth), the code only in a header (wire_aws_rest), the code inside
# a string (wire_aws_json), errors on 200 marked by ok:false (wire_slack)
# and integer codes (wire_twilio). FuzzFromResponse fuzzes the status,
# the Content-Type, the code headers' value and the body. Failing inputs
# are saved under FUZZ_GEN_DIR/<case>/testdata/fuzz: copy one into the
# harness's seeds (internal/gen/testdata) to keep it.
FUZZ_GEN_DIR   := $(TOOLS)/genfuzz
FUZZ_GEN       := basic:FuzzFromResponse seed-001:FuzzFromResponse basic:FuzzMessageRoundTrip \
                  wire_auth:FuzzFromResponse wire_aws_rest:FuzzFromResponse wire_aws_json:FuzzFromResponse \
                  wire_slack:FuzzFromResponse wire_twilio:FuzzFromResponse

define run-fuzz
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzz $$pkg $$fn ($(1))"; \
		sh mk/fuzz.sh $(GO) test $$pkg -run '^$$' -fuzz "^$$fn$$" -fuzztime $(1) -fuzzminimizetime $(FUZZMINTIME) $(FUZZFLAGS); \
	done
	@rm -rf $(FUZZ_GEN_DIR)
	ERRGEN_GEN_DIR=$(FUZZ_GEN_DIR) $(GO) test ./internal/gen -run '^TestGeneratedPackages$$' -count=1
	@set -e; for t in $(FUZZ_GEN); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzz generated $$pkg $$fn ($(1))"; \
		(cd $(FUZZ_GEN_DIR)/$$pkg && GOFLAGS=-mod=mod GOWORK=off sh $(CURDIR)/mk/fuzz.sh $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(1) -fuzzminimizetime $(FUZZMINTIME) $(FUZZFLAGS)); \
	done
endef

.PHONY: fuzz fuzz-short
fuzz:
	$(call run-fuzz,$(FUZZTIME))

fuzz-short:
	$(call run-fuzz,$(FUZZTIME_SHORT))

LINT += fuzz-short
