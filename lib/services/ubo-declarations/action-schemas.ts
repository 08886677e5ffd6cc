import { z } from "zod";
import {
  AccountIdField,
  addressOf,
  AddressShape,
  Checkbox,
  CountryCode,
  PastDate,
  RequiredText,
  unixSecondsOf,
  UpstreamIdField,
} from "@/lib/services/mangopay/write-inputs";

const ids = { accountId: AccountIdField, userId: UpstreamIdField };

export const CreateUboDeclarationInput = z.object(ids);
export type CreateUboDeclarationInput = z.input<typeof CreateUboDeclarationInput>;

export const UboDeclarationIdInput = z.object({ ...ids, declarationId: UpstreamIdField });
export type UboDeclarationIdInput = z.input<typeof UboDeclarationIdInput>;

/** A beneficial owner as MANGOPAY requires it: name, birth date and place, nationality, address. */
const UboFields = z.object({
  ...ids,
  declarationId: UpstreamIdField,
  firstName: RequiredText("first name", 100),
  lastName: RequiredText("last name", 100),
  birthday: PastDate,
  nationality: CountryCode,
  birthplaceCity: RequiredText("city of birth", 255),
  birthplaceCountry: CountryCode,
  ...AddressShape,
});
type UboValues = z.output<typeof UboFields>;

const addressRequired = (v: UboValues, ctx: z.RefinementCtx) => {
  addressOf(v, true, (f, message) => ctx.addIssue({ code: "custom", path: [f], message }));
};

export const AddUboInput = UboFields.superRefine(addressRequired);
export type AddUboInput = z.input<typeof AddUboInput>;

export const UpdateUboInput = UboFields.extend({ uboId: UpstreamIdField, isActive: Checkbox }).superRefine(
  addressRequired,
);
export type UpdateUboInput = z.input<typeof UpdateUboInput>;

/** The UBO body MANGOPAY takes. */
export function uboBody(v: UboValues) {
  return {
    FirstName: v.firstName,
    LastName: v.lastName,
    Birthday: unixSecondsOf(v.birthday),
    Nationality: v.nationality,
    Birthplace: { City: v.birthplaceCity, Country: v.birthplaceCountry },
    Address: addressOf(v, false, () => undefined) ?? { AddressLine1: "", City: "", PostalCode: "", Country: "" },
  };
}

export const UBO_FIELD_NAMES: Record<string, string> = {
  FirstName: "firstName",
  LastName: "lastName",
  Birthday: "birthday",
  Nationality: "nationality",
  "Birthplace.City": "birthplaceCity",
  "Birthplace.Country": "birthplaceCountry",
  Birthplace: "birthplaceCity",
  "Address.AddressLine1": "line1",
  "Address.City": "city",
  "Address.PostalCode": "postalCode",
  "Address.Country": "country",
  Address: "line1",
};
