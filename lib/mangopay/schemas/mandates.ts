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
  MandateType: OptionalString,
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
});
export type Mandate = z.output<typeof Mandate>;

/** Mandate lists answer with this summary (no BankAccountId, Scheme, URLs): fetch the mandate for the rest. */
export const MandateListItem = z.looseObject({
  ...EntityBase,
  UserId: z.string(),
  Status: MandateStatus,
  ExecutionType: OptionalString,
  MandateType: OptionalString,
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
});
export type MandateListItem = z.output<typeof MandateListItem>;
