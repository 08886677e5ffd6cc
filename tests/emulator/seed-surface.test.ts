// The demo seed holds examples of the newer surface, so the dashboard shows them on first start.
import { list, startApi, str, type Api } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({ seedUsers: 80 });
});
afterAll(async () => {
  await api.emu.close();
});

it("seeds SCA users, conversions, virtual accounts and a banking alias", async () => {
  const users = list((await api.call("GET", "/users?per_page=100&Sort=CreationDate:DESC")).body);
  const pending = users.find((u) => str(u.Email) === "sca.pending@example.com");
  expect(pending?.UserStatus).toBe("PENDING_USER_ACTION");
  const pendingStatus = await api.call("GET", `/sca/users/${pending ? str(pending.Id) : "none"}/sca-status`);
  expect(pendingStatus.body.IsEnrolled).toBe(false);

  const enrollments = list((await api.call("GET", "/events?EventType=SCA_ENROLLMENT_SUCCEEDED")).body);
  expect(enrollments).toHaveLength(1);
  const enrolled = await api.call("GET", `/sca/users/${str(enrollments[0].ResourceId)}/sca-status`);
  expect(enrolled.body).toMatchObject({ IsEnrolled: true, ConsentScope: { Transfer: "GIVEN" } });

  const conversions = list(
    (await api.call("GET", "/events?EventType=INSTANT_CONVERSION_SUCCEEDED,QUOTED_CONVERSION_SUCCEEDED")).body,
  );
  expect(conversions.length).toBeGreaterThanOrEqual(4);
  const conversion = await api.call("GET", `/conversions/${str(conversions[0].ResourceId)}`);
  expect(conversion.body.Type).toBe("CONVERSION");
  const author = str(conversion.body.AuthorId);
  if (author !== api.clientId) {
    const txs = list((await api.call("GET", `/users/${author}/transactions?Type=CONVERSION`)).body);
    expect(txs.map((t) => t.Id)).toContain(conversion.body.Id);
  }

  const vaEvents = list((await api.call("GET", "/events?EventType=VIRTUAL_ACCOUNT_ACTIVE")).body);
  expect(vaEvents).toHaveLength(3);
  // The enrolled owner's EUR wallet has the USER_OWNED account that received a wire.
  const enrolledId = str(enrollments[0].ResourceId);
  const wallets = list((await api.call("GET", `/users/${enrolledId}/wallets`)).body);
  const eur = wallets.find((w) => str(w.Currency) === "EUR");
  const vas = list((await api.call("GET", `/wallets/${eur ? str(eur.Id) : "none"}/virtual-accounts`)).body);
  expect(vas).toHaveLength(1);
  expect(vas[0]).toMatchObject({ VirtualAccountPurpose: "USER_OWNED", Country: "FR", Status: "ACTIVE" });
  const payins = list(
    (await api.call("GET", `/wallets/${eur ? str(eur.Id) : "none"}/transactions?Type=PAYIN&per_page=100`)).body,
  );
  const received = [];
  for (const t of payins) {
    const p = await api.call("GET", `/payins/${str(t.Id)}`);
    if (str(p.body.ExecutionType) === "EXTERNAL_INSTRUCTION") received.push(p.body);
  }
  expect(received.map((p) => str(p.BankingAliasId))).toEqual([str(vas[0].Id)]);
  expect(list((await api.call("GET", `/users/${enrolledId}/transactions?Type=CONVERSION`)).body).length).toBe(2);
});

it("seeds a user's recipients, a payout to one of them and a client payout to the platform's account", async () => {
  const active = list((await api.call("GET", "/events?EventType=RECIPIENT_ACTIVE")).body);
  expect(active).toHaveLength(2);
  const recipient = await api.call("GET", `/recipients/${str(active[0].ResourceId)}`);
  const owner = str(recipient.body.UserId);
  const mine = list((await api.call("GET", `/users/${owner}/recipients`)).body);
  expect(mine.map((r) => str(r.DisplayName)).sort()).toEqual(["Main bank account", "US supplier"]);
  const payouts = list((await api.call("GET", `/users/${owner}/transactions?Type=PAYOUT&per_page=100`)).body);
  const v2 = [];
  for (const t of payouts) {
    const p = await api.call("GET", `/payouts/${str(t.Id)}`);
    if (p.body.RecipientId) v2.push(p.body);
  }
  const main = mine.find((r) => str(r.DisplayName) === "Main bank account");
  expect(v2).toHaveLength(1);
  expect(v2[0]).toMatchObject({ RecipientId: main?.Id, BankAccountId: null, Status: "SUCCEEDED" });

  // What the dashboard reads: the newest 100 payouts touching a client wallet (users' payouts whose fees
  // the platform took, too); the client payout is the platform's.
  const fees = list(
    (await api.call("GET", "/clients/transactions?Type=PAYOUT&per_page=100&Sort=CreationDate:DESC")).body,
  );
  const clientPayouts = fees.filter((t) => str(t.Type) === "PAYOUT" && str(t.AuthorId) === api.clientId);
  expect(clientPayouts).toHaveLength(1);
  const clientPayout = await api.call("GET", `/payouts/${str(clientPayouts[0].Id)}`);
  expect(clientPayout.body).toMatchObject({ AuthorId: api.clientId, DebitedWalletId: "FEES_EUR", Status: "SUCCEEDED" });
});
