// Webhooks under faults, for scripts/faults (scenario webhook-restart). Three parts, run as separate processes so
// that the script can restart the service between them:
//   node webhooks.mjs receive <port> <log.jsonl>
//       A receiver on 127.0.0.1. PUT /_secret/<path> registers an endpoint's secret (the body); every other request
//       is a delivery: checked with the standardwebhooks package (an implementation independent of Ducha's) and
//       answered 500 on every other request of its path (the first included), else 204. Each delivery is one line
//       of the log: {path, id, status, verified, entityId, version, body}.
//   node webhooks.mjs write '<json config>'
//       {api, token, unitId, siteId, run, writes, workers, acked}: reports `writes` findings, each with its own
//       Idempotency-Key, retried with the same key and body until a 2xx (as the mobile app does); appends every
//       acknowledged one to the file `acked` ({marker, id}), which the script watches to restart the service.
//   node webhooks.mjs check '<json config>'
//       {log, acked, psql, endpoints: {path: {id, since}}}: every committed event of each endpoint delivered (2xx),
//       first deliveries in the change log's order, duplicates only with the same webhook-id and body, every
//       signature verified. Prints one JSON line; exits 1 if a check failed.
import { createServer } from 'node:http';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const [mode, ...args] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (mode === 'receive') {
  // The verifier's own install (scripts/webhook-verify, npm ci), so the version is the one the tests pin.
  const require = createRequire(new URL('../../scripts/webhook-verify/package.json', import.meta.url));
  const { Webhook } = require('standardwebhooks');
  const [port, logFile] = args;
  const secrets = {};
  const counts = {};
  writeFileSync(logFile, '');
  createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'PUT' && req.url.startsWith('/_secret/')) {
        secrets['/' + req.url.slice('/_secret/'.length)] = body.trim();
        res.writeHead(204).end();
        return;
      }
      const path = req.url;
      let verified = false;
      try {
        new Webhook(secrets[path]).verify(body, req.headers);
        verified = true;
      } catch (e) {
        // recorded below; the check fails the run on any unverified delivery
      }
      counts[path] = (counts[path] ?? 0) + 1;
      const status = counts[path] % 2 === 1 ? 500 : 204;
      let entityId = null;
      let version = null;
      try {
        const event = JSON.parse(body);
        entityId = event.data?.id ?? null;
        version = event.data?.version ?? null;
      } catch (e) {
        // not JSON: kept as received
      }
      appendFileSync(logFile, JSON.stringify({ path, id: req.headers['webhook-id'], status, verified, entityId,
        version, at: Date.now(), body }) + '\n');
      res.writeHead(status).end(status === 500 ? 'failing on purpose' : undefined);
    });
  }).listen(Number(port), '127.0.0.1', () => console.log(`receiving on ${port}`));
} else if (mode === 'write') {
  const cfg = JSON.parse(args[0]);
  writeFileSync(cfg.acked, '');
  const statuses = {};
  let next = 0;
  let attempts = 0;
  async function worker() {
    for (let n = next++; n < cfg.writes; n = next++) {
      const marker = `${cfg.run}-${n}`;
      const key = randomUUID();
      const body = JSON.stringify({ unitId: cfg.unitId, siteId: cfg.siteId, category: 'DISINFECTION',
        severity: 'MEDIUM', description: marker });
      for (let backoff = 50; ; backoff = Math.min(backoff * 2, 1000)) {
        attempts++;
        let code;
        let id = null;
        try {
          const response = await fetch(`${cfg.api}/api/v1/findings`, { method: 'POST', body,
            signal: AbortSignal.timeout(5000), headers: { 'Content-Type': 'application/json',
              Authorization: `Bearer ${cfg.token}`, 'Idempotency-Key': key } });
          code = response.status;
          const text = await response.text();
          if (code === 200 || code === 201) id = JSON.parse(text).id;
        } catch (e) {
          code = e.name === 'TimeoutError' ? 'timeout' : 'network';
        }
        statuses[code] = (statuses[code] ?? 0) + 1;
        if (id) {
          appendFileSync(cfg.acked, JSON.stringify({ marker, id }) + '\n');
          break;
        }
        await sleep(backoff);
      }
    }
  }
  await Promise.all(Array.from({ length: cfg.workers }, worker));
  console.log(JSON.stringify({ writes: cfg.writes, attempts, statuses }));
  // A 5xx other than 503 (unavailable while stopping or starting) is a defect whatever the write's fate.
  process.exit(Object.keys(statuses).some((c) => Number(c) >= 500 && Number(c) !== 503) ? 1 : 0);
} else if (mode === 'check') {
  const cfg = JSON.parse(args[0]);
  const received = readFileSync(cfg.log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const acked = readFileSync(cfg.acked, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const summary = { acknowledgedWrites: acked.length, endpoints: {} };
  const failures = [];
  for (const [path, endpoint] of Object.entries(cfg.endpoints)) {
    // The endpoint's committed events: the change log after its starting cursor (the stream's first message
    // marks it; the scenario's writes all come after registration), findings of this run, in the log's order.
    const expected = execSync(`${cfg.psql} -c "select 'msg_' || seq || '|' || entity_id from change_event
        where entity = 'finding' and op = 'CREATE' and seq > ${endpoint.since}
          and data->>'description' like '${cfg.run}-%' order by tx, seq"`, { encoding: 'utf8' })
      .trim().split('\n').filter(Boolean).map((line) => { const [id, entityId] = line.split('|'); return { id, entityId }; });
    const mine = received.filter((r) => r.path === path);
    const ok = mine.filter((r) => r.status < 300);
    const firstOk = [];
    const bodies = new Map();
    let duplicates = 0;
    let duplicateMismatch = 0;
    for (const r of ok) {
      if (bodies.has(r.id)) {
        duplicates++;
        if (bodies.get(r.id) !== r.body) duplicateMismatch++;
      } else {
        bodies.set(r.id, r.body);
        firstOk.push(r);
      }
    }
    const expectedIds = expected.map((e) => e.id);
    const deliveredIds = firstOk.map((r) => r.id);
    const expectedSet = new Set(expectedIds);
    const missing = expectedIds.filter((id) => !bodies.has(id));
    const unexpected = deliveredIds.filter((id) => !expectedSet.has(id));
    // In order: the first deliveries are the change log's events in its order (a prefix of it while some wait).
    const inOrder = deliveredIds.filter((id) => expectedSet.has(id)).every((id, i) => id === expectedIds[i]);
    const ackedIds = new Set(expected.map((e) => e.entityId));
    const ackedMissing = acked.filter((a) => !ackedIds.has(a.id)).length;
    const idMismatch = firstOk.filter((r) => expectedSet.has(r.id)
      && expected.find((e) => e.id === r.id).entityId !== r.entityId).length;
    const s = { committedEvents: expected.length, requests: mine.length, answered500: mine.length - ok.length,
      delivered: firstOk.length, missing: missing.length, unexpected: unexpected.length, inOrder, duplicates,
      duplicateMismatch, unverified: mine.filter((r) => !r.verified).length, acknowledgedNotInChangeLog: ackedMissing,
      bodyOfAnotherRow: idMismatch, rowsUnderTwoIds: firstOk.length - new Set(firstOk.map((r) => r.entityId)).size };
    summary.endpoints[path] = s;
    if (s.committedEvents < acked.length) failures.push(`${path}: fewer committed events than acknowledged writes`);
    if (s.acknowledgedNotInChangeLog) failures.push(`${path}: an acknowledged write has no change event`);
    if (s.missing) failures.push(`${path}: ${s.missing} committed events never delivered (first ${missing[0]})`);
    if (s.unexpected) failures.push(`${path}: ${s.unexpected} deliveries of events not in the change log`);
    if (!s.inOrder) failures.push(`${path}: first deliveries not in the change log's order`);
    if (s.duplicateMismatch) failures.push(`${path}: a webhook-id delivered twice with different bodies`);
    if (s.unverified) failures.push(`${path}: ${s.unverified} requests did not verify with standardwebhooks`);
    if (s.bodyOfAnotherRow) failures.push(`${path}: a webhook-id carried another row's event`);
    if (s.rowsUnderTwoIds) failures.push(`${path}: one event delivered under two webhook-ids`);
    if (s.answered500 === 0) failures.push(`${path}: the receiver never failed, so the retries went untested`);
  }
  summary.failures = failures;
  console.log(JSON.stringify(summary));
  process.exit(failures.length ? 1 : 0);
} else {
  console.error('usage: webhooks.mjs receive|write|check …');
  process.exit(2);
}
