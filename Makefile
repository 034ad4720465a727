# errgen's build. `make test` runs every test; `make ci` is what CI runs.
# Tools the checks need are installed by the targets that use them, from
# the Go module proxy and the npm registry, into .tools/ (git-ignored).

GO          ?= go
TOOLS       := $(CURDIR)/.tools
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
export PATH := $(TOOLS)/bin:$(TOOLS)/node_modules/.bin:$(PATH)

.PHONY: all build test vet fmt-check tidy-check staticcheck lint check-generated generate ci clean bench bench-generate

all: build test

build:
	$(GO) build ./...

# Every test: unit, golden, CLI scripts, compile-and-run of generated code.
test:
	$(GO) test ./...

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
# against hand-written encoding/json code (bench-gen, mk/gen.mk).
bench: bench-generate bench-gen

bench-generate:
	$(GO) test -run '^$$' -bench 'BenchmarkGenerate' -benchmem -count 3 ./internal/engine
	$(GO) test -run '^$$' -bench 'BenchmarkStages' -benchmem -count 1 ./internal/engine

# Lint and validation targets; mk/*.mk add theirs to LINT.
LINT := vet fmt-check tidy-check staticcheck check-generated
-include mk/*.mk

lint: $(LINT)

ci: test lint

clean:
	rm -rf bin .tools
