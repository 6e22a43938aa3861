#!/usr/bin/env bash
# Times GET /api/v1/reports/summary through the running service at 100,000 and at 1,000,000 findings, side by side,
# for the whole city, one district and one unit's subtree (all time), and prints the medians, p90s and ratios.
#
#   bench/reports.sh                   build the jar if missing, load the data sets if missing, time, print
#   REQUESTS=200 WARMUP=50 bench/reports.sh
#
# What it does, and only on 127.0.0.1:
#   1. Databases ducha_bench_100k and ducha_bench_1m (owner ducha, created as postgres): each is loaded once with
#      bench/generate.sql (the same city, a quiet and a busy year; see that file) and reloaded only when the
#      migrations or the generator change (their fingerprint is kept in the database).
#   2. The service from target/quarkus-app (prod profile) on port $PORT against each database in turn, with the
#      local Keycloak of scripts/keycloak (started if it is not running; left running, it may be someone else's).
#   3. $WARMUP untimed then $REQUESTS timed requests per scope, one at a time; curl's time_total of each.
#   4. Stops the service it started (by its process id) and prints the table.
#
# Environment: PORT=18085 REQUESTS=200 WARMUP=50 DB_HOST=127.0.0.1 DB_USER=ducha DB_PASSWORD=ducha
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${PORT:-18085}
REQUESTS=${REQUESTS:-200}
WARMUP=${WARMUP:-50}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_USER=${DB_USER:-ducha}
export PGPASSWORD=${DB_PASSWORD:-ducha}
BASE=http://127.0.0.1:$PORT
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1000))}
REALM=http://127.0.0.1:8180/realms/ducha
OUT=target/bench
mkdir -p "$OUT"

log() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: ERROR: %s\n' "$*" >&2; exit 1; }
psql_app() { psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -U "$DB_USER" "$@"; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -U postgres -d postgres "$@"; }

SERVICE_PID=
stop_service() {
    if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill "$SERVICE_PID" && wait "$SERVICE_PID" 2>/dev/null || true
    fi
    SERVICE_PID=
}
trap stop_service EXIT

start_service() { # database
    curl -s -o /dev/null "$BASE/" && die "something already listens on port $PORT; set PORT"
    PORT=$PORT MANAGEMENT_PORT=$MANAGEMENT_PORT DB_REACTIVE_URL=postgresql://$DB_HOST:5432/$1 DB_JDBC_URL=jdbc:postgresql://$DB_HOST:5432/$1 \
        OIDC_URL=$REALM java -Xmx512m -jar target/quarkus-app/quarkus-run.jar >"$OUT/service-$1.log" 2>&1 &
    SERVICE_PID=$!
    for _ in $(seq 1 120); do
        curl -fs -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" && return 0
        kill -0 "$SERVICE_PID" 2>/dev/null || die "the service exited; see $OUT/service-$1.log"
        sleep 1
    done
    die "the service did not get ready in 120 s; see $OUT/service-$1.log"
}

# ------------------------------------------------------------------------------------------------ the service
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    log "building the service (./mvnw package -DskipTests)"
    ./mvnw -B -q package -DskipTests
fi
scripts/keycloak start
token() {
    curl -fsS -d grant_type=password -d client_id=ducha-app -d username=admin -d password=admin \
        "$REALM/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# ------------------------------------------------------------------------------------------------ the data
fingerprint=$(cat src/main/resources/db/migration/*.sql bench/generate.sql | md5sum | cut -d' ' -f1)
load() { # database findings
    local db=$1 findings=$2 have
    have=$(psql_admin -Atc "select 1 from pg_database where datname = '$db'")
    if [ -n "$have" ]; then
        have=$(psql_app -d "$db" -Atc "select fingerprint from bench_dataset" 2>/dev/null || true)
        [ "$have" = "$fingerprint" ] && { log "$db is loaded"; return 0; }
        log "$db is stale; reloading"
        psql_admin -c "drop database $db"
    fi
    psql_admin -c "create database $db owner $DB_USER"
    log "$db: migrating (the service runs Flyway at start)"
    start_service "$db"
    stop_service
    log "$db: loading $findings findings"
    local started=$SECONDS
    psql_app -d "$db" -v findings="$findings" -f bench/generate.sql >"$OUT/generate-$db.log"
    psql_app -d "$db" -c "create table bench_dataset (fingerprint text); insert into bench_dataset values ('$fingerprint')"
    log "$db: loaded in $((SECONDS - started)) s"
}
load ducha_bench_100k 100000
load ducha_bench_1m 1000000

# ------------------------------------------------------------------------------------------------ timing
time_scope() { # database label query
    local file=$OUT/$1-$2.times token
    token=$(token)
    for _ in $(seq 1 "$WARMUP"); do
        curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$BASE/api/v1/reports/summary?$3"
    done
    : >"$file"
    for _ in $(seq 1 "$REQUESTS"); do
        curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" \
            "$BASE/api/v1/reports/summary?$3" >>"$file"
    done
}
percentile() { # file fraction -> milliseconds
    sort -g "$1" | awk -v p="$2" '{ v[NR] = $1 } END { i = int(NR * p + 0.999999); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
SCOPES=(city district subtree month)
declare -A QUERY
for db in ducha_bench_100k ducha_bench_1m; do
    subtree=$(psql_app -d "$db" -Atc "select id from unit where code = 'BENCH-D03'")
    QUERY[city]=""
    QUERY[district]="district=%E7%AC%AC03%E5%8C%BA"
    QUERY[subtree]="unitId=$subtree"
    QUERY[month]="from=2026-08-01&to=2026-09-01"
    log "$db: timing"
    start_service "$db"
    for scope in "${SCOPES[@]}"; do
        time_scope "$db" "$scope" "${QUERY[$scope]}"
    done
    stop_service
done

printf '\nGET /api/v1/reports/summary, %s requests per cell after %s warm-up, milliseconds (curl time_total)\n\n' \
    "$REQUESTS" "$WARMUP"
printf '%-34s %10s %8s %10s %8s %14s\n' scope "100k p50" "p90" "1M p50" "p90" "ratio p50"
for scope in "${SCOPES[@]}"; do
    small=$(percentile "$OUT/ducha_bench_100k-$scope.times" 0.5)
    large=$(percentile "$OUT/ducha_bench_1m-$scope.times" 0.5)
    case $scope in
        city) label="whole city, all time" ;;
        district) label="one district (第03区), all time" ;;
        subtree) label="one unit subtree (BENCH-D03)" ;;
        month) label="whole city, one month (informative)" ;;
    esac
    printf '%-34s %10s %8s %10s %8s %14s\n' "$label" "$small" "$(percentile "$OUT/ducha_bench_100k-$scope.times" 0.9)" \
        "$large" "$(percentile "$OUT/ducha_bench_1m-$scope.times" 0.9)" \
        "$(awk -v a="$large" -v b="$small" 'BEGIN { printf "%.2f", a / b }')"
done
printf '\nTargets: p50 < 100 ms for each all-time scope at 1M, and p50 at 1M <= 3 x p50 at 100k.\n'
printf 'Load average (1, 5, 15 min; 2 cores, shared): %s before timing, %s after\n' "$LOAD_BEFORE" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
