/** @jest-environment node */
import { stringify } from "csv-stringify/sync";
import { CSV_COLUMNS, neutralizeFormula, toCsvRecord } from "@/lib/services/security/csv";
import { dateRange, parseSecurityFilter } from "@/lib/services/security/schemas";

const event = {
  createdAt: new Date("2026-11-25T10:00:00Z"),
  actorEmail: "ana@x.test",
  action: "team.member.change_role",
  apiAccountId: "acc1",
  apiAccountName: "Marketplace",
  targetType: "membership",
  targetId: "m1",
  ip: "203.0.113.7",
  userAgent: "Mozilla/5.0",
  before: { role: "READ_ONLY" },
  after: { role: "ADMIN" },
  metadata: null,
};

describe("security history CSV", () => {
  it("shapes one record per event, in column order, with JSON before/after", () => {
    const record = toCsvRecord(event);
    expect(record).toHaveLength(CSV_COLUMNS.length);
    expect(record[0]).toBe("2026-11-25T10:00:00.000Z");
    expect(record[CSV_COLUMNS.indexOf("before")]).toBe('{"role":"READ_ONLY"}');
    expect(record[CSV_COLUMNS.indexOf("metadata")]).toBe("");
    const csv = stringify([record], { header: true, columns: [...CSV_COLUMNS] });
    expect(csv.split("\n")[0]).toBe(CSV_COLUMNS.join(","));
    expect(csv).toContain('"{""role"":""READ_ONLY""}"');
  });

  it("neutralizes spreadsheet formulas in user-controlled cells", () => {
    expect(neutralizeFormula("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(neutralizeFormula("+33 6")).toBe("'+33 6");
    expect(toCsvRecord({ ...event, userAgent: "@evil" })[CSV_COLUMNS.indexOf("user_agent")]).toBe("'@evil");
    expect(neutralizeFormula("ana@x.test")).toBe("ana@x.test");
  });
});

describe("security filters from the URL", () => {
  it("parses known filters and drops malformed ones instead of failing", () => {
    expect(
      parseSecurityFilter({
        member: "u1",
        action: ["team.invite.create", "x"],
        from: "2026-11-01",
        to: "nope",
        page: "0",
      }),
    ).toEqual({
      member: "u1",
      action: "team.invite.create",
      account: undefined,
      from: "2026-11-01",
      to: undefined,
      tz: undefined,
      page: 1,
    });
  });

  it("turns local days into a UTC range using the viewer's offset", () => {
    // Paris in winter: getTimezoneOffset() = -60.
    const r = dateRange({ from: "2026-11-25", to: "2026-11-25", tz: -60 });
    expect(r.gte?.toISOString()).toBe("2026-11-24T23:00:00.000Z");
    expect(r.lt?.toISOString()).toBe("2026-11-25T23:00:00.000Z");
    expect(dateRange({})).toEqual({});
  });
});
