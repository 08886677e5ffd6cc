import { balance, fetchToken, list, num, startApi, str, userWithWallet, type Api, type ApiResponse } from "./helpers";
import { cardPayIn, eventTypesFor, fund, pngBase64, waitFor } from "./compliance-helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({ seed: 1, delays: { kycMs: null, uboMs: null, disputeMs: 5, reportMs: null } });
});
afterAll(async () => {
  await api.emu.close();
});

const eur = (Amount: number | string) => ({ Currency: "EUR", Amount });

async function creditEur(): Promise<number> {
  return num((await api.call("GET", "/clients/wallets/CREDIT/EUR")).body.Balance.Amount);
}

/** A user, a funded wallet and a 100.00 EUR card pay-in on it; then a dispute opened by "MANGOPAY". */
async function disputed(type = "CONTESTABLE", extra: Record<string, unknown> = {}) {
  const { userId, walletId } = await userWithWallet(api);
  const payInId = await cardPayIn(api, userId, walletId, 10_000, 500);
  const opened = await api.control("POST", `/clients/${api.clientId}/disputes`, {
    PayInId: payInId,
    DisputeType: type,
    DisputeReasonType: "FRAUD",
    ...extra,
  });
  expect(opened.status).toBe(200);
  return { userId, walletId, payInId, disputeId: str(opened.body.Id), opened };
}

async function settledStatus(id: string, until: (r: ApiResponse) => boolean): Promise<ApiResponse> {
  return waitFor(() => api.call("GET", `/disputes/${id}`), until);
}

describe("disputes", () => {
  it("opens a CONTESTABLE dispute with a repudiation that debits CREDIT_EUR, then waits for the platform", async () => {
    const before = await creditEur();
    const { disputeId, opened, payInId, userId, walletId } = await disputed();
    expect(opened.body).toMatchObject({
      Status: "CREATED",
      DisputeType: "CONTESTABLE",
      InitialTransactionId: payInId,
      InitialTransactionType: "PAYIN",
      DisputedFunds: eur(10_000),
      ContestedFunds: null,
      DisputeReason: { DisputeReasonType: "FRAUD" },
      ResultCode: "",
    });
    expect(num(opened.body.ContestDeadlineDate)).toBeGreaterThan(num(opened.body.CreationDate));
    const repudiation = await api.call("GET", `/repudiations/${opened.body.RepudiationId}`);
    expect(repudiation.body).toMatchObject({
      Nature: "REPUDIATION",
      Status: "SUCCEEDED",
      DebitedWalletId: "CREDIT_EUR",
      CreditedWalletId: null,
      DebitedFunds: eur(10_000),
      InitialTransactionId: payInId,
      InitialTransactionType: "PAYIN",
    });
    expect(await creditEur()).toBe(before - 10_000);
    const pending = await settledStatus(disputeId, (r) => str(r.body.Status) !== "CREATED");
    expect(pending.body.Status).toBe("PENDING_CLIENT_ACTION");
    for (const path of [`/users/${userId}/disputes`, `/wallets/${walletId}/disputes`, `/payins/${payInId}/disputes`]) {
      expect(list((await api.call("GET", path)).body).map((d) => d.Id)).toContain(disputeId);
    }
    const txs = await api.call("GET", `/disputes/${disputeId}/transactions`);
    expect(list(txs.body).map((t) => t.Nature)).toEqual(["REPUDIATION"]);
    expect(await eventTypesFor(api, disputeId)).toEqual(["DISPUTE_CREATED", "DISPUTE_ACTION_REQUIRED"]);
    expect(await eventTypesFor(api, str(opened.body.RepudiationId))).toEqual([
      "PAYIN_REPUDIATION_CREATED",
      "PAYIN_REPUDIATION_SUCCEEDED",
    ]);
  });

  it("contests with ContestedFunds, refuses a second submit, reopens, resubmits, and a WON result refunds the repudiation", async () => {
    const { disputeId } = await disputed();
    await settledStatus(disputeId, (r) => str(r.body.Status) === "PENDING_CLIENT_ACTION");
    const noFunds = await api.call("PUT", `/disputes/${disputeId}/submit`, {});
    expect([noFunds.status, noFunds.body.Type]).toEqual([400, "param_error"]);
    const tooMuch = await api.call("PUT", `/disputes/${disputeId}/submit`, { ContestedFunds: eur(20_000) });
    expect(tooMuch.status).toBe(400);
    const submitted = await api.call("PUT", `/disputes/${disputeId}/submit`, {
      Id: disputeId,
      ContestedFunds: eur("8000"),
    });
    expect(submitted.body).toMatchObject({ Status: "SUBMITTED", ContestedFunds: eur(8000) });
    const twice = await api.call("PUT", `/disputes/${disputeId}/submit`, { ContestedFunds: eur(8000) });
    expect([twice.status, twice.body.Type]).toEqual([400, "invalid_action"]);
    const close = await api.call("PUT", `/disputes/${disputeId}/close`);
    expect([close.status, close.body.Type]).toEqual([400, "invalid_action"]);
    const reopened = await api.control("POST", `/clients/${api.clientId}/disputes/${disputeId}/status`, {
      Status: "REOPENED_PENDING_CLIENT_ACTION",
      StatusMessage: "More proof",
    });
    expect(reopened.body).toMatchObject({ Status: "REOPENED_PENDING_CLIENT_ACTION", StatusMessage: "More proof" });
    expect((await api.call("PUT", `/disputes/${disputeId}/submit`)).body.Status).toBe("SUBMITTED");
    await api.control("POST", `/clients/${api.clientId}/disputes/${disputeId}/status`, {
      Status: "PENDING_BANK_ACTION",
    });
    const before = await creditEur();
    const won = await api.control("POST", `/clients/${api.clientId}/disputes/${disputeId}/status`, {
      Status: "CLOSED",
      ResultCode: "WON",
    });
    expect(won.body).toMatchObject({ Status: "CLOSED", ResultCode: "WON" });
    expect(typeof won.body.ClosedDate).toBe("number");
    expect(await creditEur()).toBe(before + 8000);
    const refunds = await api.call("GET", `/repudiations/${won.body.RepudiationId}/refunds`);
    expect(list(refunds.body)[0]).toMatchObject({
      Nature: "REFUND",
      CreditedWalletId: "CREDIT_EUR",
      CreditedFunds: eur(8000),
    });
    expect(list((await api.call("GET", `/disputes/${disputeId}/transactions?Nature=REFUND`)).body)).toHaveLength(1);
    expect(await eventTypesFor(api, disputeId)).toEqual([
      "DISPUTE_CREATED",
      "DISPUTE_ACTION_REQUIRED",
      "DISPUTE_SUBMITTED",
      "DISPUTE_FURTHER_ACTION_REQUIRED",
      "DISPUTE_SUBMITTED",
      "DISPUTE_SENT_TO_BANK",
      "DISPUTE_CLOSED",
    ]);
  });

  it("closes a dispute on the platform's request as LOST, lists it pending settlement, and settles it from the user's wallet", async () => {
    const { disputeId, walletId, userId } = await disputed();
    await settledStatus(disputeId, (r) => str(r.body.Status) === "PENDING_CLIENT_ACTION");
    const closed = await api.call("PUT", `/disputes/${disputeId}/close`);
    expect(closed.body).toMatchObject({ Status: "CLOSED", ResultCode: "LOST" });
    const pending = async () =>
      list((await api.call("GET", "/disputes/pendingsettlement?per_page=100")).body).map((d) => d.Id);
    expect(await pending()).toContain(disputeId);
    const repudiationId = str(closed.body.RepudiationId);
    const walletBefore = await balance(api, walletId);
    const creditBefore = await creditEur();
    const part = await api.call("POST", `/repudiations/${repudiationId}/settlementtransfer`, {
      AuthorId: userId,
      DebitedFunds: eur("4000"),
      Fees: eur("0"),
      Tag: "part",
    });
    expect(part.body).toMatchObject({
      Type: "TRANSFER",
      Nature: "SETTLEMENT",
      Status: "SUCCEEDED",
      DebitedWalletId: walletId,
      CreditedWalletId: "CREDIT_EUR",
      RepudiationId: repudiationId,
    });
    expect(await balance(api, walletId)).toBe(walletBefore - 4000);
    expect(await creditEur()).toBe(creditBefore + 4000);
    expect((await api.call("GET", `/settlements/${part.body.Id}`)).body).toEqual(part.body);
    const tooMuch = await api.call("POST", `/repudiations/${repudiationId}/settlementtransfer`, {
      AuthorId: userId,
      DebitedFunds: eur(7000),
      Fees: eur(0),
    });
    expect(tooMuch.status).toBe(400);
    const broke = await api.call("POST", `/repudiations/${repudiationId}/settlementtransfer`, {
      AuthorId: userId,
      DebitedFunds: eur(6000),
      Fees: eur(0),
    });
    expect(broke.body).toMatchObject({ Status: "FAILED", ResultCode: "001001" });
    await fund(api, userId, walletId, 10_000);
    const rest = await api.call("POST", `/repudiations/${repudiationId}/settlementtransfer`, {
      AuthorId: userId,
      DebitedFunds: eur(6000),
      Fees: eur(0),
    });
    expect(rest.body.Status).toBe("SUCCEEDED");
    expect(await pending()).not.toContain(disputeId);
    const again = await api.call("POST", `/repudiations/${repudiationId}/settlementtransfer`, {
      AuthorId: userId,
      DebitedFunds: eur(1),
      Fees: eur(0),
    });
    expect(again.body).toMatchObject({ Status: "FAILED", ResultCode: "003012" });
    expect(await eventTypesFor(api, str(rest.body.Id))).toEqual([
      "TRANSFER_SETTLEMENT_CREATED",
      "TRANSFER_SETTLEMENT_SUCCEEDED",
    ]);
  });

  it("closes NOT_CONTESTABLE disputes at once, and RETRIEVAL ones take no funds", async () => {
    const before = await creditEur();
    const nc = await disputed("NOT_CONTESTABLE");
    const closed = await settledStatus(nc.disputeId, (r) => str(r.body.Status) === "CLOSED");
    expect(closed.body).toMatchObject({ Status: "CLOSED", ResultCode: "LOST", ContestDeadlineDate: null });
    const submit = await api.call("PUT", `/disputes/${nc.disputeId}/submit`, { ContestedFunds: eur(1) });
    expect([submit.status, submit.body.Type]).toEqual([400, "invalid_action"]);
    const retrieval = await disputed("RETRIEVAL");
    expect(retrieval.opened.body.RepudiationId).toBeNull();
    expect(await creditEur()).toBe(before - 10_000);
    await settledStatus(retrieval.disputeId, (r) => str(r.body.Status) === "PENDING_CLIENT_ACTION");
    expect((await api.call("PUT", `/disputes/${retrieval.disputeId}/submit`)).body.Status).toBe("SUBMITTED");
  });

  it("refuses a submission after ContestDeadlineDate; aging the clock closes overdue disputes", async () => {
    const a = await disputed("CONTESTABLE", { DeadlineDays: 1 });
    const b = await disputed("CONTESTABLE", { DeadlineDays: 1 });
    await settledStatus(b.disputeId, (r) => str(r.body.Status) === "PENDING_CLIENT_ACTION");
    await settledStatus(a.disputeId, (r) => str(r.body.Status) === "PENDING_CLIENT_ACTION");
    api.emu.emulator.clock.advance(2 * 86_400);
    // Aging outlives the bearer token (expires_in 1200 s): take a new one, and again after rewinding.
    api.token = await fetchToken(api.emu.url, api.clientId, api.apiKey);
    try {
      const late = await api.call("PUT", `/disputes/${a.disputeId}/submit`, { ContestedFunds: eur(100) });
      expect([late.status, late.body.Type]).toEqual([400, "dispute_contest_deadline_passed"]);
      const aged = await api.control("POST", "/clock", { advanceSeconds: 1 });
      expect(num(aged.body.disputesClosed)).toBeGreaterThanOrEqual(2);
      expect((await api.call("GET", `/disputes/${b.disputeId}`)).body).toMatchObject({
        Status: "CLOSED",
        ResultCode: "LOST",
      });
    } finally {
      api.emu.emulator.clock.advance(-(2 * 86_400 + 1));
      api.token = await fetchToken(api.emu.url, api.clientId, api.apiKey);
    }
  });

  it("handles dispute documents: create while waiting, pages, submission, review, lists and wrong states", async () => {
    const { disputeId } = await disputed();
    await settledStatus(disputeId, (r) => str(r.body.Status) === "PENDING_CLIENT_ACTION");
    const bad = await api.call("POST", `/disputes/${disputeId}/documents`, { Type: "SELFIE" });
    expect(bad.body.errors.Type).toBeDefined();
    const doc = await api.call("POST", `/disputes/${disputeId}/documents`, { Type: "DELIVERY_PROOF", Tag: "proof" });
    expect(doc.body).toMatchObject({ Type: "DELIVERY_PROOF", Status: "CREATED", DisputeId: disputeId });
    const docId = str(doc.body.Id);
    expect(
      (await api.call("POST", `/disputes/${disputeId}/documents/${docId}/pages`, { File: pngBase64(5000) })).status,
    ).toBe(204);
    const asked = await api.call("PUT", `/disputes/${disputeId}/documents/${docId}`, { Status: "VALIDATION_ASKED" });
    expect(asked.body.Status).toBe("VALIDATION_ASKED");
    expect(
      (await api.control("POST", `/clients/${api.clientId}/dispute-documents/${docId}/validate`)).body.Status,
    ).toBe("VALIDATED");
    expect((await api.call("GET", `/dispute-documents/${docId}`)).body.Status).toBe("VALIDATED");
    expect(list((await api.call("GET", `/disputes/${disputeId}/documents`)).body)).toHaveLength(1);
    expect(
      Number((await api.call("GET", "/dispute-documents?per_page=1")).headers.get("x-number-of-items")),
    ).toBeGreaterThan(1);
    expect(list((await api.call("POST", `/dispute-documents/${docId}/consult`)).body)).toHaveLength(1);
    expect(await eventTypesFor(api, docId)).toEqual([
      "DISPUTE_DOCUMENT_CREATED",
      "DISPUTE_DOCUMENT_VALIDATION_ASKED",
      "DISPUTE_DOCUMENT_SUCCEEDED",
    ]);
    await api.call("PUT", `/disputes/${disputeId}/close`);
    const late = await api.call("POST", `/disputes/${disputeId}/documents`, { Type: "OTHER" });
    expect([late.status, late.body.Type]).toEqual([400, "invalid_action"]);
  });

  it("lists the seeded disputes (well over 100, every status) with Status, DisputeType and date filters across pages", async () => {
    const all = await api.call("GET", "/disputes?per_page=100");
    expect(Number(all.headers.get("x-number-of-items"))).toBeGreaterThan(100);
    expect(all.headers.get("x-number-of-pages")).toBe("2");
    expect(all.headers.get("link")).toContain('rel="next"');
    for (const status of [
      "CREATED",
      "PENDING_CLIENT_ACTION",
      "SUBMITTED",
      "PENDING_BANK_ACTION",
      "REOPENED_PENDING_CLIENT_ACTION",
      "CLOSED",
    ]) {
      const res = await api.call("GET", `/disputes?Status=${status}&per_page=100`);
      expect(list(res.body).length).toBeGreaterThan(0);
      expect(list(res.body).every((d) => str(d.Status) === status)).toBe(true);
    }
    const mixed = await api.call("GET", "/disputes?DisputeType=NOT_CONTESTABLE,RETRIEVAL&Status=closed&per_page=100");
    expect(list(mixed.body).every((d) => ["NOT_CONTESTABLE", "RETRIEVAL"].includes(str(d.DisputeType)))).toBe(true);
    const pivot = num(list(all.body)[50].CreationDate);
    const before = await api.call("GET", `/disputes?BeforeDate=${pivot}&per_page=100`);
    expect(list(before.body).every((d) => num(d.CreationDate) < pivot)).toBe(true);
    expect(list((await api.call("GET", "/disputes/pendingsettlement?per_page=100")).body).length).toBeGreaterThan(0);
    const missing = await api.call("GET", "/disputes/nope");
    expect([missing.status, missing.body.Type]).toEqual([404, "ressource_not_found"]);
    const tagged = await api.call("PUT", `/disputes/${str(list(all.body)[0].Id)}`, { Tag: "reviewed" });
    expect(tagged.body.Tag).toBe("reviewed");
  });

  it("accepts a client bank wire to the repudiation wallet that credits CREDIT_EUR when the funds arrive", async () => {
    const before = await creditEur();
    const wire = await api.call("POST", "/clients/payins/bankwire/direct", {
      CreditedWalletId: "CREDIT_EUR",
      DeclaredDebitedFunds: eur(12_345),
    });
    expect(wire.body).toMatchObject({
      Status: "CREATED",
      PaymentType: "BANK_WIRE",
      CreditedWalletId: "CREDIT_EUR",
      AuthorId: api.clientId,
    });
    expect(typeof wire.body.WireReference).toBe("string");
    const settled = await api.control("POST", `/clients/${api.clientId}/payins/${wire.body.Id}/settle`);
    expect(settled.body.Status).toBe("SUCCEEDED");
    expect(await creditEur()).toBe(before + 12_345);
    const bad = await api.call("POST", "/clients/payins/bankwire/direct", {
      CreditedWalletId: "FEES_EUR",
      DeclaredDebitedFunds: eur(1),
    });
    expect(bad.status).toBe(400);
    const ccy = await api.call("POST", "/clients/payins/bankwire/direct", {
      CreditedWalletId: "CREDIT_GBP",
      DeclaredDebitedFunds: eur(1),
    });
    expect(ccy.body.Type).toBe("currency_incompatibility");
  });
});
