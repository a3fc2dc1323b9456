import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, makeApiKey, makeDealer, useTempDatabase } from "@/lib/testing/harness";
import { GET as getEvent } from "../events/[id]/route";
import { GET as listDeliveries } from "../webhook-deliveries/route";
import { POST as rotate } from "./[id]/rotate-secret/route";
import { DELETE, GET as getOne, PATCH } from "./[id]/route";
import { POST as sendTest } from "./[id]/test/route";
import { POST as create, GET as list } from "./route";

let env: ReturnType<typeof useTempDatabase>;
let keyA: string;
let keyB: string;
let readOnlyA: string;

beforeAll(() => {
  env = useTempDatabase();
  process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST = "1";
  keyA = makeApiKey(makeDealer("alpha").id);
  keyB = makeApiKey(makeDealer("beta").id);
  readOnlyA = makeApiKey(makeDealer("alpha").id, ["webhooks.read"]);
});
afterAll(() => env.cleanup());

const newEndpoint = async (
  key = keyA,
  body: unknown = { url: "http://127.0.0.1:9/hook", events: ["service.*"] },
) => call(create, { method: "POST", key, body });

describe("POST /api/v1/webhooks", () => {
  it("creates an endpoint and returns its whsec_ secret once", async () => {
    const res = await newEndpoint();
    expect(res.status).toBe(201);
    expect(res.json.id).toMatch(/^whk_/);
    expect(res.json.secret).toMatch(/^whsec_/);
    expect(res.json.events).toEqual(["service.*"]);
    const again = await call(getOne, { key: keyA, params: { id: res.json.id } });
    expect(again.status).toBe(200);
    expect(again.json.secret).toBeUndefined();
  });

  it("rejects bad input with the error shape and a param, and stores nothing", async () => {
    const before = (await call(list, { key: keyA })).json.data.length;
    const cases: [unknown, string, string][] = [
      [{}, "url", "field_missing"],
      [{ url: "ftp://example.com" }, "url", "url_invalid"],
      [{ url: "https://192.168.0.10/x" }, "url", "url_invalid"],
      [{ url: "http://127.0.0.1:9/x", events: ["not an event"] }, "events.0", "field_invalid"],
      [{ url: "http://127.0.0.1:9/x", events: [] }, "events", "field_invalid"],
    ];
    for (const [body, param, code] of cases) {
      const res = await newEndpoint(keyA, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error).toMatchObject({ type: "invalid_request_error", param, code });
    }
    const broken = await call(create, { method: "POST", key: keyA, body: "{nope" });
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe("invalid_json");
    expect((await call(list, { key: keyA })).json.data.length).toBe(before);
  });

  it("needs a valid key and the webhooks.write scope", async () => {
    expect((await call(list, {})).status).toBe(401);
    expect((await call(list, { key: "fc_live_nope" })).status).toBe(401);
    const res = await newEndpoint(readOnlyA);
    expect(res.status).toBe(403);
    expect(res.json.error.type).toBe("permission_error");
    expect((await call(list, { key: readOnlyA })).status).toBe(200);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response for the same body and refuses a different body", async () => {
    const headers = { "idempotency-key": "create-1" };
    const body = { url: "http://127.0.0.1:9/idem", events: ["*"] };
    const first = await call(create, { method: "POST", key: keyA, body, headers });
    const second = await call(create, { method: "POST", key: keyA, body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json.id).toBe(first.json.id);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const other = await call(create, {
      method: "POST",
      key: keyA,
      body: { ...body, url: "http://127.0.0.1:9/other" },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.json.error.type).toBe("idempotency_error");
    const urls = (await call(list, { key: keyA })).json.data.map((e: { url: string }) => e.url);
    expect(urls.filter((u: string) => u.endsWith("/idem"))).toHaveLength(1);
  });

  it("is scoped to the API key: another dealer's same key is a new request", async () => {
    const headers = { "idempotency-key": "shared-key" };
    const a = await call(create, {
      method: "POST",
      key: keyA,
      body: { url: "http://127.0.0.1:9/a" },
      headers,
    });
    const b = await call(create, {
      method: "POST",
      key: keyB,
      body: { url: "http://127.0.0.1:9/a" },
      headers,
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.json.id).not.toBe(a.json.id);
  });
});

describe("GET/PATCH/DELETE /api/v1/webhooks/:id", () => {
  it("updates url, events, description and enabled", async () => {
    const { json: ep } = await newEndpoint();
    const res = await call(PATCH, {
      method: "PATCH",
      key: keyA,
      params: { id: ep.id },
      body: { events: ["*"], description: "DMS", enabled: false },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ events: ["*"], description: "DMS", enabled: false });
    const empty = await call(PATCH, { method: "PATCH", key: keyA, params: { id: ep.id }, body: {} });
    expect(empty.status).toBe(400);
  });

  it("rotates the secret and returns the new one", async () => {
    const { json: ep } = await newEndpoint();
    const res = await call(rotate, { method: "POST", key: keyA, params: { id: ep.id } });
    expect(res.status).toBe(200);
    expect(res.json.secret).toMatch(/^whsec_/);
    expect(res.json.secret).not.toBe(ep.secret);
  });

  it("enqueues a webhook.test event only for that endpoint, visible in the log", async () => {
    const { json: ep } = await newEndpoint();
    const { json: other } = await newEndpoint();
    const res = await call(sendTest, { method: "POST", key: keyA, params: { id: ep.id } });
    expect(res.status).toBe(202);
    expect(res.json.eventId).toMatch(/^evt_/);
    const log = await call(listDeliveries, {
      key: keyA,
      path: `/api/v1/webhook-deliveries?endpoint=${ep.id}`,
    });
    expect(log.json.data[0]).toMatchObject({
      eventId: res.json.eventId,
      eventType: "webhook.test",
      status: "pending",
    });
    const otherLog = await call(listDeliveries, {
      key: keyA,
      path: `/api/v1/webhook-deliveries?endpoint=${other.id}`,
    });
    expect(otherLog.json.data).toHaveLength(0);
    const event = await call(getEvent, { key: keyA, params: { id: res.json.eventId } });
    expect(event.json).toMatchObject({
      id: res.json.eventId,
      event: "webhook.test",
      type: "webhook_endpoint",
    });
  });

  it("deletes an endpoint; it then 404s", async () => {
    const { json: ep } = await newEndpoint();
    expect((await call(DELETE, { method: "DELETE", key: keyA, params: { id: ep.id } })).status).toBe(200);
    expect((await call(getOne, { key: keyA, params: { id: ep.id } })).status).toBe(404);
  });
});

describe("another dealer", () => {
  it("gets 404 on every id of dealer A", async () => {
    const { json: ep } = await newEndpoint();
    const { json: test } = await call(sendTest, { method: "POST", key: keyA, params: { id: ep.id } });
    const params = { id: ep.id };
    const results = [
      await call(getOne, { key: keyB, params }),
      await call(PATCH, { method: "PATCH", key: keyB, params, body: { enabled: false } }),
      await call(DELETE, { method: "DELETE", key: keyB, params }),
      await call(rotate, { method: "POST", key: keyB, params }),
      await call(sendTest, { method: "POST", key: keyB, params }),
      await call(getEvent, { key: keyB, params: { id: test.eventId } }),
    ];
    for (const r of results) {
      expect(r.status).toBe(404);
      expect(r.json.error.type).toBe("not_found");
    }
    const log = await call(listDeliveries, {
      key: keyB,
      path: `/api/v1/webhook-deliveries?endpoint=${ep.id}`,
    });
    expect(log.json.data).toHaveLength(0);
    expect((await call(getOne, { key: keyA, params })).json.enabled).toBe(true);
  });
});
