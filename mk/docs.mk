# Markdown error reference checks: markdownlint-cli2 over every golden
# page, with .markdownlint-cli2.jsonc: markdownlint's defaults, as a docs
# team lints the pages it publishes, but for MD013 and MD041 (and <a>/<br>
# allowed, MD024 on siblings only).

MARKDOWNLINT_VERSION ?= 0.24.1
MARKDOWNLINT := $(TOOLS)/node_modules/.bin/markdownlint-cli2

.PHONY: lint-docs

$(MARKDOWNLINT):
	npm install --prefix $(TOOLS) --no-audit --no-fund markdownlint-cli2@$(MARKDOWNLINT_VERSION)

# Lint the generated pages of every golden case (the custom-template case
# included) and the example service's reference, generated from
# spec/errors.yaml; then, written into a temporary directory, the pages
# of every hostile spec of internal/docs's tests (every hostile string in
# every field, in every layout and front matter style).
lint-docs: $(MARKDOWNLINT)
	$(MARKDOWNLINT) "golden/**/*.md" "examples/**/docs/**/*.md"
	@dir=$$(mktemp -d) && trap 'rm -rf "$$dir"' EXIT && \
	$(GO) test ./internal/docs -run '^TestWriteHostilePages$$' -count=1 -hostile-pages "$$dir" >/dev/null && \
	echo "markdownlint: the pages of every hostile spec" && \
	cd "$$dir" && $(MARKDOWNLINT) --config $(CURDIR)/.markdownlint-cli2.jsonc "**/*.md"

LINT += lint-docs
