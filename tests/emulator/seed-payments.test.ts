// The demo seed holds an example of each remaining payment object, so the dashboard shows them on first start:
// APM pay-ins, deposit preauthorizations (captured, held), a card validation, a recurring registration with
// its pay-ins, identity verification sessions.
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
