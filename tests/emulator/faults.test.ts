import { idemKey, list, natural, startApi, str, type Api } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({ seed: null });
});
afterAll(async () => {
  await api.emu.close();
});
afterEach(async () => {
  await api.control("DELETE", "/faults");
});

const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${api.emu.url}/v2.01/${api.clientId}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${api.token}`, "content-type": "application/json", ...init.headers },
  });

describe("fault injection", () => {
  it("validates, lists and deletes faults", async () => {
    expect((await api.control("POST", "/faults", { kind: "boom" })).status).toBe(400);
    expect((await api.control("POST", "/faults", { kind: "error", status: 418 })).status).toBe(400);
    const f = await api.control("POST", "/faults", { kind: "error", route: "/users/*" });
    expect(f.status).toBe(201);
    expect(f.body).toMatchObject({ kind: "error", route: "/users/*", status: 500, rate: 1, count: null });
    expect(list((await api.control("GET", "/faults")).body)).toHaveLength(1);
    expect((await api.control("DELETE", `/faults/${f.body.id}`)).status).toBe(200);
    expect((await api.control("DELETE", `/faults/${f.body.id}`)).status).toBe(404);
    expect(list((await api.control("GET", "/faults")).body)).toHaveLength(0);
  });

  it("adds latency with jitter", async () => {
    await api.control("POST", "/faults", { kind: "latency", latencyMs: 150, jitterMs: 20 });
    const t = Date.now();
    expect((await raw("/users")).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(145);
    await api.control("DELETE", "/faults");
    const t2 = Date.now();
    await raw("/users");
    expect(Date.now() - t2).toBeLessThan(100);
  });

  it("answers 5xx on matching routes and methods only, for `count` requests", async () => {
    await api.control("POST", "/faults", { kind: "error", route: "/users*", method: "GET", status: 503, count: 2 });
    const first = await raw("/users");
    expect(first.status).toBe(503);
    expect(((await first.json()) as { Type: string }).Type).toBe("other");
    expect((await raw("/wallets/1")).status).toBe(404);
    expect((await raw("/users/natural", { method: "POST", body: JSON.stringify(natural()) })).status).toBe(200);
    expect((await raw("/USERS/")).status).toBe(503);
    expect((await raw("/users")).status).toBe(200);
  });

  it("applies with the given probability", async () => {
    await api.control("POST", "/faults", { kind: "error", rate: 0 });
    for (let i = 0; i < 5; i++) expect((await raw("/users")).status).toBe(200);
  });

  it("answers 429 rate_limit with exhausted headers", async () => {
    await api.control("POST", "/faults", { kind: "rate_limit", route: "*" });
    const res = await raw("/users");
    expect(res.status).toBe(429);
    expect(((await res.json()) as { Type: string }).Type).toBe("rate_limit");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0, 0, 0, 0");
  });

  it("holds a request open on timeout until the client gives up", async () => {
    await api.control("POST", "/faults", { kind: "timeout", route: "/users" });
    await expect(raw("/users", { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    await api.control("DELETE", "/faults");
    expect((await raw("/users")).status).toBe(200);
  });

  it("drops a POST after committing it: the idempotent response is recoverable", async () => {
    await api.control("POST", "/faults", { kind: "drop", route: "/users/natural", method: "POST", count: 1 });
    const key = idemKey();
    await expect(
      raw("/users/natural", {
        method: "POST",
        body: JSON.stringify(natural({ LastName: "Dropped" })),
        headers: { "Idempotency-Key": key },
      }),
    ).rejects.toThrow();
    const stored = await api.call("GET", `/responses/${key}`);
    expect(stored.body.StatusCode).toBe("200");
    const user = await api.call("GET", `/users/${stored.body.Resource.Id}`);
    expect(str(user.body.LastName)).toBe("Dropped");
    expect((await api.call("POST", "/users/natural", natural(), { "Idempotency-Key": key })).status).toBe(409);
  });

  it("drops a GET mid-response", async () => {
    await api.control("POST", "/faults", { kind: "drop", route: "/users", method: "GET" });
    await expect(raw("/users").then((r) => r.text())).rejects.toThrow();
  });

  it("never applies to control endpoints", async () => {
    await api.control("POST", "/faults", { kind: "error" });
    expect((await api.control("GET", "/clients")).status).toBe(200);
  });
});
