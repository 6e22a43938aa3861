# Sourced by bench/startup.sh, bench/by-id.sh and bench/write-mix.sh: start and stop the runner jar in the prod
# profile on loopback, against a scratch database, and fetch Keycloak tokens. Not a script of its own.
#
# Environment: TUNE_PORT=18400  TUNE_MANAGEMENT_PORT=19400  TUNE_DB=ducha_tune  TUNE_APP=target/quarkus-app
#   TUNE_JAVA_OPTS="-Xmx160m"  KC_URL=http://127.0.0.1:8180/realms/ducha
TUNE_PORT=${TUNE_PORT:-18400}
TUNE_MANAGEMENT_PORT=${TUNE_MANAGEMENT_PORT:-19400}
TUNE_DB=${TUNE_DB:-ducha_tune}
TUNE_APP=${TUNE_APP:-target/quarkus-app}
TUNE_JAVA_OPTS=${TUNE_JAVA_OPTS:--Xmx160m}
KC_URL=${KC_URL:-http://127.0.0.1:8180/realms/ducha}
API=http://127.0.0.1:$TUNE_PORT
READY=http://127.0.0.1:$TUNE_MANAGEMENT_PORT/q/health/ready
mkdir -p target/bench
service_pid=

# start_service APP_DIR "JAVA OPTS" LOG [JAVA]: launches java (or the given launcher), waits for the first 200 of
# readiness (60 s at most) and sets service_pid, ready_ms (launch to ready) and cpu_ms (CPU time used by then).
start_service() {
    local app=$1 opts=$2 log=$3 java=${4:-java} started
    for port in "$TUNE_PORT" "$TUNE_MANAGEMENT_PORT"; do
        if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then echo "bench: port $port is taken" >&2; return 1; fi
    done
    started=$(date +%s%N)
    # shellcheck disable=SC2086 # opts holds several JVM options
    PORT=$TUNE_PORT MANAGEMENT_PORT=$TUNE_MANAGEMENT_PORT QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
    DB_REACTIVE_URL=postgresql://127.0.0.1:5432/$TUNE_DB DB_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$TUNE_DB \
    OIDC_URL=$KC_URL SHUTDOWN_DELAY=0s \
        "$java" $opts -jar "$app/quarkus-run.jar" >"$log" 2>&1 </dev/null &
    service_pid=$!
    until curl -fs -o /dev/null --max-time 1 "$READY"; do
        kill -0 "$service_pid" 2>/dev/null || { echo "bench: the service exited; see $log" >&2; service_pid=; return 1; }
        [ $(( ($(date +%s%N) - started) / 1000000000 )) -lt 60 ] || { echo "bench: not ready in 60 s; see $log" >&2; return 1; }
        sleep 0.02
    done
    ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    # CPU the JVM spent until then (user + system, all threads): less at the mercy of other processes' load.
    cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$service_pid/stat")
}

stop_service() {
    [ -n "$service_pid" ] || return 0
    kill -TERM "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
    service_pid=
}

rss_mib() { awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$service_pid/status"; }

token_for() {
    curl -fsS --max-time 20 "$KC_URL/protocol/openid-connect/token" -d grant_type=password -d client_id=ducha-app \
        -d "username=$1" -d "password=$1" | jq -er .access_token
}

db() { psql -X -q -At -h 127.0.0.1 -U ducha -d "$TUNE_DB" -v ON_ERROR_STOP=1 "$@"; }

# Loads the demo data once into the migrated scratch database (the service must have migrated it).
ensure_demo_data() {
    if [ "$(db -c "select count(*) from finding")" = 0 ]; then
        db -f src/main/resources/db/demo/R__demo_data.sql >/dev/null
    fi
}

# wrk_rps OUTPUT: requests per second from wrk's output; wrk_errors OUTPUT: non-2xx plus socket errors.
wrk_rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
wrk_p99() { awk '$1 == "99%" {print $2}' <<<"$1"; }
wrk_errors() {
    awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$1"
}
