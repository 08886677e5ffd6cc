// The settlement list (`GET /V3.0/{ClientId}/payins/intents/settlements`, documented by MANGOPAY, absent from the
// SDK) over plain HTTP: newest first, pages with MANGOPAY's headers and V3.0 links, Sort and Status; and the demo
// seed's intents and settlements (one RECONCILED, one FAILED with its validation errors).
import { list, startApi, str, type Api, type Json } from "./helpers";

let api: Api;

async function v3(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: Json }> {
  const res = await fetch(`${api.emu.url}/V3.0/${api.clientId}${path}`, {
    method,
    headers: { authorization: `Bearer ${api.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Json };
}

beforeAll(async () => {
  api = await startApi({ seedUsers: 80 });
});
afterAll(async () => {
  await api.emu.close();
});

it("the demo seed holds a RECONCILED settlement of a split intent and a FAILED one with its errors", async () => {
  const all = await v3("GET", "/payins/intents/settlements");
  expect(all.status).toBe(200);
  const settlements = list(all.body);
  expect(settlements.map((s) => str(s.Status))).toEqual(["FAILED", "RECONCILED"]);
  const [failed, reconciled] = settlements;
  expect(reconciled).toMatchObject({
    DeclaredIntentAmount: 12_500,
    ExternalProcessorFeesAmount: 180,
    ActualSettlementAmount: 12_320,
    FundsMissingAmount: 0,
    ExternalProviderName: "Stripe",
  });
  const checks = await v3("GET", `/payins/intents/settlements/${str(failed.SettlementId)}/validations`);
  expect(list(checks.body.FooterErrors).map((e) => str(e.Code))).toEqual(["SETTLEMENTAMOUNT_NOT_MATCH"]);
  expect(list(checks.body.LinesErrors).map((e) => str(e.Code))).toEqual(["INVALID_TRANSACTION_TYPE"]);

  const paid = list((await api.call("GET", "/events?EventType=INTENT_PAID")).body);
  expect(paid).toHaveLength(1);
  const intent = await v3("GET", `/payins/intents/${str(paid[0].ResourceId)}`);
  expect(intent.body).toMatchObject({ SettlementId: reconciled.SettlementId, Status: "CAPTURED", Amount: 12_500 });
  expect(list(intent.body.Splits).map((s) => str(s.Status))).toEqual(["AVAILABLE"]);
  const authorized = list((await api.call("GET", "/events?EventType=INTENT_AUTHORIZED")).body);
  const statuses = await Promise.all(
    authorized.map(async (e) => str((await v3("GET", `/payins/intents/${str(e.ResourceId)}`)).body.Status)),
  );
  expect(statuses.sort()).toEqual(["AUTHORIZED", "CAPTURED", "PARTIALLY_REFUNDED"]);
});

it("lists newest first, by pages with totals and V3.0 links; Sort=CreationDate:ASC and Status filter", async () => {
  const before = Number((await v3("GET", "/payins/intents/settlements")).headers.get("x-number-of-items"));
  const made: string[] = [];
  for (const name of ["a.csv", "b.csv", "c.csv"]) {
    const created = await v3("POST", "/payins/intents/settlements", { FileName: name });
    expect(created.status).toBe(200);
    made.push(str(created.body.SettlementId));
  }
  await v3("POST", `/payins/intents/settlements/${made[1]}/cancel`);

  const first = await v3("GET", "/payins/intents/settlements?per_page=2");
  expect(list(first.body).map((s) => str(s.SettlementId))).toEqual([made[2], made[1]]);
  expect(first.headers.get("x-number-of-items")).toBe(String(before + 3));
  expect(first.headers.get("x-number-of-pages")).toBe(String(Math.ceil((before + 3) / 2)));
  expect(first.headers.get("link")).toContain(
    `/V3.0/${api.clientId}/payins/intents/settlements?page=2&per_page=2>; rel="next"`,
  );
  const second = await v3("GET", "/payins/intents/settlements?per_page=2&page=2");
  expect(str(list(second.body)[0].SettlementId)).toBe(made[0]);
  expect(list(second.body)[0]).toMatchObject({
    Status: "PENDING_UPLOAD",
    FileName: expect.stringMatching(/^a_\d+\.csv$/),
  });

  const oldest = list((await v3("GET", "/payins/intents/settlements?Sort=CreationDate:ASC&per_page=100")).body);
  expect(oldest.slice(-3).map((s) => str(s.SettlementId))).toEqual(made);
  const cancelled = list((await v3("GET", "/payins/intents/settlements?Status=CANCELLED")).body);
  expect(cancelled.map((s) => str(s.SettlementId))).toEqual([made[1]]);
  // Answers carry no upload secret beyond the URL and no validations (their own endpoint).
  expect(Object.keys(cancelled[0])).not.toContain("UploadToken");
  expect(Object.keys(cancelled[0])).not.toContain("FooterErrors");

  expect((await v3("GET", "/payins/intents/settlements?per_page=101")).status).toBe(400);
});
