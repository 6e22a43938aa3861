#!/usr/bin/env bash
# scripts/token prints a token, or Keycloak's own error and a non-zero exit; the README uses it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/scripts/lib/test-keycloak.sh"

fail() { echo "FAIL: $*" >&2; exit 1; }

grep -q 'TOKEN=$(scripts/token ' "$ROOT/README.md" || fail "README does not get its token with scripts/token"
! grep -q 'access_token' "$ROOT/README.md" || fail "README still parses access_token itself"
[ -x "$ROOT/scripts/token" ] || fail "scripts/token is missing"

use_keycloak
trap stop_keycloak_if_started EXIT

token=$("$ROOT/scripts/token" weishi-inspector) || fail "no token for weishi-inspector with the default password"
[[ "$token" =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || fail "not a JWT on stdout: $token"
"$ROOT/scripts/token" admin admin >/dev/null || fail "no token for admin with its password given"

status=0
out=$("$ROOT/scripts/token" weishi-inspector wrong-password 2>/tmp/token-test.err) || status=$?
[ "$status" -ne 0 ] || fail "a wrong password exited 0"
[ -z "$out" ] || fail "a wrong password printed on stdout: $out"
grep -q 'Invalid user credentials' /tmp/token-test.err || fail "Keycloak's error is not shown: $(cat /tmp/token-test.err)"

status=0
out=$(KC_PORT=1 "$ROOT/scripts/token" admin 2>/tmp/token-test.err) || status=$?
[ "$status" -ne 0 ] && [ -z "$out" ] || fail "an unreachable Keycloak did not fail"
grep -q 'does not answer' /tmp/token-test.err || fail "no word that Keycloak does not answer: $(cat /tmp/token-test.err)"
rm -f /tmp/token-test.err
echo "PASS: scripts/token"
