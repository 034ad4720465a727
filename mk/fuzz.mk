# Fuzzing. `make fuzz-short` runs every target for a few seconds (CI);
# `make fuzz FUZZTIME=10m` runs each for longer. Inputs that fail are
# saved under the package's testdata/fuzz/ and then replayed by go test.

FUZZTIME       ?= 10m
FUZZTIME_SHORT ?= 5s
# package:target pairs.
FUZZ_TARGETS   := ./internal/spec:FuzzParse ./internal/spec:FuzzTemplate

define run-fuzz
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzz $$pkg $$fn ($(1))"; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$fn$$" -fuzztime $(1); \
	done
endef

.PHONY: fuzz fuzz-short
fuzz:
	$(call run-fuzz,$(FUZZTIME))

fuzz-short:
	$(call run-fuzz,$(FUZZTIME_SHORT))

LINT += fuzz-short
