/** @jest-environment node */
// KYC documents, UBO declarations, disputes and their documents, repudiations and settlement
// transfers, reports, the client record, SSOs and permission groups against the emulator.
import * as disputeDocuments from "@/lib/mangopay/dispute-documents";
import * as disputes from "@/lib/mangopay/disputes";
import { UpstreamError } from "@/lib/mangopay/errors";
import * as kycDocuments from "@/lib/mangopay/kyc-documents";
import * as permissionGroups from "@/lib/mangopay/permission-groups";
import * as platform from "@/lib/mangopay/platform";
import * as refunds from "@/lib/mangopay/refunds";
import * as reports from "@/lib/mangopay/reports";
import * as repudiations from "@/lib/mangopay/repudiations";
import type { Dispute } from "@/lib/mangopay/schemas/disputes";
import * as sso from "@/lib/mangopay/sso";
import * as transactions from "@/lib/mangopay/transactions";
import * as ubo from "@/lib/mangopay/ubo";
import * as users from "@/lib/mangopay/users";
import { newKey, startTestEmulator, type TestEmulator } from "./helpers";
import { ADDRESS, buildWorld, eur, type World } from "./world";

let emu: TestEmulator;
let world: World;

// A PDF header plus padding: the emulator checks type and size (identity proofs ≥ 32 KB).
const PDF_PAGE = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(40 * 1024, 32)]).toString("base64");

beforeAll(async () => {
  emu = await startTestEmulator(15);
  world = await buildWorld(emu.client().client);
});
afterAll(async () => {
  await emu.close();
});

async function openDispute(payInId: string, extra: Record<string, unknown> = {}): Promise<Dispute> {
  const { client } = emu.client();
  const opened = (await emu.control("POST", `/clients/${client.clientId}/disputes`, {
    PayInId: payInId,
    DisputeType: "CONTESTABLE",
    advance: false,
    ...extra,
  })) as { Id: string };
  return disputes.get(client, opened.Id);
}

describe("KYC documents", () => {
  it("creates a document, uploads a page, submits it and lists it", async () => {
    const { client } = emu.client();
    const doc = await kycDocuments.create(client, world.owner.Id, { Type: "IDENTITY_PROOF", Tag: "accept" });
    expect(doc).toMatchObject({ Status: "CREATED", Type: "IDENTITY_PROOF", UserId: world.owner.Id });
    await kycDocuments.addPage(client, world.owner.Id, doc.Id, PDF_PAGE);
    const submitted = await kycDocuments.submit(client, world.owner.Id, doc.Id);
    expect(["VALIDATION_ASKED", "VALIDATED"]).toContain(submitted.Status);
    await expect(kycDocuments.get(client, doc.Id)).resolves.toMatchObject({ Id: doc.Id });
    expect((await kycDocuments.listByUser(client, world.owner.Id)).items.map((d) => d.Id)).toContain(doc.Id);
    const all = await kycDocuments.list(client, {
      filters: { Type: "IDENTITY_PROOF" },
      perPage: 100,
      sort: { field: "CreationDate", direction: "DESC" },
    });
    expect(all.items.every((d) => d.Type === "IDENTITY_PROOF")).toBe(true);
    const links = await kycDocuments.consult(client, doc.Id);
    expect(links[0].ExpirationDate).toBeInstanceOf(Date);
  });

  it("rejects a page that is not a supported file with a field error", async () => {
    const { client } = emu.client();
    const doc = await kycDocuments.create(client, world.owner.Id, { Type: "ADDRESS_PROOF" });
    const error = await kycDocuments
      .addPage(client, world.owner.Id, doc.Id, Buffer.from("hello").toString("base64"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).errors).toHaveProperty("File");
  });
});

describe("UBO declarations", () => {
  it("declares a beneficial owner for a legal user and submits the declaration", async () => {
    const { client } = emu.client();
    const legal = await users.createLegal(client, {
      Name: "Acme SAS",
      LegalPersonType: "BUSINESS",
      Email: "acme@example.test",
      LegalRepresentativeFirstName: "Grace",
      LegalRepresentativeLastName: "Hopper",
      HeadquartersAddress: ADDRESS,
      UserCategory: "PAYER",
    });
    const declaration = await ubo.createDeclaration(client, legal.Id);
    expect(declaration.Status).toBe("CREATED");
    const owner = await ubo.createUbo(client, legal.Id, declaration.Id, {
      FirstName: "Ada",
      LastName: "Owner",
      Birthday: 315_532_800,
      Nationality: "FR",
      Address: ADDRESS,
      Birthplace: { City: "Paris", Country: "FR" },
    });
    expect(owner.Birthday).toEqual(new Date(315_532_800_000));
    await expect(
      ubo.updateUbo(client, legal.Id, declaration.Id, owner.Id, { LastName: "Owner-Smith" }),
    ).resolves.toMatchObject({ LastName: "Owner-Smith" });
    await expect(ubo.getUbo(client, legal.Id, declaration.Id, owner.Id)).resolves.toMatchObject({ Id: owner.Id });
    const submitted = await ubo.submitDeclaration(client, legal.Id, declaration.Id);
    expect(submitted.Status).toBe("VALIDATION_ASKED");
    await expect(ubo.getDeclaration(client, declaration.Id)).resolves.toMatchObject({
      Ubos: [expect.objectContaining({ Id: owner.Id })],
    });
    expect((await ubo.listDeclarationsByUser(client, legal.Id)).items).toHaveLength(1);
  });
});

describe("disputes", () => {
  it("lists disputes several ways and updates a tag", async () => {
    const { client } = emu.client();
    const dispute = await openDispute(world.payIn.Id);
    expect(dispute).toMatchObject({ InitialTransactionId: world.payIn.Id, DisputeType: "CONTESTABLE" });
    expect(dispute.DisputedFunds.Amount).toBeGreaterThan(0);
    expect(
      (
        await disputes.list(client, {
          perPage: 100,
          filters: { DisputeType: "CONTESTABLE" },
          sort: { field: "CreationDate", direction: "DESC" },
        })
      ).items.map((d) => d.Id),
    ).toContain(dispute.Id);
    expect((await disputes.listByPayIn(client, world.payIn.Id)).items.map((d) => d.Id)).toContain(dispute.Id);
    expect((await disputes.listByUser(client, world.payer.Id)).items.map((d) => d.Id)).toContain(dispute.Id);
    await expect(disputes.listByWallet(client, world.payerWallet.Id)).resolves.toMatchObject({ page: 1 });
    await expect(transactions.listByDispute(client, dispute.Id)).resolves.toMatchObject({ page: 1 });
    await expect(disputes.updateTag(client, dispute.Id, "reviewed")).resolves.toMatchObject({ Tag: "reviewed" });
  });

  it("contests a dispute with an evidence document", async () => {
    const { client } = emu.client();
    const dispute = await openDispute(world.payIn.Id, { Amount: 1000 });
    await emu.control("POST", `/clients/${client.clientId}/disputes/${dispute.Id}/status`, {
      Status: "PENDING_CLIENT_ACTION",
    });
    const doc = await disputeDocuments.create(client, dispute.Id, { Type: "DELIVERY_PROOF" });
    await disputeDocuments.addPage(client, dispute.Id, doc.Id, PDF_PAGE);
    await expect(disputeDocuments.submit(client, dispute.Id, doc.Id)).resolves.toMatchObject({
      Status: "VALIDATION_ASKED",
    });
    await expect(disputeDocuments.get(client, doc.Id)).resolves.toMatchObject({ DisputeId: dispute.Id });
    expect((await disputeDocuments.listByDispute(client, dispute.Id)).items.map((d) => d.Id)).toEqual([doc.Id]);
    expect(
      (
        await disputeDocuments.list(client, { perPage: 10, sort: { field: "CreationDate", direction: "DESC" } })
      ).items.map((d) => d.Id),
    ).toContain(doc.Id);
    await expect(disputeDocuments.consult(client, doc.Id)).resolves.toEqual(expect.any(Array));
    const submitted = await disputes.submit(client, dispute.Id, { ContestedFunds: dispute.DisputedFunds });
    expect(submitted.Status).toBe("SUBMITTED");
  });

  it("closes a dispute, reads its repudiation and settles it with a settlement transfer", async () => {
    const { client } = emu.client();
    const dispute = await openDispute(world.payIn.Id, { Amount: 800 });
    await emu.control("POST", `/clients/${client.clientId}/disputes/${dispute.Id}/status`, {
      Status: "PENDING_CLIENT_ACTION",
    });
    const closed = await disputes.close(client, dispute.Id);
    expect(closed.Status).toBe("CLOSED");
    const repudiationId = closed.RepudiationId ?? dispute.RepudiationId;
    if (!repudiationId) throw new Error("dispute has no repudiation");
    const repudiation = await repudiations.get(client, repudiationId);
    expect(repudiation).toMatchObject({ Nature: "REPUDIATION", InitialTransactionId: world.payIn.Id });
    await expect(refunds.listByRepudiation(client, repudiationId)).resolves.toMatchObject({ page: 1 });
    await expect(disputes.listPendingSettlement(client)).resolves.toMatchObject({ page: 1 });
    const settlement = await repudiations.createSettlementTransfer(
      client,
      repudiationId,
      { AuthorId: world.payer.Id, DebitedFunds: repudiation.DebitedFunds, Fees: eur(0) },
      { idempotencyKey: newKey() },
    );
    expect(settlement).toMatchObject({ Type: "TRANSFER", Nature: "SETTLEMENT", RepudiationId: repudiationId });
    await expect(repudiations.getSettlement(client, settlement.Id)).resolves.toMatchObject({ Id: settlement.Id });
  });
});

describe("reports", () => {
  it("requests a transactions report, generates it and reads the download URL", async () => {
    const { client } = emu.client();
    const report = await reports.createTransactions(client, {
      DownloadFormat: "CSV",
      Sort: "CreationDate:DESC",
      Filters: {},
    });
    expect(report).toMatchObject({ ReportType: "TRANSACTIONS" });
    await emu.control("POST", `/clients/${client.clientId}/reports/${report.Id}/generate`);
    const ready = await reports.get(client, report.Id);
    expect(ready.DownloadURL).toBeTruthy();
    expect(
      (await reports.list(client, { perPage: 100, sort: { field: "CreationDate", direction: "DESC" } })).items.map(
        (r) => r.Id,
      ),
    ).toContain(report.Id);
    await expect(reports.createWallets(client, { DownloadFormat: "CSV" })).resolves.toMatchObject({
      ReportType: "WALLETS",
    });
  });

  it("uses the Reporting Service for collected fees", async () => {
    const { client } = emu.client();
    const now = Math.floor(Date.now() / 1000);
    const report = await reports.createV2(client, {
      ReportType: "COLLECTED_FEES",
      AfterDate: now - 30 * 86_400,
      BeforeDate: now,
      DownloadFormat: "CSV",
    });
    expect(report.AfterDate).toBeInstanceOf(Date);
    await expect(reports.getV2(client, report.Id)).resolves.toMatchObject({ Id: report.Id });
    expect((await reports.listV2(client)).items.map((r) => r.Id)).toContain(report.Id);
  });
});

describe("client, SSOs and permission groups", () => {
  it("reads and updates the platform's client record and lists its transactions", async () => {
    const { client } = emu.client();
    const record = await platform.get(client);
    expect(record.ClientId).toBe(client.clientId);
    await expect(platform.update(client, { PlatformURL: "https://marketplace.example.test" })).resolves.toMatchObject({
      PlatformURL: "https://marketplace.example.test",
    });
    await expect(transactions.listByClient(client)).resolves.toMatchObject({ page: 1 });
  });

  it("creates a custom permission group and invites an SSO into it", async () => {
    const { client } = emu.client();
    const groups = await permissionGroups.list(client, { perPage: 100 });
    expect(groups.items.map((g) => g.Id)).toEqual(expect.arrayContaining(["ADMIN", "WRITE", "READ"]));
    const group = await permissionGroups.create(client, {
      Name: "Payout desk",
      Scopes: { Payouts: { Read: true, Create: true, Edit: false } },
    });
    expect(group.Type).toBe("CUSTOM");
    await expect(permissionGroups.get(client, group.Id)).resolves.toMatchObject({ Name: "Payout desk" });
    await expect(permissionGroups.update(client, group.Id, { Name: "Payouts" })).resolves.toMatchObject({
      Name: "Payouts",
    });
    const invited = await sso.create(client, {
      FirstName: "Alex",
      LastName: "Smith",
      Email: `alex-${Date.now()}@example.test`,
      PermissionGroupId: group.Id,
    });
    expect(invited).toMatchObject({ InvitationStatus: "SENT", Active: true, LastLoginDate: null });
    await expect(sso.get(client, invited.Id)).resolves.toMatchObject({ Id: invited.Id });
    expect(
      (await sso.list(client, { perPage: 100, sort: { field: "CreationDate", direction: "DESC" } })).items.map(
        (s) => s.Id,
      ),
    ).toContain(invited.Id);
    expect((await sso.listByPermissionGroup(client, group.Id)).items.map((s) => s.Id)).toEqual([invited.Id]);
    await expect(sso.update(client, invited.Id, { Active: false })).resolves.toMatchObject({ Active: false });
  });

  it("refuses to modify a DEFAULT permission group", async () => {
    const { client } = emu.client();
    const error = await permissionGroups.update(client, "ADMIN", { Name: "Owners" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
  });

  // Last in the file: it ages the emulator's clock past the 30-minute invitation window.
  it("re-sends an expired SSO invitation", async () => {
    const { client } = emu.client();
    const invited = await sso.create(client, {
      FirstName: "Late",
      LastName: "Joiner",
      Email: `late-${Date.now()}@example.test`,
      PermissionGroupId: "READ",
    });
    emu.running.emulator.clock.advance(31 * 60);
    await expect(sso.get(client, invited.Id)).resolves.toMatchObject({ InvitationStatus: "EXPIRED" });
    await expect(sso.extendInvitation(client, invited.Id)).resolves.toMatchObject({ InvitationStatus: "SENT" });
  });
});
