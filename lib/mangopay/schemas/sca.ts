// SCA answers (docs/mangopay-api.md §2.8): the pending action of enrollment/consent calls and the
// user's SCA status. The SCA user views parse with NaturalUser/LegalUser (they carry PendingUserAction).
import { z } from "zod";
import { NullableUnixDate, openEnum } from "./common";
import { UserStatus } from "./users";

export const PendingUserActionResult = z.looseObject({
  PendingUserAction: z.looseObject({ RedirectUrl: z.string() }),
});
export type PendingUserActionResult = z.output<typeof PendingUserActionResult>;

export const ConsentValue = openEnum(["GIVEN", "REVOKED"]);

export const ScaStatus = z.looseObject({
  UserStatus: UserStatus.nullish(),
  IsEnrolled: z.boolean(),
  LastEnrollmentDate: NullableUnixDate,
  LastConsentCollectionDate: NullableUnixDate,
  ConsentScope: z
    .looseObject({
      ContactInformationUpdate: ConsentValue.nullish(),
      RecipientRegistration: ConsentValue.nullish(),
      Transfer: ConsentValue.nullish(),
      ViewAccountInformation: ConsentValue.nullish(),
    })
    .nullish(),
});
export type ScaStatus = z.output<typeof ScaStatus>;
