import { fetchToken, list, natural, startApi, str, type Api, type Json } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.emu.close();
});

describe("OAuth and authentication", () => {
  it("issues a distinct bearer token per call with expires_in", async () => {
    const res = await fetch(`${api.emu.url}/v2.01/oauth/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${api.clientId}:${api.apiKey}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(res.status).toBe(200);
    expect(body.token_type.toLowerCase()).toBe("bearer");
    expect(body.expires_in).toBe(1200);
    expect(body.access_token).not.toBe(await fetchToken(api.emu.url, api.clientId, api.apiKey));
  });

  it("answers invalid_client for a wrong API key", async () => {
    const res = await fetch(`${api.emu.url}/v2.01/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${api.clientId}:wrong`).toString("base64")}` },
      body: "grant_type=client_credentials",
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe("invalid_client");
  });

  it("rejects a bad, foreign or expired bearer with 401 invalid_credentials", async () => {
    const bad = await fetch(`${api.emu.url}/v2.01/${api.clientId}/users`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { Type: string }).Type).toBe("invalid_credentials");
    const other = await fetch(`${api.emu.url}/v2.01/demo-crowdfunding/users`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(other.status).toBe(401);
    const token = await fetchToken(api.emu.url, api.clientId, api.apiKey);
    api.emu.emulator.clock.advance(1201);
    const expired = await fetch(`${api.emu.url}/v2.01/${api.clientId}/users`, {
      headers: { authorization: `Bearer ${token}` },
    });
    api.emu.emulator.clock.advance(-1201);
    expect(expired.status).toBe(401);
  });

  it("accepts Basic auth on resource calls and keeps clients isolated", async () => {
    const clients = (await (await fetch(`${api.emu.url}/_emulator/clients`)).json()) as Array<{
      ClientId: string;
      ApiKey: string;
    }>;
    expect(clients.map((c) => c.ClientId)).toEqual(["demo-marketplace", "demo-crowdfunding"]);
    const created = await api.call("POST", "/users/natural", natural());
    const other = clients[1];
    const res = await fetch(`${api.emu.url}/v2.01/${other.ClientId}/users/${created.body.Id}`, {
      headers: { authorization: `Basic ${Buffer.from(`${other.ClientId}:${other.ApiKey}`).toString("base64")}` },
    });
    expect(res.status).toBe(404);
  });
});

describe("conventions", () => {
  it("pages with x-number-of-pages, x-number-of-items and link headers", async () => {
    const res = await api.call("GET", "/users?page=2&per_page=5");
    const items = Number(res.headers.get("x-number-of-items"));
    expect(items).toBeGreaterThan(100);
    expect(Number(res.headers.get("x-number-of-pages"))).toBe(Math.ceil(items / 5));
    const link = res.headers.get("link") ?? "";
    for (const rel of ["first", "prev", "next", "last"]) expect(link).toContain(`rel="${rel}"`);
    expect(link).toContain("page=3&per_page=5");
    expect(list(res.body)).toHaveLength(5);
  });

  it("accepts capitalised query keys (Page, Per_Page) and sorts by CreationDate", async () => {
    const asc = list((await api.call("GET", "/users?Per_Page=20&Page=1&Sort=CreationDate:ASC")).body);
    const desc = list((await api.call("GET", "/users?per_page=20&sort=creationdate:desc")).body);
    expect(asc).toHaveLength(20);
    expect(Number(desc[0].CreationDate)).toBeGreaterThanOrEqual(Number(desc[19].CreationDate));
    expect(Number(asc[0].CreationDate)).toBeLessThanOrEqual(Number(asc[19].CreationDate));
  });

  it("filters with repeated and comma-separated values, case-insensitively", async () => {
    const owner = list((await api.call("GET", "/users?per_page=100")).body).find(
      (u) => String(u.UserCategory) === "OWNER",
    );
    const path = `/users/${owner ? str(owner.Id) : "none"}/transactions?per_page=100`;
    const all = list((await api.call("GET", path)).body);
    const statuses = (items: Json[]) => [...new Set(items.map((t) => str(t.Status)))].sort();
    const types = (items: Json[]) => [...new Set(items.map((t) => str(t.Type)))].sort();
    const comma = list((await api.call("GET", `${path}&Status=succeeded,FAILED&Type=payin`)).body);
    const repeated = list((await api.call("GET", `${path}&status=SUCCEEDED&Status=failed&type=PAYIN`)).body);
    expect(comma.length).toBeGreaterThan(0);
    expect(comma.length).toBeLessThan(all.length);
    expect(types(comma)).toEqual(["PAYIN"]);
    expect(statuses(comma).every((s) => s === "SUCCEEDED" || s === "FAILED")).toBe(true);
    expect(repeated.map((t) => t.Id)).toEqual(comma.map((t) => t.Id));
  });

  it("ignores filters MANGOPAY does not document (GET /users?PersonType=…) and sorts only on CreationDate", async () => {
    const all = await api.call("GET", "/users?per_page=100");
    const filtered = await api.call("GET", "/users?per_page=100&PersonType=LEGAL&UserCategory=OWNER");
    expect(filtered.headers.get("x-number-of-items")).toBe(all.headers.get("x-number-of-items"));
    expect(list(filtered.body).map((u) => u.Id)).toEqual(list(all.body).map((u) => u.Id));
    const byEmail = await api.call("GET", "/users?per_page=100&Sort=Email:ASC");
    expect(list(byEmail.body).map((u) => u.Id)).toEqual(list(all.body).map((u) => u.Id));
  });

  it("rejects per_page above 100 and bad dates with param_error", async () => {
    expect((await api.call("GET", "/users?per_page=101")).body.Type).toBe("param_error");
    expect((await api.call("GET", "/events?AfterDate=yesterday")).status).toBe(400);
  });

  it("returns 404 ressource_not_found for unknown ids and routes, 405 for a wrong method", async () => {
    const missing = await api.call("GET", "/users/999999999999");
    expect(missing.status).toBe(404);
    expect(missing.body.Type).toBe("ressource_not_found");
    expect(missing.body.errors.RessourceNotFound).toContain("999999999999");
    expect((await api.call("GET", "/nothing/here")).status).toBe(404);
    expect((await api.call("DELETE", "/wallets")).status).toBe(405);
  });

  it("rejects malformed JSON and malformed idempotency keys", async () => {
    const res = await fetch(`${api.emu.url}/v2.01/${api.clientId}/users/natural`, {
      method: "POST",
      headers: { authorization: `Bearer ${api.token}`, "content-type": "application/json" },
      body: "{nope",
    });
    expect(res.status).toBe(400);
    expect((await api.call("POST", "/users/natural", natural(), { "Idempotency-Key": "short" })).status).toBe(400);
  });

  it("sends the four rate-limit buckets on every response and 429 once the quota is used", async () => {
    const res = await api.call("GET", "/users?per_page=1");
    const made = (res.headers.get("x-ratelimit") ?? "").split(",").map(Number);
    const remaining = (res.headers.get("x-ratelimit-remaining") ?? "").split(",").map(Number);
    const reset = (res.headers.get("x-ratelimit-reset") ?? "").split(",").map(Number);
    expect(made).toHaveLength(4);
    expect(remaining[0]).toBe(2300 - made[0]);
    const now = Math.floor(Date.now() / 1000);
    expect(reset.map((r) => Math.round((r - now) / 60))).toEqual([15, 30, 60, 1440]);

    await api.control("POST", "/ratelimit", { limits: [made[0] + 2, 4500, 8800, 105600] });
    expect((await api.call("GET", "/users?per_page=1")).status).toBe(200);
    expect((await api.call("GET", "/users?per_page=1")).status).toBe(200);
    const limited = await api.call("GET", "/users?per_page=1");
    expect(limited.status).toBe(429);
    expect(limited.body.Type).toBe("rate_limit");
    expect(limited.headers.get("x-ratelimit-remaining")?.split(",")[0].trim()).toBe("0");
    await api.control("POST", "/ratelimit", { reset: true });
    expect((await api.call("GET", "/users?per_page=1")).status).toBe(200);
  });
});
