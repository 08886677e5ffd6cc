import { z } from "zod";
import { EntityBase, OptionalString, openEnum } from "./common";

export const MandateStatus = openEnum(["CREATED", "SUBMITTED", "ACTIVE", "FAILED", "EXPIRED"]);

export const Mandate = z.looseObject({
  ...EntityBase,
  UserId: z.string(),
  BankAccountId: z.string(),
  Status: MandateStatus,
  Scheme: OptionalString,
  BankReference: OptionalString,
  Culture: OptionalString,
  DocumentURL: OptionalString,
  ReturnURL: OptionalString,
  RedirectURL: OptionalString,
  ExecutionType: OptionalString,
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
});
export type Mandate = z.output<typeof Mandate>;
