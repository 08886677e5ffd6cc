// Demo data of pay-in intents (V3.0) and their settlements, so the dashboard shows them on first start: an
// intent only authorized, one captured with splits waiting for a settlement, one settled through a RECONCILED
// settlement (its splits AVAILABLE), and a settlement whose file FAILED validation. Runs last in the demo seed
// (seed-demo.ts), so earlier seeded ids do not move; a few objects per client, nothing the benchmark counts.
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { NaturalUser, PayInIntent, Wallet } from "../store/types";
import { createSettlement, uploadSettlementFile } from "../domain/intent-settlements";
import { captureIntent, createIntentAuthorization, createIntentSplits, refundIntent } from "../domain/pay-in-intents";

const DAY = 86_400;

function eurWallet(store: ClientStore, userId: string): Wallet | undefined {
  for (const id of store.idx.walletsByUser.get(userId)) {
    const w = store.wallets.get(id);
    if (w?.Currency === "EUR") return w;
  }
  return undefined;
}

/** `DD-MM-YYYY` of a Unix-seconds date (the settlement file's footer format). */
function fileDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}-${p(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

/** A settlement file in MANGOPAY's layout: lines, one empty row, the footer. */
function settlementCsv(lines: Array<[ref: string, type: string, amount: number]>, at: number, fees: number): string {
  const total = lines.reduce((a, l) => a + l[2], 0);
  return [
    "ExternalProviderReference,ExternalPaymentMethod,ExternalTransactionType,ExternalTransactionStatus,ExternalProcessingDate,Amount,Currency,ExternalProviderFees",
    ...lines.map(([ref, type, amount]) => `${ref},CARD,${type},SETTLED,${fileDate(at)},${amount},EUR,0`),
    ",,,,,,,",
    `SettlementDate,${fileDate(at)},,,,,,`,
    "ExternalProviderName,Stripe,,,,,,",
    `TotalSettlementFeesAmount,${fees},,,,,,`,
    `TotalNetSettlementAmount,${total - fees},,,,,,`,
    "SettlementCurrency,EUR,,,,,,",
  ].join("\n");
}

export function seedIntents(emu: Emulator, store: ClientStore, now: number, origin: string): Record<string, number> {
  const counts = { payInIntents: 0, intentSettlements: 0 };
  const sellers: Array<{ user: NaturalUser; wallet: Wallet }> = [];
  let buyer: string | null = null;
  for (const u of store.users.values()) {
    if (u.PersonType !== "NATURAL" || u.UserStatus !== "ACTIVE") continue;
    const wallet = eurWallet(store, u.Id);
    if (u.UserCategory === "OWNER" && wallet && sellers.length < 2) sellers.push({ user: u, wallet });
    else if (buyer === null && u.UserCategory === "PAYER") buyer = u.Id;
    if (sellers.length === 2 && buyer !== null) break;
  }
  const [first, second] = sellers;
  if (!first || !second) return counts;
  const seller = (s: { user: NaturalUser; wallet: Wallet }, fees: number) => ({
    AuthorId: s.user.Id,
    WalletId: s.wallet.Id,
    FeesAmount: fees,
  });
  let n = 0;
  const authorize = (at: number, lineItems: Array<Record<string, unknown>>, fees: number): PayInIntent => {
    n += 1;
    const amount = lineItems.reduce(
      (a, l) => a + (l.Quantity as number) * (l.UnitAmount as number) + ((l.TaxAmount as number | undefined) ?? 0),
      0,
    );
    const intent = createIntentAuthorization(
      emu,
      store,
      {
        Amount: amount,
        Currency: "EUR",
        PlatformFeesAmount: fees,
        Tag: "demo",
        ExternalData: {
          ExternalProcessingDate: at,
          ExternalProviderReference: `demo-psp-${store.info.ClientId}-${n}`,
          ExternalMerchantReference: `order-${1000 + n}`,
          ExternalProviderName: "Stripe",
          ExternalProviderPaymentMethod: "CARD",
        },
        Buyer: buyer ? { Id: buyer } : undefined,
        LineItems: lineItems,
      },
      at,
    );
    counts.payInIntents++;
    return intent;
  };

  // 1. Authorized only: the goods are not shipped yet.
  authorize(
    now - 1 * DAY,
    [{ Seller: seller(first, 150), Sku: "lamp-01", Name: "Desk lamp", Quantity: 1, UnitAmount: 4_500 }],
    150,
  );

  // 2. Captured with splits to both sellers, a part refunded; waiting for the provider's settlement.
  const at2 = now - 6 * DAY;
  const two = authorize(
    at2,
    [
      { Seller: seller(first, 300), Sku: "chair-02", Name: "Oak chair", Quantity: 2, UnitAmount: 6_000 },
      { Seller: seller(second, 200), Sku: "rug-07", Name: "Wool rug", Quantity: 1, UnitAmount: 8_000, TaxAmount: 0 },
    ],
    500,
  );
  captureIntent(emu, store, two.Id, {}, at2 + 3_600);
  const [chairs, rug] = two.LineItems;
  refundIntent(
    emu,
    store,
    two.Id,
    {
      Amount: 6_000,
      LineItems: [{ Id: chairs.Id, Amount: 6_000 }],
      ExternalData: { ExternalProcessingDate: at2 + DAY, ExternalProviderReference: `demo-refund-${two.Id}` },
    },
    at2 + DAY,
  );
  createIntentSplits(
    emu,
    store,
    two.Id,
    {
      Splits: [
        { LineItemId: chairs.Id, SplitAmount: 5_700, FeesAmount: 300, Description: "Chair, after its refund" },
        { LineItemId: rug.Id, SplitAmount: 7_800, FeesAmount: 200, Description: "Rug" },
      ],
    },
    at2 + DAY + 60,
  );

  // 3. Captured, split, then settled: the provider's file matched it and the funds were received.
  const at3 = now - 12 * DAY;
  const three = authorize(
    at3,
    [{ Seller: seller(second, 250), Sku: "table-03", Name: "Side table", Quantity: 1, UnitAmount: 12_500 }],
    250,
  );
  captureIntent(emu, store, three.Id, {}, at3 + 600);
  createIntentSplits(
    emu,
    store,
    three.Id,
    { Splits: [{ LineItemId: three.LineItems[0].Id, SplitAmount: 12_250, FeesAmount: 250, Description: "Table" }] },
    at3 + 1_200,
  );
  const settledAt = now - 9 * DAY;
  const reconciled = createSettlement(store, { FileName: "stripe_settlement.csv" }, settledAt, origin);
  counts.intentSettlements++;
  const ref3 = three.ExternalData.ExternalProviderReference ?? "";
  uploadSettlementFile(
    emu,
    store,
    reconciled.SettlementId,
    store.intentSettlements.get(reconciled.SettlementId)?.UploadToken ?? "",
    settlementCsv([[ref3, "PAYMENT", 12_500]], settledAt - DAY, 180),
    settledAt + 300,
  );

  // 4. A settlement whose file failed validation: a wrong net total and a line of an unknown type.
  const failedAt = now - 3 * DAY;
  const failed = createSettlement(store, { FileName: "stripe_settlement_week.csv" }, failedAt, origin);
  counts.intentSettlements++;
  const bad = settlementCsv(
    [
      [two.ExternalData.ExternalProviderReference ?? "", "PAYMENT", 14_000],
      ["demo-psp-unknown", "CHARGEBACK", 2_000],
    ],
    failedAt - DAY,
    120,
  ).replace(/TotalNetSettlementAmount,\d+/, "TotalNetSettlementAmount,99999");
  uploadSettlementFile(
    emu,
    store,
    failed.SettlementId,
    store.intentSettlements.get(failed.SettlementId)?.UploadToken ?? "",
    bad,
    failedAt + 300,
  );
  return counts;
}
