# Markdown error reference checks: markdownlint-cli2 over every golden
# page, with the rules in .markdownlint-cli2.jsonc.

MARKDOWNLINT_VERSION ?= 0.24.1
MARKDOWNLINT := $(TOOLS)/node_modules/.bin/markdownlint-cli2

.PHONY: lint-docs

$(MARKDOWNLINT):
	npm install --prefix $(TOOLS) --no-audit --no-fund markdownlint-cli2@$(MARKDOWNLINT_VERSION)

# Lint the generated pages of every golden case (and the custom-template
# case). The config file names the globs, so the same check runs from an
# editor.
lint-docs: $(MARKDOWNLINT)
	$(MARKDOWNLINT) "golden/**/*.md"

LINT += lint-docs
