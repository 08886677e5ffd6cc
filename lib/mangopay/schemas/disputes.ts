import { z } from "zod";
import { EntityBase, Money, NullableUnixDate, OptionalString, openEnum } from "./common";
import { DocumentStatus } from "./kyc";
import { DISPUTE_DOCUMENT_TYPES } from "../values";

export const DisputeType = openEnum(["CONTESTABLE", "NOT_CONTESTABLE", "RETRIEVAL"]);
export const DisputeStatus = openEnum([
  "CREATED",
  "PENDING_CLIENT_ACTION",
  "SUBMITTED",
  "PENDING_BANK_ACTION",
  "REOPENED_PENDING_CLIENT_ACTION",
  "CLOSED",
]);

export const Dispute = z.looseObject({
  ...EntityBase,
  InitialTransactionId: z.string(),
  InitialTransactionType: OptionalString,
  InitialTransactionNature: OptionalString,
  DisputeType,
  ContestDeadlineDate: NullableUnixDate,
  DisputedFunds: Money,
  ContestedFunds: Money.nullish(),
  Status: DisputeStatus,
  StatusMessage: OptionalString,
  DisputeReason: z.looseObject({ DisputeReasonType: OptionalString, DisputeReasonMessage: OptionalString }).nullish(),
  /** LOST | WON | VOID once closed. */
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
  ClosedDate: NullableUnixDate,
  RepudiationId: OptionalString,
});
export type Dispute = z.output<typeof Dispute>;

/** The evidence types MANGOPAY takes on a dispute document (also the dashboard's choice list). */
export { DISPUTE_DOCUMENT_TYPES };

export const DisputeDocumentType = openEnum(DISPUTE_DOCUMENT_TYPES);

export const DisputeDocument = z.looseObject({
  ...EntityBase,
  DisputeId: z.string(),
  Type: DisputeDocumentType,
  Status: DocumentStatus,
  ProcessedDate: NullableUnixDate,
  RefusedReasonType: OptionalString,
  RefusedReasonMessage: OptionalString,
});
export type DisputeDocument = z.output<typeof DisputeDocument>;
