#!/usr/bin/env bash
# Inspector write mix: CONNECTIONS connections, for DURATION, first read-only (GET /api/v1/findings/{id} of the demo
# findings, admin token), then the same with writes: 5 % of requests are weishi-inspector reporting a finding in
# WEISHI-G1 now (with an Idempotency-Key of its own), each followed by its START transition, so 10 % of requests
# write, all of them into the same unit tree and the same day (the rollup rows every write updates are shared).
# Prints both runs, the errors (any non-2xx or socket error) and the ratio mix / read-only (target ≥ 0.5, no
# errors; issue 7).
#
#   bench/write-mix.sh      DURATION=10s CONNECTIONS=16 TIMEOUT=2s TUNE_JAVA_OPTS=-Xmx160m (bench/tune-service.sh for the rest)
#
# errors = non-2xx answers plus wrk's socket errors, which include answers slower than TIMEOUT (wrk's default 2 s);
# "failures" in the mix column lists the non-2xx answers by status alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/tune-service.sh
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
TIMEOUT=${TIMEOUT:-2s}
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q package -DskipTests
scripts/keycloak start >/dev/null
trap stop_service EXIT

start_service "$TUNE_APP" "$TUNE_JAVA_OPTS" target/bench/write-mix.log
ensure_demo_data
ADMIN=$(token_for admin)
INSPECTOR=$(token_for weishi-inspector)
IDS=$(db -c "select string_agg('\"' || id || '\"', ',' order by id) from finding where description <> 'bench write mix'")
UNIT=$(db -c "select id from unit where code = 'WEISHI-G1'")
SITE=$(db -c "select id from site where district = (select district from unit where code = 'WEISHI-G1') order by code limit 1")
[ -n "$UNIT" ] && [ -n "$SITE" ] || { echo "bench: no WEISHI-G1 or no site in its district" >&2; exit 1; }
LUA=target/bench/write-mix.lua
cat >"$LUA" <<LUA
local ids = {$IDS}
local per_mille_reports = tonumber(os.getenv("REPORTS_PER_MILLE") or "0")
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
local n, pending = 0, {}
-- Globals, so that done() can read them from each thread.
reports, transitions, reads, failures = 0, 0, 0, {}
local run = os.time()
local read_headers = {["Authorization"] = "Bearer $ADMIN"}
local write_headers = {["Authorization"] = "Bearer $INSPECTOR", ["Content-Type"] = "application/json"}
request = function()
  n = n + 1
  if #pending > 0 then
    transitions = transitions + 1
    return wrk.format("POST", "/api/v1/findings/" .. table.remove(pending, 1) .. "/transitions", write_headers,
      '{"action":"START"}')
  end
  if math.random(1000) <= per_mille_reports then
    reports = reports + 1
    write_headers["Idempotency-Key"] = "bench-" .. run .. "-" .. tid .. "-" .. n
    local req = wrk.format("POST", "/api/v1/findings", write_headers,
      '{"unitId":"$UNIT","siteId":"$SITE","category":"DISINFECTION","severity":"LOW","description":"bench write mix"}')
    write_headers["Idempotency-Key"] = nil
    return req
  end
  reads = reads + 1
  return wrk.format("GET", "/api/v1/findings/" .. ids[(n % #ids) + 1], read_headers)
end
response = function(status, headers, body)
  if status == 201 then
    local id = body:match('"id":"([0-9a-f-]+)"')
    if id then table.insert(pending, id) end
  elseif status >= 300 then
    failures[status] = (failures[status] or 0) + 1
  end
end
done = function(summary, latency, requests)
  local r, t, g, f = 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    r = r + thread:get("reports"); t = t + thread:get("transitions"); g = g + thread:get("reads")
    for status, count in pairs(thread:get("failures")) do f[#f + 1] = status .. ":" .. count end
  end
  io.write(string.format("mix: reads %d, reports %d, transitions %d, failures {%s}\n", g, r, t, table.concat(f, " ")))
end
LUA

run() {  # run REPORTS_PER_MILLE LABEL: prints a row, sets rps
    REPORTS_PER_MILLE=$1 wrk -t2 -c"$CONNECTIONS" -d5s --timeout "$TIMEOUT" -s "$LUA" "$API" >/dev/null   # warm-up
    local out; out=$(REPORTS_PER_MILLE=$1 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency -s "$LUA" "$API")
    rps=$(wrk_rps "$out")
    printf '%-28s %10s %10s %10s %8s   %s\n' "$2" "$rps" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
        "$(wrk_p99 "$out")" "$(wrk_errors "$out")" "$(grep '^mix:' <<<"$out")"
}
printf '%-28s %10s %10s %10s %8s\n' workload req/s p50 p99 errors
run 0 "read-only"; read_rps=$rps
run 50 "10 % writes"; mix_rps=$rps
echo "write mix / read-only throughput: $(awk -v a="$mix_rps" -v b="$read_rps" 'BEGIN {printf "%.2f", a / b}') (target >= 0.5)"
echo "RSS after the runs: $(rss_mib) MiB (JVM options: $TUNE_JAVA_OPTS); machine load: $(cut -d' ' -f1 /proc/loadavg)"
