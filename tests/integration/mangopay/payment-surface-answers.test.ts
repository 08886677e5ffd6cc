/** @jest-environment node */
// The typed client parses the emulator's answers on the rest of the pay-in surface: recurring PayPal, PayPal
// data collection, deposit no-show, and the acquiring-only service (pay-ins outside the wallets, refunds, card
// validation). Bizum is parsed with the other methods in apm-payins-answers.test.ts.
import * as acquiring from "@/lib/mangopay/acquiring";
import * as apmPayIns from "@/lib/mangopay/apm-payins";
import * as deposits from "@/lib/mangopay/deposits";
import * as recurring from "@/lib/mangopay/recurring";
import * as wallets from "@/lib/mangopay/wallets";
import type { MangopayClient } from "@/lib/mangopay/client";
import { newKey, startTestEmulator, type TestEmulator } from "./helpers";
import { BROWSER, createPayer, eur, registerCard } from "./world";

let emu: TestEmulator;
let client: MangopayClient;
beforeAll(async () => {
  emu = await startTestEmulator(17, { seedUsers: 20 });
  client = emu.client().client;
});
afterAll(async () => {
  await emu.close();
});

const RETURN = "https://platform.example/back";
const key = () => ({ idempotencyKey: newKey() });
const authorize = (url: string | null | undefined) =>
  fetch(String(url), { method: "POST", body: "outcome=authorized", redirect: "manual" });

it("recurring PayPal: registration without card, CIT through PayPal's page, MIT at once", async () => {
  const payer = await createPayer(client, "Subscriber");
  const wallet = await wallets.create(client, { Owners: [payer.Id], Currency: "EUR", Description: "EUR" });
  const reg = await recurring.createRegistration(
    client,
    {
      AuthorId: payer.Id,
      PaymentType: "PAYPAL",
      CreditedWalletId: wallet.Id,
      FirstTransactionDebitedFunds: eur(1000),
      FirstTransactionFees: eur(0),
      Frequency: "Monthly",
    },
    key(),
  );
  expect(reg).toMatchObject({ Status: "CREATED", PaymentType: "PAYPAL", CardId: null });
  const cit = await recurring.payPayPal(
    client,
    {
      RecurringPayinRegistrationId: reg.Id,
      ReturnURL: RETURN,
      LineItems: [{ Name: "Box", Quantity: 1, UnitAmount: 1000 }],
    },
    key(),
  );
  expect(cit).toMatchObject({ PaymentType: "PAYPAL", Status: "CREATED", RecurringPayinRegistrationId: reg.Id });
  expect((await recurring.getRegistration(client, reg.Id)).Status).toBe("AUTHENTICATION_NEEDED");
  await authorize(cit.RedirectURL);
  const mit = await recurring.payPayPal(client, { RecurringPayinRegistrationId: reg.Id }, key());
  expect(mit).toMatchObject({ Status: "SUCCEEDED", DebitedFunds: eur(1000) });
  expect(mit.ExecutionDate).toBeInstanceOf(Date);
  const state = await recurring.getRegistration(client, reg.Id);
  expect(state).toMatchObject({ Status: "IN_PROGRESS", CurrentState: { PayinsLinked: 2, LastPayinId: mit.Id } });
  expect((await wallets.get(client, wallet.Id)).Balance.Amount).toBe(2000);
});

it("PayPal data collection: created, read back, named by a PayPal pay-in", async () => {
  const created = await apmPayIns.createPayPalDataCollection(client, { sender_email: "jane@example.test" });
  const read = await apmPayIns.getPayPalDataCollection(client, created.dataCollectionId);
  expect(read).toMatchObject({ dataCollectionId: created.dataCollectionId, sender_email: "jane@example.test" });
  const payer = await createPayer(client, "Profiled");
  const wallet = await wallets.create(client, { Owners: [payer.Id], Currency: "EUR", Description: "EUR" });
  const payin = await apmPayIns.create(
    client,
    "PAYPAL",
    {
      AuthorId: payer.Id,
      CreditedWalletId: wallet.Id,
      DebitedFunds: eur(500),
      Fees: eur(0),
      ReturnURL: RETURN,
      DataCollectionId: created.dataCollectionId,
    },
    key(),
  );
  expect(payin.Status).toBe("CREATED");
});

it("deposit no-show: the hold becomes NO_SHOW_REQUESTED, the penalty complement ends it NO_SHOW", async () => {
  const payer = await createPayer(client, "Absent");
  const wallet = await wallets.create(client, { Owners: [payer.Id], Currency: "EUR", Description: "EUR" });
  const card = await registerCard(client, payer.Id);
  const deposit = await deposits.create(
    client,
    {
      AuthorId: payer.Id,
      DebitedFunds: eur(5000),
      CardId: card.Id,
      SecureModeReturnURL: RETURN,
      IpAddress: "192.0.2.1",
      BrowserInfo: BROWSER,
    },
    key(),
  );
  expect((await deposits.requestNoShow(client, deposit.Id)).PaymentStatus).toBe("NO_SHOW_REQUESTED");
  const penalty = await deposits.capture(
    client,
    "complement",
    { AuthorId: payer.Id, CreditedWalletId: wallet.Id, DebitedFunds: eur(1500), Fees: eur(0), DepositId: deposit.Id },
    key(),
  );
  expect(penalty).toMatchObject({ Status: "SUCCEEDED", DebitedFunds: eur(1500) });
  const after = await deposits.get(client, deposit.Id);
  expect(after.PaymentStatus).toBe("NO_SHOW");
  expect(after.PayinsLinked?.PayinComplementId).toBe(penalty.Id);
  expect((await wallets.get(client, wallet.Id)).Balance.Amount).toBe(1500);
});

it("acquiring: a card pay-in outside the wallets, refunded in part; iDEAL completes on its page; card validation", async () => {
  const payer = await createPayer(client, "Shopper");
  const card = await registerCard(client, payer.Id);
  const payin = await acquiring.createPayIn(
    client,
    "CARD",
    {
      DebitedFunds: eur(3000),
      CardId: card.Id,
      SecureModeReturnURL: RETURN,
      IpAddress: "192.0.2.1",
      BrowserInfo: BROWSER,
    },
    key(),
  );
  expect(payin).toMatchObject({ PaymentType: "CARD", Status: "SUCCEEDED", CardId: card.Id, DebitedFunds: eur(3000) });
  expect(payin.ExecutionDate).toBeInstanceOf(Date);
  const refund = await acquiring.refundPayIn(client, payin.Id, { DebitedFunds: eur(1000) }, key());
  expect(refund).toMatchObject({ Status: "SUCCEEDED", Nature: "REFUND", InitialTransactionId: payin.Id });
  expect(refund.CreationDate).toBeInstanceOf(Date);

  const ideal = await acquiring.createPayIn(client, "IDEAL", { DebitedFunds: eur(100), ReturnURL: RETURN }, key());
  expect(ideal).toMatchObject({ Status: "CREATED", ExecutionType: "WEB" });
  const back = await authorize(ideal.RedirectURL);
  expect(back.headers.get("location")).toBe(`${RETURN}?transactionId=${ideal.Id}`);

  const validation = await acquiring.validateCard(
    client,
    card.Id,
    { SecureModeReturnURL: RETURN, IpAddress: "192.0.2.1", BrowserInfo: BROWSER },
    key(),
  );
  expect(validation).toMatchObject({ Status: "SUCCEEDED", Validity: "VALID" });
  const collection = await acquiring.createPayPalDataCollection(client, { sender_first_name: "Ana" }, key());
  expect(collection.dataCollectionId).toMatch(/^[0-9a-f-]{36}$/);
});
