// The demo seed holds an example of each remaining payment object, so the dashboard shows them on first start:
// APM pay-ins, deposit preauthorizations (captured, held), a card validation, a recurring registration with
// its pay-ins, identity verification sessions; and on a second payer the pay-in variants (Bizum, a PayPal
// subscription, a no-show deposit, acquiring-only pay-ins).
import { list, startApi, str, type Api } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({ seedUsers: 80 });
});
afterAll(async () => {
  await api.emu.close();
});

const ids = async (types: string) =>
  list((await api.call("GET", `/events?per_page=100&EventType=${types}`)).body).map((e) => str(e.ResourceId));

it("seeds APM pay-ins, deposits, a card validation, a subscription and identity verifications", async () => {
  const [sessionId] = await ids("IDENTITY_VERIFICATION_VALIDATED");
  const payer = str((await api.call("GET", `/identity-verifications/${sessionId}`)).body.UserId);
  const txs = list((await api.call("GET", `/users/${payer}/transactions?Type=PAYIN&per_page=100`)).body);
  const payIns = await Promise.all(txs.map(async (t) => (await api.call("GET", `/payins/${str(t.Id)}`)).body));
  const apm = payIns.filter((p) => ["IDEAL", "PAYPAL", "APPLEPAY"].includes(str(p.PaymentType)));
  expect(apm.map((p) => [str(p.PaymentType), str(p.Status)]).sort()).toEqual([
    ["APPLEPAY", "SUCCEEDED"],
    ["IDEAL", "SUCCEEDED"],
    ["PAYPAL", "CREATED"],
  ]);

  const deposits = list((await api.call("GET", `/users/${payer}/deposit-preauthorizations`)).body);
  expect(deposits.map((d) => str(d.PaymentStatus)).sort()).toEqual(["VALIDATED", "WAITING"]);
  const capturedId = str(deposits.filter((d) => str(d.PaymentStatus) === "VALIDATED")[0].Id);
  const capture = list((await api.call("GET", `/deposit-preauthorizations/${capturedId}/transactions`)).body);
  expect(capture.map((t) => str(t.DepositId))).toEqual([capturedId]);

  const [validationId] = await ids("CARD_VALIDATION_SUCCEEDED");
  expect(validationId).toBeDefined();

  const recurring = payIns.filter((p) => p.RecurringPayinRegistrationId);
  expect(recurring).toHaveLength(2);
  const registration = await api.call(
    "GET",
    `/recurringpayinregistrations/${str(recurring[0].RecurringPayinRegistrationId)}`,
  );
  expect(registration.body).toMatchObject({ Status: "IN_PROGRESS", CurrentState: { PayinsLinked: 2 } });

  const sessions = list((await api.call("GET", `/users/${payer}/identity-verifications`)).body);
  expect(sessions.map((s) => str(s.Status)).sort()).toEqual(["PENDING", "VALIDATED"]);
});

it("seeds the pay-in variants on a second payer: Bizum, a PayPal subscription and order, a no-show deposit, acquiring pay-ins", async () => {
  const [depositId] = await ids("DEPOSIT_PREAUTHORIZATION_PAYMENT_NO_SHOW");
  const deposit = (await api.call("GET", `/deposit-preauthorizations/${depositId}`)).body;
  expect(deposit).toMatchObject({ PaymentStatus: "NO_SHOW", Tag: "demo" });
  const payer = str(deposit.AuthorId);
  const txs = list((await api.call("GET", `/users/${payer}/transactions?Type=PAYIN&per_page=100`)).body);
  const payIns = await Promise.all(txs.map(async (t) => (await api.call("GET", `/payins/${str(t.Id)}`)).body));
  const kinds = payIns.map((p) => [str(p.PaymentType), str(p.Status)]);
  expect(kinds).toContainEqual(["BIZUM", "SUCCEEDED"]);
  expect(kinds).toContainEqual(["PREAUTHORIZED", "SUCCEEDED"]);

  const subscription = payIns.filter((p) => p.RecurringPayinRegistrationId);
  expect(subscription.map((p) => [str(p.PaymentType), str(p.Status)])).toEqual([
    ["PAYPAL", "SUCCEEDED"],
    ["PAYPAL", "SUCCEEDED"],
  ]);
  const registration = await api.call(
    "GET",
    `/recurringpayinregistrations/${str(subscription[0].RecurringPayinRegistrationId)}`,
  );
  expect(registration.body).toMatchObject({ PaymentType: "PAYPAL", Status: "IN_PROGRESS", CardId: null });

  // A paid one-time PayPal order with no tracking sent yet (the dashboard's "Add tracking" example).
  const orders = payIns.filter((p) => str(p.Tag) === "demo-paypal-order");
  expect(orders.map((p) => [str(p.PaymentType), str(p.Status), p.Trackings, p.Reference])).toEqual([
    ["PAYPAL", "SUCCEEDED", null, "order-9051"],
  ]);

  // Acquiring pay-ins are in no transaction list: their events name them (the card one 7 days ago, the iDEAL
  // one yesterday; events of a two-hour window around each, so the page of 100 holds them).
  const around = async (daysAgo: number) => {
    // The demo seed's "now" is the start of today (UTC).
    const at = Math.floor(Date.now() / 1000 / 86_400) * 86_400 - daysAgo * 86_400;
    const query = `EventType=PAYIN_NORMAL_CREATED&per_page=100&AfterDate=${at - 3600}&BeforeDate=${at + 3600}`;
    return list((await api.call("GET", `/events?${query}`)).body).map((e) => str(e.ResourceId));
  };
  const recent = [...(await around(7)), ...(await around(1))];
  const acquired = await Promise.all(recent.map(async (id) => (await api.call("GET", `/payins/${id}`)).body));
  const acquiring = acquired.filter((p) => p.Id && p.AuthorId === undefined);
  expect(acquiring.map((p) => [str(p.PaymentType), str(p.Status)]).sort()).toEqual([
    ["CARD", "SUCCEEDED"],
    ["IDEAL", "CREATED"],
  ]);
});
