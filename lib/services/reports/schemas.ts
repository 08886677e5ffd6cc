// Report definitions and runs, validated against MANGOPAY's rules (docs/reports.md) before any call:
// the period's length and age per report type, columns the type supports (each once), filters the
// type allows, amounts parsed per currency into minor units.
import { z } from "zod";
import { CALENDAR_DATE_MESSAGE, isCalendarDate } from "@/lib/calendar-date";
import { parseAmountToMinor } from "@/lib/money";
import {
  REPORT_RULES,
  REPORT_SORTS,
  REPORT_TYPE_LABELS,
  REPORT_TYPES,
  SCHEDULES,
  TX_NATURES,
  TX_STATUSES,
  TX_TYPES,
  type ReportFilterName,
  type ReportKind,
} from "@/lib/report-catalog";

const DAY_MS = 86_400_000;
const AccountId = z.string().min(1).max(64);
const RowId = z.string().trim().min(1).max(64);
// MANGOPAY ids go into bodies and URL paths: a safe alphabet only.
const UpstreamId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, "Enter a MANGOPAY id (letters, digits, _ and -)");
const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Enter a 3-letter currency code (EUR)");

/** "" and missing are the same for optional form fields. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <S extends z.ZodType>(s: S) => z.preprocess(blank, s.optional());
/** A checkbox group: one value arrives as a string, several as an array, none as nothing. */
const many = <S extends z.ZodType>(s: S) =>
  z
    .union([z.array(s).max(50), s.transform((v) => [v])])
    .optional()
    .transform((v): z.output<S>[] => v ?? []);

const CalendarDate = z.string().trim().refine(isCalendarDate, CALENDAR_DATE_MESSAGE);

export const ReportPeriod = z.object({ from: CalendarDate, to: CalendarDate });

/** The period as MANGOPAY's AfterDate/BeforeDate: from the first day's start to the last day's end (UTC). */
export function periodBounds(period: { from: string; to: string }): { start: Date; end: Date } {
  return { start: new Date(`${period.from}T00:00:00Z`), end: new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY_MS) };
}

/** Adds an issue per broken period rule of `kind` (length, age, order, future). */
export function checkPeriod(
  kind: ReportKind,
  period: { start: Date; end: Date },
  now: number,
  issue: (path: string, message: string) => void,
): void {
  const rules = REPORT_RULES[kind];
  const label = REPORT_TYPE_LABELS[kind];
  if (period.end <= period.start) return issue("to", "The last day must be on or after the first day.");
  const spanDays = (period.end.getTime() - period.start.getTime()) / DAY_MS;
  if (spanDays > rules.maxSpanDays)
    issue(
      "to",
      `${label} reports cover at most ${rules.maxSpanLabel} (${rules.maxSpanDays} days); this is ${spanDays}.`,
    );
  if (period.start.getTime() < now - rules.maxAgeDays * DAY_MS)
    issue("from", `${label} reports reach back at most ${rules.maxAgeLabel}.`);
  if (period.start.getTime() > now) issue("from", "The period cannot start in the future.");
}

const AmountText = optional(z.string().trim().max(24));

export const CreateReportInput = z
  .object({
    accountId: AccountId,
    name: z.string().trim().min(1, "Name the report").max(120),
    reportType: z.enum(REPORT_TYPES, "Choose a report type"),
    from: CalendarDate,
    to: CalendarDate,
    sort: z.enum(REPORT_SORTS).default("CreationDate:DESC"),
    columns: many(z.string().max(64)),
    status: many(z.enum(TX_STATUSES)),
    type: many(z.enum(TX_TYPES)),
    nature: many(z.enum(TX_NATURES)),
    resultCode: optional(
      z
        .string()
        .trim()
        .regex(/^\d{6}(\s*,\s*\d{6})*$/, "Result codes are 6 digits, separated by commas (001001, 101101)"),
    ),
    walletId: optional(UpstreamId),
    authorId: optional(UpstreamId),
    userId: optional(UpstreamId),
    ownerId: optional(UpstreamId),
    currency: optional(Currency),
    debitedFundsMin: AmountText,
    debitedFundsMax: AmountText,
    debitedFundsCurrency: optional(Currency),
    feesMin: AmountText,
    feesMax: AmountText,
    feesCurrency: optional(Currency),
    balanceMin: AmountText,
    balanceMax: AmountText,
    balanceCurrency: optional(Currency),
    schedule: optional(z.enum(SCHEDULES)),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const rules = REPORT_RULES[v.reportType];
    const label = REPORT_TYPE_LABELS[v.reportType];
    if (v.columns.length === 0) issue("columns", "Choose at least one column.");
    const unknown = v.columns.filter((c) => !rules.columns.includes(c));
    if (unknown.length > 0) issue("columns", `${label} reports have no column ${unknown.join(", ")}.`);
    if (new Set(v.columns).size !== v.columns.length) issue("columns", "Choose each column once.");
    // Filters the report type does not support are refused rather than silently dropped.
    const used: [ReportFilterName, boolean][] = [
      ["status", v.status.length > 0],
      ["type", v.type.length > 0],
      ["nature", v.nature.length > 0],
      ["resultCode", v.resultCode !== undefined],
      ["walletId", v.walletId !== undefined],
      ["authorId", v.authorId !== undefined],
      ["userId", v.userId !== undefined],
      ["ownerId", v.ownerId !== undefined],
      ["currency", v.currency !== undefined],
      ["debitedFunds", v.debitedFundsMin !== undefined || v.debitedFundsMax !== undefined],
      ["fees", v.feesMin !== undefined || v.feesMax !== undefined],
      ["balance", v.balanceMin !== undefined || v.balanceMax !== undefined],
    ];
    for (const [name, isUsed] of used)
      if (isUsed && !rules.filters.includes(name)) issue(name, `${label} reports cannot be filtered on this.`);
    if (v.reportType === "USER_WALLET_TRANSACTIONS" && v.walletId && v.currency)
      issue("currency", "MANGOPAY does not combine the wallet and currency filters: choose one.");
    for (const range of ["debitedFunds", "fees", "balance"] as const) {
      const min = v[`${range}Min`];
      const max = v[`${range}Max`];
      if (min === undefined && max === undefined) continue;
      const currency = v[`${range}Currency`];
      if (!currency) {
        issue(`${range}Currency`, "An amount range needs its currency.");
        continue;
      }
      const minMinor = min === undefined ? null : parseAmountToMinor(min, currency);
      const maxMinor = max === undefined ? null : parseAmountToMinor(max, currency);
      if (min !== undefined && minMinor === null) issue(`${range}Min`, `Enter an amount in ${currency} (12.50).`);
      if (max !== undefined && maxMinor === null) issue(`${range}Max`, `Enter an amount in ${currency} (12.50).`);
      if (minMinor !== null && maxMinor !== null && minMinor > maxMinor)
        issue(`${range}Max`, "The maximum must not be below the minimum.");
    }
    if (isCalendarDate(v.from) && isCalendarDate(v.to)) checkPeriod(v.reportType, periodBounds(v), Date.now(), issue);
  });
export type CreateReportInput = z.input<typeof CreateReportInput>;

/** Filters as stored on a definition: our names, amounts in minor units. */
export type MoneyRange = { min: number | null; max: number | null; currency: string };
export type DefinitionFilters = {
  status?: string[];
  type?: string[];
  nature?: string[];
  resultCode?: string[];
  walletId?: string;
  authorId?: string;
  userId?: string;
  ownerId?: string;
  currency?: string;
  debitedFunds?: MoneyRange;
  fees?: MoneyRange;
  balance?: MoneyRange;
};

/** The parsed form → the filters a definition keeps (only those set). */
export function definitionFilters(v: z.output<typeof CreateReportInput>): DefinitionFilters {
  const out: DefinitionFilters = {};
  if (v.status.length) out.status = v.status;
  if (v.type.length) out.type = v.type;
  if (v.nature.length) out.nature = v.nature;
  if (v.resultCode) out.resultCode = v.resultCode.split(",").map((c) => c.trim());
  for (const key of ["walletId", "authorId", "userId", "ownerId", "currency"] as const) {
    const value = v[key];
    if (value) out[key] = value;
  }
  for (const range of ["debitedFunds", "fees", "balance"] as const) {
    const currency = v[`${range}Currency`];
    const min = v[`${range}Min`];
    const max = v[`${range}Max`];
    if (!currency || (min === undefined && max === undefined)) continue;
    out[range] = {
      currency,
      min: min === undefined ? null : parseAmountToMinor(min, currency),
      max: max === undefined ? null : parseAmountToMinor(max, currency),
    };
  }
  return out;
}

export const RunReportInput = z.object({
  accountId: AccountId,
  definitionId: RowId,
  from: CalendarDate,
  to: CalendarDate,
});
export type RunReportInput = z.input<typeof RunReportInput>;

/** Re-run: the original run's period unless both days are given. */
export const RerunReportInput = z
  .object({ accountId: AccountId, runId: RowId, from: optional(CalendarDate), to: optional(CalendarDate) })
  .refine((v) => (v.from === undefined) === (v.to === undefined), {
    path: ["to"],
    message: "Give both days of the new period, or neither to keep the original one.",
  });
export type RerunReportInput = z.input<typeof RerunReportInput>;

export const DefinitionIdInput = z.object({ accountId: AccountId, definitionId: RowId });
export type DefinitionIdInput = z.input<typeof DefinitionIdInput>;

export const RunIdInput = z.object({ accountId: AccountId, runId: RowId });
export type RunIdInput = z.input<typeof RunIdInput>;

export const SetScheduleInput = z.object({
  accountId: AccountId,
  definitionId: RowId,
  schedule: z.preprocess(blank, z.enum(SCHEDULES).optional()),
});
export type SetScheduleInput = z.input<typeof SetScheduleInput>;

export const ListReportsInput = z.object({
  accountId: AccountId,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ListReportsInput = z.input<typeof ListReportsInput>;

export const RunStatusInput = z.object({
  accountId: AccountId,
  runIds: z.array(RowId).max(50),
});
export type RunStatusInput = z.input<typeof RunStatusInput>;
