# Client generators over the OpenAPI fragments: the fragment of every
# golden case, in OpenAPI 3.0 and 3.1, must be accepted by real consumers
# and give code that compiles: oapi-codegen (types and client; go build,
# go vet), ogen (go build, go vet) and openapi-typescript (tsc --strict).
# internal/openapi/testdata/clients/lint.sh does the work; expected.txt
# there lists, with reasons, the only refusals allowed. Tools are pinned
# and installed into .tools/ from the Go module proxy and npm; the
# generated code builds against the pinned runtime libraries, fetched the
# same way.

OAPI_CODEGEN_VERSION := v2.8.2
OAPI_RUNTIME_VERSION := v1.9.0
OGEN_VERSION         := v1.25.0
OPENAPI_TS_VERSION   := 7.13.0
TYPESCRIPT_VERSION   := 5.9.3

OAPI_CODEGEN := $(TOOLS)/oapi-codegen-$(OAPI_CODEGEN_VERSION)/oapi-codegen
OGEN         := $(TOOLS)/ogen-$(OGEN_VERSION)/ogen
OPENAPI_TS   := $(TOOLS)/.openapi-typescript-$(OPENAPI_TS_VERSION)-typescript-$(TYPESCRIPT_VERSION)

.PHONY: lint-clients

$(OAPI_CODEGEN):
	GOBIN=$(dir $@) $(GO) install github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@$(OAPI_CODEGEN_VERSION)

$(OGEN):
	GOBIN=$(dir $@) $(GO) install github.com/ogen-go/ogen/cmd/ogen@$(OGEN_VERSION)

$(OPENAPI_TS):
	npm install --prefix $(TOOLS) --save-exact --no-audit --no-fund \
		openapi-typescript@$(OPENAPI_TS_VERSION) typescript@$(TYPESCRIPT_VERSION)
	touch $@

# Outputs (fragments, generated code, logs) stay in .tools/clients.
lint-clients: $(OAPI_CODEGEN) $(OGEN) $(OPENAPI_TS)
	GO=$(GO) TOOLS=$(TOOLS) OAPI_CODEGEN=$(OAPI_CODEGEN) OGEN=$(OGEN) \
		OAPI_RUNTIME_VERSION=$(OAPI_RUNTIME_VERSION) OGEN_VERSION=$(OGEN_VERSION) \
		sh internal/openapi/testdata/clients/lint.sh $(TOOLS)/clients

LINT += lint-clients
