#!/usr/bin/env bash
# Start-to-ready of the runner jar (prod profile, already-migrated database, no demo data needed): launch of java
# to the first 200 of /q/health/ready on the management port. Each variant is started N times, the variants
# taking turns so that the machine's load hits them alike; prints each variant's runs and median side by side.
#
#   bench/startup.sh                          the default variants below, N=5
#   N=7 bench/startup.sh 'label|APP_DIR|JAVA OPTIONS' ...   variants of your own
#
# A variant is "label|application directory|JVM options"; the directory holds quarkus-run.jar (target/quarkus-app
# by default). The defaults compare the plain jar, the jar with its AppCDS archive (build with
# -Dquarkus.package.jar.appcds.enabled=true first) and AppCDS with Flyway's validation off (system properties
# override application.properties; no setting is changed in the build itself). CPU ms: the JVM's CPU time until ready (median), which
# other processes' load disturbs less than the wall clock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/tune-service.sh
N=${N:-5}
HEAP=${HEAP:--Xmx160m}
APP=target/quarkus-app

[ -f "$APP/quarkus-run.jar" ] || ./mvnw -B -ntp -q package -DskipTests
scripts/keycloak start >/dev/null
trap stop_service EXIT

variants=("$@")
if [ ${#variants[@]} = 0 ]; then
    [ -f "$APP/app-cds.jsa" ] || { echo "bench: $APP/app-cds.jsa missing; build with -Dquarkus.package.jar.appcds.enabled=true" >&2; exit 1; }
    CDS="-XX:SharedArchiveFile=$APP/app-cds.jsa -Xshare:auto"
    variants=("without AppCDS|$APP|$HEAP"
              "AppCDS|$APP|$HEAP $CDS"
              "AppCDS, Flyway not validating|$APP|$HEAP $CDS -Dquarkus.flyway.validate-on-migrate=false")
fi

# The schema must be there already: the first start migrates it, untimed.
start_service "$APP" "$HEAP" target/bench/startup-migrate.log; stop_service

declare -A runs cpu
for i in $(seq 1 "$N"); do
    for v in "${variants[@]}"; do
        IFS='|' read -r label dir opts <<<"$v"
        start_service "$dir" "$opts" "target/bench/startup-$i.log"
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
