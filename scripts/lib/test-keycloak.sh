# Sourced by the checks of scripts/tests/ that need the local Keycloak: use_keycloak sets KC_PORT to a Keycloak
# whose realm ducha answers, reusing a running one, or makes the check skip (exit 0, SKIP) when none can be
# started (no download possible). stop_keycloak_if_started ends only one that use_keycloak started.

keycloak_started_here=false

use_keycloak() {
    KC_HOST=${KC_HOST:-127.0.0.1}
    KC_PORT=${KC_PORT:-8180}
    export KC_HOST KC_PORT
    if curl -fsS -o /dev/null --max-time 3 "http://$KC_HOST:$KC_PORT/realms/ducha"; then
        return 0
    fi
    keycloak_started_here=true
    if ! "$ROOT/scripts/keycloak" start; then
        keycloak_started_here=false
        echo "SKIP: no Keycloak could be started (it is fetched with Maven into .cache/ once)"
        exit 0
    fi
}

stop_keycloak_if_started() {
    if [ "$keycloak_started_here" = true ]; then
        "$ROOT/scripts/keycloak" stop || true
    fi
}
