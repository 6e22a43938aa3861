#!/usr/bin/env bash
# The README and docs/ link only to files of this repository (a clone has nothing beside it), every such link
# resolves, and docs/design.md covers what the README sends a reader there for.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

for doc in README.md BENCHMARKS.md docs/*.md; do
    dir=$(dirname "$doc")
    # Mentions of the design files that lay beside the repository, then every Markdown link.
    while IFS= read -r hit; do
        fail "$doc:$hit names a file outside the repository"
    done < <(grep -n -o -e '\.\./shared[^ )`]*' -e '\bDOMAIN\.md' -e '\bDESIGN\.md' "$doc")
    while IFS= read -r target; do
        case "$target" in
            http://*|https://*|mailto:*|'#'*) continue ;;
        esac
        file=${target%%#*}
        resolved=$(realpath -m "$dir/$file")
        case "$resolved" in
            "$ROOT"/*) [ -e "$resolved" ] || fail "$doc links to $target, which does not exist" ;;
            *) fail "$doc links to $target, outside the repository" ;;
        esac
    done < <(grep -o '\](\([^)]*\))' "$doc" | sed 's/^](\(.*\))$/\1/')
done

for section in '## The domain' '## Architecture' '## Data model' '## Finding lifecycle' '## Security' '## Conventions'; do
    grep -qx "$section" docs/design.md 2>/dev/null || fail "docs/design.md has no section '$section'"
done
grep -q '](docs/design.md' README.md || fail "README does not link docs/design.md"

[ "$failures" -eq 0 ] || exit 1
echo "PASS: README and docs link only inside the repository"
