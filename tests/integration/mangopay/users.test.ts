/** @jest-environment node */
import { AuthenticationError, InvalidRequestError, UpstreamError } from "@/lib/mangopay/errors";
import { createAccountState } from "@/lib/mangopay/client";
import * as users from "@/lib/mangopay/users";
import { startTestEmulator, type TestEmulator } from "./helpers";

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator(11);
  // Own data, so the tests do not depend on the demo seed's contents.
  const { client } = emu.client();
  for (let i = 0; i < 9; i += 1) {
    await users.createNatural(client, {
      FirstName: `User${i}`,
      LastName: "Test",
      Email: `user${i}@example.test`,
      TermsAndConditionsAccepted: true,
      UserCategory: "PAYER",
    });
  }
});
afterAll(async () => {
  await emu.close();
});

describe("users against the emulator", () => {
  it("lists users with totals from the headers and a parsed projection", async () => {
    const { client } = emu.client();
    const page = await users.list(client, { perPage: 5, sort: { field: "CreationDate", direction: "DESC" } });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(5);
    expect(page.totalItems).toBeGreaterThanOrEqual(page.items.length);
    expect(page.totalPages).toBeGreaterThanOrEqual(1);
    expect(page.items[0].CreationDate).toBeInstanceOf(Date);
  });

  it("iterates every user across pages exactly once", async () => {
    const { client } = emu.client();
    const first = await users.list(client, { perPage: 7 });
    const ids: string[] = [];
    for await (const user of users.listAll(client, { perPage: 7 })) ids.push(user.Id);
    expect(ids.length).toBe(first.totalItems);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("creates, reads and updates a natural user", async () => {
    const { client } = emu.client();
    const created = await users.createNatural(client, {
      FirstName: "Ada",
      LastName: "Lovelace",
      Email: "ada@example.test",
      TermsAndConditionsAccepted: true,
      UserCategory: "PAYER",
    });
    expect(created).toMatchObject({ PersonType: "NATURAL", FirstName: "Ada" });
    const fetched = await users.get(client, created.Id);
    expect(fetched.PersonType).toBe("NATURAL");
    const updated = await users.updateNatural(client, created.Id, { LastName: "King" });
    expect(updated.LastName).toBe("King");
    await expect(users.getNatural(client, created.Id)).resolves.toMatchObject({ LastName: "King" });
  });

  it("creates, reads and updates a legal user", async () => {
    const { client } = emu.client();
    const created = await users.createLegal(client, {
      Name: "Acme SAS",
      LegalPersonType: "BUSINESS",
      Email: "legal@example.test",
      LegalRepresentativeFirstName: "Grace",
      LegalRepresentativeLastName: "Hopper",
      TermsAndConditionsAccepted: true,
    });
    await expect(users.getLegal(client, created.Id)).resolves.toMatchObject({ Name: "Acme SAS", PersonType: "LEGAL" });
    await expect(users.updateLegal(client, created.Id, { CompanyNumber: "552100554" })).resolves.toMatchObject({
      CompanyNumber: "552100554",
    });
  });

  it("closes a user with empty wallets (204 No Content)", async () => {
    const { client } = emu.client();
    const empty = await users.createNatural(client, {
      FirstName: "Leaving",
      LastName: "Soon",
      Email: "leaving@example.test",
      UserCategory: "PAYER",
    });
    await expect(users.close(client, empty.Id, "NATURAL")).resolves.toBeUndefined();
    await expect(users.get(client, empty.Id)).resolves.toMatchObject({ UserStatus: "CLOSED" });
  });

  it("turns a missing user into a 404 UpstreamError with MANGOPAY's type and request id", async () => {
    const { client } = emu.client();
    const error = await users.get(client, "does-not-exist").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 404, type: "ressource_not_found", pathTemplate: "/users/{userId}" });
    expect((error as UpstreamError).requestId).toBeTruthy();
  });

  it("turns a validation failure into a 400 param_error with field errors", async () => {
    const { client } = emu.client();
    const error = await users
      .createNatural(client, { FirstName: "No", LastName: "Email", Email: "not-an-email" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 400, type: "param_error" });
    expect(Object.keys((error as UpstreamError).errors ?? {})).toContain("Email");
  });

  it("refuses an empty user id locally instead of listing every user", async () => {
    const { client, recorder } = emu.client();
    await expect(users.get(client, "")).rejects.toBeInstanceOf(InvalidRequestError);
    expect(recorder.countUpstream()).toBe(0);
  });

  it("fails with AuthenticationError when the API key is wrong", async () => {
    const { client } = emu.client({ apiKey: "wrong-key" });
    const error = await users.list(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ type: "invalid_client" });
  });

  it("renews an expired token once and completes the call", async () => {
    const { client, recorder } = emu.client();
    await users.list(client, { perPage: 1 });
    emu.running.emulator.clock.advance(2 * 3600);
    await expect(users.list(client, { perPage: 1 })).resolves.toMatchObject({ page: 1 });
    expect(recorder.list({ pathTemplate: "/oauth/token" })).toHaveLength(2);
    expect(recorder.list({ pathTemplate: "/users" }).map((c) => c.status)).toEqual([200, 401, 200]);
  });

  it("replaces a token MANGOPAY rejects as invalid and completes the call", async () => {
    const state = createAccountState();
    await state.tokens.get(async () => ({ accessToken: "not-a-real-token", expiresInSeconds: 3600 }));
    const { client, recorder } = emu.client({ deps: { state } });
    await expect(users.list(client, { perPage: 1 })).resolves.toMatchObject({ page: 1 });
    expect(recorder.list().map((c) => `${c.pathTemplate} ${c.status}`)).toEqual([
      "/users 401",
      "/oauth/token 200",
      "/users 200",
    ]);
  });
});
