#!/usr/bin/env bash
# What the campaign rollup (V15, docs/campaigns.md "Speed") costs the writes, measured side by side in one run on the
# bench data set: pgbench transactions that record a finding and resolve another (then roll back, so the data set
# stays as it is), with V15's triggers on and off.
#
#   bench/campaign-writes.sh                      ducha_bench_1m, 4 clients, 3 rounds of 15 s per mode
#   DB=ducha_bench_100k CLIENTS=8 SECONDS_PER_RUN=20 ROUNDS=2 bench/campaign-writes.sh
#
# pgbench runs in simple query mode: the statements name bench ids as md5('bench:site:N'), whose colons the
# extended protocol would take for variables.
#
# Needs a data set that bench/run has loaded and started the service on once (so that V15 is applied and the bench
# campaign BENCH-CAMPAIGN-D03 exists). The service must not be running against it: the "off" mode disables V15's
# triggers on finding for a moment (they are enabled again on exit, also on Ctrl-C).
#
# Modes, run in turns (A B C D, A B C D, ...) so that drift of the shared machine touches each alike:
#   target-on   findings at the campaign's targets inside its period, by its units: every write changes the rollup
#   target-off  the same writes with V15's triggers on finding disabled: the cost of the writes before V15
#   other-on    findings at sites no campaign targets (district 04): what an ordinary write pays for V15
#   other-off   the same with the triggers disabled
# Prints transactions per second and latency per mode (medians of the rounds) and the ratios on/off.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DB=${DB:-ducha_bench_1m} CLIENTS=${CLIENTS:-4} SECONDS_PER_RUN=${SECONDS_PER_RUN:-15} ROUNDS=${ROUNDS:-3}
DB_HOST=${DB_HOST:-127.0.0.1}
psql_app() { psql -h "$DB_HOST" -U ducha -v ON_ERROR_STOP=1 "$@"; }

[ -n "$(psql_app -d "$DB" -Atc "select 1 from campaign where code = 'BENCH-CAMPAIGN-D03'" 2>/dev/null)" ] || {
    echo "campaign-writes: $DB has no bench campaign; run bench/run --only campaign-coverage first" >&2; exit 2; }
UNITS=$(psql_app -d "$DB" -Atc "select count(*) from unit_closure where ancestor_id = md5('bench:unit:3')::uuid")
TRIGGERS="campaign_activity_finding_inserted campaign_activity_finding_updated"
enable() { for t in $TRIGGERS; do psql_app -d "$DB" -qc "alter table finding enable trigger $t"; done; }
disable() { for t in $TRIGGERS; do psql_app -d "$DB" -qc "alter table finding disable trigger $t"; done; }
trap enable EXIT

WORK=$(mktemp -d)
# $1: the site number expression (bench/generate.sql: site n lies in district 1 + (n - 1) % 10).
script() {
    cat >"$WORK/$2.sql" <<EOF
\set k random(0, 1999)
\set j random(0, 1999)
\set u random(0, $((UNITS - 1)))
\set s random(0, 7948799)
begin;
insert into finding (id, unit_id, site_id, category, severity, description, found_at, status, reported_by)
values (gen_random_uuid(),
        (select unit_id from unit_closure where ancestor_id = md5('bench:unit:3')::uuid order by unit_id offset :u::int limit 1),
        md5('bench:site:' || ($1)::text)::uuid, 'OTHER', 'LOW', 'bench', timestamptz '2026-05-01 00:00+08' + :s::int * interval '1 second',
        'OPEN', 'bench');
update finding set status = 'RECTIFIED', rectified_at = found_at + interval '1 day'
where id = (select id from finding where site_id = md5('bench:site:' || ($(sed 's/:k/:j/g' <<<"$1"))::text)::uuid
              and found_at >= timestamptz '2026-05-01 00:00+08' and status = 'OPEN' limit 1);
rollback;
EOF
}
script "3 + 10 * :k::int" target
script "4 + 10 * :k::int" other

declare -A TPS LAT
run() {   # mode script
    local out
    out=$(pgbench -h "$DB_HOST" -U ducha -n -M simple -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" -f "$WORK/$2.sql" "$DB" 2>&1) || true
    local tps lat
    tps=$(awk '/^tps/ {print $3; exit}' <<<"$out")
    lat=$(awk '/^latency average/ {print $4; exit}' <<<"$out")
    [ -n "$tps" ] || { echo "$out" >&2; exit 1; }
    TPS[$1]="${TPS[$1]:-} $tps"; LAT[$1]="${LAT[$1]:-} $lat"
    printf '  round %d  %-10s %8.1f tps  %6.2f ms\n' "$round" "$1" "$tps" "$lat"
}
echo "campaign-writes: $DB, $CLIENTS clients, $ROUNDS rounds of ${SECONDS_PER_RUN}s per mode (insert + resolve, rolled back)"
for round in $(seq 1 "$ROUNDS"); do
    enable; run target-on target
    disable; run target-off target
    enable; run other-on other
    disable; run other-off other
done
enable
python3 - "${TPS[target-on]}" "${TPS[target-off]}" "${TPS[other-on]}" "${TPS[other-off]}" \
    "${LAT[target-on]}" "${LAT[target-off]}" "${LAT[other-on]}" "${LAT[other-off]}" <<'EOF'
import statistics, sys
tps = [list(map(float, a.split())) for a in sys.argv[1:5]]
lat = [list(map(float, a.split())) for a in sys.argv[5:9]]
names = ["target-on", "target-off", "other-on", "other-off"]
print()
print(f"{'mode':<12}{'tps (median)':>14}{'latency ms':>12}")
for n, t, l in zip(names, tps, lat):
    print(f"{n:<12}{statistics.median(t):>14.1f}{statistics.median(l):>12.2f}")
on, off, other_on, other_off = (statistics.median(t) for t in tps)
print()
print(f"throughput, writes at a campaign's targets, V15 on / off: {on / off:.2f}")
print(f"throughput, writes at other sites, V15 on / off:          {other_on / other_off:.2f}")
EOF
rm -rf "$WORK"
