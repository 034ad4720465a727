# OpenAPI checks: an independent validator (Redocly CLI) lints the
# fragment of every golden case, in OpenAPI 3.0 and 3.1, the merged team
# documents of golden/openapi-merge and of the flagship example. Rules: internal/openapi/testdata/redocly.yaml, which
# explains each rule it turns off.

REDOCLY_VERSION := 2.77.0
REDOCLY         := $(TOOLS)/node_modules/.bin/redocly
OPENAPI_LINT    := $(TOOLS)/openapi-lint

.PHONY: lint-openapi

$(REDOCLY):
	npm install --prefix $(TOOLS) --save-exact --no-audit --no-fund @redocly/cli@$(REDOCLY_VERSION)

# Fragments are rendered by the errgen CLI into $(OPENAPI_LINT) (under
# .tools, git-ignored); golden/openapi-merge/api.yaml is the committed
# merged document, and a JSON merge of the same team document is linted
# too.
lint-openapi: $(REDOCLY)
	rm -rf $(OPENAPI_LINT) && mkdir -p $(OPENAPI_LINT)
	$(GO) build -o $(OPENAPI_LINT)/errgen ./cmd/errgen
	set -e; for spec in golden/*/errors.yaml; do \
		case=$$(basename $$(dirname $$spec)); \
		for v in 3.0 3.1; do \
			$(OPENAPI_LINT)/errgen openapi fragment -spec $$spec -openapi-version $$v > $(OPENAPI_LINT)/$$case-$$v.yaml; \
		done; \
	done
	$(OPENAPI_LINT)/errgen openapi merge -spec golden/openapi-merge/errors.yaml \
		-into internal/openapi/testdata/api.orig.json > $(OPENAPI_LINT)/merged.json
	$(REDOCLY) lint --config internal/openapi/testdata/redocly.yaml --format=summary \
		$(OPENAPI_LINT)/*.yaml $(OPENAPI_LINT)/merged.json golden/openapi-merge/api.yaml \
		examples/videoapi/api/openapi.yaml

LINT += lint-openapi
