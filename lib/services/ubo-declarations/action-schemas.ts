import { z } from "zod";
import {
  AccountIdField,
  addressOf,
  AddressShape,
  Checkbox,
  CountryCode,
  PastDate,
  RequiredText,
  UpstreamIdField,
} from "@/lib/services/mangopay/write-inputs";

const ids = { accountId: AccountIdField, userId: UpstreamIdField };

export const CreateUboDeclarationInput = z.object(ids);
export type CreateUboDeclarationInput = z.input<typeof CreateUboDeclarationInput>;

export const UboDeclarationIdInput = z.object({ ...ids, declarationId: UpstreamIdField });
export type UboDeclarationIdInput = z.input<typeof UboDeclarationIdInput>;

/** A beneficial owner as MANGOPAY requires it: name, birth date and place, nationality, address. */
const UboFields = z
  .object({
    ...ids,
    declarationId: UpstreamIdField,
    firstName: RequiredText("first name", 100),
    lastName: RequiredText("last name", 100),
    birthday: PastDate,
    nationality: CountryCode,
    birthplaceCity: RequiredText("city of birth", 255),
    birthplaceCountry: CountryCode,
    ...AddressShape,
  })
  .transform((v, ctx) => {
    const Address = addressOf(v, true, (f, message) => ctx.addIssue({ code: "custom", path: [f], message }));
    return {
      accountId: v.accountId,
      userId: v.userId,
      declarationId: v.declarationId,
      body: {
        FirstName: v.firstName,
        LastName: v.lastName,
        Birthday: v.birthday,
        Nationality: v.nationality,
        Birthplace: { City: v.birthplaceCity, Country: v.birthplaceCountry },
        Address: Address ?? { AddressLine1: "", City: "", PostalCode: "", Country: "" },
      },
    };
  });

export const AddUboInput = UboFields;
export type AddUboInput = z.input<typeof AddUboInput>;

export const UpdateUboInput = z
  .intersection(UboFields, z.object({ uboId: UpstreamIdField, isActive: Checkbox }))
  .transform((v) => ({ ...v, body: { ...v.body, IsActive: v.isActive } }));
export type UpdateUboInput = z.input<typeof UpdateUboInput>;

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
