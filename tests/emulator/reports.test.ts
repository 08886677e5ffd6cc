import { fetchToken, list, num, startApi, str, type Api, type ApiResponse } from "./helpers";
import { eventTypesFor, waitFor } from "./compliance-helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({ seed: 1, delays: { kycMs: null, uboMs: null, disputeMs: null, reportMs: 5 } });
});
afterAll(async () => {
  await api.emu.close();
});

const now = () => Math.floor(Date.now() / 1000);

async function ready(path: string, status: string): Promise<ApiResponse> {
  return waitFor(
    () => api.call("GET", path),
    (r) => str(r.body.Status) === status,
  );
}

/** Downloads a CSV and splits it (the fixtures have no embedded newlines or commas in quoted cells we read). */
async function csv(url: string): Promise<{ header: string[]; rows: string[][]; text: string }> {
  const res = await fetch(url);
  expect(res.headers.get("content-type")).toMatch(/text\/csv/);
  const text = await res.text();
  const lines = text.trim().split("\n");
  return { header: lines[0].split(","), rows: lines.slice(1).map((l) => l.split(",")), text };
}

describe("legacy reports", () => {
  it("generates a transactions report asynchronously; the CSV honours filters, columns and sort", async () => {
    const body = {
      Tag: "june",
      DownloadFormat: "CSV",
      CallbackURL: "https://example.com/cb",
      Sort: "CreationDate:DESC",
      Preview: false,
      Filters: {
        AfterDate: now() - 40 * 86_400,
        BeforeDate: now() + 60,
        Type: ["PAYIN"],
        Status: ["SUCCEEDED"],
        Nature: ["REGULAR"],
        MinDebitedFundsAmount: 1000,
        MinDebitedFundsCurrency: "EUR",
      },
      Columns: ["Id", "CreationDate", "Type", "Status", "DebitedFundsAmount", "DebitedFundsCurrency", "Nature"],
    };
    const created = await api.call("POST", "/reports/transactions/", body);
    expect(created.body).toMatchObject({
      Status: "PENDING",
      ReportType: "TRANSACTIONS",
      DownloadURL: null,
      Sort: "CreationDate:DESC",
      Columns: body.Columns,
    });
    expect(str(created.body.Id)).toMatch(/^report_m_/);
    const done = await ready(`/reports/${created.body.Id}`, "READY_FOR_DOWNLOAD");
    expect(done.body).toMatchObject({ ResultCode: "000000" });
    const { header, rows } = await csv(str(done.body.DownloadURL));
    expect(header).toEqual(body.Columns);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect([r[2], r[3], r[6]]).toEqual(["PAYIN", "SUCCEEDED", "REGULAR"]);
      if (r[5] === "EUR") expect(Number(r[4])).toBeGreaterThanOrEqual(1000);
    }
    const dates = rows.map((r) => Number(r[1]));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(await eventTypesFor(api, str(created.body.Id))).toEqual(["REPORT_GENERATED"]);
    expect(list((await api.call("GET", "/reports?per_page=100")).body).map((r) => r.Id)).toContain(created.body.Id);
  });

  it("limits a Preview to 10 rows and reports wallets with their columns", async () => {
    const preview = await api.call("POST", "/reports/transactions", { Preview: true });
    const done = await ready(`/reports/${preview.body.Id}`, "READY_FOR_DOWNLOAD");
    expect((await csv(str(done.body.DownloadURL))).rows).toHaveLength(10);
    const wallets = await api.call("POST", "/reports/wallets", {
      Filters: { Currency: "GBP" },
      Columns: ["Id", "BalanceAmount", "Currency", "Owners"],
    });
    const ok = await ready(`/reports/${wallets.body.Id}`, "READY_FOR_DOWNLOAD");
    const { header, rows } = await csv(str(ok.body.DownloadURL));
    expect(header).toEqual(["Id", "BalanceAmount", "Currency", "Owners"]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[2] === "GBP")).toBe(true);
    const wallet = await api.call("GET", `/wallets/${rows[0][0]}`);
    expect(num(wallet.body.Balance.Amount)).toBe(Number(rows[0][1]));
  });

  it("refuses unknown columns and spans over 6 months; Tag 'fail' makes a FAILED report with REPORT_FAILED", async () => {
    const cols = await api.call("POST", "/reports/transactions", { Columns: ["Id", "Nope"] });
    expect([cols.status, cols.body.Type]).toEqual([400, "param_error"]);
    expect(str(cols.body.errors.Columns)).toContain("Nope");
    const span = await api.call("POST", "/reports/transactions", {
      Filters: { AfterDate: now() - 400 * 86_400, BeforeDate: now() },
    });
    expect(span.status).toBe(400);
    const fail = await api.call("POST", "/reports/wallets", { Tag: "fail" });
    const failed = await ready(`/reports/${fail.body.Id}`, "FAILED");
    expect(failed.body.DownloadURL).toBeNull();
    expect(await eventTypesFor(api, str(fail.body.Id))).toEqual(["REPORT_FAILED"]);
    const missing = await api.call("GET", "/reports/report_m_nope");
    expect([missing.status, missing.body.Type]).toEqual([404, "ressource_not_found"]);
    expect((await fetch(`${api.emu.url}/_emulator/reports/${api.clientId}/${fail.body.Id}/x.csv`)).status).toBe(404);
  });
});

describe("Reporting Service reports", () => {
  it("generates COLLECTED_FEES (PENDING → GENERATED) with {Name, IsDefault} columns; only fee-bearing succeeded transactions", async () => {
    const created = await api.call("POST", "/reporting/reports/", {
      DownloadFormat: "CSV",
      ReportType: "COLLECTED_FEES",
      AfterDate: now() - 90 * 86_400,
      BeforeDate: now() + 60,
      Filters: { Currency: "EUR" },
      Columns: ["TransactionId", "FeesAmount", "FeesCurrency", "Type", "CreationDate:ISO"],
    });
    expect(created.body).toMatchObject({ Status: "PENDING", Sort: "CreationDate:DESC", Filters: { Currency: "EUR" } });
    expect(list(created.body.Columns)[0]).toEqual({ Name: "TransactionId", IsDefault: true });
    expect(list(created.body.Columns)[4]).toEqual({ Name: "CreationDate:ISO", IsDefault: false });
    const done = await ready(`/reporting/reports/${created.body.Id}`, "GENERATED");
    const { rows } = await csv(str(done.body.DownloadURL));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Number(r[1]) !== 0 && r[2] === "EUR")).toBe(true);
    expect(rows[0][4]).toMatch(/^\d{4}-\d\d-\d\dT/);
    const tx = await api.call("GET", `/transfers/${rows.find((r) => r[3] === "TRANSFER")?.[0] ?? "none"}`);
    if (tx.status === 200) expect(str(tx.body.Status)).toBe("SUCCEEDED");
  });

  it("generates USER_WALLET_TRANSACTIONS for one user and validates the body like MANGOPAY", async () => {
    const users = await api.call("GET", "/users?per_page=20");
    const userId = str(list(users.body)[5].Id);
    const created = await api.call("POST", "/reporting/reports", {
      ReportType: "USER_WALLET_TRANSACTIONS",
      AfterDate: now() - 300 * 86_400,
      BeforeDate: now() + 60,
      Filters: { UserId: userId },
    });
    const done = await ready(`/reporting/reports/${created.body.Id}`, "GENERATED");
    const { header, rows } = await csv(str(done.body.DownloadURL));
    expect(header.slice(0, 3)).toEqual(["ClientId", "TransactionId", "CreationDate"]);
    const userTx = await api.call("GET", `/users/${userId}/transactions?per_page=100`);
    expect(rows.length).toBe(Number(userTx.headers.get("x-number-of-items")));
    const span = await api.call("POST", "/reporting/reports", {
      ReportType: "COLLECTED_FEES",
      AfterDate: now() - 500 * 86_400,
      BeforeDate: now(),
    });
    expect(span.body.errors.Report).toBe("Max 12 months between AfterDate and BeforeDate.");
    const cols = await api.call("POST", "/reporting/reports", {
      ReportType: "USER_WALLET_TRANSACTIONS",
      AfterDate: now() - 86_400,
      BeforeDate: now(),
      Columns: ["Amount"],
    });
    expect(str(cols.body.errors.Report)).toMatch(/^Unknown columns were found in the list: Amount/);
    const combo = await api.call("POST", "/reporting/reports", {
      ReportType: "USER_WALLET_TRANSACTIONS",
      AfterDate: now() - 86_400,
      BeforeDate: now(),
      Filters: { WalletId: "1", Currency: "EUR" },
    });
    expect(combo.status).toBe(400);
    const listed = await api.call("GET", "/reporting/reports?Status=GENERATED&per_page=100");
    expect(list(listed.body).every((r) => str(r.Status) === "GENERATED")).toBe(true);
    expect(list(listed.body).length).toBeGreaterThan(2);
  });

  it("expires reports after 31 days of emulator time (Status EXPIRED, DownloadURL null)", async () => {
    const created = await api.call("POST", "/reporting/reports", {
      ReportType: "COLLECTED_FEES",
      AfterDate: now() - 86_400,
      BeforeDate: now(),
    });
    await ready(`/reporting/reports/${created.body.Id}`, "GENERATED");
    const aged = await api.control("POST", "/clock", { advanceDays: 32 });
    expect(num(aged.body.reportsExpired)).toBeGreaterThan(0);
    try {
      api.token = await fetchToken(api.emu.url, api.clientId, api.apiKey);
      expect((await api.call("GET", `/reporting/reports/${created.body.Id}`)).body).toMatchObject({
        Status: "EXPIRED",
        DownloadURL: null,
      });
    } finally {
      api.emu.emulator.clock.advance(-32 * 86_400);
    }
  });
});
