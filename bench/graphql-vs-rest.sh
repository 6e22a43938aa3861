#!/usr/bin/env bash
# GraphQL nested dashboard query next to the flat REST findings list, measured in one run on this machine.
# Prints throughput, p50/p99 latency and SQL statements per request (pg_stat_statements) for each workload.
#
#   bench/graphql-vs-rest.sh            (DURATION=10s CONNECTIONS=16 PORT=18083 by default)
#
# It loads the demo data of the Kaifeng report (53 units, 222 findings) into its own database (ducha_bench_graphql), starts the runner jar
# in the prod profile against the local Keycloak (scripts/keycloak start; left running if it was), sends
# traffic only to 127.0.0.1, and stops the service it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-18083}
DB=ducha_bench_graphql
APP=http://127.0.0.1:$PORT
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1000))}
HEALTH=http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }

scripts/ensure-postgres >/dev/null 2>&1
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB" -c "create database $DB owner ducha"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
scripts/keycloak start >/dev/null

DB_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB DB_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB PORT=$PORT MANAGEMENT_PORT=$MANAGEMENT_PORT \
  java -Xmx512m -Dquarkus.log.level=WARN \
  -jar target/quarkus-app/quarkus-run.jar > target/bench-graphql.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "$HEALTH" && break; sleep 1; done
curl -fs -o /dev/null "$HEALTH" || { echo "bench: service did not start; see target/bench-graphql.log" >&2; exit 1; }
# The demo data (53 units, 360 sites, 222 findings …) on the schema the service just migrated.
psql -q -h 127.0.0.1 -U ducha -d $DB -v ON_ERROR_STOP=1 -f src/main/resources/db/demo/R__demo_data.sql > /dev/null

TOKEN=$(curl -fs http://127.0.0.1:8180/realms/ducha/protocol/openid-connect/token -d grant_type=password \
  -d client_id=ducha-app -d username=admin -d password=admin | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
QUERY='{ units(first: 50) { edges { node { code children { code } findings(first: 10) { edges { node { description status site { name } } } } } } } }'
BODY=$(python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$QUERY")
LUA=$(mktemp --suffix=.lua)
cat > "$LUA" <<LUA
wrk.method = "POST"
wrk.body = [[$BODY]]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

statements() {
  psql -h 127.0.0.1 -U postgres -d postgres -Atc \
    "select coalesce(sum(calls), 0) from pg_stat_statements where dbid = (select oid from pg_database where datname = '$DB')"
}

# name, wrk arguments...; prints one table row
run() {
  local name=$1; shift
  wrk -t2 -c"$CONNECTIONS" -d5s "$@" > /dev/null   # warm-up
  local before; before=$(statements)
  local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  local after; after=$(statements)
  local requests; requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local rps; rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  local p50; p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  local p99; p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  local errors; errors=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  printf '%-34s %10s %10s %10s %12s %8s\n' "$name" "$rps" "$p50" "$p99" \
    "$(python3 -c "print(f'{($after - $before) / max($requests, 1):.2f}')")" "${errors:-0}"
  echo "$rps" > "target/bench-$(echo "$name" | tr ' /' '__').rps"
}

printf '%-34s %10s %10s %10s %12s %8s\n' workload req/s p50 p99 'SQL/request' non-2xx
run "REST findings list (50)" -H "Authorization: Bearer $TOKEN" "$APP/api/v1/findings?limit=50"
run "GraphQL dashboard (50 units)" -s "$LUA" "$APP/graphql"
rm -f "$LUA"
python3 - <<PY
rest = float(open("target/bench-REST_findings_list_(50).rps").read())
gql = float(open("target/bench-GraphQL_dashboard_(50_units).rps").read())
print(f"GraphQL dashboard / REST list throughput: {gql / rest:.2f}")
PY
