# errgen's build. `make test` is the one command that runs every test.
# Tools the checks need are installed by the targets that use them, from
# the Go module proxy and the npm registry, into .tools/ (git-ignored).

GO       ?= go
TOOLS    := $(CURDIR)/.tools
export PATH := $(TOOLS)/bin:$(TOOLS)/node_modules/.bin:$(PATH)

.PHONY: all build test vet lint check-generated generate clean

all: build test

build:
	$(GO) build ./...

test:
	$(GO) test ./...

vet:
	$(GO) vet ./...

# Regenerate the repository's own outputs from spec/errors.yaml.
generate:
	$(GO) run ./cmd/errgen generate

# Fail when committed outputs drift from spec/errors.yaml.
check-generated:
	$(GO) run ./cmd/errgen check

clean:
	rm -rf bin .tools

# Per-area targets (lint tools, validators, benchmarks, fuzzing).
-include mk/*.mk
