/** @jest-environment node */
import {
  AnalyticsQuery,
  bucketOf,
  bucketsBetween,
  periodOf,
  todayIn,
  TransactionSeriesInput,
} from "@/lib/services/analytics/schemas";
import { syncedAgo } from "@/lib/format";
import { readsEventHistory } from "@/lib/services/events/schemas";

describe("analytics periods and buckets", () => {
  it("names the bucket of a day: itself, its ISO week's Monday, its month's first", () => {
    expect(bucketOf("2026-01-07", "day")).toBe("2026-01-07");
    expect(bucketOf("2026-01-07", "week")).toBe("2026-01-05");
    expect(bucketOf("2026-01-04", "week")).toBe("2025-12-29");
    expect(bucketOf("2026-02-28", "month")).toBe("2026-02-01");
  });

  it("lists every bucket of a period, across months and years", () => {
    expect(bucketsBetween("2026-02-27", "2026-03-02", "day")).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
    ]);
    expect(bucketsBetween("2025-12-31", "2026-01-12", "week")).toEqual(["2025-12-29", "2026-01-05", "2026-01-12"]);
    expect(bucketsBetween("2025-11-15", "2026-02-01", "month")).toEqual([
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
    ]);
  });

  it("turns presets into periods ending today, with a grouping that fits", () => {
    const today = "2026-11-30";
    expect(periodOf(AnalyticsQuery.parse({}), today)).toEqual({
      from: "2026-11-01",
      to: today,
      granularity: "day",
      type: undefined,
    });
    expect(periodOf(AnalyticsQuery.parse({ period: "quarter" }), today)).toMatchObject({
      from: "2026-09-02",
      granularity: "week",
    });
    expect(periodOf(AnalyticsQuery.parse({ period: "year", granularity: "day" }), today)).toMatchObject({
      from: "2025-12-01",
      granularity: "day",
    });
    expect(
      periodOf(AnalyticsQuery.parse({ period: "custom", from: "2024-01-01", to: "2024-06-30", type: "PAYOUT" }), today),
    ).toEqual({ from: "2024-01-01", to: "2024-06-30", granularity: "day", type: "PAYOUT" });
    expect(AnalyticsQuery.parse({ period: "nonsense", granularity: "hour" })).toMatchObject({ period: "30d" });
  });

  it("refuses a reversed range and more points than a chart can show", () => {
    expect(TransactionSeriesInput.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
    expect(TransactionSeriesInput.safeParse({ from: "2020-01-01", to: "2026-01-01" }).success).toBe(false);
    expect(
      TransactionSeriesInput.safeParse({ from: "2020-01-01", to: "2026-01-01", granularity: "week" }).success,
    ).toBe(true);
    expect(TransactionSeriesInput.safeParse({ from: "2026-13-45", to: "2026-01-01" }).success).toBe(false);
  });

  it("knows today in the member's time zone", () => {
    const late = new Date("2026-11-30T20:00:00Z");
    expect(todayIn("UTC", late)).toBe("2026-11-30");
    expect(todayIn("Asia/Tokyo", late)).toBe("2026-12-01");
    expect(todayIn(null, late)).toBe("2026-11-30");
  });
});

describe("the events page's source", () => {
  const now = Date.parse("2026-11-30T12:00:00Z");
  it("reads the mirror when asked, or when the range reaches before MANGOPAY's 45 days", () => {
    expect(readsEventHistory({}, now)).toBe(false);
    expect(readsEventHistory({ from: "2026-11-01" }, now)).toBe(false);
    expect(readsEventHistory({ from: "2026-10-01" }, now)).toBe(true);
    expect(readsEventHistory({ to: "2026-09-01" }, now)).toBe(true);
    expect(readsEventHistory({ history: true }, now)).toBe(true);
  });

  it("says how long ago the mirror synced", () => {
    expect(syncedAgo(5)).toBe("5 seconds ago");
    expect(syncedAgo(600)).toBe("10 minutes ago");
    expect(syncedAgo(3 * 86_400)).toBe("3 days ago");
  });
});
