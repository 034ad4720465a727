# Markdown error reference checks: markdownlint-cli2 over every golden
# page, with the rules in .markdownlint-cli2.jsonc.

MARKDOWNLINT_VERSION ?= 0.24.1
MARKDOWNLINT := $(TOOLS)/node_modules/.bin/markdownlint-cli2

.PHONY: lint-docs

$(MARKDOWNLINT):
	npm install --prefix $(TOOLS) --no-audit --no-fund markdownlint-cli2@$(MARKDOWNLINT_VERSION)

# Lint the generated pages of every golden case (the custom-template case
# included) and the example service's reference, generated from
# spec/errors.yaml.
lint-docs: $(MARKDOWNLINT)
	$(MARKDOWNLINT) "golden/**/*.md" "examples/**/docs/**/*.md"

LINT += lint-docs
