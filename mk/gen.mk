# The generated Go package: benchmarks against hand-written encoding/json
# code (internal/gen/testdata/bench, generated from golden/basic) and a
# staticcheck pass over that benchmark package.

.PHONY: bench-gen lint-gen test-gen

# Benchmarks of WriteError, FromResponse and errors.Is/CodeOf/StatusOf,
# each beside its hand-written baseline in the same run.
bench-gen:
	$(GO) test ./internal/gen -run TestBenchPackageUpToDate
	$(GO) test -run '^$$' -bench . -benchmem -count 3 ./internal/gen/testdata/bench

# Compile and exercise every golden's generated package (also part of
# `make test`).
test-gen:
	$(GO) test ./internal/gen ./examples/...

# staticcheck over the committed benchmark package, which ./... skips
# (it lives under testdata); the top-level staticcheck target covers the
# golden cases and the example.
lint-gen: $(TOOLS)/bin/staticcheck
	staticcheck ./internal/gen/testdata/bench

LINT += lint-gen
