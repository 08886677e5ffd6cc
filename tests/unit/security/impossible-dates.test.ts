/** @jest-environment node */
import { isCalendarDate } from "@/lib/calendar-date";
import { dateRange, readSecurityFilter } from "@/lib/services/security/schemas";

describe("impossible dates in filters (error boundary, runaway CSV export)", () => {
  it.each([
    "2020-13-45",
    "2021-02-29",
    "2026-00-10",
    "2026-04-31",
    "1999-12-31",
    "20260101",
    "2026-1-1",
    "",
    "2026-01-01T00:00",
  ])("refuses %j", (v) => {
    expect(isCalendarDate(v)).toBe(false);
  });

  it.each(["2024-02-29", "2026-01-31", "2026-12-31"])("accepts %j", (v) => {
    expect(isCalendarDate(v)).toBe(true);
  });

  it("drops an impossible date from the filter and says why, so no query ever sees an Invalid Date", () => {
    const { filter, errors } = readSecurityFilter({ from: "2020-13-45", to: "2026-02-30" });
    expect(filter.from).toBeUndefined();
    expect(filter.to).toBeUndefined();
    expect(errors).toEqual({
      from: "Enter a real date as YYYY-MM-DD (for example 2026-01-31).",
      to: "Enter a real date as YYYY-MM-DD (for example 2026-01-31).",
    });
    expect(dateRange(filter)).toEqual({});
  });

  it("reports a range that ends before it starts, and nothing for a valid one", () => {
    expect(readSecurityFilter({ from: "2026-02-01", to: "2026-01-01" }).errors).toEqual({
      to: "The end date is before the start date.",
    });
    expect(readSecurityFilter({ from: "2026-01-01", to: "2026-01-31" })).toMatchObject({
      errors: {},
      filter: { from: "2026-01-01", to: "2026-01-31" },
    });
  });
});
