# Shared by scripts/contract and bench/sync: build Ducha as it ships (the fast-jar), run it on a port of its own
# against a database of its own with the demo data, next to a local Keycloak; stop what was started on exit.
# Source it, set SERVICE_PORT and SERVICE_DB (and SERVICE_MANAGEMENT_PORT, default SERVICE_PORT + 1000: health
# and metrics live on the management interface), then call start_shipped_service. Needs: ROOT, log().

service_pid=
kc_started=false
KC_URL=http://${KC_HOST:-127.0.0.1}:${KC_PORT:-8180}/realms/ducha

stop_shipped_service() {
    if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
        kill -TERM "$service_pid" 2>/dev/null || true
        wait "$service_pid" 2>/dev/null || true
    fi
    if [ "$kc_started" = true ]; then
        "$ROOT/scripts/keycloak" stop || true
    fi
}

start_shipped_service() {
    local base_url=http://127.0.0.1:$SERVICE_PORT
    local management_port=${SERVICE_MANAGEMENT_PORT:-$((SERVICE_PORT + 1000))}
    local port
    for port in "$SERVICE_PORT" "$management_port"; do
        if curl -sS -o /dev/null --max-time 3 "http://127.0.0.1:$port/" 2>/dev/null; then
            log "ERROR: something already answers on port $port; stop it or choose another port"
            return 1
        fi
    done
    DB_NAMES=$SERVICE_DB "$ROOT/scripts/ensure-postgres"
    if curl -fsS -o /dev/null --max-time 3 "$KC_URL" 2>/dev/null; then
        log "using the Keycloak already answering at $KC_URL (left running)"
    else
        kc_started=true
        "$ROOT/scripts/keycloak" start
    fi
    log "building the service (fast-jar)"
    (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests -Dquarkus.package.jar.type=fast-jar)
    log "starting it on $base_url with database $SERVICE_DB (log: target/$SERVICE_DB.log)"
    PORT=$SERVICE_PORT MANAGEMENT_PORT=$management_port \
    DB_REACTIVE_URL=postgresql://127.0.0.1:5432/$SERVICE_DB \
    DB_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$SERVICE_DB \
    OIDC_URL=$KC_URL \
        java -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$ROOT/target/$SERVICE_DB.log" 2>&1 &
    service_pid=$!
    local waited=0
    until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$management_port/q/health/ready" 2>/dev/null; do
        if ! kill -0 "$service_pid" 2>/dev/null || [ "$waited" -ge 120 ]; then
            tail -n 40 "$ROOT/target/$SERVICE_DB.log" >&2
            log "ERROR: the service did not become ready"
            return 1
        fi
        sleep 1; waited=$((waited + 1))
    done
    # The shipped build migrates the schema only; the demo data (idempotent SQL) is loaded beside it.
    log "loading the demo data into $SERVICE_DB"
    PGPASSWORD=${DB_PASSWORD:-ducha} psql -w -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "${DB_USER:-ducha}" \
        -d "$SERVICE_DB" -f "$ROOT/src/main/resources/db/demo/R__demo_data.sql" >/dev/null
}
