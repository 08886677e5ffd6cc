import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fetchToken, list, num, startApi, str, type Api } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({ seed: 1, hooks: { retryDelaysMs: [], maxFailures: 10, timeoutMs: 1000 } });
});
afterAll(async () => {
  await api.emu.close();
});

describe("permission groups", () => {
  it("has DEFAULT ADMIN/WRITE/READ groups with 33 scopes that cannot be modified", async () => {
    const groups = await api.call("GET", "/clients/permissiongroups?Type=DEFAULT");
    expect(list(groups.body).map((g) => g.Id)).toEqual(["ADMIN", "WRITE", "READ"]);
    const admin = await api.call("GET", "/clients/permissiongroups/ADMIN");
    expect(Object.keys(admin.body.Scopes)).toHaveLength(33);
    expect(admin.body.Scopes.SSOs).toEqual({ Read: true, Create: true, Edit: true });
    const read = await api.call("GET", "/clients/permissiongroups/READ");
    expect(read.body.Scopes.Payouts).toEqual({ Read: true, Create: false, Edit: false });
    expect(read.body.Scopes.SSOs.Read).toBe(false);
    const write = await api.call("GET", "/clients/permissiongroups/WRITE");
    expect(write.body.Scopes.Payouts).toEqual({ Read: true, Create: true, Edit: true });
    expect(write.body.Scopes.PermissionGroups.Edit).toBe(false);
    const edit = await api.call("PUT", "/clients/permissiongroups/WRITE", { Name: "Mine" });
    expect([edit.status, edit.body.Type]).toEqual([400, "invalid_action"]);
  });

  it("creates and updates CUSTOM groups (scopes default to false), refuses unknown scopes, lists a group's SSOs", async () => {
    const created = await api.call("POST", "/clients/permissiongroups", {
      Name: "Refunds",
      Tag: "t",
      Scopes: { Refunds: { Read: true, Create: true }, payins: { Read: true } },
    });
    expect(created.body).toMatchObject({ Type: "CUSTOM", Name: "Refunds", Tag: "t" });
    expect(created.body.Scopes.Refunds).toEqual({ Read: true, Create: true, Edit: false });
    expect(created.body.Scopes.Payins).toEqual({ Read: true, Create: false, Edit: false });
    expect(created.body.Scopes.Users).toEqual({ Read: false, Create: false, Edit: false });
    const updated = await api.call("PUT", `/clients/permissiongroups/${created.body.Id}`, {
      Scopes: { Refunds: { Edit: true } },
    });
    expect(updated.body.Scopes.Refunds).toEqual({ Read: true, Create: true, Edit: true });
    const unknown = await api.call("POST", "/clients/permissiongroups", {
      Name: "X",
      Scopes: { Rockets: { Read: true } },
    });
    expect([unknown.status, unknown.body.Type]).toEqual([400, "param_error"]);
    const nameless = await api.call("POST", "/clients/permissiongroups", {});
    expect(nameless.body.errors.Name).toBeDefined();
    const sso = await api.call("POST", "/clients/ssos", {
      FirstName: "Rae",
      LastName: "Fund",
      Email: "refunds@demo-marketplace.test",
      PermissionGroupId: created.body.Id,
    });
    const members = await api.call("GET", `/clients/permissiongroups/${created.body.Id}/sso`);
    expect(list(members.body).map((s) => s.Id)).toEqual([sso.body.Id]);
    expect((await api.call("GET", "/clients/permissiongroups/nope")).status).toBe(404);
  });
});

describe("SSOs", () => {
  it("lists the seeded SSOs (ops@demo-marketplace.test…) and filters them", async () => {
    const all = await api.call("GET", "/clients/ssos?per_page=100");
    const emails = list(all.body).map((s) => str(s.Email));
    expect(emails).toEqual(expect.arrayContaining(["ops@demo-marketplace.test", "finance@demo-marketplace.test"]));
    expect(list(all.body)[0]).toMatchObject({
      ClientId: api.clientId,
      Active: true,
      InvitationStatus: "ACCEPTED",
      PermissionGroupId: "ADMIN",
    });
    const inactive = await api.call("GET", "/clients/ssos?Active=false");
    expect(list(inactive.body).every((s) => (s.Active as unknown) === false)).toBe(true);
    expect(list((await api.call("GET", "/clients/ssos?InvitationStatus=EXPIRED")).body).length).toBeGreaterThan(0);
  });

  it("creates (email unique and immutable), updates, deactivates; invitations expire after 30 minutes and can be extended", async () => {
    const body = {
      FirstName: "Kim",
      LastName: "Lee",
      Email: "kim@demo-marketplace.test",
      PermissionGroupId: "READ",
      Tag: "new",
    };
    const created = await api.call("POST", "/clients/ssos", body);
    expect(created.body).toMatchObject({
      ...body,
      Active: true,
      InvitationStatus: "SENT",
      LastLoginDate: null,
      ClientId: api.clientId,
    });
    const id = str(created.body.Id);
    const dup = await api.call("POST", "/clients/ssos", { ...body, Email: "KIM@demo-marketplace.test" });
    expect([dup.status, dup.body.Type]).toEqual([400, "param_error"]);
    const badGroup = await api.call("POST", "/clients/ssos", { ...body, Email: "x@y.test", PermissionGroupId: "NOPE" });
    expect(badGroup.status).toBe(404);
    const early = await api.call("PUT", `/clients/ssos/${id}/extendinvitation`);
    expect([early.status, early.body.Type]).toEqual([415, "content_type_not_supported"]);
    const email = await api.call("PUT", `/clients/ssos/${id}`, { Email: "other@x.test" });
    expect(email.status).toBe(400);
    const updated = await api.call("PUT", `/clients/ssos/${id}`, {
      FirstName: "Kimberly",
      PermissionGroupId: "WRITE",
      Active: false,
    });
    expect(updated.body).toMatchObject({
      FirstName: "Kimberly",
      PermissionGroupId: "WRITE",
      Active: false,
      Email: body.Email,
    });
    api.emu.emulator.clock.advance(31 * 60);
    api.token = await fetchToken(api.emu.url, api.clientId, api.apiKey);
    expect((await api.call("GET", `/clients/ssos/${id}`)).body.InvitationStatus).toBe("EXPIRED");
    const extended = await api.call("PUT", `/clients/ssos/${id}/extendinvitation`);
    expect(extended.body.InvitationStatus).toBe("SENT");
    const accepted = await api.control("POST", `/clients/${api.clientId}/ssos/${id}/accept`);
    expect(accepted.body.InvitationStatus).toBe("ACCEPTED");
    expect(typeof accepted.body.LastLoginDate).toBe("number");
    const late = await api.call("PUT", `/clients/ssos/${id}/extendinvitation`);
    expect([late.status, late.body.Type]).toEqual([400, "invalid_action"]);
  });
});

describe("client", () => {
  it("returns the client object with Licensor and updates its editable fields", async () => {
    const client = await api.call("GET", "/clients");
    expect(client.body).toMatchObject({ ClientId: api.clientId, Licensor: "EU", PlatformType: "MARKETPLACE" });
    expect(Array.isArray(client.body.TechEmails)).toBe(true);
    const updated = await api.call("PUT", "/clients", {
      TechEmails: ["dev@demo-marketplace.test"],
      PlatformURL: "https://demo.test",
      HeadquartersAddress: { AddressLine1: "2 rue B", City: "Lyon", PostalCode: "69001", Country: "FR" },
    });
    expect(updated.body).toMatchObject({
      TechEmails: ["dev@demo-marketplace.test"],
      PlatformURL: "https://demo.test",
      HeadquartersAddress: { City: "Lyon" },
    });
    const bad = await api.call("PUT", "/clients", { AdminEmails: ["not-an-email"] });
    expect(bad.body.errors.AdminEmails).toBeDefined();
  });

  it("uploads a logo (image checked) and serves it", async () => {
    const bad = await api.call("PUT", "/clients/logo", { File: Buffer.from("hello").toString("base64") });
    expect([bad.status, bad.body.Type]).toEqual([400, "param_error"]);
    const png = Buffer.alloc(600, 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47]).copy(png);
    const ok = await api.call("PUT", "/clients/logo", { File: png.toString("base64") });
    expect(str(ok.body.Logo)).toMatch(/\.png$/);
    expect((await fetch(str(ok.body.Logo))).headers.get("content-type")).toBe("image/png");
  });

  it("generates a PENDING report at once through the control API", async () => {
    const created = await api.call("POST", "/reporting/reports", {
      ReportType: "COLLECTED_FEES",
      AfterDate: Math.floor(Date.now() / 1000) - 86_400,
      BeforeDate: Math.floor(Date.now() / 1000),
    });
    expect(str(created.body.Status)).toBe("PENDING");
    const generated = await api.control("POST", `/clients/${api.clientId}/reports/${str(created.body.Id)}/generate`);
    expect(generated.body).toMatchObject({ Status: "GENERATED", ResultCode: "000000" });
    expect((await api.control("POST", `/clients/${api.clientId}/reports/nope/generate`)).status).toBe(404);
  });

  it("lists client transactions (fees and repudiation wallets) and client wallets by funds type", async () => {
    const txs = await api.call("GET", "/clients/transactions?per_page=100&Nature=REPUDIATION");
    expect(list(txs.body).length).toBeGreaterThan(0);
    expect(
      list(txs.body).every((t) => str(t.Nature) === "REPUDIATION" && str(t.DebitedWalletId).startsWith("CREDIT_")),
    ).toBe(true);
    const credit = await api.call("GET", "/clients/wallets/CREDIT");
    expect(list(credit.body).every((w) => str(w.FundsType) === "CREDIT")).toBe(true);
    expect(num((await api.call("GET", "/clients/wallets/CREDIT/EUR")).body.Balance.Amount)).toBeLessThan(0);
  });
});

describe("control: webhook replay and clock", () => {
  let server: Server;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? "");
      res.end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("fires a webhook again for a stored event, by event or by delivery id", async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const hook = await api.call("POST", "/hooks", { EventType: "DISPUTE_ACTION_REQUIRED", Url: url });
    expect(hook.status).toBe(200);
    const events = await api.call("GET", "/events?EventType=DISPUTE_ACTION_REQUIRED&per_page=1");
    const event = list(events.body)[0];
    const fired = await api.control("POST", `/clients/${api.clientId}/hooks/refire`, {
      EventType: event.EventType,
      ResourceId: event.ResourceId,
    });
    expect(fired.status).toBe(200);
    for (let i = 0; i < 150 && hits.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(hits[0]).toContain(`RessourceId=${str(event.ResourceId)}`);
    const again = await api.control("POST", `/clients/${api.clientId}/hooks/refire`, { DeliveryId: fired.body.Id });
    expect(again.status).toBe(200);
    const none = await api.control("POST", `/clients/${api.clientId}/hooks/refire`, {
      EventType: "KYC_CREATED",
      ResourceId: "nope",
    });
    expect(none.status).toBe(404);
  });

  it("ages the clock and drops events older than 45 days when asked", async () => {
    const before = await api.control("GET", "/clock");
    const count = async () => Number((await api.call("GET", "/events?per_page=1")).headers.get("x-number-of-items"));
    const total = await count();
    const aged = await api.control("POST", "/clock", { advanceSeconds: 60, applyRetention: true });
    expect(num(aged.body.now)).toBeGreaterThanOrEqual(num(before.body.now) + 60);
    expect(num(aged.body.eventsDropped)).toBeGreaterThan(0);
    api.token = await fetchToken(api.emu.url, api.clientId, api.apiKey);
    expect(await count()).toBeLessThan(total);
    const oldest = list((await api.call("GET", "/events?per_page=1&Sort=Date:ASC")).body)[0];
    expect(num(oldest.Date)).toBeGreaterThanOrEqual(num(aged.body.now) - 45 * 86_400);
    expect((await api.control("POST", "/clock", { advanceSeconds: -5 })).status).toBe(400);
  });
});
