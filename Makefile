# errgen's build. `make test` runs every test; `make ci` is what CI runs.
# Tools the checks need are installed by the targets that use them, from
# the Go module proxy and the npm registry, into .tools/ (git-ignored).

GO          ?= go
TOOLS       := $(CURDIR)/.tools
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
export PATH := $(TOOLS)/bin:$(TOOLS)/node_modules/.bin:$(PATH)

.PHONY: all build test test-race vet fmt-check tidy-check staticcheck lint check-generated generate ci clean bench bench-generate

all: build test

build:
	$(GO) build ./...

# Every test: unit, golden, CLI scripts, compile-and-run of generated code.
test:
	$(GO) test ./...

# The packages that run code concurrently, under the race detector: the
# loader (a large spec parsed and decoded in pieces), the engine (outputs
# rendered concurrently, the project scanned meanwhile),
# the CLI and its scripts, the Go renderer and the runtime every generated
# package carries (its own tests), the golden cases (rendered at
# GOMAXPROCS 1 to 8) and the example service with its generated package.
# -short skips the compile-and-run test of the generated packages, which
# the second command runs once with -race passed down to their go test.
RACE_PKGS := ./internal/spec ./internal/engine ./internal/cli ./cmd/errgen ./internal/gen/... ./golden ./examples/...

test-race:
	$(GO) test -race -short -count=1 $(RACE_PKGS)
	ERRGEN_GEN_RACE=1 $(GO) test -race -run '^TestGeneratedPackages$$' -count=1 ./internal/gen

vet:
	$(GO) vet ./...

# go.mod and go.sum list exactly what the code imports.
tidy-check:
	$(GO) mod tidy -diff

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

$(TOOLS)/bin/staticcheck:
	GOBIN=$(TOOLS)/bin $(GO) install $(STATICCHECK)

# staticcheck covers errgen and the committed generated code of the
# examples and golden cases (all in this module).
staticcheck: $(TOOLS)/bin/staticcheck
	staticcheck ./...

# Regenerate the repository's own outputs from spec/errors.yaml.
generate:
	$(GO) run ./cmd/errgen generate

# Fail when committed outputs drift from spec/errors.yaml.
check-generated:
	$(GO) run ./cmd/errgen check

# Benchmarks, each beside its baseline in the same run (BENCHMARKS.md):
# generation against gofmt of its own output, and the generated code
# against hand-written encoding/json code (bench-gen, mk/gen.mk). What the
# generated package costs its users: bench-cost and bench-peers (mk/cost.mk).
bench: bench-generate bench-gen

bench-generate:
	$(GO) test -run '^$$' -bench 'BenchmarkGenerate' -benchmem -count 3 ./internal/engine
	$(GO) test -run '^$$' -bench 'BenchmarkStages' -benchmem -count 1 ./internal/engine

# Lint and validation targets; mk/*.mk add theirs to LINT.
LINT := vet fmt-check tidy-check staticcheck check-generated test-race
-include mk/*.mk

lint: $(LINT)

ci: test lint

clean:
	rm -rf bin .tools
