// Deposit preauthorizations over HTTP (create, view, cancel, lists per card and user, transactions), the
// pay-ins that capture them (full capture; capture with complement, then the complement), and card
// validations — with the sandbox cards' outcomes, the 3DS page, balances and events.
import {
  balance,
  BROWSER_INFO,
  list,
  registerCard,
  SMALL_SEED,
  startApi,
  str,
  userWithWallet,
  type Api,
  type Json,
} from "./helpers";

let api: Api;

beforeAll(async () => {
  api = await startApi(SMALL_SEED);
});
afterAll(async () => {
  await api.emu.close();
});

async function eventsOf(id: string): Promise<string[]> {
  return list((await api.call("GET", "/events?per_page=100&Sort=Date:DESC")).body)
    .filter((e) => str(e.ResourceId) === id)
    .map((e) => str(e.EventType))
    .reverse();
}

const RETURN = "https://platform.example/3ds";

async function deposit(userId: string, cardId: string, amount = 5000): Promise<Json> {
  return (
    await api.call("POST", "/deposit-preauthorizations/card/direct", {
      AuthorId: userId,
      DebitedFunds: { Currency: "EUR", Amount: amount },
      CardId: cardId,
      SecureModeReturnURL: RETURN,
      IpAddress: "192.0.2.1",
      BrowserInfo: BROWSER_INFO,
      Tag: "rental",
    })
  ).body;
}

describe("deposit preauthorizations", () => {
  it("held, captured in full: the wallet is credited, the deposit VALIDATED and linked", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const card = await registerCard(api, userId);
    const held = await deposit(userId, str(card.CardId));
    expect(held).toMatchObject({
      Status: "SUCCEEDED",
      PaymentStatus: "WAITING",
      ResultCode: "000000",
      CardId: str(card.CardId),
      DebitedFunds: { Currency: "EUR", Amount: 5000 },
      PayinsLinked: { PayinCaptureId: null, PayinComplementId: null },
      SecureModeNeeded: false,
    });
    const id = str(held.Id);
    const capture = await api.call("POST", "/payins/deposit-preauthorized/direct/full-capture", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      DebitedFunds: { Currency: "EUR", Amount: 4000 },
      Fees: { Currency: "EUR", Amount: 100 },
      DepositId: id,
    });
    expect(capture.status).toBe(200);
    expect(capture.body).toMatchObject({ Status: "SUCCEEDED", PaymentType: "PREAUTHORIZED", DepositId: id });
    expect(await balance(api, walletId)).toBe(3900);
    const read = (await api.call("GET", `/deposit-preauthorizations/${id}`)).body;
    expect(read).toMatchObject({ PaymentStatus: "VALIDATED", PayinsLinked: { PayinCaptureId: str(capture.body.Id) } });
    const txs = list((await api.call("GET", `/deposit-preauthorizations/${id}/transactions`)).body);
    expect(txs.map((t) => [str(t.Id), str(t.DepositId)])).toEqual([[str(capture.body.Id), id]]);
    expect(await eventsOf(id)).toEqual([
      "DEPOSIT_PREAUTHORIZATION_CREATED",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_WAITING",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_VALIDATED",
    ]);
    // A second capture is refused, nothing moves.
    const again = await api.call("POST", "/payins/deposit-preauthorized/direct/full-capture", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      Fees: { Currency: "EUR", Amount: 0 },
      DepositId: id,
    });
    expect(again.status).toBe(400);
    expect(await balance(api, walletId)).toBe(3900);
  });

  it("capture with complement, then the complement above the hold", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const card = await registerCard(api, userId);
    const id = str((await deposit(userId, str(card.CardId), 3000)).Id);
    const first = await api.call("POST", "/payins/deposit-preauthorized/direct/capture-with-complement", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      Fees: { Currency: "EUR", Amount: 0 },
      DepositId: id,
    });
    expect(first.body).toMatchObject({ Status: "SUCCEEDED", DebitedFunds: { Amount: 3000 } });
    expect((await api.call("GET", `/deposit-preauthorizations/${id}`)).body.PaymentStatus).toBe("TO_BE_COMPLETED");
    const noAmount = await api.call("POST", "/payins/deposit-preauthorized/direct/complement", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      Fees: { Currency: "EUR", Amount: 0 },
      DepositId: id,
    });
    expect(noAmount.status).toBe(400);
    expect(Object.keys(noAmount.body.errors as Json)).toEqual(["DebitedFunds"]);
    const complement = await api.call("POST", "/payins/deposit-preauthorized/direct/complement", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      DebitedFunds: { Currency: "EUR", Amount: 1500 },
      Fees: { Currency: "EUR", Amount: 0 },
      DepositId: id,
    });
    expect(complement.body).toMatchObject({ Status: "SUCCEEDED", DepositId: id });
    expect(await balance(api, walletId)).toBe(4500);
    const read = (await api.call("GET", `/deposit-preauthorizations/${id}`)).body;
    expect(read).toMatchObject({
      PaymentStatus: "VALIDATED",
      PayinsLinked: { PayinCaptureId: str(first.body.Id), PayinComplementId: str(complement.body.Id) },
    });
    const txs = list((await api.call("GET", `/deposit-preauthorizations/${id}/transactions`)).body);
    expect(txs).toHaveLength(2);
  });

  it("cancel releases a WAITING hold; lists per card and user; refused and 3DS cards; bad input", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const card = await registerCard(api, userId);
    const id = str((await deposit(userId, str(card.CardId))).Id);
    const canceled = await api.call("PUT", `/deposit-preauthorizations/${id}`, { PaymentStatus: "CANCELED" });
    expect(canceled.body.PaymentStatus).toBe("CANCELED");
    expect((await api.call("PUT", `/deposit-preauthorizations/${id}`, { PaymentStatus: "CANCELED" })).status).toBe(200);
    const capture = await api.call("POST", "/payins/deposit-preauthorized/direct/full-capture", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      Fees: { Currency: "EUR", Amount: 0 },
      DepositId: id,
    });
    expect(capture.status).toBe(400);

    const refusedCard = await registerCard(api, userId, "4970105111111113");
    const refused = await deposit(userId, str(refusedCard.CardId));
    expect(refused).toMatchObject({ Status: "FAILED", ResultCode: "101101" });
    const challengeCard = await registerCard(api, userId, "4970105181818183");
    const challenged = await deposit(userId, str(challengeCard.CardId));
    expect(challenged).toMatchObject({ Status: "CREATED", SecureModeNeeded: true });
    const back = await fetch(str(challenged.SecureModeRedirectURL), {
      method: "POST",
      body: "outcome=success",
      redirect: "manual",
    });
    expect(back.headers.get("location")).toBe(`${RETURN}?depositId=${str(challenged.Id)}`);
    expect((await api.call("GET", `/deposit-preauthorizations/${str(challenged.Id)}`)).body.Status).toBe("SUCCEEDED");

    const byUser = list((await api.call("GET", `/users/${userId}/deposit-preauthorizations?Status=FAILED`)).body);
    expect(byUser.map((d) => str(d.Id))).toEqual([str(refused.Id)]);
    const byCard = list((await api.call("GET", `/cards/${str(card.CardId)}/deposit-preauthorizations`)).body);
    expect(byCard.map((d) => str(d.Id))).toEqual([id]);

    const missing = await api.call("POST", "/deposit-preauthorizations/card/direct", {
      AuthorId: userId,
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CardId: str(card.CardId),
      SecureModeReturnURL: RETURN,
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors as Json).sort()).toEqual(["BrowserInfo", "IpAddress"]);
    const other = await userWithWallet(api);
    const foreign = await api.call("POST", "/payins/deposit-preauthorized/direct/full-capture", {
      AuthorId: other.userId,
      CreditedWalletId: other.walletId,
      Fees: { Currency: "EUR", Amount: 0 },
      DepositId: str(challenged.Id),
    });
    expect(foreign.status).toBe(400);
    expect((await api.call("GET", "/deposit-preauthorizations/999999999")).status).toBe(404);
  });
});

describe("card validations", () => {
  it("a good card is VALID, a refused one INVALID (the card's Validity follows); 3DS cards wait", async () => {
    const { userId } = await userWithWallet(api);
    const card = await registerCard(api, userId);
    const body = { AuthorId: userId, SecureModeReturnURL: RETURN, IpAddress: "192.0.2.1", BrowserInfo: BROWSER_INFO };
    const valid = await api.call("POST", `/cards/${str(card.CardId)}/validation`, body);
    expect(valid.body).toMatchObject({ Status: "SUCCEEDED", Validity: "VALID", Type: "CARD_VALIDATION" });
    const read = await api.call("GET", `/cards/${str(card.CardId)}/validation/${str(valid.body.Id)}`);
    expect(read.body.Id).toBe(valid.body.Id);
    expect(await eventsOf(str(valid.body.Id))).toEqual(["CARD_VALIDATION_CREATED", "CARD_VALIDATION_SUCCEEDED"]);

    const bad = await registerCard(api, userId, "4970105111111113");
    const invalid = await api.call("POST", `/cards/${str(bad.CardId)}/validation`, body);
    expect(invalid.body).toMatchObject({ Status: "FAILED", Validity: "INVALID", ResultCode: "101101" });
    expect((await api.call("GET", `/cards/${str(bad.CardId)}`)).body.Validity).toBe("INVALID");

    const challengeCard = await registerCard(api, userId, "4970105181818183");
    const forced = await api.call("POST", `/cards/${str(challengeCard.CardId)}/validation`, body);
    expect(forced.body).toMatchObject({ Status: "CREATED", SecureModeNeeded: true });
    const back = await fetch(str(forced.body.SecureModeRedirectURL), { method: "POST", redirect: "manual" });
    expect(back.headers.get("location")).toBe(`${RETURN}?cardValidationId=${str(forced.body.Id)}`);

    const other = await userWithWallet(api);
    const foreign = await api.call("POST", `/cards/${str(card.CardId)}/validation`, {
      ...body,
      AuthorId: other.userId,
    });
    expect(foreign.status).toBe(400);
    expect((await api.call("GET", `/cards/${str(bad.CardId)}/validation/${str(valid.body.Id)}`)).status).toBe(404);
  });
});
