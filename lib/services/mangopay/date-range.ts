// Day filters as the dashboard's forms and URLs carry them (`YYYY-MM-DD`, inclusive, UTC) turned
// into MANGOPAY's exclusive AfterDate/BeforeDate in unix seconds (they compare CreationDate, or
// Date for events). Pure.

export function dayRangeToQuery(range: { from?: string; to?: string }): { AfterDate?: number; BeforeDate?: number } {
  const out: { AfterDate?: number; BeforeDate?: number } = {};
  if (range.from) out.AfterDate = Date.parse(`${range.from}T00:00:00Z`) / 1000 - 1;
  if (range.to) out.BeforeDate = Date.parse(`${range.to}T00:00:00Z`) / 1000 + 86_400;
  return out;
}

/** `from` after `to` is the one mistake a range can have; the message goes next to `to`. */
export const RANGE_ORDER_MESSAGE = "The end date must be on or after the start date.";

export function rangeInOrder(f: { from?: string; to?: string }): boolean {
  return !f.from || !f.to || f.from <= f.to;
}
