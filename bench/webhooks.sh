#!/usr/bin/env bash
# What webhooks cost and how late they arrive (issue 17), measured side by side in one run of the packaged service:
#   1. write throughput of the write mix of bench/write-mix.sh (the same Lua, taken from that script; 10 % of
#      requests write) with no webhook endpoint, then with 3 endpoints subscribed to every event type, all on a
#      local receiver that answers 204 at once (bench/webhooks.mjs) — the dispatcher runs in the measured JVM;
#   2. delivery lag at a steady RATE writes/s (findings reported on an open schedule) for LAG_DURATION, to the same
#      3 endpoints: receive time minus the write's acknowledgement (which comes just after its commit; the change
#      event's own time is its transaction's start), p50/p99 over every (write, endpoint); and minus its sending.
#
#   bench/webhooks.sh     DURATION=30s CONNECTIONS=16 TIMEOUT=2s RATE=100 LAG_DURATION=30 WARMUP=5s
#                         BENCH_RECEIVER_PORT=18631 TUNE_PORT=18630 TUNE_MANAGEMENT_PORT=19630 TUNE_DB=ducha_tune
#                         (bench/tune-service.sh for the rest; Keycloak from scripts/keycloak)
# Run it on a quiet machine: both figures are about the service, and a busy machine measures the machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TUNE_PORT=${TUNE_PORT:-18630} TUNE_MANAGEMENT_PORT=${TUNE_MANAGEMENT_PORT:-19630} PGPASSWORD=${PGPASSWORD:-ducha}
. bench/tune-service.sh
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-16}
TIMEOUT=${TIMEOUT:-2s}
RATE=${RATE:-100}
LAG_DURATION=${LAG_DURATION:-30}
WARMUP=${WARMUP:-5s}
RECEIVER_PORT=${BENCH_RECEIVER_PORT:-18631}
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q package -DskipTests
scripts/keycloak start >/dev/null
receiver_pid=
cleanup() {
    stop_service
    [ -z "$receiver_pid" ] || kill "$receiver_pid" 2>/dev/null || true
}
trap cleanup EXIT
OUT=target/bench/webhooks
mkdir -p "$OUT"

# The receiver is on loopback over http: allowed here as in dev (docs/webhooks.md, Safety).
export DUCHA_WEBHOOKS_ALLOW_INSECURE_LOOPBACK=true
node bench/webhooks.mjs receive "$RECEIVER_PORT" "$OUT/received.jsonl" >"$OUT/receiver.out" 2>&1 &
receiver_pid=$!
start_service "$TUNE_APP" "$TUNE_JAVA_OPTS" "$OUT/service.log"
ensure_demo_data
ADMIN=$(token_for admin)
INSPECTOR=$(token_for weishi-inspector)
grep -q receiving "$OUT/receiver.out" || { echo "bench: the receiver did not start: $(cat "$OUT/receiver.out")" >&2; exit 1; }
# Endpoints left by an earlier run would add to the cost: none may be there at the start.
[ "$(db -c "select count(*) from webhook_endpoint where enabled")" = 0 ] || \
    { echo "bench: $TUNE_DB has enabled webhook endpoints; delete them first" >&2; exit 1; }

IDS=$(db -c "select string_agg('\"' || id || '\"', ',' order by id) from finding where description <> 'bench write mix'")
UNIT=$(db -c "select id from unit where code = 'WEISHI-G1'")
SITE=$(db -c "select id from site where district = (select district from unit where code = 'WEISHI-G1') order by code limit 1")
[ -n "$UNIT" ] && [ -n "$SITE" ] || { echo "bench: no WEISHI-G1 or no site in its district" >&2; exit 1; }
LUA=$OUT/write-mix.lua
# The write mix's Lua, from bench/write-mix.sh itself, so that both measure the same mix.
lua_heredoc=$(sed -n '/^cat >"\$LUA" <<LUA$/,/^LUA$/p' bench/write-mix.sh)
[ -n "$lua_heredoc" ] || { echo "bench: the write mix's Lua was not found in bench/write-mix.sh" >&2; exit 1; }
eval "$lua_heredoc"

mix() {  # mix LABEL: 10 % writes for DURATION after a warm-up; prints a row, sets rps
    REPORTS_PER_MILLE=50 wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" --timeout "$TIMEOUT" -s "$LUA" "$API" >/dev/null
    local out; out=$(REPORTS_PER_MILLE=50 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency -s "$LUA" "$API")
    rps=$(wrk_rps "$out")
    printf '%-28s %10s %10s %10s %8s   %s\n' "$1" "$rps" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
        "$(wrk_p99 "$out")" "$(wrk_errors "$out")" "$(grep '^mix:' <<<"$out")"
}
# Undelivered work of the enabled endpoints: pending messages, and streams whose cursor is short of the change log
# (events not yet turned into messages).
pending() { db -c "select (select count(*) from webhook_message m join webhook_endpoint e on e.id = m.endpoint_id
                           where e.enabled and m.status = 'PENDING')
                        + (select count(*) from webhook_stream s join webhook_endpoint e on e.id = s.endpoint_id
                           where e.enabled and exists (select from change_event c
                                                       where (c.tx, c.seq) > (s.cursor_tx, s.cursor_seq)))"; }

printf '%-28s %10s %10s %10s %8s\n' workload req/s p50 p99 errors
# JIT warm-up before anything is measured, or the first run pays for it.
REPORTS_PER_MILLE=50 wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" --timeout "$TIMEOUT" -s "$LUA" "$API" >/dev/null
mix "write mix, 0 endpoints"; none_rps=$rps

endpoints=()
for n in 1 2 3; do
    endpoints+=("$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "{\"url\":
        \"http://127.0.0.1:$RECEIVER_PORT/$n\",\"description\":\"bench/webhooks.sh\",\"eventTypes\":[\"finding.reported\",
        \"finding.transitioned\",\"finding.escalated\",\"notice.issued\",\"inspection.recorded\"]}" \
        "$API/api/v1/webhooks" | jq -er .id)")
done
remove_endpoints() {
    for id in "${endpoints[@]}"; do
        curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $ADMIN" -H 'If-Match: *' "$API/api/v1/webhooks/$id" ||
            db -c "delete from webhook_endpoint where id = '$id'" >/dev/null
    done
    endpoints=()
}
trap 'remove_endpoints; cleanup' EXIT
mix "write mix, 3 endpoints"; three_rps=$rps
mix "write mix, 3 endpoints"; three_rps=$(awk -v a="$three_rps" -v b="$rps" 'BEGIN {print a + b}')
delivered_during=$(wc -l <"$OUT/received.jsonl")
waiting=$(pending)
remove_endpoints
mix "write mix, 0 endpoints"; none_rps=$(awk -v a="$none_rps" -v b="$rps" 'BEGIN {print a + b}')
# In the order 0, 3, 3, 0, so that a drift of the machine over the runs weighs on both alike.
echo "write mix with 3 endpoints / without: $(awk -v a="$three_rps" -v b="$none_rps" 'BEGIN {printf "%.2f", a / b}')" \
     "($delivered_during deliveries received during the runs with endpoints, $waiting not yet delivered after them)"
# Fresh endpoints for the lag, subscribed to what the paced writes produce: their streams start after the mix's events.
for n in 1 2 3; do
    endpoints+=("$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "{\"url\":
        \"http://127.0.0.1:$RECEIVER_PORT/$n\",\"description\":\"bench/webhooks.sh\",\"eventTypes\":[\"finding.reported\"]}" \
        "$API/api/v1/webhooks" | jq -er .id)")
done

# The backlog of the mix drains before the lag is measured, or the lag would be the backlog's.
for _ in $(seq 1 600); do [ "$(pending)" = 0 ] && break; sleep 0.5; done
[ "$(pending)" = 0 ] || { echo "bench: $(pending) deliveries still pending 5 minutes after the mix" >&2; exit 1; }
paced=$(node bench/webhooks.mjs pace "$(jq -nc --arg api "$API" --arg token "$INSPECTOR" --arg unit "$UNIT" \
    --arg site "$SITE" --argjson rate "$RATE" --argjson seconds "$LAG_DURATION" --arg log "$OUT/paced.jsonl" \
    '{api: $api, token: $token, unitId: $unit, siteId: $site, rate: $rate, seconds: $seconds, log: $log}')")
lag_report() { node bench/webhooks.mjs lag "$(jq -nc --arg received "$OUT/received.jsonl" --arg paced "$OUT/paced.jsonl" \
    '{received: $received, paced: $paced, endpoints: ["/1", "/2", "/3"]}')"; }
for _ in $(seq 1 240); do lag=$(lag_report); [ "$(jq -r .missing <<<"$lag")" = 0 ] && break; sleep 0.5; done
echo "steady writes: $paced"
echo "delivery lag at $RATE writes/s for ${LAG_DURATION} s, 3 endpoints: $lag"
echo "p50 $(jq -r .lagFromAckMs.p50 <<<"$lag") ms, p99 $(jq -r .lagFromAckMs.p99 <<<"$lag") ms after the write was acknowledged"
echo "RSS after the runs: $(rss_mib) MiB (JVM options: $TUNE_JAVA_OPTS); machine load: $(cut -d' ' -f1 /proc/loadavg)"
[ "$(jq -r .missing <<<"$lag")" = 0 ] || { echo "bench: some paced writes were never delivered" >&2; exit 1; }
# A lag measured below the intended rate is not the figure asked for: say so.
awk -v a="$(jq -r .achievedRate <<<"$paced")" -v r="$RATE" 'BEGIN {exit !(a < 0.9 * r)}' &&
    echo "bench: the writes reached only $(jq -r .achievedRate <<<"$paced")/s of $RATE/s; the lag above is not at $RATE/s" >&2
exit 0
