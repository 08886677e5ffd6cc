// Which objects a report contains, in which order, as CSV rows. Rows are produced lazily and
// quoted by csv-stringify in chunks, so a report over a million transactions stays in bounded
// memory (only the sorted list of matching transactions is held).
import { stringify } from "csv-stringify/sync";
import type { ClientStore } from "../store/client-store";
import type { LegacyReport, ReportV2 } from "../store/compliance-types";
import type { Transaction, Wallet } from "../store/types";
import { txColumn, walletCell, type Cell } from "./report-columns";

const PREVIEW_ROWS = 10;

type Filters = Record<string, unknown>;

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).toUpperCase());
  return typeof value === "string" && value !== "" ? value.split(",").map((v) => v.trim().toUpperCase()) : [];
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function inDates(date: number, after: number | null, before: number | null): boolean {
  return (after === null || date > after) && (before === null || date < before);
}

/** Legacy TRANSACTIONS filters (docs/mangopay-api.md §3.18). */
function legacyTxMatcher(f: Filters): (tx: Transaction) => boolean {
  const types = list(f.Type);
  const statuses = list(f.Status);
  const natures = list(f.Nature);
  const codes = list(f.ResultCode);
  const after = num(f.AfterDate);
  const before = num(f.BeforeDate);
  const author = typeof f.AuthorId === "string" ? f.AuthorId : null;
  const bound = (name: string) => ({
    amount: num(f[`${name}Amount`]),
    currency: typeof f[`${name}Currency`] === "string" ? String(f[`${name}Currency`]) : null,
  });
  const minDebited = bound("MinDebitedFunds");
  const maxDebited = bound("MaxDebitedFunds");
  const minFees = bound("MinFees");
  const maxFees = bound("MaxFees");
  const within = (amount: number, currency: string, min: typeof minDebited, max: typeof minDebited): boolean =>
    (min.amount === null || (min.currency ?? currency) !== currency || amount >= min.amount) &&
    (max.amount === null || (max.currency ?? currency) !== currency || amount <= max.amount);
  return (tx) =>
    inDates(tx.CreationDate, after, before) &&
    (types.length === 0 || types.includes(tx.Type)) &&
    (statuses.length === 0 || statuses.includes(tx.Status)) &&
    (natures.length === 0 || natures.includes(tx.Nature)) &&
    (codes.length === 0 || codes.includes(String(tx.ResultCode))) &&
    (author === null || tx.AuthorId === author) &&
    within(tx.DebitedFunds.Amount, tx.DebitedFunds.Currency, minDebited, maxDebited) &&
    within(tx.Fees.Amount, tx.Fees.Currency, minFees, maxFees);
}

function txCandidates(store: ClientStore, walletId: string | null, userId: string | null): Iterable<Transaction> {
  if (walletId) return idsToTx(store, store.idx.txByWallet.get(walletId));
  if (userId) return idsToTx(store, store.idx.txByUser.get(userId));
  return store.transactions.values();
}

function* idsToTx(store: ClientStore, ids: readonly string[]): Generator<Transaction> {
  for (const id of ids) {
    const tx = store.transactions.get(id);
    if (tx) yield tx;
  }
}

/** Sorts on `Field:ASC|DESC`; creation order is already ascending CreationDate in most stores. */
function sorted<T extends { CreationDate: number }>(items: T[], sort: string): T[] {
  const [field = "CreationDate", dir = "ASC"] = sort.split(":");
  const desc = dir.trim().toUpperCase() === "DESC";
  const key = field.trim();
  const value = (x: T): number | string => {
    const v = (x as unknown as Record<string, unknown>)[key];
    return typeof v === "number" || typeof v === "string" ? v : "";
  };
  let ordered = true;
  for (let i = 1; i < items.length && ordered; i++) if (value(items[i - 1]) > value(items[i])) ordered = false;
  if (!ordered) items.sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0));
  return desc ? items.reverse() : items;
}

export function legacyRows(store: ClientStore, report: LegacyReport): { columns: string[]; rows: Iterable<Cell[]> } {
  const f = report.Filters;
  const limit = report.Preview ? PREVIEW_ROWS : Infinity;
  if (report.ReportType === "WALLETS") {
    const after = num(f.AfterDate);
    const before = num(f.BeforeDate);
    const owner = typeof f.OwnerId === "string" ? f.OwnerId : null;
    const currency = typeof f.Currency === "string" ? f.Currency.toUpperCase() : null;
    const minBalance = num(f.MinBalanceAmount);
    const maxBalance = num(f.MaxBalanceAmount);
    const wallets: Wallet[] = [];
    for (const w of store.wallets.values()) {
      if (
        !inDates(w.CreationDate, after, before) ||
        (owner && !w.Owners.includes(owner)) ||
        (currency && w.Currency !== currency)
      )
        continue;
      if (
        (minBalance !== null && w.Balance.Amount < minBalance) ||
        (maxBalance !== null && w.Balance.Amount > maxBalance)
      )
        continue;
      wallets.push(w);
    }
    const page = sorted(wallets, report.Sort).slice(0, limit);
    return { columns: report.Columns, rows: page.map((w) => report.Columns.map((c) => walletCell(w, c))) };
  }
  const match = legacyTxMatcher(f);
  const picked: Transaction[] = [];
  const walletId = typeof f.WalletId === "string" ? f.WalletId : null;
  const authorId = typeof f.AuthorId === "string" ? f.AuthorId : null;
  for (const tx of txCandidates(store, walletId, authorId)) if (match(tx)) picked.push(tx);
  const ordered = sorted(picked, report.Sort);
  return { columns: report.Columns, rows: lazyRows(store, ordered.slice(0, limit), report.Columns) };
}

export function v2Rows(store: ClientStore, report: ReportV2): { columns: string[]; rows: Iterable<Cell[]> } {
  const f = report.Filters;
  const currency = f.Currency ? f.Currency.toUpperCase() : null;
  const picked: Transaction[] = [];
  if (report.ReportType === "COLLECTED_FEES") {
    for (const tx of store.transactions.values()) {
      if (
        tx.Status !== "SUCCEEDED" ||
        tx.Fees.Amount === 0 ||
        !inDates(tx.CreationDate, report.AfterDate, report.BeforeDate)
      )
        continue;
      if (currency && tx.Fees.Currency !== currency) continue;
      picked.push(tx);
    }
  } else {
    for (const tx of txCandidates(store, f.WalletId ?? null, f.UserId ?? null)) {
      if (!inDates(tx.CreationDate, report.AfterDate, report.BeforeDate)) continue;
      if (currency && tx.DebitedFunds.Currency !== currency) continue;
      picked.push(tx);
    }
  }
  const columns = report.Columns.map((c) => c.Name);
  return { columns, rows: lazyRows(store, sorted(picked, report.Sort), columns) };
}

function* lazyRows(store: ClientStore, txs: readonly Transaction[], columns: readonly string[]): Generator<Cell[]> {
  const accessors = columns.map((c) => txColumn(store, c));
  for (const tx of txs) yield accessors.map((read) => read(tx));
}

const ROWS_PER_CHUNK = 2000;

/** The CSV in chunks of 2,000 rows (header first), each quoted by csv-stringify; pulled one at a time. */
export function* csvChunks(columns: string[], rows: Iterable<Cell[]>): Generator<string> {
  let batch: Cell[][] = [];
  let header = true;
  for (const row of rows) {
    batch.push(row);
    if (batch.length === ROWS_PER_CHUNK) {
      yield stringify(batch, { header, columns });
      header = false;
      batch = [];
    }
  }
  if (batch.length > 0 || header) yield stringify(batch, { header, columns });
}
