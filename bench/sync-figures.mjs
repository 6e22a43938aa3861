// Measures delta sync against a running Ducha with the demo data (bench/sync starts one): a full first sync,
// an incremental sync after 100 changes, and a re-check that answers 304. Prints sizes (bytes of the JSON bodies,
// and what gzip would make of them) and times (median of RUNS, each a sequence of page requests from a fresh
// start). Node 20, no dependencies.
import { gzipSync } from "node:zlib";

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:18084";
const OIDC_URL = process.env.OIDC_URL ?? "http://127.0.0.1:8180/realms/ducha";
const RUNS = Number(process.env.RUNS ?? 5);
const CHANGES = 100;

async function token(user) {
  const response = await fetch(`${OIDC_URL}/protocol/openid-connect/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "password", client_id: "ducha-app", username: user, password: user }),
  });
  if (response.status !== 200) throw new Error(`no token for ${user}: ${response.status}`);
  return (await response.json()).access_token;
}

async function call(accessToken, method, path, { body, headers = {} } = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

/** Syncs from `since` until hasMore is false; answers the pages' sizes, the items and the cursor. */
async function syncAll(accessToken, query, since) {
  let cursor = since;
  let pages = 0, items = 0, bytes = 0, gzipped = 0;
  const started = process.hrtime.bigint();
  for (;;) {
    const params = new URLSearchParams({ limit: "200", ...query });
    if (cursor) params.set("since", cursor);
    const page = await call(accessToken, "GET", `/api/v1/sync?${params}`);
    if (page.status !== 200) throw new Error(`sync answered ${page.status}: ${page.bytes}`);
    const body = JSON.parse(page.bytes.toString("utf8"));
    pages++; items += body.items.length; bytes += page.bytes.length; gzipped += gzipSync(page.bytes).length;
    cursor = body.nextCursor;
    if (!body.hasMore) break;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { pages, items, bytes, gzipped, ms, cursor };
}

async function measure(label, run) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await run());
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const r = results[0];
  const median = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(44)} ${String(r.pages).padStart(5)} ${String(r.items).padStart(6)} `
    + `${(r.bytes / 1024).toFixed(1).padStart(9)} ${(r.gzipped / 1024).toFixed(1).padStart(9)} `
    + `${median.toFixed(0).padStart(8)} ${times[0].toFixed(0).padStart(6)}-${times[times.length - 1].toFixed(0)}`);
  return { ...r, ms: median };
}

const admin = await token("admin");
const inspector = await token("weishi-inspector");
const units = await call(admin, "GET", "/api/v1/units?q=WEISHI&limit=200");
const weishi = JSON.parse(units.bytes.toString("utf8")).items.find((u) => u.code === "WEISHI");

console.log(`sync of the demo data at ${BASE_URL}, ${RUNS} runs each, pages of 200`);
console.log(`${"".padEnd(44)} pages  items  size KiB  gzip KiB  median ms  range`);
// Warm-up: the first requests of a fresh JVM are slow for reasons that are not the sync's.
for (let i = 0; i < 3; i++) await syncAll(admin, {});

const full = await measure("full first sync, everything (admin)", () => syncAll(admin, {}));
await measure("first sync, WEISHI working set (inspector)", () => syncAll(inspector, { unitId: weishi.id }));

// 100 changes: edits of demo findings through the API, each one change event.
const findings = JSON.parse((await call(admin, "GET", `/api/v1/findings?limit=${CHANGES}`)).bytes.toString("utf8")).items;
for (const f of findings) {
  const changed = await call(admin, "PUT", `/api/v1/findings/${f.id}`, {
    headers: { "If-Match": `"${f.version}"` },
    body: { inspectionId: f.inspectionId, category: f.category, severity: f.severity,
      description: `${f.description}（复核）`, dueAt: f.dueAt },
  });
  if (changed.status !== 200) throw new Error(`edit answered ${changed.status}: ${changed.bytes}`);
}
const incremental = await measure(`incremental sync after ${findings.length} changes`,
  () => syncAll(admin, {}, full.cursor));
if (incremental.items !== findings.length) throw new Error(`expected ${findings.length} changes, got ${incremental.items}`);

// Nothing changed since: the same request with the page's ETag is a 304 without a body.
const params = new URLSearchParams({ limit: "200", since: incremental.cursor });
const current = await call(admin, "GET", `/api/v1/sync?${params}`);
await measure("re-check with If-None-Match (304)", async () => {
  const started = process.hrtime.bigint();
  const check = await call(admin, "GET", `/api/v1/sync?${params}`, { headers: { "If-None-Match": current.headers.get("etag") } });
  if (check.status !== 304) throw new Error(`expected 304, got ${check.status}`);
  return { pages: 1, items: 0, bytes: check.bytes.length, gzipped: 0, ms: Number(process.hrtime.bigint() - started) / 1e6 };
});
console.log(`incremental / full: size ${(incremental.bytes / full.bytes).toFixed(4)}, `
  + `time ${(incremental.ms / full.ms).toFixed(3)}`);
