import "server-only";
import { apmPayins } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, PreconditionError, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { withFormFieldNames } from "@/lib/services/mangopay/write-inputs";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { toPayPalTrackingsDTO, type PayPalTrackingDTO } from "@/lib/services/transactions/dto";
import { callMangopay } from "@/lib/services/upstream";
import { OTHER_CARRIER } from "./paypal-tracking-rules";
import { AddPayPalTrackingInput, carrierCodeOf } from "./schemas";

export type PayPalTrackingResultDTO = { payInId: string; trackings: PayPalTrackingDTO[] };

/**
 * Tells PayPal how a paid order ships: a tracking number and carrier on a SUCCEEDED PayPal pay-in, optionally
 * e-mailed to the buyer. Moves no money; cannot be edited or sent twice (MANGOPAY's rule), so the pay-in is read
 * first and a repeated number is refused without a call. Audited (intent, then result) with the trackings before
 * and after; a call left unrecorded is settled by reading the pay-in's `Trackings`.
 */
export async function addPayPalTracking({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: AddPayPalTrackingInput;
}): Promise<PayPalTrackingResultDTO> {
  assertCan(ctx, "payins.edit");
  const data = parseInput(AddPayPalTrackingInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const payIn = await callMangopay(() => apmPayins.get(client, data.payInId));
  if (payIn.PaymentType !== "PAYPAL")
    throw new PreconditionError("Tracking information can only be sent for a PayPal pay-in.");
  if (!payIn.CreditedWalletId)
    throw new PreconditionError(
      "This PayPal payment was processed without a wallet: MANGOPAY takes no tracking for it.",
    );
  if (payIn.Status !== "SUCCEEDED")
    throw new PreconditionError("Tracking information can be sent only once the PayPal pay-in has succeeded.");
  const before = toPayPalTrackingsDTO(payIn.Trackings) ?? [];
  if (before.some((t) => t.trackingNumber === data.trackingNumber)) {
    throw new ValidationError("Please correct the highlighted fields.", {
      trackingNumber: ["This tracking number was already sent for this pay-in; it cannot be sent again or edited."],
    });
  }
  const body = { TrackingNumber: data.trackingNumber, Carrier: carrierCodeOf(data), NotifyBuyer: data.notifyBuyer };
  const fieldNames = {
    TrackingNumber: "trackingNumber",
    Carrier: data.carrier === OTHER_CARRIER ? "carrierOther" : "carrier",
    NotifyBuyer: "notifyBuyer",
  };
  return recordedMangopayCall(ctx, {
    action: "payin.tracking.add",
    targetType: "payin",
    targetId: payIn.Id,
    before: { trackings: before },
    intent: { trackingNumber: body.TrackingNumber, carrier: body.Carrier, notifyBuyer: body.NotifyBuyer },
    confirm: {
      by: "read",
      path: "/payins/{payInId}",
      params: { payInId: payIn.Id },
      expect: {},
      listed: { field: "Trackings", item: { TrackingNumber: body.TrackingNumber, Carrier: body.Carrier } },
    },
    call: () =>
      withFormFieldNames(fieldNames, () => callMangopay(() => apmPayins.addPayPalTracking(client, payIn.Id, body))),
    result: (answered) => {
      const trackings = toPayPalTrackingsDTO(answered.Trackings) ?? [];
      return { upstreamId: answered.Id, after: { trackings } };
    },
  }).then((answered) => ({ payInId: answered.Id, trackings: toPayPalTrackingsDTO(answered.Trackings) ?? [] }));
}
