// Issue 21, item 8a: /healthz showed anyone the deployment id and the D1 and
// R2 timings. The public (an uptime monitor included) gets the status alone,
// 200 {"status":"ok"} or 503 {"status":"degraded"}; the details need the
// operators' secret, HEALTHZ_SECRET, as a Bearer token (docs/operations.md).
import { describe, expect, it } from "vitest";
import { withFaults } from "./setup/faults";
import { get } from "./setup/http";

const SECRET = "mot-chuoi-bi-mat-cua-nguoi-van-hanh-4f9c2a";
const DEPLOYMENT = { id: "b7e1c0de-2026-11-28-deploy", tag: "", timestamp: "2026-11-28T18:00:00Z" };
const configured = { HEALTHZ_SECRET: SECRET, CF_VERSION_METADATA: DEPLOYMENT };
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

interface Details {
  status: string;
  d1: { ok: boolean; ms: number; error?: string };
  r2: { ok: boolean; ms: number; error?: string };
  version: string;
}

describe("/healthz for the public", () => {
  it("answers the status alone: no deployment id, no timings, never cached", async () => {
    const res = await get("/healthz", {}, configured);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const body = await res.text();
    expect(JSON.parse(body)).toStrictEqual({ status: "ok" });
    expect(body).not.toContain(DEPLOYMENT.id);
    // Monitors that only HEAD it get the same status.
    expect((await get("/healthz", { method: "HEAD" }, configured)).status).toBe(200);
  });

  it("still tells a monitor when D1 or R2 is down (503), without saying which or why", async () => {
    const faulty = withFaults();
    faulty.faults.db = "down";
    const d1Down = await get("/healthz", {}, { ...faulty.env, ...configured });
    expect(d1Down.status).toBe(503);
    expect(await d1Down.json()).toStrictEqual({ status: "degraded" });
    // Bindings of their own: the public's answers share one round of probes per isolate and bindings for 5 s.
    const other = withFaults();
    other.faults.media = "down";
    const r2Down = await get("/healthz", {}, { ...other.env, ...configured });
    expect(r2Down.status).toBe(503);
    expect(await r2Down.json()).toStrictEqual({ status: "degraded" });
  });

  it("costs D1 and R2 one call each per 5 s however often the public asks; an operator always probes", async () => {
    const faulty = withFaults();
    let queries = 0;
    const db = new Proxy(faulty.env.DB, {
      get(target, prop) {
        if (prop === "prepare") queries += 1;
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const counted = { ...faulty.env, DB: db, ...configured };
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) answers.push((await get("/healthz", {}, counted)).status);
    expect(answers).toEqual(Array(20).fill(200));
    expect(queries).toBe(1);
    expect((await get("/healthz", bearer(SECRET), counted)).status).toBe(200);
    expect(queries).toBe(2);
  });

  it("ignores another scheme's credentials (a proxy's Basic login): the status alone, as for anyone", async () => {
    const res = await get("/healthz", { headers: { authorization: `Basic ${btoa(`ops:${SECRET}`)}` } }, configured);
    expect(res.status).toBe(200);
    expect(await res.json()).toStrictEqual({ status: "ok" });
  });

  it("gives no details when the operators have set no secret, whatever is sent", async () => {
    const res = await get("/healthz", bearer("local"), { CF_VERSION_METADATA: DEPLOYMENT });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(DEPLOYMENT.id);
    expect(await (await get("/healthz", {}, { CF_VERSION_METADATA: DEPLOYMENT })).json()).toStrictEqual({
      status: "ok",
    });
  });
});

describe("/healthz for the operators (Authorization: Bearer HEALTHZ_SECRET)", () => {
  it("shows each part's state and time and the deployment id", async () => {
    const res = await get("/healthz", bearer(SECRET), configured);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const body = await res.json<Details>();
    expect(body).toMatchObject({ status: "ok", d1: { ok: true }, r2: { ok: true }, version: DEPLOYMENT.id });
    expect(typeof body.d1.ms).toBe("number");
    expect(typeof body.r2.ms).toBe("number");
  });

  it("names the part that is down and its error", async () => {
    const faulty = withFaults();
    faulty.faults.db = "down";
    const res = await get("/healthz", bearer(SECRET), { ...faulty.env, ...configured });
    expect(res.status).toBe(503);
    const body = await res.json<Details>();
    expect(body).toMatchObject({ status: "degraded", d1: { ok: false }, r2: { ok: true } });
    expect(body.d1.error).toContain("D1_ERROR");
  });

  it("refuses a wrong or malformed secret with 401 and a Vietnamese message, showing nothing", async () => {
    for (const authorization of [
      `Bearer ${SECRET}x`,
      `Bearer ${SECRET.slice(0, -1)}`,
      `Bearer ${SECRET} ${SECRET}`,
      "Bearer",
    ]) {
      const res = await get("/healthz", { headers: { authorization } }, configured);
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(res.headers.get("cache-control")).toContain("no-store");
      const text = await res.text();
      expect(JSON.parse(text).error).toContain("Mã kiểm tra");
      expect(text).not.toContain(DEPLOYMENT.id);
      expect(text).not.toMatch(/"ms"|"d1"|"r2"/);
    }
  });
});
