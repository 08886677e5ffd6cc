// The client (platform) object (docs/mangopay-api.md §3.1): GET/PUT /clients, PUT /clients/logo, and
// GET /clients/transactions (every transaction touching a FEES_ or CREDIT_ client wallet).
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { paramError } from "../core/errors";
import { resolveIds } from "../core/list";
import type { ApiRouter } from "../core/router";
import { readPage } from "../domain/document-pages";
import type { ClientStore } from "../store/client-store";
import { PLATFORM_TYPES, type ClientDetails } from "../store/compliance-types";
import { txList } from "./tx-lists";

export function clientDetails(store: ClientStore): ClientDetails {
  const state = store;
  if (!state.details) {
    const { ClientId, Name } = store.info;
    const domain = `${ClientId}.test`;
    state.details = {
      ClientId,
      Name,
      RegisteredName: `${Name} SAS`,
      TechEmails: [`tech@${domain}`],
      AdminEmails: [`admin@${domain}`],
      BillingEmails: [`billing@${domain}`],
      FraudEmails: [`fraud@${domain}`],
      HeadquartersAddress: {
        AddressLine1: "1 Rue de la Paix",
        AddressLine2: null,
        City: "Paris",
        Region: "Île-de-France",
        PostalCode: "75002",
        Country: "FR",
      },
      HeadquartersPhoneNumber: "+33100000000",
      TaxNumber: "FR00123456789",
      PlatformCategorization: { BusinessType: "MARKETPLACE", Sector: "RENTALS" },
      PlatformURL: `https://www.${domain}`,
      PlatformDescription: `${Name} (MANGOPAY emulator)`,
      CompanyReference: null,
      PrimaryThemeColour: "#1E3A8A",
      PrimaryButtonColour: "#2563EB",
      Logo: null,
      CompanyNumber: "123456789",
      MCC: "7299",
      // EU = MANGOPAY S.A. (Luxembourg), UK = MANGOPAY U.K. Limited; the second demo client is a UK platform.
      Licensor: ClientId.includes("crowdfunding") ? "UK" : "EU",
      PlatformType: ClientId.includes("crowdfunding") ? "CROWDFUNDING_DONATION" : "MARKETPLACE",
    };
  }
  return state.details;
}

const EMAIL_LISTS = ["TechEmails", "AdminEmails", "BillingEmails", "FraudEmails"] as const;
const STRINGS = [
  "HeadquartersPhoneNumber",
  "TaxNumber",
  "PlatformURL",
  "PlatformDescription",
  "PrimaryThemeColour",
  "PrimaryButtonColour",
] as const;

function updateClient(ctx: ApiContext) {
  const details = clientDetails(ctx.store);
  const r = new BodyReader(ctx.body);
  const emails: Partial<Record<(typeof EMAIL_LISTS)[number], string[]>> = {};
  for (const field of EMAIL_LISTS) {
    const v = ctx.body[field];
    if (v === undefined) continue;
    if (!Array.isArray(v) || !v.every((e) => typeof e === "string" && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e))) {
      r.fail(field, `The field ${field} must be an array of email addresses.`);
    } else emails[field] = v as string[];
  }
  const strings: Partial<Record<(typeof STRINGS)[number], string | null>> = {};
  for (const field of STRINGS) if (r.has(field)) strings[field] = r.string(field, { max: 1000 });
  const address = r.address("HeadquartersAddress");
  const platformType = r.enumOf("PlatformType", PLATFORM_TYPES);
  r.done();
  Object.assign(details, emails, strings);
  if (platformType) details.PlatformType = platformType;
  if (address) details.HeadquartersAddress = address;
  return ok(details);
}

function clientTransactions(ctx: ApiContext) {
  const seen = new Set<string>();
  for (const w of ctx.store.clientWallets.values()) for (const id of ctx.store.idx.txByWallet.get(w.Id)) seen.add(id);
  const ids = resolveIds([...seen], ctx.store.transactions)
    .sort((a, b) => a.CreationDate - b.CreationDate)
    .map((t) => t.Id);
  return txList(ctx, ids);
}

export function registerClientRoutes(r: ApiRouter): void {
  r.get("/clients", (ctx) => ok(clientDetails(ctx.store)));
  r.put("/clients", updateClient);
  r.put("/clients/logo", (ctx) => {
    if (typeof ctx.body.File !== "string") throw paramError({ File: "The File field is required." });
    readPage(ctx.body, 1, ctx.now);
    const details = clientDetails(ctx.store);
    details.Logo = `${ctx.origin}/_emulator/logos/${encodeURIComponent(ctx.store.info.ClientId)}.png`;
    return ok(details);
  });
  r.get("/clients/transactions", clientTransactions);
}
