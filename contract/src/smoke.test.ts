// Drives a running Ducha through the client generated from openapi.yaml, as a mobile app would: real tokens from
// Keycloak, a finding reported with an Idempotency-Key and retried, a sync, a photo upload and download.
// scripts/contract starts the service and Keycloak and runs this; BASE_URL and OIDC_URL say where they are.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, it } from "node:test";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./generated/api.js";

type Finding = components["schemas"]["Finding"];
type SyncChange = components["schemas"]["SyncChange"];

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:18084";
const OIDC_URL = process.env.OIDC_URL ?? "http://127.0.0.1:8180/realms/ducha";

async function token(user: string): Promise<string> {
  const response = await fetch(`${OIDC_URL}/protocol/openid-connect/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "password", client_id: "ducha-app", username: user, password: user }),
  });
  assert.equal(response.status, 200, `token for ${user}`);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

function clientFor(accessToken: string): Client<paths> {
  const client = createClient<paths>({ baseUrl: BASE_URL });
  const bearer: Middleware = {
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${accessToken}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}

/** A JPEG as far as the service can tell: its signature, then bytes. */
function photo(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) % 256;
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

describe("Ducha through its published contract", () => {
  let inspector: Client<paths>;
  let unitId: string;
  let siteId: string;
  let finding: Finding;

  before(async () => {
    inspector = clientFor(await token("weishi-inspector"));
    const me = await inspector.GET("/api/v1/me");
    assert.equal(me.response.status, 200);
    assert.equal(me.data?.unitCode, "WEISHI-G1");
    assert.ok(me.data?.unit, "the demo data has the inspector's unit");
    unitId = me.data.unit.id!;
    const sites = await inspector.GET("/api/v1/sites", { params: { query: { district: "尉氏县", limit: 1 } } });
    assert.equal(sites.response.status, 200);
    siteId = sites.data!.items![0]!.id!;
  });

  it("reports a finding with an Idempotency-Key; the retry replays it", async () => {
    const key = randomUUID();
    const body = {
      id: randomUUID(),
      unitId,
      siteId,
      category: "CROWD_CONTROL" as const,
      severity: "MEDIUM" as const,
      description: `排队间距不足1米 (smoke ${key})`,
    };
    const first = await inspector.POST("/api/v1/findings", { params: { header: { "Idempotency-Key": key } }, body });
    assert.equal(first.response.status, 201);
    assert.equal(first.data?.id, body.id);
    assert.equal(first.data?.status, "OPEN");
    assert.equal(first.response.headers.get("ETag"), '"0"');
    const retry = await inspector.POST("/api/v1/findings", { params: { header: { "Idempotency-Key": key } }, body });
    assert.equal(retry.response.status, 201);
    assert.equal(retry.response.headers.get("Idempotent-Replayed"), "true");
    assert.deepEqual(retry.data, first.data);
    const reused = await inspector.POST("/api/v1/findings", {
      params: { header: { "Idempotency-Key": key } },
      body: { ...body, description: "另一个问题" },
    });
    assert.equal(reused.response.status, 422);
    assert.equal(reused.error?.code, "IDEMPOTENCY_KEY_REUSED");
    finding = first.data!;
  });

  it("syncs the inspector's working set, then answers 304 while nothing changes", async () => {
    const copy = new Map<string, SyncChange>();
    let since: string | undefined;
    for (let pages = 0; ; pages++) {
      assert.ok(pages < 1000, "the sync ends");
      const page = await inspector.GET("/api/v1/sync", { params: { query: { unitId, since, limit: 200 } } });
      assert.equal(page.response.status, 200);
      for (const change of page.data!.items!) {
        const key = `${change.entity}/${change.id}`;
        if (change.op === "DELETE") copy.delete(key);
        else copy.set(key, change);
      }
      since = page.data!.nextCursor!;
      if (!page.data!.hasMore) break;
    }
    assert.ok(copy.has(`unit/${unitId}`));
    assert.ok(copy.has(`finding/${finding.id}`), "the new finding is in the copy");
    assert.ok([...copy.keys()].filter((key) => key.startsWith("site/")).length >= 158, "the county's checkpoints");

    const again = await inspector.GET("/api/v1/sync", { params: { query: { unitId, since } } });
    assert.equal(again.response.status, 200);
    const etag = again.response.headers.get("ETag")!;
    const unchanged = await inspector.GET("/api/v1/sync", {
      params: { query: { unitId, since }, header: { "If-None-Match": etag } },
    });
    assert.equal(unchanged.response.status, 304);
  });

  it("uploads a photo to the finding and downloads it whole and in part", async () => {
    const bytes = photo(300_000);
    const uploaded = await inspector.POST("/api/v1/findings/{findingId}/attachments", {
      params: { path: { findingId: finding.id! }, query: { fileName: "现场.jpg" }, header: { "Idempotency-Key": randomUUID() } },
      body: bytes as unknown as string,
      bodySerializer: (body) => body as unknown as BodyInit,
      headers: { "Content-Type": "image/jpeg" },
    });
    assert.equal(uploaded.response.status, 201, JSON.stringify(uploaded.error));
    assert.equal(uploaded.data?.mediaType, "image/jpeg");
    assert.equal(uploaded.data?.sizeBytes, bytes.length);

    const listed = await inspector.GET("/api/v1/findings/{findingId}/attachments", {
      params: { path: { findingId: finding.id! } },
    });
    assert.deepEqual(listed.data?.items?.map((a) => a.id), [uploaded.data!.id]);

    const whole = await inspector.GET("/api/v1/findings/{findingId}/attachments/{id}", {
      params: { path: { findingId: finding.id!, id: uploaded.data!.id! } },
      parseAs: "arrayBuffer",
    });
    assert.equal(whole.response.status, 200);
    assert.equal(whole.response.headers.get("Content-Type"), "image/jpeg");
    assert.deepEqual(new Uint8Array(whole.data as ArrayBuffer), bytes);

    const part = await inspector.GET("/api/v1/findings/{findingId}/attachments/{id}", {
      params: { path: { findingId: finding.id!, id: uploaded.data!.id! }, header: { Range: "bytes=1000-1999" } },
      parseAs: "arrayBuffer",
    });
    assert.equal(part.response.status, 206);
    assert.equal(part.response.headers.get("Content-Range"), `bytes 1000-1999/${bytes.length}`);
    assert.deepEqual(new Uint8Array(part.data as ArrayBuffer), bytes.slice(1000, 2000));
  });

  it("records a visit with a check-in, and closes a HIGH finding only with an AFTER photo", async () => {
    const visit = await inspector.POST("/api/v1/inspections", {
      body: {
        id: randomUUID(),
        unitId,
        siteId,
        startedAt: new Date(Date.now() - 3_600_000).toISOString(),
        inspectorCount: 2,
        method: "UNANNOUNCED",
        checkIn: { latitude: 34.3601, longitude: 114.2571, accuracy: 12.5, recordedAt: new Date().toISOString() },
      },
    });
    assert.equal(visit.response.status, 201, JSON.stringify(visit.error));
    // The demo's sites have no coordinates: nothing is proved either way.
    assert.equal(visit.data?.presence, "UNKNOWN");
    assert.equal(visit.data?.checkIn?.accuracy, 12.5);

    const high = await inspector.POST("/api/v1/findings", {
      body: { unitId, siteId, category: "DISINFECTION", severity: "HIGH", description: "消毒记录缺失 (smoke)" },
    });
    assert.equal(high.response.status, 201);
    const rectify = { action: "RECTIFY" as const, note: "已整改" };
    const refused = await inspector.POST("/api/v1/findings/{id}/transitions", {
      params: { path: { id: high.data!.id! } },
      body: rectify,
    });
    assert.equal(refused.response.status, 409);
    assert.equal(refused.error?.code, "EVIDENCE_REQUIRED");
    const after = await inspector.POST("/api/v1/findings/{findingId}/attachments", {
      params: { path: { findingId: high.data!.id! }, query: { role: "AFTER" } },
      body: photo(4096) as unknown as string,
      bodySerializer: (body) => body as unknown as BodyInit,
      headers: { "Content-Type": "image/jpeg" },
    });
    assert.equal(after.response.status, 201);
    assert.equal(after.data?.role, "AFTER");
    const done = await inspector.POST("/api/v1/findings/{id}/transitions", {
      params: { path: { id: high.data!.id! } },
      body: rectify,
    });
    assert.equal(done.response.status, 200);
    assert.equal(done.data?.status, "RECTIFIED");

    const summary = await inspector.GET("/api/v1/reports/summary", { params: { query: { unitId } } });
    assert.equal(summary.response.status, 200);
    // JSON (the summary is CSV too, by Accept): the check-in figures are in it.
    const figures = summary.data as components["schemas"]["Summary"];
    assert.equal(typeof figures.inspectionsVerified, "number");
    assert.ok(figures.verifiedVisitRate === undefined || figures.verifiedVisitRate === null
      || (figures.verifiedVisitRate >= 0 && figures.verifiedVisitRate <= 1));
  });

  it("refuses a renamed executable", async () => {
    const executable = new Uint8Array(2048);
    executable.set([0x4d, 0x5a, 0x90, 0x00], 0);
    const refused = await inspector.POST("/api/v1/findings/{findingId}/attachments", {
      params: { path: { findingId: finding.id! }, query: { fileName: "photo.jpg" } },
      body: executable as unknown as string,
      bodySerializer: (body) => body as unknown as BodyInit,
      headers: { "Content-Type": "image/jpeg" },
    });
    assert.equal(refused.response.status, 415);
    assert.equal(refused.error?.code, "UNSUPPORTED_MEDIA_TYPE");
  });
});
