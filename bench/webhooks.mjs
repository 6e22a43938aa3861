// Parts of bench/webhooks.sh, each a process of its own; they share the machine's clock, so their times compare.
//   node bench/webhooks.mjs receive <port> <log.jsonl>
//       A receiver on 127.0.0.1 that answers every POST 204 at once and logs {path, id, type, entityId, at}.
//   node bench/webhooks.mjs pace '{api, token, unitId, siteId, rate, seconds, log}'
//       Reports findings at a steady rate (an open schedule: a write is sent when due, whether or not the ones
//       before it were answered) and logs {id, sentAt, ackedAt} per acknowledged write.
//   node bench/webhooks.mjs lag '{received, paced, endpoints}'
//       For each paced write and endpoint, the receive time of its finding.reported minus the write's
//       acknowledgement (just after its commit) and minus its sending; prints p50/p99 and what never arrived.
import { createServer } from 'node:http';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

const [mode, ...args] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const lines = (file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

if (mode === 'receive') {
  const [port, log] = args;
  writeFileSync(log, '');
  createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      res.writeHead(204).end();
      let type = null;
      let entityId = null;
      try {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        type = event.type;
        entityId = event.data?.id ?? null;
      } catch (e) {
        // not an event: logged without type
      }
      appendFileSync(log, JSON.stringify({ path: req.url, id: req.headers['webhook-id'], type, entityId, at }) + '\n');
    });
  }).listen(Number(port), '127.0.0.1', () => console.log(`receiving on ${port}`));
} else if (mode === 'pace') {
  const cfg = JSON.parse(args[0]);
  writeFileSync(cfg.log, '');
  const total = Math.round(cfg.rate * cfg.seconds);
  const start = Date.now();
  const sends = [];
  const failures = {};
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1000) / cfg.rate;
    if (due > Date.now()) await sleep(due - Date.now());
    sends.push((async () => {
      const sentAt = Date.now();
      try {
        const response = await fetch(`${cfg.api}/api/v1/findings`, { method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${cfg.token}` },
          body: JSON.stringify({ unitId: cfg.unitId, siteId: cfg.siteId, category: 'DISINFECTION', severity: 'LOW',
            description: 'bench webhooks lag' }) });
        const body = await response.text();
        if (response.status === 201) {
          appendFileSync(cfg.log, JSON.stringify({ id: JSON.parse(body).id, sentAt, ackedAt: Date.now() }) + '\n');
        } else {
          failures[response.status] = (failures[response.status] ?? 0) + 1;
        }
      } catch (e) {
        failures[e.name] = (failures[e.name] ?? 0) + 1;
      }
    })());
  }
  await Promise.all(sends);
  const achieved = total / ((Date.now() - start) / 1000);
  console.log(JSON.stringify({ intended: total, rate: cfg.rate, achievedRate: Number(achieved.toFixed(1)), failures }));
} else if (mode === 'lag') {
  const cfg = JSON.parse(args[0]);
  const paced = lines(cfg.paced);
  const received = lines(cfg.received).filter((r) => r.type === 'finding.reported');
  const first = new Map(); // path + entity -> first receive time
  for (const r of received) {
    const key = `${r.path} ${r.entityId}`;
    if (!first.has(key)) first.set(key, r.at);
  }
  const fromAck = [];
  const fromSend = [];
  let missing = 0;
  for (const write of paced) {
    for (const path of cfg.endpoints) {
      const at = first.get(`${path} ${write.id}`);
      if (at === undefined) {
        missing++;
      } else {
        fromAck.push(at - write.ackedAt);
        fromSend.push(at - write.sentAt);
      }
    }
  }
  const pct = (values, p) => {
    if (!values.length) return null;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  };
  console.log(JSON.stringify({ writes: paced.length, endpoints: cfg.endpoints.length, deliveries: fromAck.length,
    missing, lagFromAckMs: { p50: pct(fromAck, 50), p99: pct(fromAck, 99), max: pct(fromAck, 100) },
    lagFromSendMs: { p50: pct(fromSend, 50), p99: pct(fromSend, 99) },
    writeLatencyMs: { p50: pct(paced.map((w) => w.ackedAt - w.sentAt), 50),
      p99: pct(paced.map((w) => w.ackedAt - w.sentAt), 99) } }));
} else {
  console.error('usage: webhooks.mjs receive|pace|lag …');
  process.exit(2);
}
