// Identity verification sessions: the user checks an ID document and a selfie on MANGOPAY's hosted page
// (HostedUrl); the outcome is the session's Status and its Checks.
import { z } from "zod";
import { EntityBase, OptionalString, UnixDate, openEnum } from "./common";

export const IdentityVerificationStatus = openEnum([
  "PENDING",
  "VALIDATED",
  "REFUSED",
  "REVIEW",
  "OUTDATED",
  "TIMEOUT",
]);

const TypedValue = z.looseObject({ Type: z.string(), Value: OptionalString });

export const IdentityCheck = z.looseObject({
  CheckId: z.string(),
  Type: z.string(),
  CheckStatus: z.string(),
  CreationDate: UnixDate.nullish(),
  LastUpdate: UnixDate.nullish(),
  Data: z.array(TypedValue).nullish(),
  Reasons: z.array(TypedValue).nullish(),
});

export const IdentityVerification = z.looseObject({
  ...EntityBase,
  HostedUrl: z.string(),
  Status: IdentityVerificationStatus,
  ReturnUrl: OptionalString,
  LastUpdate: UnixDate.nullish(),
  UserId: z.string(),
  Checks: z.array(IdentityCheck).nullish(),
});
export type IdentityVerification = z.output<typeof IdentityVerification>;
