// Pay-in intent settlements (V3.0 `/payins/intents/settlements…`, SDK `Settlements`, MANGOPAY "Echo"): the platform
// creates a settlement (FileName → UploadUrl), PUTs its provider's settlement CSV to that URL, and MANGOPAY validates
// the file, matches its lines to the declared intents by ExternalProviderReference, then waits for the funds on the
// escrow wallet. Documented: the statuses, the CSV layout (columns by header, one empty row, footer rows), the
// validation codes SETTLEMENTAMOUNT_NOT_MATCH and MATCH_REF_NOT_FOUND, a matched intent's captures becoming
// SETTLED_NOT_PAID and its splits PENDING_FUNDS_RECEPTION. The emulator's choices are listed in emulator/README.md
// (funds arrive at once, so a fully matched file ends RECONCILED and the splits AVAILABLE).
import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { ApiError, invalidAction, notFound, paramError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { IntentSettlement, PayInIntent } from "../store/types";

type Body = Record<string, unknown>;
type FooterError = IntentSettlement["FooterErrors"][number];
type LineError = IntentSettlement["LinesErrors"][number];

/** The settlement as the API answers it (the upload secret and the validations stay inside). */
export type SettlementView = Omit<IntentSettlement, "UploadToken" | "FooterErrors" | "LinesErrors">;

export function settlementView(s: IntentSettlement): SettlementView {
  return {
    SettlementId: s.SettlementId,
    Status: s.Status,
    SettlementDate: s.SettlementDate,
    ExternalProviderName: s.ExternalProviderName,
    DeclaredIntentAmount: s.DeclaredIntentAmount,
    ExternalProcessorFeesAmount: s.ExternalProcessorFeesAmount,
    ActualSettlementAmount: s.ActualSettlementAmount,
    FundsMissingAmount: s.FundsMissingAmount,
    FileName: s.FileName,
    UploadUrl: s.UploadUrl,
    CreationDate: s.CreationDate,
  };
}

export function getSettlement(store: ClientStore, id: string): IntentSettlement {
  const settlement = store.intentSettlements.get(id);
  if (!settlement) throw notFound("Settlement", id);
  return settlement;
}

/** Statuses in which a (new) file can still be uploaded: nothing was matched yet. */
const UPLOADABLE = ["PENDING_UPLOAD", "UPLOADED", "FAILED", "UNMATCHED"];
/** Statuses a cancellation is refused in: the file was matched (funds expected or received) or already cancelled. */
const CANCELLABLE = [...UPLOADABLE, "PARTIALLY_MATCHED"];

function readFileName(body: Body): string {
  const name = body.FileName;
  if (typeof name !== "string" || name.trim() === "") throw paramError({ FileName: "The FileName field is required." });
  if (!/\.csv$/i.test(name)) throw paramError({ FileName: "The FileName extension must be .csv." });
  if (name.length > 255) throw paramError({ FileName: "The field FileName is too long (max 255)." });
  return name;
}

/** FileName with the creation timestamp appended (the docs say MANGOPAY appends one; the format is a guess). */
function stampedName(name: string, now: number): string {
  return `${name.slice(0, -4)}_${now}${name.slice(-4)}`;
}

function uploadUrl(store: ClientStore, origin: string, id: string, token: string): string {
  return `${origin}/settlement-uploads/${encodeURIComponent(store.info.ClientId)}/${id}?token=${token}`;
}

export function createSettlement(store: ClientStore, body: Body, now: number, origin: string): SettlementView {
  const name = readFileName(body);
  const id = store.nextId("stl_m");
  const token = randomBytes(16).toString("hex");
  const settlement: IntentSettlement = {
    SettlementId: id,
    Status: "PENDING_UPLOAD",
    SettlementDate: null,
    ExternalProviderName: null,
    DeclaredIntentAmount: null,
    ExternalProcessorFeesAmount: null,
    ActualSettlementAmount: null,
    FundsMissingAmount: null,
    FileName: stampedName(name, now),
    UploadUrl: uploadUrl(store, origin, id, token),
    CreationDate: now,
    UploadToken: token,
    FooterErrors: [],
    LinesErrors: [],
  };
  store.intentSettlements.set(id, settlement);
  return settlementView(settlement);
}

/** PUT: a new FileName and UploadUrl (the previous URL stops working) while nothing was matched. */
export function renewSettlementUpload(
  store: ClientStore,
  id: string,
  body: Body,
  now: number,
  origin: string,
): SettlementView {
  const settlement = getSettlement(store, id);
  const name = readFileName(body);
  if (!UPLOADABLE.includes(settlement.Status))
    throw invalidAction(
      `A new upload URL requires a settlement in [${UPLOADABLE.join(", ")}] (it is ${settlement.Status}).`,
    );
  settlement.UploadToken = randomBytes(16).toString("hex");
  settlement.UploadUrl = uploadUrl(store, origin, id, settlement.UploadToken);
  settlement.FileName = stampedName(name, now);
  settlement.Status = "PENDING_UPLOAD";
  settlement.FooterErrors = [];
  settlement.LinesErrors = [];
  return settlementView(settlement);
}

export function settlementValidations(
  store: ClientStore,
  id: string,
): { FooterErrors: FooterError[]; LinesErrors: LineError[] } {
  const settlement = getSettlement(store, id);
  return { FooterErrors: settlement.FooterErrors, LinesErrors: settlement.LinesErrors };
}

export function cancelSettlement(store: ClientStore, id: string): SettlementView {
  const settlement = getSettlement(store, id);
  if (!CANCELLABLE.includes(settlement.Status))
    throw new ApiError(400, "invalid_action", `A settlement in status ${settlement.Status} cannot be cancelled.`, {
      Settlement: `Cancel requires a status in [${CANCELLABLE.join(", ")}].`,
    });
  settlement.Status = "CANCELLED";
  return settlementView(settlement);
}

// ---- The settlement file --------------------------------------------------------------------------------

const COLUMNS = ["ExternalProviderReference", "ExternalTransactionType", "Amount", "Currency"] as const;
const FOOTERS = [
  "SettlementDate",
  "ExternalProviderName",
  "TotalSettlementFeesAmount",
  "TotalNetSettlementAmount",
  "SettlementCurrency",
] as const;
const TYPES = ["PAYMENT", "REFUND", "DISPUTE"];
const INTEGER = /^-?\d+$/;

interface FileLine {
  ExternalProviderReference: string;
  ExternalTransactionType: string;
  Amount: number;
  Currency: string;
  ExternalProviderFees: number;
}

interface ParsedFile {
  lines: FileLine[];
  footer: Partial<Record<(typeof FOOTERS)[number], string>>;
  footerErrors: FooterError[];
  lineErrors: LineError[];
}

/** `DD-MM-YYYY` (the SDK's sample file) as Unix seconds at midnight UTC; null if not a date. */
function readDate(value: string): number | null {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  if (!m) return null;
  const ms = Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
  const d = new Date(ms);
  return d.getUTCDate() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 ? ms / 1000 : null;
}

function parseFile(text: string): ParsedFile {
  const footerErrors: FooterError[] = [];
  const lineErrors: LineError[] = [];
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (err) {
    footerErrors.push({ FooterName: "File", Code: "INVALID_FILE_FORMAT", Description: (err as Error).message });
    return { lines: [], footer: {}, footerErrors, lineErrors };
  }
  const header = rows[0] ?? [];
  const col = (name: string) => header.indexOf(name);
  const missing = COLUMNS.filter((c) => col(c) < 0);
  if (missing.length > 0) {
    footerErrors.push({
      FooterName: "Header",
      Code: "MISSING_COLUMN",
      Description: `Mandatory columns missing: ${missing.join(", ")}.`,
    });
    return { lines: [], footer: {}, footerErrors, lineErrors };
  }
  const blank = rows.findIndex((r, i) => i > 0 && r.every((v) => v === ""));
  const body = rows.slice(1, blank < 0 ? rows.length : blank);
  const footer: ParsedFile["footer"] = {};
  for (const r of blank < 0 ? [] : rows.slice(blank + 1)) {
    const key = FOOTERS.find((f) => f === r[0]);
    if (key) footer[key] = r[1] ?? "";
  }
  const lines: FileLine[] = [];
  for (const r of body) {
    const cell = (name: string) => r[col(name)] ?? "";
    const ref = cell("ExternalProviderReference");
    const type = cell("ExternalTransactionType").toUpperCase();
    const fail = (Code: string, Description: string) =>
      lineErrors.push({ ExternalProviderReference: ref, ExternalTransactionType: type, Code, Description });
    const empty = COLUMNS.filter((c) => cell(c) === "");
    if (empty.length > 0) fail("MANDATORY_FIELD_MISSING", `Mandatory fields are empty: ${empty.join(", ")}.`);
    else if (!TYPES.includes(type))
      fail("INVALID_TRANSACTION_TYPE", `ExternalTransactionType must be one of ${TYPES.join(", ")}.`);
    else if (!INTEGER.test(cell("Amount"))) fail("INVALID_AMOUNT", "Amount must be an integer in minor units.");
    else {
      const fees = cell("ExternalProviderFees");
      lines.push({
        ExternalProviderReference: ref,
        ExternalTransactionType: type,
        Amount: Number(cell("Amount")),
        Currency: cell("Currency").toUpperCase(),
        ExternalProviderFees: INTEGER.test(fees) ? Number(fees) : 0,
      });
    }
  }
  for (const f of FOOTERS) {
    if (!footer[f])
      footerErrors.push({ FooterName: f, Code: "MISSING_FOOTER", Description: `The footer row ${f} is missing.` });
  }
  if (footer.SettlementDate && readDate(footer.SettlementDate) === null)
    footerErrors.push({
      FooterName: "SettlementDate",
      Code: "INVALID_FORMAT",
      Description: "SettlementDate must be a date as DD-MM-YYYY.",
    });
  for (const f of ["TotalSettlementFeesAmount", "TotalNetSettlementAmount"] as const) {
    const v = footer[f];
    if (v && !INTEGER.test(v))
      footerErrors.push({ FooterName: f, Code: "INVALID_FORMAT", Description: `${f} must be an integer.` });
  }
  const currency = footer.SettlementCurrency?.toUpperCase();
  for (const l of lines) {
    if (currency && l.Currency !== currency)
      lineErrors.push({
        ExternalProviderReference: l.ExternalProviderReference,
        ExternalTransactionType: l.ExternalTransactionType,
        Code: "CURRENCY_NOT_MATCH",
        Description: `Currency ${l.Currency} is not the SettlementCurrency ${currency}.`,
      });
  }
  const net = footer.TotalNetSettlementAmount;
  const fees = footer.TotalSettlementFeesAmount;
  if (net && fees && INTEGER.test(net) && INTEGER.test(fees)) {
    const declared = lines.reduce((a, l) => a + l.Amount, 0) - Number(fees);
    if (Number(net) !== declared)
      footerErrors.push({
        FooterName: "TotalNetSettlementAmount",
        Code: "SETTLEMENTAMOUNT_NOT_MATCH",
        Description: `TotalNetSettlement amount ${net} ${currency ?? ""} is not matching to declared amount ${declared} ${currency ?? ""}.`,
      });
  }
  return { lines, footer, footerErrors, lineErrors };
}

const captured = (i: PayInIntent) => i.LineItems.reduce((a, l) => a + l.CapturedAmount, 0);
/** What MANGOPAY expects for an intent: captured − refunded − disputed (a WON dispute gives its amount back). */
const expected = (i: PayInIntent) =>
  i.LineItems.reduce((a, l) => a + l.CapturedAmount - l.RefundedAmount - l.DisputedAmount, 0);

/** The intent a file line names: same ExternalProviderReference and currency, captured, not settled yet. */
function findIntent(store: ClientStore, line: FileLine): PayInIntent | undefined {
  for (const intent of store.payInIntents.values()) {
    if (intent.ExternalData.ExternalProviderReference !== line.ExternalProviderReference) continue;
    if (intent.Currency !== line.Currency || intent.SettlementId !== null || captured(intent) === 0) continue;
    return intent;
  }
  return undefined;
}

/**
 * The PUT of a settlement file to its UploadUrl, then its processing (synchronous here): FAILED on a format or
 * footer error, UNMATCHED / PARTIALLY_MATCHED when lines name no unsettled intent (nothing moves), else the intents
 * are settled and the funds received: RECONCILED. Returns false when the URL is not (or no longer) valid.
 */
export function uploadSettlementFile(
  emu: Emulator,
  store: ClientStore,
  id: string,
  token: string,
  text: string,
  now: number,
): boolean {
  const settlement = store.intentSettlements.get(id);
  if (!settlement || settlement.UploadToken !== token || !UPLOADABLE.includes(settlement.Status)) return false;
  settlement.Status = "UPLOADED";
  const file = parseFile(text);
  settlement.FooterErrors = file.footerErrors;
  settlement.LinesErrors = file.lineErrors;
  settlement.SettlementDate = file.footer.SettlementDate ? readDate(file.footer.SettlementDate) : null;
  settlement.ExternalProviderName = file.footer.ExternalProviderName || null;
  const fees = file.footer.TotalSettlementFeesAmount;
  settlement.ExternalProcessorFeesAmount = fees && INTEGER.test(fees) ? Number(fees) : null;
  const net = file.footer.TotalNetSettlementAmount;
  settlement.ActualSettlementAmount = net && INTEGER.test(net) ? Math.max(0, Number(net)) : null;
  if (file.footerErrors.length > 0 || file.lineErrors.length > 0) {
    settlement.Status = "FAILED";
    return true;
  }
  settlement.Status = "CREATED";
  const matched = new Map<string, PayInIntent>();
  for (const line of file.lines) {
    const intent = findIntent(store, line);
    if (intent && (line.ExternalTransactionType !== "PAYMENT" || line.Amount === expected(intent))) {
      matched.set(intent.Id, intent);
      continue;
    }
    settlement.LinesErrors.push({
      ExternalProviderReference: line.ExternalProviderReference,
      ExternalTransactionType: line.ExternalTransactionType,
      ...(intent
        ? {
            Code: "AMOUNT_NOT_MATCH",
            Description: `Amount ${line.Amount} ${line.Currency} is not matching the intent's declared amount ${expected(intent)} ${intent.Currency}.`,
          }
        : {
            Code: "MATCH_REF_NOT_FOUND",
            Description: "ExternalProviderReference not found for any existing Intent in the system",
          }),
    });
  }
  if (matched.size === 0) {
    settlement.Status = "UNMATCHED";
    return true;
  }
  if (settlement.LinesErrors.length > 0) {
    settlement.Status = "PARTIALLY_MATCHED";
    return true;
  }
  const intents = [...matched.values()];
  settlement.DeclaredIntentAmount = intents.reduce((a, i) => a + expected(i), 0);
  settlement.Status = "PENDING_FUNDS_RECEPTION";
  for (const intent of intents) {
    intent.SettlementId = settlement.SettlementId;
    markIntent(emu, store, intent, "SETTLED_NOT_PAID", "PENDING_FUNDS_RECEPTION", now);
  }
  // The escrow wallet is not modelled: the funds of the file arrive at once.
  settlement.FundsMissingAmount = 0;
  settlement.Status = "RECONCILED";
  for (const intent of intents) markIntent(emu, store, intent, "PAID", "AVAILABLE", now);
  return true;
}

const INTENT_EVENT = { SETTLED_NOT_PAID: "INTENT_SETTLED_NOT_PAID", PAID: "INTENT_PAID" } as const;
const SPLIT_EVENT = { PENDING_FUNDS_RECEPTION: "SPLIT_PENDING_FUNDS_RECEPTION", AVAILABLE: "SPLIT_AVAILABLE" } as const;

/** Captures to `captureStatus` (event on the intent), splits waiting for funds to `splitStatus` (event each). */
function markIntent(
  emu: Emulator,
  store: ClientStore,
  intent: PayInIntent,
  captureStatus: keyof typeof INTENT_EVENT,
  splitStatus: keyof typeof SPLIT_EVENT,
  now: number,
): void {
  for (const capture of intent.Captures) capture.Status = captureStatus;
  emu.events.emit(store, INTENT_EVENT[captureStatus], intent.Id, now);
  for (const info of intent.Splits) {
    const split = store.intentSplits.get(info.Id);
    if (!split || (split.Status !== "CREATED" && split.Status !== "PENDING_FUNDS_RECEPTION")) continue;
    split.Status = splitStatus;
    info.Status = splitStatus;
    emu.events.emit(store, SPLIT_EVENT[splitStatus], split.Id, now);
  }
}

/** The status a split created on `intent` starts in after its SPLIT_CREATED: AVAILABLE once the intent is paid. */
export function splitStatusOnSettledIntent(intent: PayInIntent): "AVAILABLE" | null {
  return intent.Captures.length > 0 && intent.Captures.every((c) => c.Status === "PAID") ? "AVAILABLE" : null;
}
