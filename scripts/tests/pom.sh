#!/usr/bin/env bash
# The build declares every dependency once (Maven warns about a duplicate on every run).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
duplicates=$(sed -n '/<dependencies>/,/<\/dependencies>/p' "$ROOT/pom.xml" | tr -d ' \n' \
    | grep -o '<dependency><groupId>[^<]*</groupId><artifactId>[^<]*</artifactId>' | sort | uniq -d)
if [ -n "$duplicates" ]; then
    echo "FAIL: declared more than once: $duplicates" >&2
    exit 1
fi
echo "PASS: no duplicate dependency in pom.xml"
