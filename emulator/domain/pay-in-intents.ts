// Pay-in intents (V3.0, `/V3.0/{ClientId}/payins/intents…`, SDK PayIns.*PayInIntent*): a payment the platform
// processed with its own provider is declared to MANGOPAY (authorization), then its captures, cancellations,
// refunds, disputes and splits to the sellers' wallets. A settlement (domain/intent-settlements.ts) makes the
// splits AVAILABLE; executing one is still refused (no escrow wallet in the emulator: see emulator/README.md).
// Statuses follow the SDK's own tests (AUTHORIZED, CAPTURED, CANCELLED, REFUNDED, REFUND_REVERSED, DISPUTED;
// splits CREATED, REVERSED); the rest is the emulator's reading, listed in the README.
import { ApiError, invalidAction, notFound, paramError, type FieldErrors } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import { splitStatusOnSettledIntent } from "./intent-settlements";
import type { IntentExternalData, IntentLineItem, IntentSplit, IntentStep, PayInIntent } from "../store/types";

type Body = Record<string, unknown>;

const CURRENCY = /^[A-Z]{3}$/;

/** Field errors collected across nested objects (`LineItems[0].Sku`…), thrown as one 400. */
class Checks {
  readonly errors: FieldErrors = {};
  fail(field: string, message: string): void {
    if (!this.errors[field]) this.errors[field] = message;
  }
  done(): void {
    if (Object.keys(this.errors).length > 0) throw paramError(this.errors);
  }
  int(obj: Body, key: string, path: string, opts: { required?: boolean; min?: number } = {}): number | null {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (opts.required) this.fail(path, `The ${path} field is required.`);
      return null;
    }
    // UpdatePayInIntentSplit types the amounts as strings: numeric strings are read as numbers.
    const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== "number" || !Number.isSafeInteger(n)) {
      this.fail(path, `The field ${path} must be an integer.`);
      return null;
    }
    if (n < (opts.min ?? 0)) this.fail(path, `The field ${path} must be at least ${opts.min ?? 0}.`);
    return n;
  }
  str(obj: Body, key: string, path: string, opts: { required?: boolean; max?: number } = {}): string | null {
    const v = obj[key];
    if (v === undefined || v === null || v === "") {
      if (opts.required) this.fail(path, `The ${path} field is required.`);
      return null;
    }
    if (typeof v !== "string") {
      this.fail(path, `The field ${path} must be a string.`);
      return null;
    }
    if (v.length > (opts.max ?? 255)) this.fail(path, `The field ${path} is too long (max ${opts.max ?? 255}).`);
    return v;
  }
  obj(parent: Body, key: string, path: string, required = false): Body | null {
    const v = parent[key];
    if (v === undefined || v === null) {
      if (required) this.fail(path, `The ${path} field is required.`);
      return null;
    }
    if (typeof v !== "object" || Array.isArray(v)) {
      this.fail(path, `The field ${path} must be an object.`);
      return null;
    }
    return v as Body;
  }
  list(parent: Body, key: string, path: string): Body[] | null {
    const v = parent[key];
    if (!Array.isArray(v) || v.length === 0) {
      this.fail(path, `The ${path} field is required (at least one item).`);
      return null;
    }
    return v.map((item, i) => {
      if (typeof item !== "object" || item === null || Array.isArray(item)) {
        this.fail(`${path}[${i}]`, `The field ${path}[${i}] must be an object.`);
        return {};
      }
      return item as Body;
    });
  }
}

/** ExternalData: the provider's date, reference and name are required on an authorization (and partial capture). */
function readExternal(c: Checks, body: Body, required: readonly string[]): IntentExternalData | null {
  const ext = c.obj(body, "ExternalData", "ExternalData", required.length > 0);
  if (!ext) return null;
  const has = (f: string) => required.includes(f);
  return {
    ExternalProcessingDate: c.int(ext, "ExternalProcessingDate", "ExternalData.ExternalProcessingDate", {
      required: has("ExternalProcessingDate"),
    }),
    ExternalProviderReference: c.str(ext, "ExternalProviderReference", "ExternalData.ExternalProviderReference", {
      required: has("ExternalProviderReference"),
    }),
    ExternalMerchantReference: c.str(ext, "ExternalMerchantReference", "ExternalData.ExternalMerchantReference"),
    ExternalProviderName: c.str(ext, "ExternalProviderName", "ExternalData.ExternalProviderName", {
      required: has("ExternalProviderName"),
    }),
    ExternalProviderPaymentMethod: c.str(
      ext,
      "ExternalProviderPaymentMethod",
      "ExternalData.ExternalProviderPaymentMethod",
    ),
  };
}

export function getIntent(store: ClientStore, id: string): PayInIntent {
  const intent = store.payInIntents.get(id);
  if (!intent) throw notFound("PayInIntent", id);
  return intent;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const captured = (i: PayInIntent) => sum(i.LineItems.map((l) => l.CapturedAmount));
const refunded = (i: PayInIntent) => sum(i.LineItems.map((l) => l.RefundedAmount));
const open = (l: IntentLineItem) => l.TotalLineItemAmount - l.CapturedAmount - l.CanceledAmount;

/** The statuses the intent can move to next (emulator's reading of NextActions). */
function nextActions(i: PayInIntent): string[] {
  switch (i.Status) {
    case "AUTHORIZED":
      return ["CAPTURED", "CANCELLED"];
    case "PARTIALLY_CAPTURED":
      return ["CAPTURED", "CANCELLED", "REFUNDED", "DISPUTED"];
    case "CANCELLED":
      return [];
    default:
      return refunded(i) < captured(i) ? ["REFUNDED", "DISPUTED"] : ["REFUND_REVERSED"];
  }
}

/** Status and split availability after a capture or cancellation. */
function settleCaptureStatus(i: PayInIntent): void {
  const remaining = sum(i.LineItems.map(open));
  const got = captured(i);
  if (remaining > 0) i.Status = got > 0 ? "PARTIALLY_CAPTURED" : "AUTHORIZED";
  else i.Status = got > 0 ? "CAPTURED" : "CANCELLED";
}

function refresh(i: PayInIntent): void {
  i.NextActions = nextActions(i);
  i.AvailableAmountToSplit = Math.max(0, captured(i) - refunded(i) - sum(i.LineItems.map((l) => l.SplitAmount)));
}

export function createIntentAuthorization(emu: Emulator, store: ClientStore, body: Body, now: number): PayInIntent {
  const c = new Checks();
  const Amount = c.int(body, "Amount", "Amount", { required: true, min: 1 });
  const Currency = c.str(body, "Currency", "Currency", { required: true, max: 3 });
  if (Currency !== null && !CURRENCY.test(Currency))
    c.fail("Currency", `Error converting value "${Currency}" to type 'CurrencyIso'.`);
  const PlatformFeesAmount = c.int(body, "PlatformFeesAmount", "PlatformFeesAmount") ?? 0;
  const UnfundedAmount = c.int(body, "UnfundedAmount", "UnfundedAmount") ?? 0;
  const ExternalData = readExternal(c, body, [
    "ExternalProcessingDate",
    "ExternalProviderReference",
    "ExternalProviderName",
  ]);
  const buyer = c.obj(body, "Buyer", "Buyer");
  const buyerId = buyer ? c.str(buyer, "Id", "Buyer.Id") : null;
  if (buyerId !== null && !store.users.has(buyerId)) c.fail("Buyer.Id", `The user ${buyerId} does not exist.`);
  const items = c.list(body, "LineItems", "LineItems") ?? [];
  const LineItems: IntentLineItem[] = items.map((item, n) => {
    const p = `LineItems[${n}]`;
    const seller = c.obj(item, "Seller", `${p}.Seller`, true) ?? {};
    const AuthorId = c.str(seller, "AuthorId", `${p}.Seller.AuthorId`);
    const WalletId = c.str(seller, "WalletId", `${p}.Seller.WalletId`);
    if (AuthorId === null && WalletId === null)
      c.fail(`${p}.Seller`, "One valid value must be sent between AuthorId and WalletId.");
    if (AuthorId !== null && !store.users.has(AuthorId))
      c.fail(`${p}.Seller.AuthorId`, `The user ${AuthorId} does not exist.`);
    if (WalletId !== null) {
      const wallet = store.wallets.get(WalletId);
      if (!wallet) c.fail(`${p}.Seller.WalletId`, `The wallet ${WalletId} does not exist.`);
      else if (Currency !== null && wallet.Currency !== Currency)
        c.fail(`${p}.Seller.WalletId`, `The wallet's currency ${wallet.Currency} is not the intent's ${Currency}.`);
      else if (AuthorId !== null && !wallet.Owners.includes(AuthorId))
        c.fail(`${p}.Seller.WalletId`, `The wallet ${WalletId} does not belong to the seller ${AuthorId}.`);
    }
    const Quantity = c.int(item, "Quantity", `${p}.Quantity`, { required: true, min: 1 }) ?? 1;
    const UnitAmount = c.int(item, "UnitAmount", `${p}.UnitAmount`, { required: true }) ?? 0;
    const TaxAmount = c.int(item, "TaxAmount", `${p}.TaxAmount`) ?? 0;
    const DiscountAmount = c.int(item, "DiscountAmount", `${p}.DiscountAmount`) ?? 0;
    return {
      Id: store.nextId("itm_m"),
      Seller: {
        AuthorId: AuthorId ?? (WalletId ? (store.wallets.get(WalletId)?.Owners[0] ?? null) : null),
        WalletId,
        FeesAmount: c.int(seller, "FeesAmount", `${p}.Seller.FeesAmount`) ?? 0,
        TransferDate: c.int(seller, "TransferDate", `${p}.Seller.TransferDate`),
      },
      Sku: c.str(item, "Sku", `${p}.Sku`, { required: true }) ?? "",
      Name: c.str(item, "Name", `${p}.Name`),
      Description: c.str(item, "Description", `${p}.Description`),
      Quantity,
      UnitAmount,
      TaxAmount,
      DiscountAmount,
      Category: c.str(item, "Category", `${p}.Category`),
      ShippingAddress: item.ShippingAddress ?? null,
      TotalLineItemAmount: Quantity * UnitAmount + TaxAmount - DiscountAmount,
      CanceledAmount: 0,
      CapturedAmount: 0,
      RefundedAmount: 0,
      DisputedAmount: 0,
      SplitAmount: 0,
    };
  });
  c.done();
  const total = sum(LineItems.map((l) => l.TotalLineItemAmount));
  if (total !== Amount)
    c.fail("LineItems", `The total of the line items (${total}) must equal the Amount (${String(Amount)}).`);
  const fees = sum(LineItems.map((l) => l.Seller.FeesAmount));
  if (body.PlatformFeesAmount !== undefined && fees !== PlatformFeesAmount)
    c.fail("PlatformFeesAmount", `The total of the sellers' FeesAmount (${fees}) must equal the PlatformFeesAmount.`);
  c.done();
  const intent: PayInIntent = {
    Id: store.nextId("int_m"),
    Tag: typeof body.Tag === "string" ? body.Tag : null,
    CreationDate: now,
    Amount: Amount as number,
    AvailableAmountToSplit: 0,
    Currency: Currency as string,
    PlatformFeesAmount,
    Status: "AUTHORIZED",
    NextActions: ["CAPTURED", "CANCELLED"],
    ExternalData: ExternalData as IntentExternalData,
    Buyer: { Id: buyerId },
    LineItems,
    Captures: [],
    Refunds: [],
    Disputes: [],
    Splits: [],
    SettlementId: null,
    UnfundedAmount,
    Decision: null,
  };
  store.payInIntents.set(intent.Id, intent);
  emu.events.emit(store, "INTENT_AUTHORIZED", intent.Id, now);
  return intent;
}

/**
 * Per-line amounts of a partial step (`LineItems: [{Id, Amount}]`, their total = `Amount`), each within
 * `room(line)`; a full step takes `room(line)` of every line.
 */
function readLineAmounts(
  intent: PayInIntent,
  body: Body,
  partial: boolean,
  room: (l: IntentLineItem) => number,
  what: string,
): Array<{ line: IntentLineItem; amount: number }> {
  if (!partial) {
    const all = intent.LineItems.map((line) => ({ line, amount: room(line) })).filter((x) => x.amount > 0);
    if (all.length === 0) throw invalidAction(`Nothing is left to ${what} on this intent.`);
    return all;
  }
  const c = new Checks();
  const Amount = c.int(body, "Amount", "Amount", { required: true, min: 1 });
  const Currency = c.str(body, "Currency", "Currency", { max: 3 });
  if (Currency !== null && Currency !== intent.Currency)
    c.fail("Currency", `The currency must be the intent's (${intent.Currency}).`);
  const items = c.list(body, "LineItems", "LineItems") ?? [];
  const out = items.map((item, n) => {
    const id = c.str(item, "Id", `LineItems[${n}].Id`, { required: true });
    const amount = c.int(item, "Amount", `LineItems[${n}].Amount`, { required: true, min: 1 }) ?? 0;
    const line = intent.LineItems.find((l) => l.Id === id);
    if (id !== null && !line) c.fail(`LineItems[${n}].Id`, `The line item ${id} is not on this intent.`);
    else if (line && amount > room(line))
      c.fail(`LineItems[${n}].Amount`, `At most ${room(line)} can be ${what}d on the line item ${line.Id}.`);
    return { line: line as IntentLineItem, amount };
  });
  c.done();
  const total = sum(out.map((x) => x.amount));
  if (total !== Amount) c.fail("Amount", `The Amount must equal the total of the line items (${total}).`);
  c.done();
  return out;
}

function step(
  store: ClientStore,
  prefix: string,
  status: string,
  parts: Array<{ line: IntentLineItem; amount: number }>,
  now: number,
): IntentStep {
  return {
    Id: store.nextId(prefix),
    CreationDate: now,
    ExecutionDate: now,
    Amount: sum(parts.map((p) => p.amount)),
    Status: status,
    LineItems: parts.map((p) => ({ Id: p.line.Id, Amount: p.amount })),
  };
}

export function captureIntent(
  emu: Emulator,
  store: ClientStore,
  id: string,
  body: Body,
  now: number,
): PayInIntent & { Capture: IntentStep } {
  const intent = getIntent(store, id);
  // A partial capture names its line items; a full capture sends ExternalData at most.
  const partial = body.LineItems !== undefined || body.Amount !== undefined;
  const c = new Checks();
  readExternal(c, body, partial ? ["ExternalProcessingDate", "ExternalProviderReference"] : []);
  c.done();
  if (intent.Status !== "AUTHORIZED" && intent.Status !== "PARTIALLY_CAPTURED")
    throw invalidAction(`A capture requires an intent in [AUTHORIZED, PARTIALLY_CAPTURED] (it is ${intent.Status}).`);
  const parts = readLineAmounts(intent, body, partial, open, "capture");
  for (const p of parts) p.line.CapturedAmount += p.amount;
  const capture = step(store, "cpt_m", "CAPTURED", parts, now);
  intent.Captures.push(capture);
  settleCaptureStatus(intent);
  refresh(intent);
  emu.events.emit(store, "INTENT_CAPTURED", intent.Id, now);
  return { ...intent, Capture: capture };
}

export function cancelIntent(store: ClientStore, id: string, body: Body): PayInIntent {
  const intent = getIntent(store, id);
  const partial = body.LineItems !== undefined || body.Amount !== undefined;
  const c = new Checks();
  readExternal(c, body, []);
  c.done();
  if (intent.Status !== "AUTHORIZED" && intent.Status !== "PARTIALLY_CAPTURED")
    throw invalidAction(
      `A cancellation requires an intent in [AUTHORIZED, PARTIALLY_CAPTURED] (it is ${intent.Status}).`,
    );
  const parts = readLineAmounts(intent, body, partial, open, "cancel");
  for (const p of parts) p.line.CanceledAmount += p.amount;
  settleCaptureStatus(intent);
  refresh(intent);
  return intent;
}

const REFUNDABLE = ["CAPTURED", "PARTIALLY_CAPTURED", "PARTIALLY_REFUNDED", "REFUND_REVERSED", "DISPUTED"];

export function refundIntent(
  emu: Emulator,
  store: ClientStore,
  id: string,
  body: Body,
  now: number,
): PayInIntent & { Refund: IntentStep } {
  const intent = getIntent(store, id);
  const partial = body.LineItems !== undefined || body.Amount !== undefined;
  const c = new Checks();
  readExternal(c, body, ["ExternalProcessingDate", "ExternalProviderReference"]);
  c.done();
  if (!REFUNDABLE.includes(intent.Status) || refunded(intent) >= captured(intent))
    throw invalidAction(`A refund requires captured funds not yet refunded (the intent is ${intent.Status}).`);
  const parts = readLineAmounts(intent, body, partial, (l) => l.CapturedAmount - l.RefundedAmount, "refund");
  for (const p of parts) p.line.RefundedAmount += p.amount;
  const refund = step(store, "rfd_m", "REFUNDED", parts, now);
  intent.Refunds.push(refund);
  intent.Status = refunded(intent) >= captured(intent) ? "REFUNDED" : "PARTIALLY_REFUNDED";
  refresh(intent);
  emu.events.emit(store, "INTENT_REFUNDED", intent.Id, now);
  return { ...intent, Refund: refund };
}

export function reverseIntentRefund(
  emu: Emulator,
  store: ClientStore,
  id: string,
  refundId: string,
  body: Body,
  now: number,
): PayInIntent & { Refund: IntentStep } {
  const intent = getIntent(store, id);
  const refund = intent.Refunds.find((r) => r.Id === refundId);
  if (!refund) throw notFound("PayInIntentRefund", refundId);
  const partial = body.LineItems !== undefined || body.Amount !== undefined;
  const c = new Checks();
  readExternal(c, body, ["ExternalProcessingDate", "ExternalProviderReference"]);
  c.done();
  if (refund.Status !== "REFUNDED") throw invalidAction(`This refund is already ${refund.Status}.`);
  const inRefund = (l: IntentLineItem) => refund.LineItems.find((x) => x.Id === l.Id)?.Amount ?? 0;
  const parts = readLineAmounts(intent, body, partial, inRefund, "reverse");
  for (const p of parts) p.line.RefundedAmount -= p.amount;
  refund.Status = "REFUND_REVERSED";
  intent.Status = "REFUND_REVERSED";
  refresh(intent);
  emu.events.emit(store, "INTENT_REFUND_REVERSED", intent.Id, now);
  return { ...intent, Refund: refund };
}

export function disputeIntentCapture(
  emu: Emulator,
  store: ClientStore,
  id: string,
  captureId: string,
  body: Body,
  now: number,
): PayInIntent & { Dispute: IntentStep } {
  const intent = getIntent(store, id);
  const capture = intent.Captures.find((x) => x.Id === captureId);
  if (!capture) throw notFound("PayInIntentCapture", captureId);
  const partial = body.LineItems !== undefined || body.Amount !== undefined;
  const c = new Checks();
  readExternal(c, body, ["ExternalProcessingDate", "ExternalProviderReference"]);
  c.done();
  const room = (l: IntentLineItem) => {
    const inCapture = capture.LineItems.find((x) => x.Id === l.Id)?.Amount ?? 0;
    return Math.min(inCapture, l.CapturedAmount - l.DisputedAmount);
  };
  const parts = readLineAmounts(intent, body, partial, room, "dispute");
  for (const p of parts) p.line.DisputedAmount += p.amount;
  const dispute = step(store, "dsp_m", "DISPUTED", parts, now);
  intent.Disputes.push(dispute);
  store.intentDisputeCaptures.set(dispute.Id, capture.Id);
  intent.Status = "DISPUTED";
  refresh(intent);
  emu.events.emit(store, "INTENT_DISPUTE_CREATED", intent.Id, now);
  return { ...intent, Dispute: dispute };
}

const DECISIONS = {
  DEFENDED: "INTENT_DISPUTE_DEFENDED",
  WON: "INTENT_DISPUTE_WON",
  LOST: "INTENT_DISPUTE_LOST",
} as const;

export function decideIntentDispute(
  emu: Emulator,
  store: ClientStore,
  id: string,
  captureId: string,
  disputeId: string,
  body: Body,
  now: number,
): PayInIntent {
  const intent = getIntent(store, id);
  const dispute = intent.Disputes.find((d) => d.Id === disputeId);
  if (!dispute || store.intentDisputeCaptures.get(disputeId) !== captureId)
    throw notFound("PayInIntentDispute", disputeId);
  const decision = typeof body.Decision === "string" ? body.Decision.toUpperCase() : "";
  if (!(decision in DECISIONS))
    throw paramError({ Decision: `The Decision must be one of ${Object.keys(DECISIONS).join(", ")}.` });
  if (dispute.Status === "WON" || dispute.Status === "LOST")
    throw invalidAction(`This dispute is already closed (${dispute.Status}).`);
  dispute.Status = decision;
  intent.Decision = decision;
  if (decision === "WON") {
    for (const l of dispute.LineItems) {
      const line = intent.LineItems.find((x) => x.Id === l.Id);
      if (line) line.DisputedAmount -= l.Amount;
    }
  }
  refresh(intent);
  emu.events.emit(store, DECISIONS[decision as keyof typeof DECISIONS], intent.Id, now);
  return intent;
}

// ---- Splits ---------------------------------------------------------------------------------------------

function splitInfo(split: IntentSplit): IntentStep {
  return {
    Id: split.Id,
    CreationDate: split.CreationDate,
    ExecutionDate: split.Status === "CREATED" ? null : split.CreationDate,
    Amount: split.SplitAmount,
    Status: split.Status,
    LineItems: [{ Id: split.LineItemId, Amount: split.SplitAmount }],
  };
}

function syncSplitInfo(intent: PayInIntent, split: IntentSplit): void {
  const at = intent.Splits.findIndex((s) => s.Id === split.Id);
  if (at >= 0) intent.Splits[at] = splitInfo(split);
  else intent.Splits.push(splitInfo(split));
}

export function getIntentSplit(store: ClientStore, intentId: string, splitId: string): IntentSplit {
  const intent = getIntent(store, intentId);
  const split = store.intentSplits.get(splitId);
  if (!split || !intent.Splits.some((s) => s.Id === splitId)) throw notFound("PayInIntentSplit", splitId);
  return split;
}

/** TransferDate, when sent, must be in the future (SDK typings). */
function readTransferDate(c: Checks, obj: Body, path: string, now: number): number | null {
  const date = c.int(obj, "TransferDate", path);
  if (date !== null && date <= now) c.fail(path, "The TransferDate must be a date in the future.");
  return date;
}

export function createIntentSplits(
  emu: Emulator,
  store: ClientStore,
  intentId: string,
  body: Body,
  now: number,
): { Splits: IntentSplit[] } {
  const intent = getIntent(store, intentId);
  const c = new Checks();
  const items = c.list(body, "Splits", "Splits") ?? [];
  const asked = new Map<string, number>();
  const drafts = items.map((item, n) => {
    const p = `Splits[${n}]`;
    const lineId = c.str(item, "LineItemId", `${p}.LineItemId`, { required: true });
    const line = intent.LineItems.find((l) => l.Id === lineId);
    if (lineId !== null && !line) c.fail(`${p}.LineItemId`, `The line item ${lineId} is not on this intent.`);
    const amount = c.int(item, "SplitAmount", `${p}.SplitAmount`, { required: true, min: 1 }) ?? 0;
    if (line) {
      const total = (asked.get(line.Id) ?? 0) + amount;
      asked.set(line.Id, total);
      const room = line.CapturedAmount - line.RefundedAmount - line.SplitAmount;
      if (total > room) c.fail(`${p}.SplitAmount`, `At most ${room} of the line item ${line.Id} can be split.`);
    }
    return {
      line,
      amount,
      FeesAmount: c.int(item, "FeesAmount", `${p}.FeesAmount`),
      TransferDate: readTransferDate(c, item, `${p}.TransferDate`, now),
      Description: c.str(item, "Description", `${p}.Description`),
      SplitOriginWalletId: c.str(item, "SplitOriginWalletId", `${p}.SplitOriginWalletId`),
    };
  });
  c.done();
  const Splits = drafts.map((d) => {
    const line = d.line as IntentLineItem;
    const split: IntentSplit = {
      Id: store.nextId("split_m"),
      Tag: null,
      CreationDate: now,
      LineItemId: line.Id,
      SellerId: line.Seller.AuthorId,
      WalletId: line.Seller.WalletId,
      SplitAmount: d.amount,
      FeesAmount: d.FeesAmount ?? 0,
      TransferDate: d.TransferDate ?? line.Seller.TransferDate,
      Description: d.Description,
      Status: "CREATED",
      SplitOriginWalletId: d.SplitOriginWalletId,
    };
    line.SplitAmount += d.amount;
    store.intentSplits.set(split.Id, split);
    emu.events.emit(store, "SPLIT_CREATED", split.Id, now);
    // A split of an intent whose funds were already received (settlement RECONCILED) is available at once.
    if (splitStatusOnSettledIntent(intent) === "AVAILABLE") {
      split.Status = "AVAILABLE";
      emu.events.emit(store, "SPLIT_AVAILABLE", split.Id, now);
    }
    syncSplitInfo(intent, split);
    return split;
  });
  refresh(intent);
  return { Splits };
}

export function updateIntentSplit(
  store: ClientStore,
  intentId: string,
  splitId: string,
  body: Body,
  now: number,
): IntentSplit {
  const intent = getIntent(store, intentId);
  const split = getIntentSplit(store, intentId, splitId);
  const c = new Checks();
  const lineId = c.str(body, "LineItemId", "LineItemId", { required: true });
  if (lineId !== null && lineId !== split.LineItemId) c.fail("LineItemId", "The LineItemId is not this split's.");
  const amount = c.int(body, "SplitAmount", "SplitAmount", { min: 1 });
  const fees = c.int(body, "FeesAmount", "FeesAmount");
  const date = readTransferDate(c, body, "TransferDate", now);
  const description = c.str(body, "Description", "Description");
  const line = intent.LineItems.find((l) => l.Id === split.LineItemId) as IntentLineItem;
  if (amount !== null) {
    const room = line.CapturedAmount - line.RefundedAmount - line.SplitAmount + split.SplitAmount;
    if (amount > room) c.fail("SplitAmount", `At most ${room} of the line item ${line.Id} can be split.`);
  }
  c.done();
  if (split.Status !== "CREATED")
    throw invalidAction(`Update split requires a status in [CREATED] (it is ${split.Status}).`);
  if (amount !== null) {
    line.SplitAmount += amount - split.SplitAmount;
    split.SplitAmount = amount;
  }
  if (fees !== null) split.FeesAmount = fees;
  if (date !== null) split.TransferDate = date;
  if (description !== null) split.Description = description;
  syncSplitInfo(intent, split);
  refresh(intent);
  return split;
}

export function reverseIntentSplit(
  emu: Emulator,
  store: ClientStore,
  intentId: string,
  splitId: string,
  now: number,
): IntentSplit {
  const intent = getIntent(store, intentId);
  const split = getIntentSplit(store, intentId, splitId);
  if (split.Status === "REVERSED")
    throw new ApiError(400, "invalid_action", "The split is already reversed.", {
      Split: "The split is already reversed.",
    });
  const line = intent.LineItems.find((l) => l.Id === split.LineItemId) as IntentLineItem;
  line.SplitAmount -= split.SplitAmount;
  split.Status = "REVERSED";
  syncSplitInfo(intent, split);
  refresh(intent);
  emu.events.emit(store, "SPLIT_REVERSED", split.Id, now);
  return split;
}

/** Executing moves a split's funds once MANGOPAY has them (AVAILABLE) or retries a REJECTED one. */
export function executeIntentSplit(store: ClientStore, intentId: string, splitId: string): IntentSplit {
  const split = getIntentSplit(store, intentId, splitId);
  const message = "Execute split requires a status in [AVAILABLE, REJECTED]";
  if (split.Status !== "AVAILABLE" && split.Status !== "REJECTED")
    throw new ApiError(400, "invalid_action", message, { Split: message });
  // AVAILABLE after a settlement (domain/intent-settlements.ts), but the funds sit on MANGOPAY's escrow wallet,
  // which the emulator does not model: no transfer to the seller's wallet can be made (see emulator/README.md).
  throw invalidAction(
    "Executing a split moves funds from the escrow wallet, which the emulator does not model: the split stays AVAILABLE.",
  );
}
