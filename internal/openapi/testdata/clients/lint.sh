#!/bin/sh
# lint.sh OUT runs real client generators over the OpenAPI fragment of
# every golden case, in OpenAPI 3.0 and 3.1 (`make lint-clients`, from the
# repository's root, which sets the tools' paths):
#
#   - oapi-codegen (types and client), then go build and go vet;
#   - ogen, then go build and go vet;
#   - openapi-typescript, then tsc --noEmit --strict.
#
# Each fragment is wrapped first (wrap.awk) in one operation per error
# response, since ogen generates only what operations use. A refusal is an
# error unless expected.txt lists it; OUT (wiped) keeps every document,
# log and generated file for a look afterwards.
set -eu

: "${GO:=go}" "${OAPI_CODEGEN:?}" "${OGEN:?}" "${TOOLS:?}" "${OAPI_RUNTIME_VERSION:?}" "${OGEN_VERSION:?}"
here=$(cd "$(dirname "$0")" && pwd)
out=$1
rm -rf "$out"
mkdir -p "$out/docs" "$out/logs" "$out/mod/oapi" "$out/mod/ogen"
: >"$out/seen"
status=0

# allowed GENERATOR CASE TEXT prints the line of expected.txt that lets
# GENERATOR refuse golden case CASE with TEXT, and records it as seen.
allowed() {
	grep -v '^#' "$here/expected.txt" | while read -r gen name msg; do
		[ -n "$gen" ] && [ "$gen" = "$1" ] && [ "$name" = "$2" ] || continue
		case $3 in
		*"$msg"*)
			echo "$gen $name $msg" | tee -a "$out/seen"
			break
			;;
		esac
	done
}

refused() { # GENERATOR DOC LOG: report an unexpected refusal
	echo "lint-clients: $1 refuses $2:" >&2
	sed 's/^/    /' "$3" >&2
	status=1
}

"$GO" build -o "$out/errgen" ./cmd/errgen
for spec in golden/*/errors.yaml; do
	name=$(basename "$(dirname "$spec")")
	for v in 3.0 3.1; do
		pkg=$(printf '%s_%s' "$name" "$v" | tr -c 'A-Za-z0-9' '_')
		doc=$out/docs/$pkg.yaml
		"$out/errgen" openapi fragment -spec "$spec" -openapi-version "$v" | awk -f "$here/wrap.awk" >"$doc"

		# oapi-codegen: every line of a refusal must be expected.
		log=$out/logs/$pkg.oapi-codegen
		mkdir -p "$out/mod/oapi/$pkg"
		if ! "$OAPI_CODEGEN" -generate types,client,skip-prune -package "$pkg" -o "$out/mod/oapi/$pkg/gen.go" "$doc" 2>"$log"; then
			rm -rf "$out/mod/oapi/$pkg"
			sed 's/^error generating code: //' "$log" | while IFS= read -r line; do
				[ -z "$line" ] || [ -n "$(allowed oapi-codegen "$name" "$line")" ] || echo "$line"
			done >"$log.unexpected"
			[ ! -s "$log.unexpected" ] || refused oapi-codegen "$doc" "$log"
		fi

		# ogen: a failure, and each operation it skips, must be expected.
		log=$out/logs/$pkg.ogen
		if ! "$OGEN" -config "$here/ogen.yml" -clean -target "$out/mod/ogen/$pkg" -package "$pkg" "$doc" >"$log" 2>&1; then
			rm -rf "$out/mod/ogen/$pkg"
			[ -n "$(allowed ogen "$name" "$(cat "$log")")" ] || refused ogen "$doc" "$log"
		fi
		grep 'Skipping operation' "$log" | while IFS= read -r line; do
			[ -n "$(allowed ogen "$name" "$line")" ] || echo "$line"
		done >"$log.unexpected"
		[ ! -s "$log.unexpected" ] || refused ogen "$doc" "$log.unexpected"
	done
done

# openapi-typescript, in one Node process, then the TypeScript compiler.
if ! TOOLS=$TOOLS node "$here/openapi-ts.mjs" "$out"/docs/*.yaml; then
	status=1
fi
"$TOOLS/node_modules/.bin/tsc" --noEmit --strict "$out"/docs/*.ts || status=1

# The Go code both generators wrote, in a module of its own.
cat >"$out/mod/go.mod" <<EOF
module errgen.test/clients

go 1.25

require (
	github.com/oapi-codegen/runtime $OAPI_RUNTIME_VERSION
	github.com/ogen-go/ogen $OGEN_VERSION
)
EOF
(
	cd "$out/mod"
	export GOWORK=off GOFLAGS=-mod=mod
	"$GO" mod tidy
	"$GO" build ./...
	"$GO" vet ./...
) || status=1

# Every exception must still be needed.
grep -v '^#' "$here/expected.txt" | while read -r gen name msg; do
	[ -n "$gen" ] || continue
	if ! grep -qxF "$gen $name $msg" "$out/seen"; then
		echo "lint-clients: expected.txt: \"$gen $name $msg\" matches no refusal any more; remove it" >&2
		echo stale >>"$out/stale"
	fi
done
[ ! -s "$out/stale" ] 2>/dev/null || status=1

if [ "$status" -eq 0 ]; then
	echo "lint-clients: oapi-codegen, ogen and openapi-typescript took the $(ls "$out"/docs/*.yaml | wc -l) documents, refusing only what expected.txt lists"
fi
exit "$status"
