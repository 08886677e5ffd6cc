import { z } from "zod";
import { Address, EntityBase, NullableUnixDate, OptionalString, UnixDate, openEnum } from "./common";

export const KycDocumentType = openEnum([
  "IDENTITY_PROOF",
  "REGISTRATION_PROOF",
  "ARTICLES_OF_ASSOCIATION",
  "SHAREHOLDER_DECLARATION",
  "ADDRESS_PROOF",
]);
export const DocumentStatus = openEnum(["CREATED", "VALIDATION_ASKED", "VALIDATED", "REFUSED", "OUT_OF_DATE"]);

export const KycDocument = z.looseObject({
  ...EntityBase,
  UserId: z.string(),
  Type: KycDocumentType,
  Status: DocumentStatus,
  ProcessedDate: NullableUnixDate,
  RefusedReasonType: OptionalString,
  RefusedReasonMessage: OptionalString,
  Flags: z.array(z.string()).nullish(),
});
export type KycDocument = z.output<typeof KycDocument>;

/** `POST …/consult`: short-lived links to view a document's pages. */
export const DocumentConsultation = z.looseObject({
  Url: z.string(),
  ExpirationDate: UnixDate,
});
export type DocumentConsultation = z.output<typeof DocumentConsultation>;

export const Ubo = z.looseObject({
  Id: z.string(),
  CreationDate: NullableUnixDate,
  FirstName: z.string(),
  LastName: z.string(),
  Birthday: NullableUnixDate,
  Nationality: OptionalString,
  Address: Address.nullish(),
  Birthplace: z.looseObject({ City: OptionalString, Country: OptionalString }).nullish(),
  IsActive: z.boolean().nullish(),
});
export type Ubo = z.output<typeof Ubo>;

export const UboDeclarationStatus = openEnum(["CREATED", "VALIDATION_ASKED", "INCOMPLETE", "VALIDATED", "REFUSED"]);

export const UboDeclaration = z.looseObject({
  Id: z.string(),
  Tag: OptionalString,
  CreationDate: UnixDate,
  UserId: z.string(),
  ProcessedDate: NullableUnixDate,
  Status: UboDeclarationStatus,
  Reason: OptionalString,
  Message: OptionalString,
  Ubos: z.array(Ubo).nullish(),
});
export type UboDeclaration = z.output<typeof UboDeclaration>;
