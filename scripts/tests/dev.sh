#!/usr/bin/env bash
# scripts/dev stops everything it started on Ctrl-C (SIGINT to its process group), on closing the terminal (SIGHUP
# to the group) and on SIGTERM to the script alone; --reset brings the demo database back. It runs on ports of its
# own (service, management, Keycloak) and its own database, so that it disturbs no other run. Skips only when no
# Keycloak can be fetched.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

export PORT=${DEV_TEST_PORT:-18280} MANAGEMENT_PORT=${DEV_TEST_MANAGEMENT_PORT:-19280} KC_PORT=${DEV_TEST_KC_PORT:-18380}
# Keycloak's first start after unpacking builds itself, which takes minutes on a busy machine.
export KC_START_TIMEOUT=${KC_START_TIMEOUT:-300}
DB=ducha_dev_test
export DB_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB DB_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
LOG=$ROOT/target/dev-test.log
mkdir -p "$ROOT/target"

fail() { echo "FAIL: $*" >&2; tail -n 40 "$LOG" >&2 || true; exit 1; }
answers() { curl -sS -o /dev/null --max-time 2 "$1" 2>/dev/null; }
psql_dev() { PGPASSWORD=${DB_PASSWORD:-ducha} psql -w -X -q -At -h 127.0.0.1 -U "${DB_USER:-ducha}" -d "$DB" "$@"; }

for url in "http://127.0.0.1:$PORT/" "http://127.0.0.1:$MANAGEMENT_PORT/" "http://127.0.0.1:$KC_PORT/"; do
    ! answers "$url" || { echo "FAIL: something already answers at $url" >&2; exit 1; }
done
if ! scripts/keycloak fetch; then
    echo "SKIP: Keycloak could not be fetched"
    exit 0
fi

dev_pid=
cleanup() {
    # Only what this test started: the process group of its scripts/dev, and the Keycloak on the test's port.
    if [ -n "$dev_pid" ]; then kill -KILL -- "-$dev_pid" 2>/dev/null || true; fi
    scripts/keycloak stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Starts scripts/dev as an interactive shell would: as a job in a process group of its own, which the signals
# below reach, and with SIGINT not ignored (without job control, bash would start it ignoring SIGINT).
set -m
start_dev() {
    scripts/dev "$@" -Ddebug=false </dev/null >"$LOG" 2>&1 &
    dev_pid=$!
    sleep 1
    [ "$(ps -o pgid= -p "$dev_pid" | tr -d ' ')" = "$dev_pid" ] || fail "scripts/dev does not lead its process group"
}

# Waits until Keycloak answers and the dev-mode JVM runs (or, with "ready", the service answers).
wait_started() {
    local waited=0
    until answers "http://127.0.0.1:$KC_PORT/realms/ducha" && pgrep -g "$dev_pid" -f 'quarkus-dev|dev\.jar|-dev\.' >/dev/null \
            && { [ "${1:-}" != ready ] || answers "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready"; }; do
        kill -0 "$dev_pid" 2>/dev/null || fail "scripts/dev ended early"
        [ "$waited" -lt 1200 ] || fail "scripts/dev did not start within 10 minutes"
        sleep 0.5; waited=$((waited + 1))
    done
}

# Sends a signal, then expects scripts/dev, Maven, Quarkus and Keycloak gone within 30 s, and the ports free.
expect_all_stopped_after() {
    local signal=$1 target=$2 kc_pid waited=0
    kc_pid=$(cat .cache/keycloak.pid)
    kill "-$signal" -- "$target"
    while kill -0 "$kc_pid" 2>/dev/null || pgrep -g "$dev_pid" >/dev/null; do
        [ "$waited" -lt 60 ] || fail "after SIG$signal still running: $(ps -o pid=,args= -g "$dev_pid" | cut -c1-120) $(kill -0 "$kc_pid" 2>/dev/null && echo "Keycloak $kc_pid")"
        sleep 0.5; waited=$((waited + 1))
    done
    for url in "http://127.0.0.1:$PORT/" "http://127.0.0.1:$MANAGEMENT_PORT/" "http://127.0.0.1:$KC_PORT/"; do
        ! answers "$url" || fail "after SIG$signal something still answers at $url"
    done
    echo "SIG$signal: everything stopped within $((waited / 2)) s"
}

start=$(date +%s)
# --reset: a stray table and a lost demo row are gone once the service is up again.
DB_NAMES=$DB scripts/ensure-postgres 2>/dev/null
psql_dev -c 'create table if not exists stray_marker (id int)'
start_dev --reset
wait_started ready
[ -z "$(psql_dev -c "select 1 from pg_tables where tablename = 'stray_marker'")" ] || fail "--reset kept the old database"
[ "$(psql_dev -c "select count(*) from unit where code = 'WEISHI-G1'")" = 1 ] || fail "--reset did not load the demo data"
grep -q 'anonymous build time data' "$LOG" && fail "the analytics question was asked"
expect_all_stopped_after INT "-$dev_pid"      # Ctrl-C: the terminal signals the whole foreground group

start_dev
wait_started
expect_all_stopped_after HUP "-$dev_pid"      # the terminal closed

start_dev
wait_started
expect_all_stopped_after TERM "$dev_pid"      # kill PID of the script alone
dev_pid=
echo "PASS: scripts/dev stops what it started ($(( $(date +%s) - start )) s)"
