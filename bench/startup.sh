#!/usr/bin/env bash
# Start-to-ready of the runner jar (prod profile, already-migrated database, no demo data needed): launch of java
# to the first 200 of /q/health/ready on the management port. Each variant is started N times, the variants
# taking turns so that the machine's load hits them alike; prints each variant's runs and median side by side.
#
#   bench/startup.sh                          the default variants below, N=5
#   N=7 bench/startup.sh 'label|APP_DIR|JAVA OPTIONS' ...   variants of your own
#
# A variant is "label|application directory|JVM options[|java launcher]"; the directory holds quarkus-run.jar
# (target/quarkus-app by default). The defaults compare the plain jar, the jar with its AppCDS archive (build with
# -Dquarkus.package.jar.appcds.enabled=true first) and AppCDS with Flyway's validation off (system properties
# override application.properties; no setting is changed in the build itself), and, where a JDK 25 is installed
# (JAVA25, default /usr/lib/jvm/temurin-25*), the aot-jar started with its JDK 25 AOT cache. CPU ms: the JVM's CPU
# time until ready (median), which other processes' load disturbs less than the wall clock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/tune-service.sh
N=${N:-5}
HEAP=${HEAP:--Xmx160m}
APP=target/quarkus-app

[ -f "$APP/quarkus-run.jar" ] || ./mvnw -B -ntp -q package -DskipTests
scripts/keycloak start >/dev/null
trap stop_service EXIT

# JDK 25's AOT cache (JEP 483/514/515: classes loaded, linked and profiled in a training run) needs the aot-jar
# packaging, whose classes the JDK's own loaders load. Built and trained once into target/aot-app.
JAVA25=${JAVA25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
AOT_APP=target/aot-app
train_aot_cache() {
    [ -f "$AOT_APP/quarkus-run.jar" ] || ./mvnw -B -ntp -q package -DskipTests -Dquarkus.package.jar.type=aot-jar \
        -Dquarkus.package.output-directory=aot-app
    start_service "$AOT_APP" "$HEAP -XX:AOTCacheOutput=$AOT_APP/app.aot" target/bench/startup-aot-training.log "$JAVA25"
    local token; token=$(token_for admin)
    for _ in $(seq 200); do
        curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$TUNE_PORT/api/v1/findings?limit=5"
        curl -fs -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d '{"query":"{ units(first: 5) { edges { node { code } } } }"}' "http://127.0.0.1:$TUNE_PORT/graphql"
    done
    stop_service  # the JVM writes the cache as it exits
    [ -f "$AOT_APP/app.aot" ] || { echo "bench: no AOT cache written; see target/bench/startup-aot-training.log" >&2; exit 1; }
}

variants=("$@")
if [ ${#variants[@]} = 0 ]; then
    [ -f "$APP/app-cds.jsa" ] || { echo "bench: $APP/app-cds.jsa missing; build with -Dquarkus.package.jar.appcds.enabled=true" >&2; exit 1; }
    CDS="-XX:SharedArchiveFile=$APP/app-cds.jsa -Xshare:auto"
    variants=("without AppCDS|$APP|$HEAP"
              "AppCDS|$APP|$HEAP $CDS"
              "AppCDS, Flyway not validating|$APP|$HEAP $CDS -Dquarkus.flyway.validate-on-migrate=false")
    if [ -n "$JAVA25" ]; then
        [ -f "$AOT_APP/app.aot" ] || train_aot_cache
        variants+=("JDK 25, aot-jar, AOT cache|$AOT_APP|$HEAP -XX:AOTCache=$AOT_APP/app.aot -Xlog:aot=off|$JAVA25")
    fi
fi

# The schema must be there already: the first start migrates it, untimed.
start_service "$APP" "$HEAP" target/bench/startup-migrate.log; stop_service

declare -A runs cpu
for i in $(seq 1 "$N"); do
    for v in "${variants[@]}"; do
        IFS='|' read -r label dir opts java <<<"$v"
        start_service "$dir" "$opts" "target/bench/startup-$i.log" "${java:-java}"
        runs[$label]="${runs[$label]:-} $ready_ms"
        cpu[$label]="${cpu[$label]:-} $cpu_ms"
        stop_service
    done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
base=
printf '%-40s %10s %8s %12s   %s\n' variant 'median ms' ratio 'CPU ms' 'runs (ms)'
for v in "${variants[@]}"; do
    IFS='|' read -r label _ _ <<<"$v"
    m=$(median "${runs[$label]}")
    base=${base:-$m}
    printf '%-40s %10s %8s %12s  %s\n' "$label" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {printf "%.2f", a / b}')" \
        "$(median "${cpu[$label]}")" "${runs[$label]}"
done
echo "machine load (1-min average) at the end: $(cut -d' ' -f1 /proc/loadavg)"
