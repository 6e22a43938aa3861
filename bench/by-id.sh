#!/usr/bin/env bash
# Finding by id: REST GET /api/v1/findings/{id} next to GraphQL { finding(id) { …the same fields… } }, same admin
# token, same ids (the demo data's findings, in turn), wrk with CONNECTIONS connections for DURATION each after a
# warm-up, in one run; prints req/s, p50/p99 and the ratio GraphQL / REST (target ≥ 0.8, issue 7).
#
#   bench/by-id.sh      DURATION=10s CONNECTIONS=16 TUNE_JAVA_OPTS=-Xmx160m (bench/tune-service.sh for the rest)
#   JFR=1 bench/by-id.sh   also records the GraphQL run with JFR and prints the hottest frames
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/tune-service.sh
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q package -DskipTests
scripts/keycloak start >/dev/null
trap stop_service EXIT

start_service "$TUNE_APP" "$TUNE_JAVA_OPTS" target/bench/by-id.log
ensure_demo_data
TOKEN=$(token_for admin)
IDS=$(db -c "select string_agg('\"' || id || '\"', ',' order by id) from finding")
FIELDS='id unitId siteId inspectionId category severity description foundAt dueAt status rectifiedOnSite rectifiedAt rectificationNote reportedBy overdue version createdAt updatedAt'
LUA=target/bench/by-id.lua
cat >"$LUA" <<LUA
local ids = {$IDS}
local n = 0
local mode = os.getenv("BY_ID_MODE")
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  if mode == "graphql" then
    return wrk.format("POST", "/graphql", nil,
      '{"query":"query(\$id: ID!) { finding(id: \$id) { $FIELDS } }","variables":{"id":"' .. id .. '"}}')
  end
  return wrk.format("GET", "/api/v1/findings/" .. id)
end
LUA

# The two answers hold the same finding.
first=$(db -c "select id from finding order by id limit 1")
rest=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$API/api/v1/findings/$first" | jq -S .)
gql=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/graphql" \
    -d "{\"query\":\"query(\$id: ID!) { finding(id: \$id) { $FIELDS } }\",\"variables\":{\"id\":\"$first\"}}" | jq -S .data.finding)
[ "$(jq -S 'del(.version)' <<<"$rest" | jq -c keys)" = "$(jq -S 'del(.version)' <<<"$gql" | jq -c keys)" ] \
    || { echo "bench: REST and GraphQL answers differ in their fields" >&2; diff <(echo "$rest") <(echo "$gql") >&2; exit 1; }

run() {  # run MODE: sets rps, p50, p99, errors
    BY_ID_MODE=$1 wrk -t2 -c"$CONNECTIONS" -d5s -s "$LUA" "$API" >/dev/null   # warm-up
    local out; out=$(BY_ID_MODE=$1 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$API")
    rps=$(wrk_rps "$out"); p50=$(awk '$1 == "50%" {print $2}' <<<"$out"); p99=$(wrk_p99 "$out"); errors=$(wrk_errors "$out")
}
printf '%-24s %10s %10s %10s %8s\n' workload req/s p50 p99 errors
run rest; rest_rps=$rps
printf '%-24s %10s %10s %10s %8s\n' "REST finding by id" "$rps" "$p50" "$p99" "$errors"
if [ "${JFR:-}" = 1 ]; then jcmd "$service_pid" JFR.start name=by-id settings=profile >/dev/null; fi
run graphql; gql_rps=$rps
printf '%-24s %10s %10s %10s %8s\n' "GraphQL finding by id" "$rps" "$p50" "$p99" "$errors"
echo "GraphQL / REST throughput: $(awk -v a="$gql_rps" -v b="$rest_rps" 'BEGIN {printf "%.2f", a / b}') (target >= 0.8)"
echo "RSS after the runs: $(rss_mib) MiB (JVM options: $TUNE_JAVA_OPTS); machine load: $(cut -d' ' -f1 /proc/loadavg)"
if [ "${JFR:-}" = 1 ]; then
    jcmd "$service_pid" JFR.stop name=by-id filename="$PWD/target/bench/by-id.jfr" >/dev/null
    jfr print --events jdk.ExecutionSample --stack-depth 40 target/bench/by-id.jfr > target/bench/by-id-samples.txt
    python3 bench/jfr-top.py target/bench/by-id-samples.txt
fi
