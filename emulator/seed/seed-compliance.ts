// Compliance demo data for one client: KYC documents consistent with each user's KYCLevel, UBO
// declarations, disputes (seed-disputes.ts), reports, SSOs and a custom permission group.
import type { Emulator } from "../core/emulator";
import type { Random } from "../core/random";
import { createPermissionGroup, createSso, permissionGroups } from "../domain/dashboard-access";
import { linkProof } from "../domain/kyc-level";
import { createKycDocument, decideKyc, submitKycDocument } from "../domain/kyc";
import { scheduleReport, newReportId, TX_FILTER_KEYS, withEveryKey } from "../domain/reports";
import { addUbo, createUboDeclaration, decideUbo, submitUboDeclaration } from "../domain/ubo";
import { FEES_DEFAULT_COLUMNS, TX_DEFAULT_COLUMNS, UWT_DEFAULT_COLUMNS } from "../domain/report-columns";
import type { ClientStore } from "../store/client-store";
import { KYC_REFUSED_REASONS, type KycDocument, type KycType } from "../store/compliance-types";
import type { LegalUser, User } from "../store/types";
import { seedDisputes, seedRepudiationWires } from "./seed-disputes";

const DAY = 86_400;
const HOUR = 3600;

function requiredTypes(user: User): KycType[] {
  if (user.PersonType === "NATURAL") return ["IDENTITY_PROOF"];
  const legal = user as LegalUser;
  if (legal.LegalPersonType === "SOLETRADER") return ["IDENTITY_PROOF", "REGISTRATION_PROOF"];
  return ["IDENTITY_PROOF", "REGISTRATION_PROOF", "ARTICLES_OF_ASSOCIATION"];
}

function withPage(store: ClientStore, rnd: Random, doc: KycDocument, at: number): void {
  store.pages.set(doc.Id, [
    { bytes: rnd.int(60_000, 2_000_000), kind: rnd.pick(["PDF", "JPEG", "PNG"] as const), uploadedAt: at },
  ]);
}

/** REGULAR users got there through validated proofs: replay that history without touching KYCLevel. */
function seedRegular(emu: Emulator, store: ClientStore, rnd: Random, user: User): void {
  const at = user.CreationDate + 600;
  for (const type of requiredTypes(user)) {
    const doc = createKycDocument(emu, store, user.Id, type, null, at);
    withPage(store, rnd, doc, at);
    submitKycDocument(emu, store, doc, at + 60);
    Object.assign(doc, { Status: "VALIDATED", ProcessedDate: at + 1800 });
    linkProof(user, doc, true);
    emu.events.emit(store, "KYC_SUCCEEDED", doc.Id, at + 1800);
  }
  const legal = user as LegalUser;
  if (
    user.PersonType === "LEGAL" &&
    (legal.LegalPersonType === "BUSINESS" || legal.LegalPersonType === "PARTNERSHIP")
  ) {
    const decl = createUboDeclaration(emu, store, user.Id, at);
    addUbo(store, decl, uboBody(rnd, legal.LegalRepresentativeFirstName, legal.LegalRepresentativeLastName), at);
    Object.assign(decl, { Status: "VALIDATED", ProcessedDate: at + 2400 });
    emu.events.emit(store, "UBO_DECLARATION_VALIDATED", decl.Id, at + 2400);
  }
}

function uboBody(rnd: Random, first: string, last: string): Record<string, unknown> {
  return {
    FirstName: first,
    LastName: last,
    Birthday: rnd.int(-315_619_200, 946_684_800),
    Nationality: "FR",
    Address: { AddressLine1: `${rnd.int(1, 120)} Rue du Commerce`, City: "Paris", PostalCode: "75015", Country: "FR" },
    Birthplace: { City: "Lyon", Country: "FR" },
  };
}

/** LIGHT users: documents in every other state (created, waiting, refused, and some validated). */
function seedLight(emu: Emulator, store: ClientStore, rnd: Random, user: User, now: number): void {
  const at = Math.min(user.CreationDate + rnd.int(HOUR, 20 * DAY), now - 2 * HOUR);
  const doc = createKycDocument(
    emu,
    store,
    user.Id,
    rnd.pick(requiredTypes(user)),
    rnd.chance(0.1) ? "onboarding" : null,
    at,
  );
  const roll = rnd.next();
  if (roll < 0.15) return;
  withPage(store, rnd, doc, at);
  submitKycDocument(emu, store, doc, at + 120);
  if (roll < 0.45) return;
  const refused = roll < 0.8;
  const reason = rnd.pick(KYC_REFUSED_REASONS.filter((r) => r !== "DOCUMENT_DO_NOT_MATCH_ACCOUNT_DATA"));
  decideKyc(
    emu,
    store,
    doc,
    refused ? { validated: false, reason } : { validated: true },
    Math.min(at + rnd.int(HOUR, 2 * DAY), now - HOUR),
    refused ? "The document does not meet the requirements" : null,
  );
  if (user.PersonType === "LEGAL" && rnd.chance(0.5)) {
    const decl = createUboDeclaration(emu, store, user.Id, at);
    addUbo(
      store,
      decl,
      uboBody(rnd, (user as LegalUser).LegalRepresentativeFirstName, (user as LegalUser).LegalRepresentativeLastName),
      at,
    );
    if (rnd.chance(0.6)) {
      submitUboDeclaration(emu, store, decl, at + 300);
      const status = rnd.pick(["INCOMPLETE", "REFUSED", "WAIT"] as const);
      if (status !== "WAIT")
        decideUbo(
          emu,
          store,
          decl,
          { status, reason: status === "INCOMPLETE" ? "MISSING_UBO" : "WRONG_UBO_INFORMATION" },
          at + DAY,
        );
    }
  }
}

function seedAccess(store: ClientStore, now: number, wallClock: number): number {
  const domain = `${store.info.ClientId}.test`;
  permissionGroups(store, now - 80 * DAY);
  const group = createPermissionGroup(
    store,
    "Disputes team",
    "demo",
    {
      Disputes: { Read: true, Create: true, Edit: true },
      Repudiations: { Read: true },
      Payins: { Read: true },
      Users: { Read: true },
      Transactions: { Read: true },
      Reporting: { Read: true, Create: true },
    },
    now - 60 * DAY,
  );
  const people: Array<[string, string, string, string, "ACCEPTED" | "SENT" | "EXPIRED", boolean]> = [
    ["Olivia", "Martin", "ops", "ADMIN", "ACCEPTED", true],
    ["Hugo", "Bernard", "finance", "WRITE", "ACCEPTED", true],
    ["Chloé", "Petit", "support", "READ", "ACCEPTED", true],
    ["Nina", "Roux", "disputes", group.Id, "ACCEPTED", true],
    ["Léo", "Moreau", "former.ops", "WRITE", "ACCEPTED", false],
    ["Sam", "Lopez", "auditor", "READ", "EXPIRED", true],
    ["Alex", "Garcia", "new.hire", "READ", "SENT", true],
  ];
  people.forEach(([first, last, local, groupId, status, active], i) => {
    const sso = createSso(
      store,
      { FirstName: first, LastName: last, Email: `${local}@${domain}`, PermissionGroupId: groupId, Tag: null },
      now - (70 - i * 9) * DAY,
    );
    sso.Active = active;
    sso.InvitationStatus = status;
    if (status === "ACCEPTED") sso.LastLoginDate = now - (i + 1) * HOUR;
    // The pending invitation is (re)sent at start-up so it is still SENT for its 30 minutes.
    if (status === "SENT") store.ssoInvitedAt.set(sso.Id, wallClock);
  });
  return people.length;
}

function seedReports(emu: Emulator, store: ClientStore, now: number, origin: string): number {
  const dates = [now - 30 * DAY, now - 14 * DAY, now - 3 * DAY];
  for (const at of dates) {
    scheduleReport(
      emu,
      store,
      {
        Id: newReportId(),
        Tag: "monthly export",
        CreationDate: at,
        ReportDate: null,
        Status: "PENDING",
        DownloadFormat: "CSV",
        DownloadURL: null,
        CallbackURL: null,
        ReportType: "TRANSACTIONS",
        Sort: "CreationDate:DESC",
        Preview: false,
        Filters: withEveryKey({ AfterDate: at - 30 * DAY, BeforeDate: at, Status: ["SUCCEEDED"] }, TX_FILTER_KEYS),
        Columns: [...TX_DEFAULT_COLUMNS],
        ResultCode: null,
        ResultMessage: null,
      },
      origin,
    );
    scheduleReport(
      emu,
      store,
      {
        Id: newReportId(),
        Tag: null,
        CreationDate: at + 60,
        ReportDate: null,
        Status: "PENDING",
        ResultCode: null,
        ResultMessage: null,
        DownloadFormat: "CSV",
        DownloadURL: null,
        ReportType: at === dates[0] ? "COLLECTED_FEES" : "USER_WALLET_TRANSACTIONS",
        Sort: "CreationDate:DESC",
        AfterDate: at - 30 * DAY,
        BeforeDate: at,
        Filters: { Currency: "EUR" },
        Columns: (at === dates[0] ? FEES_DEFAULT_COLUMNS : UWT_DEFAULT_COLUMNS).map((Name) => ({
          Name,
          IsDefault: true,
        })),
      },
      origin,
    );
  }
  return dates.length * 2;
}

/** Called by seedDemo for each client after the money flows (index 0 = the demo marketplace). */
export function seedCompliance(
  emu: Emulator,
  store: ClientStore,
  rnd: Random,
  now: number,
  index: number,
  origin: string,
): Record<string, number> {
  let kyc = 0;
  for (const user of [...store.users.values()]) {
    if (user.KYCLevel === "REGULAR") seedRegular(emu, store, rnd, user);
    else if (rnd.chance(0.5)) seedLight(emu, store, rnd, user, now);
    else continue;
    kyc++;
  }
  const disputes = seedDisputes(emu, store, rnd, now, index === 0 ? 130 : 35);
  seedRepudiationWires(emu, store, now);
  return {
    kycUsers: kyc,
    ...disputes,
    ssos: seedAccess(store, now, emu.clock.now()),
    reports: seedReports(emu, store, now, origin),
    kycDocuments: store.kycDocuments.size,
    uboDeclarations: store.uboDeclarations.size,
  };
}
