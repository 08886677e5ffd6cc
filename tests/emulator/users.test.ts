import { idemKey, legal, natural, SMALL_SEED, startApi, type Api } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi(SMALL_SEED);
});
afterAll(async () => {
  await api.emu.close();
});

describe("users", () => {
  it("creates, reads, updates a natural user with case-insensitive paths and a trailing slash", async () => {
    const created = await api.call("POST", "/Users/Natural/", natural());
    expect(created.status).toBe(200);
    expect(created.body.PersonType).toBe("NATURAL");
    expect(created.body.UserCategory).toBe("OWNER");
    expect(typeof created.body.CreationDate).toBe("number");
    const id = created.body.Id;
    expect((await api.call("GET", `/users/${id}`)).body.FirstName).toBe("Ada");
    const updated = await api.call("PUT", `/users/natural/${id}`, { FirstName: "Augusta", Tag: "vip" });
    expect(updated.body).toMatchObject({ FirstName: "Augusta", LastName: "Lovelace", Tag: "vip" });
  });

  it("creates a legal user and rejects it as a natural one with 404", async () => {
    const created = await api.call("POST", "/users/legal", legal());
    expect(created.status).toBe(200);
    const res = await api.call("GET", `/users/natural/${created.body.Id}`);
    expect(res.status).toBe(404);
    expect(res.body.Type).toBe("ressource_not_found");
  });

  it("updates a legal user and emits USER_CATEGORY_UPDATED_TO_OWNER when a payer becomes owner", async () => {
    const created = await api.call(
      "POST",
      "/users/legal",
      legal({ UserCategory: "PAYER", TermsAndConditionsAccepted: false }),
    );
    expect(created.body.UserCategory).toBe("PAYER");
    const refused = await api.call("PUT", `/users/legal/${created.body.Id}`, { UserCategory: "OWNER" });
    expect(refused.body.Type).toBe("user_hasnt_accepted_terms_and_conditions");
    const updated = await api.call("PUT", `/users/legal/${created.body.Id}`, {
      UserCategory: "OWNER",
      TermsAndConditionsAccepted: true,
      Name: "Acme Group",
    });
    expect(updated.body).toMatchObject({ UserCategory: "OWNER", Name: "Acme Group", TermsAndConditionsAccepted: true });
    const events = await api.call("GET", "/events?EventType=USER_CATEGORY_UPDATED_TO_OWNER&Sort=Date:DESC&per_page=5");
    expect(events.body[0]).toMatchObject({ ResourceId: created.body.Id, EventType: "USER_CATEGORY_UPDATED_TO_OWNER" });
    expect((await api.call("PUT", `/users/natural/${created.body.Id}`, { FirstName: "X" })).status).toBe(404);
  });

  it("returns field messages for invalid input", async () => {
    const res = await api.call("POST", "/users/natural", { FirstName: "X", Email: "nope" });
    expect(res.status).toBe(400);
    expect(res.body.Type).toBe("param_error");
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(["Email", "LastName"]));
  });

  it("requires accepted terms for an OWNER", async () => {
    const res = await api.call("POST", "/users/natural", natural({ TermsAndConditionsAccepted: false }));
    expect(res.status).toBe(400);
    expect(res.body.Type).toBe("user_hasnt_accepted_terms_and_conditions");
  });

  it("lists users as the reduced projection with pagination headers", async () => {
    await api.call("POST", "/users/legal", legal());
    const res = await api.call("GET", "/users?per_page=2&page=1");
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.body[0].FirstName).toBeUndefined();
    expect(Number(res.headers.get("x-number-of-items"))).toBeGreaterThanOrEqual(2);
    expect(res.headers.get("link")).toContain('rel="next"');
    expect(res.headers.get("x-ratelimit")?.split(",")).toHaveLength(4);
    expect((await api.call("GET", "/users?per_page=101")).status).toBe(400);
  });

  it("rejects a reused Idempotency-Key with 409 and replays the stored response", async () => {
    const key = idemKey();
    const first = await api.call("POST", "/users/natural", natural(), { "Idempotency-Key": key });
    const second = await api.call("POST", "/users/natural", natural(), { "Idempotency-Key": key });
    expect(second.status).toBe(409);
    expect(second.body.Type).toBe("idempotent_creation_conflict");
    const stored = await api.call("GET", `/responses/${key}`);
    expect(stored.body.StatusCode).toBe("200");
    expect(stored.body.Resource.Id).toBe(first.body.Id);
  });

  it("closes a user whose wallets are empty; the regulatory view then blocks both ways", async () => {
    const created = await api.call("POST", "/users/natural", natural());
    expect((await api.call("GET", `/users/${created.body.Id}/regulatory`)).body).toMatchObject({
      UserId: created.body.Id,
      ScopeBlocked: { Inflows: false, Outflows: false },
    });
    const res = await api.call("DELETE", `/users/natural/${created.body.Id}`);
    expect(res.status).toBe(204);
    expect((await api.call("GET", `/users/${created.body.Id}`)).body.UserStatus).toBe("CLOSED");
    expect((await api.call("GET", `/users/${created.body.Id}/Regulatory`)).body.ScopeBlocked).toEqual({
      Inflows: true,
      Outflows: true,
    });
  });
});
