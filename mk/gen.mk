# The generated Go package: benchmarks against hand-written encoding/json
# code (internal/gen/testdata/bench, generated from golden/basic;
# benchstripe, from golden/wire_stripe; benchauth, from golden/wire_auth;
# benchreqid, from golden/wire_request_id)
# and a staticcheck pass over those benchmark packages.

.PHONY: bench-gen lint-gen test-gen

# Benchmarks of WriteError, FromResponse and errors.Is/CodeOf/StatusOf,
# each beside its hand-written baseline in the same run.
BENCH_GEN_PKGS := ./internal/gen/testdata/bench ./internal/gen/testdata/benchstripe ./internal/gen/testdata/benchauth ./internal/gen/testdata/benchreqid

bench-gen:
	$(GO) test ./internal/gen -run TestBenchPackageUpToDate
	$(GO) test -run '^$$' -bench . -benchmem -count 3 $(BENCH_GEN_PKGS)

# Compile and exercise every golden's generated package (also part of
# `make test`).
test-gen:
	$(GO) test ./internal/gen ./examples/...

# staticcheck over the committed benchmark packages, which ./... skips
# (they live under testdata); the top-level staticcheck target covers the
# golden cases and the example.
lint-gen: $(TOOLS)/bin/staticcheck
	staticcheck $(BENCH_GEN_PKGS)

LINT += lint-gen
