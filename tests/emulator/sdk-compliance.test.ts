/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) running the KYC, UBO, dispute, report and client flows against the emulator.
 * One SDK instance per file (its config lives in global axios defaults); fixtures go through HTTP.
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import { legal, natural, startApi, str, userWithWallet, type Api } from "./helpers";
import { cardPayIn, pngBase64 } from "./compliance-helpers";
import { sdkFor } from "./sdk-setup";

let api: Api;
let sdk: Mangopay;
beforeAll(async () => {
  api = await startApi({ seed: 1, delays: { kycMs: 5, uboMs: 5, disputeMs: 5, reportMs: 5 } });
  sdk = sdkFor(api);
});
afterAll(async () => {
  await api.emu.close();
});

async function poll<T>(get: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await get();
  for (let i = 0; i < 150 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 20));
    value = await get();
  }
  return value;
}

describe("official SDK, compliance flows", () => {
  it("creates a KYC document, uploads a page, submits it and sees it validated (Tag accept)", async () => {
    const userId = str((await api.call("POST", "/users/natural", natural())).body.Id);
    const doc = await sdk.Users.createKycDocument(userId, { Type: "IDENTITY_PROOF", Tag: "accept" });
    expect(doc.Status).toBe("CREATED");
    await sdk.Users.createKycPage(userId, doc.Id, { File: pngBase64(48 * 1024) });
    const submitted = await sdk.Users.updateKycDocument(userId, { Id: doc.Id, Status: "VALIDATION_ASKED" });
    expect(submitted.Status).toBe("VALIDATION_ASKED");
    const done = await poll(
      () => sdk.KycDocuments.get(doc.Id),
      (d) => d.Status === "VALIDATED",
    );
    expect(done.Status).toBe("VALIDATED");
    expect(Array.isArray(done.Flags)).toBe(true);
    const mine = await sdk.Users.getKycDocuments(userId);
    expect(mine.map((d) => d.Id)).toEqual([doc.Id]);
    const all = await sdk.KycDocuments.getAll({ parameters: { Status: "VALIDATED", per_page: 5 } });
    expect(all.every((d) => d.Status === "VALIDATED")).toBe(true);
    expect(Array.isArray(await sdk.KycDocuments.createKycDocumentConsult(doc.Id))).toBe(true);
  });

  it("declares UBOs and submits the declaration", async () => {
    const userId = str((await api.call("POST", "/users/legal", legal())).body.Id);
    const decl = await sdk.UboDeclarations.create(userId);
    expect(decl.Status).toBe("CREATED");
    const ubo = await sdk.UboDeclarations.createUbo(userId, decl.Id, {
      FirstName: "AcceptUBO",
      LastName: "Michael",
      Nationality: "FR",
      Birthday: 754_041_600,
      Address: {
        AddressLine1: "Rue des Plantes",
        AddressLine2: "",
        City: "Paris",
        Region: "IDF",
        PostalCode: "75000",
        Country: "FR",
      },
      Birthplace: { City: "Paris", Country: "FR" },
    });
    expect(ubo.FirstName).toBe("AcceptUBO");
    const updatedUbo = await sdk.UboDeclarations.updateUbo(userId, decl.Id, {
      Id: ubo.Id,
      LastName: "Michael_NodejsSDK",
    });
    expect(updatedUbo.LastName).toBe("Michael_NodejsSDK");
    const current = await sdk.UboDeclarations.get(userId, decl.Id);
    const submitted = await sdk.UboDeclarations.update(userId, {
      ...current,
      Id: decl.Id,
      Status: "VALIDATION_ASKED",
      Ubos: [ubo.Id],
    });
    expect(submitted.Status).toBe("VALIDATION_ASKED");
    const done = await poll(
      () => sdk.UboDeclarations.getById(decl.Id),
      (d) => d.Status === "VALIDATED",
    );
    expect(done.Status).toBe("VALIDATED");
    expect((await sdk.UboDeclarations.getAll(userId)).length).toBe(1);
  });

  it("lists disputes across pages, contests one and settles a lost one with a settlement transfer", async () => {
    const page2 = await sdk.Disputes.getAll({ parameters: { per_page: 100, page: 2 }, resolveWithFullResponse: true });
    expect(Number(page2.headers["x-number-of-items"])).toBeGreaterThan(100);
    expect(page2.body.length).toBeGreaterThan(0);
    const page1 = await sdk.Disputes.getAll({ parameters: { per_page: 100, page: 1 } });
    expect(page1.length).toBe(100);
    expect(new Set([...page1, ...page2.body].map((d) => d.Id)).size).toBe(page1.length + page2.body.length);
    const contestable = page1.find((d) => d.DisputeType === "CONTESTABLE" && d.Status === "PENDING_CLIENT_ACTION");
    if (!contestable) throw new Error("the seed has no contestable dispute waiting for the platform");
    const contested = await sdk.Disputes.contestDispute(contestable.Id, {
      Amount: 10,
      Currency: contestable.DisputedFunds.Currency,
    });
    expect(contested.Status).toBe("SUBMITTED");

    const { userId, walletId } = await userWithWallet(api);
    const payInId = await cardPayIn(api, userId, walletId, 5000);
    const opened = await api.control("POST", `/clients/${api.clientId}/disputes`, {
      PayInId: payInId,
      DisputeType: "NOT_CONTESTABLE",
    });
    const closed = await poll(
      () => sdk.Disputes.get(str(opened.body.Id)),
      (d) => d.Status === "CLOSED",
    );
    expect(closed.ResultCode).toBe("LOST");
    const pending = await sdk.Disputes.getPendingSettlement({ parameters: { per_page: 100 } });
    expect(pending.map((d) => d.Id)).toContain(closed.Id);
    const repudiation = await sdk.Disputes.getRepudiation(closed.RepudiationId);
    expect(repudiation.Nature).toBe("REPUDIATION");
    const transactions = await sdk.Disputes.getTransactions(closed.Id);
    expect(transactions.length).toBe(1);
    const settlement = await sdk.Disputes.createSettlementTransfer(
      {
        AuthorId: repudiation.AuthorId,
        DebitedFunds: { Amount: 5000, Currency: "EUR" },
        Fees: { Amount: 0, Currency: "EUR" },
      },
      repudiation.Id,
    );
    expect(settlement).toMatchObject({ Type: "TRANSFER", Nature: "SETTLEMENT", Status: "SUCCEEDED" });
    expect(await sdk.Disputes.getSettlementTransfer(settlement.Id)).toMatchObject({
      Id: settlement.Id,
      Nature: "SETTLEMENT",
    });
    expect((await sdk.Disputes.getDisputesForUser(userId)).map((d) => d.Id)).toContain(closed.Id);
  });

  it("creates legacy and Reporting Service reports and downloads them once ready", async () => {
    const legacy = await sdk.Reports.create({
      ReportType: "TRANSACTIONS",
      DownloadFormat: "CSV",
      Sort: "CreationDate:ASC",
      Preview: false,
      Columns: ["Id", "Status"],
    });
    expect(legacy.Id).toBeTruthy();
    const ready = await poll(
      () => sdk.Reports.get(legacy.Id),
      (r) => r.Status === "READY_FOR_DOWNLOAD",
    );
    expect(ready.DownloadURL).toBeTruthy();
    const csv = await (await fetch(String(ready.DownloadURL))).text();
    expect(csv.startsWith("Id,Status\n")).toBe(true);
    const v2 = await sdk.ReportsV2.create({
      DownloadFormat: "CSV",
      ReportType: "COLLECTED_FEES",
      AfterDate: Math.floor(Date.now() / 1000) - 30 * 86_400,
      BeforeDate: Math.floor(Date.now() / 1000),
    });
    expect(v2.Status).toBe("PENDING");
    const generated = await poll(
      () => sdk.ReportsV2.get(v2.Id),
      (r) => r.Status === "GENERATED",
    );
    expect((await fetch(String(generated.DownloadURL))).status).toBe(200);
    expect((await sdk.ReportsV2.getAll()).length).toBeGreaterThan(0);
  });

  it("lists hooks sorted by CreationDate and reads the client with its Licensor", async () => {
    await sdk.Hooks.create({ EventType: "REPORT_GENERATED", Url: "https://example.com/hooks/report" });
    const hooks = await sdk.Hooks.getAll({ parameters: { Sort: "CreationDate:DESC", per_page: 100 } });
    const dates = hooks.map((h) => h.CreationDate);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const client = await sdk.Clients.get();
    expect(client.Licensor).toBe("EU");
  });
});
