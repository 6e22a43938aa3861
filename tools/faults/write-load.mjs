// Write load under a fault, for scripts/faults. Workers report findings the way the mobile app does: one
// Idempotency-Key per intended write, retried with the same key and body until the service acknowledges it.
// Meanwhile the probes are polled every 250 ms, and the fault's commands run at their times. At the end the
// database is read: every acknowledged write must be there exactly once, and no intended write twice.
//   node write-load.mjs '<json config>'   (see scripts/faults for the fields); prints one JSON summary line.
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

const cfg = JSON.parse(process.argv[2]);
const started = Date.now();
const now = () => Date.now() - started;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const statuses = {};
const probes = [];
const events = [];
const intents = [];
let stopProbes = false;

async function status(url, init = {}) {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(cfg.requestTimeoutMs ?? 5000) });
    await response.arrayBuffer();
    return response.status;
  } catch (e) {
    return e.name === 'TimeoutError' ? 'timeout' : 'network';
  }
}

async function pollProbes() {
  while (!stopProbes) {
    const [live, ready] = await Promise.all([status(`${cfg.management}/q/health/live`),
      status(`${cfg.management}/q/health/ready`)]);
    probes.push({ t: now(), live, ready });
    await sleep(250);
  }
}

async function worker(index) {
  for (let n = 0; now() < cfg.loadSeconds * 1000; n++) {
    const intent = { marker: `${cfg.run}-w${index}-${n}`, key: randomUUID(), acked: false, attempts: 0 };
    intents.push(intent);
    const body = JSON.stringify({ unitId: cfg.unitId, siteId: cfg.siteId, category: 'DISINFECTION',
      severity: 'MEDIUM', description: intent.marker });
    for (let backoff = 50; !intent.acked; backoff = Math.min(backoff * 2, 1000)) {
      if (now() > (cfg.loadSeconds + cfg.settleSeconds) * 1000) {
        return; // gave up: this intent stays unacknowledged, and may be in the database at most once
      }
      intent.attempts++;
      const code = await status(`${cfg.api}/api/v1/findings`, { method: 'POST', body, headers: {
        'Content-Type': 'application/json', Authorization: `Bearer ${cfg.token}`, 'Idempotency-Key': intent.key } });
      statuses[code] = (statuses[code] ?? 0) + 1;
      if (code === 201 || code === 200) {
        intent.acked = true;
        intent.ackedAt = now();
      } else {
        await sleep(backoff);
      }
    }
  }
}

function schedule() {
  return Promise.all(cfg.events.map(async (event) => {
    await sleep(event.at * 1000);
    const at = now();
    execSync(event.cmd, { stdio: ['ignore', 'ignore', 'inherit'], shell: '/bin/bash' });
    events.push({ name: event.name, at, done: now() });
  }));
}

const probing = pollProbes();
await Promise.all([schedule(), ...Array.from({ length: cfg.workers }, (_, i) => worker(i))]);
await sleep(1000);
stopProbes = true;
await probing;

const rows = execSync(`${cfg.psql} -c "select description, count(*) from finding where description like '${cfg.run}-%' group by 1"`,
  { encoding: 'utf8' }).trim().split('\n').filter(Boolean)
  .reduce((found, line) => { const [marker, count] = line.split('|'); found[marker] = Number(count); return found; }, {});
const acked = intents.filter((intent) => intent.acked);
const ackedOnce = acked.filter((intent) => rows[intent.marker] === 1).length;
const duplicated = Object.values(rows).filter((count) => count > 1).length;
const unackedPresent = intents.filter((intent) => !intent.acked && rows[intent.marker] === 1).length;

const outageStart = events.find((e) => e.name === cfg.outageFrom)?.done;
const outageEnd = events.find((e) => e.name === cfg.outageTo)?.done ?? outageStart;
const during = probes.filter((p) => outageStart !== undefined && p.t >= outageStart && p.t <= outageEnd + 250);
const after = probes.filter((p) => p.t > (outageEnd ?? 0));
const firstReadyAfter = after.find((p) => p.ready === 200);
const firstAckAfter = acked.filter((i) => i.ackedAt > (outageEnd ?? 0)).map((i) => i.ackedAt).sort((a, b) => a - b)[0];
const summary = {
  scenario: cfg.run, intents: intents.length, acknowledged: acked.length, acknowledgedFoundExactlyOnce: ackedOnce,
  duplicated, unacknowledgedPresent: unackedPresent, unacknowledged: intents.length - acked.length,
  attempts: intents.reduce((sum, i) => sum + i.attempts, 0), statuses,
  // A probe that times out on an overloaded machine says nothing of the service's state; any answer but 200 does.
  livenessAlwaysUp: probes.every((p) => p.live === 200 || p.live === 'timeout'),
  livenessTimeouts: probes.filter((p) => p.live === 'timeout').length, probes: probes.length,
  readinessDownDuringOutage: during.some((p) => p.ready !== 200), readinessUpAtEnd: probes.at(-1)?.ready === 200,
  readyAfterRestoreMs: firstReadyAfter && outageEnd !== undefined ? firstReadyAfter.t - outageEnd : null,
  firstAckAfterRestoreMs: firstAckAfter !== undefined && outageEnd !== undefined ? firstAckAfter - outageEnd : null,
  events,
};
const failures = [];
if (ackedOnce !== acked.length) failures.push('an acknowledged write is missing or repeated');
if (duplicated > 0) failures.push('an intended write is in the database more than once');
if (!summary.livenessAlwaysUp) failures.push('liveness was not UP throughout');
if (cfg.expectReadinessDown && !summary.readinessDownDuringOutage) failures.push('readiness stayed UP during the outage');
if (!summary.readinessUpAtEnd) failures.push('readiness is not UP at the end');
if (acked.length === 0) failures.push('nothing was acknowledged');
if (Object.keys(statuses).some((code) => Number(code) >= 500 && Number(code) !== 503))
  failures.push('a 5xx other than 503 was answered');
summary.failures = failures;
console.log(JSON.stringify(summary));
process.exit(failures.length ? 1 : 0);
