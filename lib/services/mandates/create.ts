import "server-only";
import { bankAccounts, mandates } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, PreconditionError, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { withFormFieldNames } from "@/lib/services/mangopay/write-inputs";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { toMandateDTO, type MandateDTO } from "./dto";
import { CreateMandateInput, MANDATE_FIELD_NAMES } from "./schemas";

export type CreatedMandateDTO = MandateDTO & { confirmationUrl: string | null };

/**
 * Creates a direct-debit mandate on one of the user's bank accounts; the user confirms it at the
 * returned URL. The bank account is read under the user first, so another user's account is NotFound.
 */
export async function createMandate({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateMandateInput;
}): Promise<CreatedMandateDTO> {
  assertCan(ctx, "mandates.create");
  const data = parseInput(CreateMandateInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  if (ctx.account.environment === "PRODUCTION" && !data.returnUrl.startsWith("https://"))
    throw new ValidationError("Please correct the highlighted fields.", {
      returnUrl: ["A production account needs an https return URL"],
    });
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const account = await callMangopay(() => bankAccounts.get(client, data.userId, data.bankAccountId));
  if (!account.Active) throw new PreconditionError("This bank account is deactivated; a mandate needs an active one.");
  const body = { BankAccountId: data.bankAccountId, Culture: data.culture, ReturnURL: data.returnUrl, Tag: data.tag };
  return recordedMangopayCall(ctx, {
    action: "mandate.create",
    targetType: "mandate",
    intent: { userId: data.userId, bankAccountId: data.bankAccountId, culture: data.culture },
    confirm: { by: "response" },
    call: (idempotencyKey) =>
      withFormFieldNames(MANDATE_FIELD_NAMES, () =>
        callMangopay(async () => {
          const m = await mandates.create(client, body, { idempotencyKey });
          return { ...toMandateDTO(m), confirmationUrl: m.RedirectURL ?? null };
        }),
      ),
    result: (m) => ({ upstreamId: m.id, after: { status: m.status, bankAccountId: m.bankAccountId } }),
  });
}
