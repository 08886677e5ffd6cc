/**
 * Ledger property: after thousands of random money operations over HTTP (pay-ins, transfers with
 * fees, payouts that succeed, fail or bounce, refunds, refusals, FX conversions with fees), for each
 * currency the sum of all wallet balances (user wallets + FEES/CREDIT) equals external money in − out
 * plus what conversions brought into that currency minus what they took out of it, no user wallet is
 * negative, every conversion's fees land in FEES of the debited currency, and every wallet's balance
 * equals what its own transaction list says.
 */
import { Random } from "@/emulator/core/random";
import { BROWSER_INFO, list, natural, num, registerCard, startApi, str, type Api, type Json } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({ seed: null });
  // Thousands of calls in a few seconds would exhaust MANGOPAY's 15-minute bucket (2,300 calls).
  await api.control("POST", "/ratelimit", { limits: [1_000_000, 1_000_000, 1_000_000, 1_000_000] });
});
afterAll(async () => {
  await api.emu.close();
});

const OPERATIONS = 2500;
const address = { AddressLine1: "1 Main Street", City: "Paris", PostalCode: "75001", Country: "FR" };

interface Account {
  userId: string;
  wallets: Record<string, string>;
  cardId: string;
  bankAccountId: string;
}

async function allPages(path: string): Promise<Json[]> {
  const out: Json[] = [];
  for (let page = 1; page <= 1000; page++) {
    const res = await api.call("GET", `${path}${path.includes("?") ? "&" : "?"}per_page=100&page=${page}`);
    out.push(...list(res.body));
    if (page >= Number(res.headers.get("x-number-of-pages"))) break;
  }
  return out;
}

it("balances after thousands of random operations", async () => {
  const rnd = new Random(42);
  const currencies = ["EUR", "GBP"];
  const accounts: Account[] = [];
  for (let i = 0; i < 10; i++) {
    const user = await api.call("POST", "/users/natural", natural({ FirstName: `P${i}` }));
    const userId = str(user.body.Id);
    const wallets: Record<string, string> = {};
    for (const ccy of currencies)
      wallets[ccy] = str(
        (await api.call("POST", "/wallets", { Owners: [userId], Currency: ccy, Description: ccy })).body.Id,
      );
    const card = await registerCard(api, userId, i === 0 ? "4970105111111113" : "4970107111111119");
    const account = await api.call("POST", `/users/${userId}/bankaccounts/iban`, {
      OwnerName: i === 1 ? "Failing Co" : `P${i}`,
      OwnerAddress: address,
      IBAN: "FR7630004000031234567890143",
    });
    accounts.push({ userId, wallets, cardId: str(card.CardId), bankAccountId: str(account.body.Id) });
  }

  const external: Record<string, number> = { EUR: 0, GBP: 0 };
  const refundable: Json[] = [];
  const pendingPayouts: Json[] = [];
  const succeededPayouts: Json[] = [];
  const counts: Record<string, number> = {};
  const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  const money = (ccy: string, amount: number) => ({ Currency: ccy, Amount: amount });

  for (let op = 0; op < OPERATIONS; op++) {
    const a = rnd.pick(accounts);
    const ccy = rnd.pick(currencies);
    const roll = rnd.next();
    if (roll < 0.2) {
      const amount = rnd.int(100, 50_000);
      const res = await api.call("POST", "/payins/card/direct", {
        AuthorId: a.userId,
        CreditedWalletId: a.wallets[ccy],
        DebitedFunds: money(ccy, amount),
        Fees: money(ccy, rnd.int(0, amount / 10)),
        CardId: a.cardId,
        SecureModeReturnURL: "https://x.example",
        BrowserInfo: BROWSER_INFO,
        IpAddress: "10.0.0.1",
      });
      if (str(res.body.Status) === "SUCCEEDED") {
        external[ccy] += num(res.body.DebitedFunds.Amount);
        refundable.push(res.body);
      }
      count(`payin:${str(res.body.Status)}`);
    } else if (roll < 0.3) {
      const amount = rnd.int(100, 80_000);
      const res = await api.call("POST", "/payins/bankwire/direct", {
        AuthorId: a.userId,
        CreditedWalletId: a.wallets[ccy],
        DeclaredDebitedFunds: money(ccy, amount),
        DeclaredFees: money(ccy, rnd.int(0, Math.min(300, amount))),
      });
      const action = rnd.chance(0.9) ? "settle" : "expire";
      const done = await api.control("POST", `/clients/${api.clientId}/payins/${res.body.Id}/${action}`);
      if (str(done.body.Status) === "SUCCEEDED") {
        external[ccy] += num(done.body.DebitedFunds.Amount);
        refundable.push(done.body);
      }
      count(`wire:${str(done.body.Status)}`);
    } else if (roll < 0.38) {
      // FX between the author's own wallets: (Debited − Fees) leaves one currency, Credited enters the other.
      const to = currencies.find((c) => c !== ccy) ?? "GBP";
      const balance = num((await api.call("GET", `/wallets/${a.wallets[ccy]}`)).body.Balance.Amount);
      const amount = rnd.chance(0.1) ? balance + rnd.int(1, 1000) : rnd.int(100, Math.max(100, balance));
      const feesBefore = num((await api.call("GET", `/clients/wallets/FEES/${ccy}`)).body.Balance.Amount);
      const res = await api.call("POST", "/conversions/instant-conversion", {
        AuthorId: a.userId,
        DebitedWalletId: a.wallets[ccy],
        CreditedWalletId: a.wallets[to],
        DebitedFunds: money(ccy, amount),
        CreditedFunds: { Currency: to },
        Fees: rnd.chance(0.5)
          ? { Type: "PERCENTAGE", Value: rnd.int(0, 30) / 10 }
          : { Type: "FIXED", Value: rnd.int(0, 50) },
      });
      expect(res.status).toBe(200);
      const feesAfter = num((await api.call("GET", `/clients/wallets/FEES/${ccy}`)).body.Balance.Amount);
      if (str(res.body.Status) === "SUCCEEDED") {
        const fees = num(res.body.Fees.Amount);
        expect(str(res.body.Fees.Currency)).toBe(ccy);
        expect(feesAfter - feesBefore).toBe(fees);
        external[ccy] -= num(res.body.DebitedFunds.Amount) - fees;
        external[to] += num(res.body.CreditedFunds.Amount);
      } else {
        expect(feesAfter).toBe(feesBefore);
      }
      count(`conversion:${str(res.body.Status)}`);
    } else if (roll < 0.6) {
      const b = rnd.pick(accounts.filter((x) => x !== a));
      const balance = num((await api.call("GET", `/wallets/${a.wallets[ccy]}`)).body.Balance.Amount);
      const amount = rnd.chance(0.1) ? balance + rnd.int(1, 1000) : rnd.int(1, Math.max(1, balance));
      const res = await api.call("POST", "/transfers", {
        AuthorId: a.userId,
        DebitedWalletId: a.wallets[ccy],
        CreditedWalletId: b.wallets[ccy],
        DebitedFunds: money(ccy, amount),
        Fees: money(ccy, rnd.int(0, amount / 20)),
      });
      if (str(res.body.Status) === "SUCCEEDED") refundable.push(res.body);
      count(`transfer:${str(res.body.Status)}`);
    } else if (roll < 0.75) {
      const balance = num((await api.call("GET", `/wallets/${a.wallets[ccy]}`)).body.Balance.Amount);
      const amount = rnd.chance(0.1) ? balance + rnd.int(1, 1000) : rnd.int(1, Math.max(1, balance));
      const res = await api.call("POST", "/payouts/bankwire", {
        AuthorId: a.userId,
        DebitedWalletId: a.wallets[ccy],
        DebitedFunds: money(ccy, amount),
        Fees: money(ccy, rnd.int(0, Math.min(amount, 200))),
        BankAccountId: a.bankAccountId,
      });
      if (str(res.body.Status) === "CREATED") pendingPayouts.push(res.body);
      count(`payout:${str(res.body.Status)}`);
    } else if (roll < 0.85 && pendingPayouts.length > 0) {
      const payout = pendingPayouts.splice(rnd.int(0, pendingPayouts.length - 1), 1)[0];
      const action = rnd.chance(0.8) ? "succeed" : "fail";
      const res = await api.control("POST", `/clients/${api.clientId}/payouts/${payout.Id}/${action}`);
      if (str(res.body.Status) === "SUCCEEDED") {
        external[str(payout.DebitedFunds.Currency)] -= num(payout.CreditedFunds.Amount);
        succeededPayouts.push(payout);
      }
      count(`settle:${str(res.body.Status)}`);
    } else if (roll < 0.88 && succeededPayouts.length > 0) {
      const payout = succeededPayouts.splice(rnd.int(0, succeededPayouts.length - 1), 1)[0];
      const res = await api.control("POST", `/clients/${api.clientId}/payouts/${payout.Id}/return`);
      expect(res.body.Status).toBe("SUCCEEDED");
      external[str(payout.DebitedFunds.Currency)] += num(res.body.DebitedFunds.Amount);
      count("payout-return");
    } else if (refundable.length > 0) {
      const initial = rnd.pick(refundable);
      const kind = str(initial.Type) === "TRANSFER" ? "transfers" : "payins";
      const body: Record<string, unknown> = { AuthorId: str(initial.AuthorId) };
      if (rnd.chance(0.6)) {
        const iccy = str(initial.CreditedFunds.Currency);
        body.DebitedFunds = money(iccy, rnd.int(1, Math.max(1, num(initial.CreditedFunds.Amount))));
        body.Fees = money(iccy, -rnd.int(0, num(initial.Fees.Amount)));
      }
      const res = await api.call("POST", `/${kind}/${initial.Id}/refunds`, body);
      expect(res.status).toBe(200);
      if (str(res.body.Status) === "SUCCEEDED" && kind === "payins")
        external[str(res.body.CreditedFunds.Currency)] -= num(res.body.CreditedFunds.Amount);
      count(`refund-${kind}:${str(res.body.Status)}`);
    }
  }
  // Payouts still CREATED have left the wallets already (funds reserved, on their way to the bank).
  for (const p of pendingPayouts) external[str(p.DebitedFunds.Currency)] -= num(p.CreditedFunds.Amount);

  for (const ccy of currencies) {
    let total = 0;
    for (const a of accounts) {
      const wallet = (await api.call("GET", `/wallets/${a.wallets[ccy]}`)).body;
      const balance = num(wallet.Balance.Amount);
      expect(balance).toBeGreaterThanOrEqual(0);
      total += balance;
      // The wallet's own history explains its balance exactly.
      let fromHistory = 0;
      for (const tx of await allPages(`/wallets/${a.wallets[ccy]}/transactions`)) {
        const reserved = str(tx.Type) === "PAYOUT" && str(tx.Nature) === "REGULAR" && str(tx.Status) === "CREATED";
        if (str(tx.Status) !== "SUCCEEDED" && !reserved) continue;
        if (tx.DebitedWalletId === wallet.Id) fromHistory -= num(tx.DebitedFunds.Amount);
        if (tx.CreditedWalletId === wallet.Id) fromHistory += num(tx.CreditedFunds.Amount);
      }
      expect(fromHistory).toBe(balance);
    }
    for (const ft of ["FEES", "CREDIT"])
      total += num((await api.call("GET", `/clients/wallets/${ft}/${ccy}`)).body.Balance.Amount);
    expect(total).toBe(external[ccy]);
  }
  for (const k of [
    "payin:SUCCEEDED",
    "payin:FAILED",
    "transfer:SUCCEEDED",
    "transfer:FAILED",
    "payout:CREATED",
    "payout:FAILED",
    "settle:SUCCEEDED",
    "settle:FAILED",
    "payout-return",
    "refund-payins:SUCCEEDED",
    "refund-transfers:SUCCEEDED",
    "conversion:SUCCEEDED",
    "conversion:FAILED",
  ]) {
    expect(counts[k] ?? 0).toBeGreaterThan(0);
  }
}, 60_000);
