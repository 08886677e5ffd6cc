// SCA over real HTTP: /sca/users create/update/categorize/enrollment/consent/status, the hosted
// session page, transfers between OWNERs waiting for SCA, and the wallet-access 401/403.
import { eventTypesFor, fetchToken, fund, natural, SMALL_SEED, startApi, str, type Api, type Json } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi(SMALL_SEED);
});
afterAll(async () => {
  await api.emu.close();
});

const scaNatural = (over: Record<string, unknown> = {}) => ({
  ...natural(),
  PhoneNumber: "+33611111111",
  PhoneNumberCountry: "FR",
  ScaContext: "USER_PRESENT",
  ...over,
});

const eventsOf = (resourceId: string) => eventTypesFor(api, resourceId);

/** Moves the emulator's clock; a new token, since the old one expired meanwhile. */
async function advanceClock(body: Record<string, number>): Promise<void> {
  await api.control("POST", "/clock", body);
  api.token = await fetchToken(api.emu.url, api.clientId, api.apiKey);
}

/** Follows a RedirectUrl as a browser would: GET the page, then press one of its buttons. */
async function completeOnPage(redirectUrl: string, outcome: "SUCCEEDED" | "FAILED", returnUrl?: string) {
  const url = returnUrl ? `${redirectUrl}?ReturnUrl=${encodeURIComponent(returnUrl)}` : redirectUrl;
  const pageRes = await fetch(url);
  expect(pageRes.status).toBe(200);
  const html = await pageRes.text();
  const form = new URLSearchParams({ outcome });
  if (returnUrl) form.set("ReturnUrl", returnUrl);
  const res = await fetch(redirectUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  return { html, res };
}

async function scaOwnerWithWallet(): Promise<{ userId: string; walletId: string }> {
  const user = await api.call("POST", "/sca/users/natural", scaNatural());
  await completeOnPage(str(user.body.PendingUserAction.RedirectUrl), "SUCCEEDED");
  const wallet = await api.call("POST", "/wallets", { Owners: [user.body.Id], Currency: "EUR", Description: "w" });
  return { userId: str(user.body.Id), walletId: str(wallet.body.Id) };
}

describe("SCA users", () => {
  it("creates an OWNER pending enrollment, and the hosted page activates it", async () => {
    const created = await api.call("POST", "/sca/users/natural", scaNatural());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      PersonType: "NATURAL",
      UserCategory: "OWNER",
      UserStatus: "PENDING_USER_ACTION",
      PhoneNumber: "+33611111111",
      PhoneNumberCountry: "FR",
    });
    const redirectUrl = str(created.body.PendingUserAction.RedirectUrl);
    expect(redirectUrl).toMatch(new RegExp(`^${api.emu.url}/sca/${api.clientId}/`));
    const id = str(created.body.Id);

    let status = await api.call("GET", `/sca/users/${id}/sca-status`);
    expect(status.body).toMatchObject({
      UserStatus: "PENDING_USER_ACTION",
      IsEnrolled: false,
      LastEnrollmentDate: null,
    });

    const { html, res } = await completeOnPage(redirectUrl, "SUCCEEDED", "https://platform.example/back?x=1");
    expect(html).toContain("Set up strong customer authentication");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://platform.example/back?x=1");

    status = await api.call("GET", `/sca/users/${id}/sca-status`);
    expect(status.body).toMatchObject({ UserStatus: "ACTIVE", IsEnrolled: true });
    expect(typeof status.body.LastEnrollmentDate).toBe("number");
    const viewed = await api.call("GET", `/sca/users/natural/${id}`);
    expect(viewed.body).toMatchObject({ UserStatus: "ACTIVE", PendingUserAction: null });
    expect((await api.call("GET", `/users/${id}`)).body.UserStatus).toBe("ACTIVE");
    expect(await eventsOf(id)).toEqual([
      "USER_ACCOUNT_VALIDATION_ASKED",
      "SCA_ENROLLMENT_SUCCEEDED",
      "USER_ACCOUNT_ACTIVATED",
    ]);
    // A used session cannot be replayed.
    const again = await fetch(redirectUrl, { method: "POST", body: "outcome=SUCCEEDED" });
    expect(again.status).toBe(409);
  });

  it("a refused enrollment leaves the user pending and sends no webhook; a new session can succeed", async () => {
    const created = await api.call("POST", "/sca/users/natural", scaNatural());
    const id = str(created.body.Id);
    await completeOnPage(str(created.body.PendingUserAction.RedirectUrl), "FAILED");
    expect((await api.call("GET", `/sca/users/${id}/sca-status`)).body.UserStatus).toBe("PENDING_USER_ACTION");
    expect(await eventsOf(id)).toEqual(["USER_ACCOUNT_VALIDATION_ASKED"]);

    const enrollment = await api.call("POST", `/sca/users/${id}/enrollment`);
    expect(enrollment.status).toBe(200);
    expect(Object.keys(enrollment.body)).toEqual(["PendingUserAction"]);
    const done = await api.control(
      "POST",
      `/clients/${api.clientId}/sca/sessions/${str(enrollment.body.PendingUserAction.RedirectUrl).split("/").pop()}/complete`,
      { Outcome: "SUCCEEDED" },
    );
    expect(done.body.Status).toBe("SUCCEEDED");
    expect((await api.call("GET", `/users/${id}`)).body.UserStatus).toBe("ACTIVE");
  });

  it("a PAYER gets no pending action, cannot enrol, and is categorized to OWNER with a redirect", async () => {
    const payer = await api.call(
      "POST",
      "/sca/users/natural",
      scaNatural({ UserCategory: "PAYER", TermsAndConditionsAccepted: false, Birthday: undefined }),
    );
    expect(payer.body).toMatchObject({ UserCategory: "PAYER", UserStatus: "ACTIVE", PendingUserAction: null });
    const id = str(payer.body.Id);
    const refused = await api.call("POST", `/sca/users/${id}/enrollment`);
    expect(refused.status).toBe(400);
    expect(refused.body.Type).toBe("not_allowed_for_user_category_payer");

    const missing = await api.call("PUT", `/sca/users/natural/${id}/category`, { UserCategory: "OWNER" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toHaveProperty("TermsAndConditionsAccepted");

    const owner = await api.call("PUT", `/sca/users/natural/${id}/category`, {
      Id: id,
      UserCategory: "OWNER",
      TermsAndConditionsAccepted: true,
      Birthday: 188352000,
      Nationality: "FR",
      CountryOfResidence: "FR",
      ScaContext: "USER_PRESENT",
    });
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ UserCategory: "OWNER", UserStatus: "PENDING_USER_ACTION" });
    expect(str(owner.body.PendingUserAction.RedirectUrl)).toContain(`/sca/${api.clientId}/`);
    expect(await eventsOf(id)).toEqual(["USER_CATEGORY_UPDATED_TO_OWNER", "USER_ACCOUNT_VALIDATION_ASKED"]);
    const twice = await api.call("PUT", `/sca/users/natural/${id}/category`, {
      UserCategory: "OWNER",
      TermsAndConditionsAccepted: true,
    });
    expect(twice.status).toBe(400);
  });

  it("creates a legal OWNER with a nested legal representative, categorizes a legal PAYER", async () => {
    const rep = {
      FirstName: "Grace",
      LastName: "Hopper",
      Email: "grace@acme.example",
      Birthday: 188352000,
      Nationality: "US",
      CountryOfResidence: "FR",
      PhoneNumber: "+33622222222",
      PhoneNumberCountry: "FR",
    };
    const created = await api.call("POST", "/sca/users/legal", {
      Name: "Acme SAS",
      LegalPersonType: "SOLETRADER",
      Email: "ops@acme.example",
      TermsAndConditionsAccepted: true,
      UserCategory: "OWNER",
      LegalRepresentative: rep,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ PersonType: "LEGAL", UserStatus: "PENDING_USER_ACTION" });
    expect(created.body.LegalRepresentative).toMatchObject(rep);
    expect(created.body).not.toHaveProperty("LegalRepresentativeFirstName");
    expect((await api.call("GET", `/users/legal/${created.body.Id}`)).body.LegalRepresentativeFirstName).toBe("Grace");

    const noRep = await api.call("POST", "/sca/users/legal", {
      Name: "X",
      LegalPersonType: "BUSINESS",
      Email: "x@example.com",
      TermsAndConditionsAccepted: true,
      UserCategory: "PAYER",
    });
    expect(noRep.status).toBe(400);
    expect(noRep.body.errors).toHaveProperty("LegalRepresentative");

    const payer = await api.call("POST", "/sca/users/legal", {
      Name: "Payer Ltd",
      LegalPersonType: "BUSINESS",
      Email: "p@example.com",
      TermsAndConditionsAccepted: false,
      UserCategory: "PAYER",
      LegalRepresentative: { FirstName: "A", LastName: "B" },
    });
    expect(payer.body.PendingUserAction).toBeNull();
    const owner = await api.call("PUT", `/sca/users/legal/${payer.body.Id}/category`, {
      UserCategory: "OWNER",
      TermsAndConditionsAccepted: true,
      LegalRepresentative: { Email: "b@example.com", Birthday: 188352000, Nationality: "FR", CountryOfResidence: "FR" },
    });
    expect(owner.body).toMatchObject({ UserCategory: "OWNER", UserStatus: "PENDING_USER_ACTION" });
    expect(owner.body.LegalRepresentative.Email).toBe("b@example.com");
    expect(str(owner.body.PendingUserAction.RedirectUrl)).toContain("/sca/");
    const get = await api.call("GET", `/sca/users/${payer.body.Id}`);
    expect(get.body.PendingUserAction).toBeNull();
  });

  it("an OWNER's new phone number is confirmed in an SCA session; other edits need none", async () => {
    const { userId } = await scaOwnerWithWallet();
    const occupation = await api.call("PUT", `/sca/users/natural/${userId}`, { Occupation: "Engineer" });
    expect(occupation.body).toMatchObject({ Occupation: "Engineer", PendingUserAction: null });
    const phone = await api.call("PUT", `/sca/users/natural/${userId}`, { PhoneNumber: "+33633333333" });
    expect(phone.body.PhoneNumber).toBe("+33633333333");
    expect(str(phone.body.PendingUserAction.RedirectUrl)).toContain("/sca/");
    const bad = await api.call("PUT", `/sca/users/natural/${userId}`, { PhoneNumber: "call me" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty("PhoneNumber");
  });

  it("answers 404 with MANGOPAY's Type for unknown or mistyped users", async () => {
    const unknown = await api.call("GET", "/sca/users/999999999");
    expect(unknown.status).toBe(404);
    expect(unknown.body.Type).toBe("ressource_not_found");
    const legal = await api.call("POST", "/sca/users/legal", {
      Name: "L",
      LegalPersonType: "BUSINESS",
      Email: "l@example.com",
      TermsAndConditionsAccepted: false,
      UserCategory: "PAYER",
      LegalRepresentative: { FirstName: "A", LastName: "B" },
    });
    expect((await api.call("GET", `/sca/users/natural/${legal.body.Id}`)).status).toBe(404);
  });
});

describe("SCA on money actions and account access", () => {
  let payer: { userId: string; walletId: string };
  let payee: { userId: string; walletId: string };
  beforeAll(async () => {
    payer = await scaOwnerWithWallet();
    payee = await scaOwnerWithWallet();
    await fund(api, payer.userId, payer.walletId, 10_000);
  });

  const transfer = (amount: number, ScaContext?: string): Promise<{ status: number; body: Json }> =>
    api.call("POST", "/transfers", {
      AuthorId: payer.userId,
      DebitedWalletId: payer.walletId,
      CreditedWalletId: payee.walletId,
      DebitedFunds: { Currency: "EUR", Amount: amount },
      Fees: { Currency: "EUR", Amount: 0 },
      ScaContext,
    });

  it("a USER_PRESENT transfer between OWNERs waits CREATED with a pending action, then succeeds", async () => {
    const t = await transfer(1_000, "USER_PRESENT");
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({ Status: "CREATED", ResultCode: null });
    const redirectUrl = str(t.body.PendingUserAction.RedirectUrl);
    expect((await api.call("GET", `/wallets/${payer.walletId}`)).body.Balance.Amount).toBe(10_000);
    const { html } = await completeOnPage(redirectUrl, "SUCCEEDED");
    expect(html).toContain("10.00 EUR");
    const after = await api.call("GET", `/transfers/${t.body.Id}`);
    expect(after.body).toMatchObject({ Status: "SUCCEEDED", ResultCode: "000000" });
    expect((await api.call("GET", `/wallets/${payee.walletId}`)).body.Balance.Amount).toBe(1_000);
    expect(await eventsOf(str(t.body.Id))).toEqual(["TRANSFER_NORMAL_CREATED", "TRANSFER_NORMAL_SUCCEEDED"]);
  });

  it("a failed or expired session fails the transfer with 007101 / 007102 and moves nothing", async () => {
    const failed = await transfer(500, "USER_PRESENT");
    await completeOnPage(str(failed.body.PendingUserAction.RedirectUrl), "FAILED");
    expect((await api.call("GET", `/transfers/${failed.body.Id}`)).body).toMatchObject({
      Status: "FAILED",
      ResultCode: "007101",
    });
    const expired = await transfer(500, "USER_PRESENT");
    const sessionId = str(expired.body.PendingUserAction.RedirectUrl).split("/").pop();
    await advanceClock({ advanceSeconds: 601 });
    const late = await api.control("POST", `/clients/${api.clientId}/sca/sessions/${sessionId}/complete`, {});
    expect(late.status).toBe(400);
    expect((await api.call("GET", `/transfers/${expired.body.Id}`)).body).toMatchObject({
      Status: "FAILED",
      ResultCode: "007102",
    });
    expect(await eventsOf(str(failed.body.Id))).toEqual(["TRANSFER_NORMAL_CREATED", "TRANSFER_NORMAL_FAILED"]);
    expect((await api.call("GET", `/wallets/${payer.walletId}`)).body.Balance.Amount).toBe(9_000);
  });

  it("USER_NOT_PRESENT transfers go through until the user revokes the transfer consent (403)", async () => {
    const ok = await transfer(100, "USER_NOT_PRESENT");
    expect(ok.body).toMatchObject({ Status: "SUCCEEDED", PendingUserAction: null });
    await api.control("POST", `/clients/${api.clientId}/users/${payer.userId}/sca-consent`, {
      Scope: "Transfer",
      Value: "REVOKED",
    });
    const refused = await transfer(100, "USER_NOT_PRESENT");
    expect(refused.status).toBe(403);
    expect(refused.body.Type).toBe("sca_proxy_consent_missing");
    const consent = await api.call("POST", `/sca/users/${payer.userId}/consent`);
    await completeOnPage(str(consent.body.PendingUserAction.RedirectUrl), "SUCCEEDED");
    expect((await transfer(100, "USER_NOT_PRESENT")).body.Status).toBe("SUCCEEDED");
    const status = await api.call("GET", `/sca/users/${payer.userId}/sca-status`);
    expect(status.body.ConsentScope).toEqual({
      ContactInformationUpdate: "GIVEN",
      RecipientRegistration: "GIVEN",
      Transfer: "GIVEN",
      ViewAccountInformation: "GIVEN",
    });
    expect(await eventsOf(payer.userId)).toEqual(
      expect.arrayContaining(["SCA_TRANSFER_CONSENT_REVOKED", "SCA_TRANSFER_CONSENT_GIVEN"]),
    );
  });

  it("wallet reads with USER_PRESENT need an authentication in the last 180 days (401 + WWW-Authenticate)", async () => {
    const legacy = await api.call("POST", "/users/natural", natural());
    const wallet = await api.call("POST", "/wallets", { Owners: [legacy.body.Id], Currency: "EUR", Description: "w" });
    const read = await api.call("GET", `/wallets/${wallet.body.Id}?ScaContext=USER_PRESENT`);
    expect(read.status).toBe(401);
    const header = read.headers.get("www-authenticate") ?? "";
    expect(header).toMatch(/^PendingUserAction RedirectUrl=http/);
    expect(read.body.Type).toBe("sca_required");
    for (const path of [
      `/users/${legacy.body.Id}/wallets`,
      `/users/${legacy.body.Id}/transactions`,
      `/wallets/${wallet.body.Id}/transactions`,
    ]) {
      expect((await api.call("GET", `${path}?ScaContext=USER_PRESENT`)).status).toBe(401);
      expect((await api.call("GET", `${path}?ScaContext=USER_NOT_PRESENT`)).status).toBe(200);
    }
    await completeOnPage(header.split("RedirectUrl=")[1], "SUCCEEDED");
    expect((await api.call("GET", `/wallets/${wallet.body.Id}?ScaContext=USER_PRESENT`)).status).toBe(200);
    await advanceClock({ advanceDays: 181 });
    expect((await api.call("GET", `/wallets/${wallet.body.Id}?ScaContext=USER_PRESENT`)).status).toBe(401);
    // PAYER users are out of SCA's scope.
    const payerUser = await api.call(
      "POST",
      "/users/natural",
      natural({ UserCategory: "PAYER", TermsAndConditionsAccepted: false }),
    );
    expect((await api.call("GET", `/users/${payerUser.body.Id}/wallets?ScaContext=USER_PRESENT`)).status).toBe(200);
  });

  it("USER_NOT_PRESENT reads answer 403 once the view consent is revoked", async () => {
    await api.control("POST", `/clients/${api.clientId}/users/${payee.userId}/sca-consent`, {
      Scope: "ViewAccountInformation",
      Value: "REVOKED",
    });
    const read = await api.call("GET", `/users/${payee.userId}/transactions?ScaContext=USER_NOT_PRESENT`);
    expect(read.status).toBe(403);
    expect(read.body.Type).toBe("sca_proxy_consent_missing");
    expect((await api.call("GET", `/users/${payee.userId}/transactions`)).status).toBe(200);
  });
});
