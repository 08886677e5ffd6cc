import "server-only";
import { ubo } from "@/lib/mangopay";
import type { Ubo } from "@/lib/mangopay/schemas/kyc";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";

/** A beneficial owner as the edit form starts from it (form field names, dates as YYYY-MM-DD). */
export type UboFormDTO = {
  id: string;
  active: boolean;
  firstName: string;
  lastName: string;
  birthday: string | null;
  nationality: string | null;
  birthplaceCity: string | null;
  birthplaceCountry: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
};

export type EditableUboDeclarationDTO = { id: string; status: string; ubos: UboFormDTO[] };

const toUboForm = (u: Ubo): UboFormDTO => ({
  id: u.Id,
  active: u.IsActive ?? true,
  firstName: u.FirstName,
  lastName: u.LastName,
  birthday: u.Birthday ? u.Birthday.toISOString().slice(0, 10) : null,
  nationality: u.Nationality ?? null,
  birthplaceCity: u.Birthplace?.City ?? null,
  birthplaceCountry: u.Birthplace?.Country ?? null,
  line1: u.Address?.AddressLine1 ?? null,
  line2: u.Address?.AddressLine2 ?? null,
  city: u.Address?.City ?? null,
  region: u.Address?.Region ?? null,
  postalCode: u.Address?.PostalCode ?? null,
  country: u.Address?.Country ?? null,
});

/** The legal user's declaration that can still change (CREATED or INCOMPLETE), with its UBOs in full; null when none. */
export async function getEditableUboDeclaration({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown };
}): Promise<EditableUboDeclarationDTO | null> {
  assertCan(ctx, "uboDeclarations.read");
  const userId = parseMangopayId(input.userId, "User not found");
  return readMangopay(ctx, `ubo-editable:${userId}`, async (client) => {
    const page = await ubo.listDeclarationsByUser(client, userId, {
      perPage: 20,
      sort: { field: "CreationDate", direction: "DESC" },
    });
    const d = page.items.find((x) => x.Status === "CREATED" || x.Status === "INCOMPLETE");
    return d ? { id: d.Id, status: d.Status, ubos: (d.Ubos ?? []).map(toUboForm) } : null;
  });
}
