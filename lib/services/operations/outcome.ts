import "server-only";
// What MANGOPAY answered to a money operation, read the same way whether the answer came back from
// the POST itself or later from `GET /responses/{key}` (reconciliation): every object it creates has an
// Id, and transactions carry Status, ResultCode and ResultMessage (HTTP 200 with Status FAILED is a
// result, not an exception).
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";

const Created = z.looseObject({
  Id: z.union([z.string(), z.number()]).transform(String),
  Status: z.string().nullish(),
  ResultCode: z.string().nullish(),
  ResultMessage: z.string().nullish(),
  WireReference: z.string().nullish(),
  BankWireRef: z.string().nullish(),
  SecureModeRedirectURL: z.string().nullish(),
  SecureModeNeeded: z.boolean().nullish(),
  BankAccount: z
    .looseObject({
      Type: z.string().nullish(),
      OwnerName: z.string().nullish(),
      IBAN: z.string().nullish(),
      BIC: z.string().nullish(),
    })
    .nullish(),
});

export type OperationOutcome = {
  upstreamId: string;
  upstreamStatus: string | null;
  resultCode: string | null;
  resultMessage: string | null;
  /** Shown to the member again whenever the operation is viewed. */
  resultData: Prisma.InputJsonValue;
};

/** null when the body is not a created object (then the operation stays to be reconciled). */
export function readOutcome(body: unknown): OperationOutcome | null {
  const parsed = Created.safeParse(body);
  if (!parsed.success) return null;
  const o = parsed.data;
  const data: Record<string, Prisma.InputJsonValue> = {};
  if (o.WireReference) data.wireReference = o.WireReference;
  if (o.BankWireRef) data.bankWireRef = o.BankWireRef;
  if (o.SecureModeRedirectURL && o.SecureModeNeeded !== false) data.redirectUrl = o.SecureModeRedirectURL;
  if (o.BankAccount) {
    data.bankAccount = {
      type: o.BankAccount.Type ?? null,
      ownerName: o.BankAccount.OwnerName ?? null,
      iban: o.BankAccount.IBAN ?? null,
      bic: o.BankAccount.BIC ?? null,
    };
  }
  return {
    upstreamId: o.Id,
    upstreamStatus: o.Status ?? null,
    resultCode: o.ResultCode ?? null,
    resultMessage: o.ResultMessage ?? null,
    resultData: data,
  };
}

/** MANGOPAY answered with an object: FAILED when its Status says so, SUCCEEDED otherwise (CREATED included). */
export const statusOf = (outcome: OperationOutcome) => (outcome.upstreamStatus === "FAILED" ? "FAILED" : "SUCCEEDED");
