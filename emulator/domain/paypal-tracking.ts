// PayPal tracking information (SDK PayIns.addPayPalTrackingInformation, PUT /payins/{PayInId}/trackings): the
// platform tells PayPal how a paid order ships. MANGOPAY: only on a PayPal pay-in, only once it SUCCEEDED;
// a tracking number cannot be edited and can be sent only once; several shipments (numbers) per pay-in.
// The pay-in answers with `Trackings`, the list of what was sent (null until the first one).
import { BodyReader } from "../core/body";
import { invalidAction } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { PayIn } from "../store/types";
import { getTransaction } from "./lookups";

export interface PayPalTracking {
  TrackingNumber: string;
  Carrier: string;
  NotifyBuyer: boolean;
}

/** PayPal's carrier codes are upper-case tokens (DHL, UPS, FR_COLISSIMO…); the full list is PayPal's. */
const CARRIER = /^[A-Z][A-Z0-9_]{1,63}$/;

export function addPayPalTracking(store: ClientStore, payInId: string, body: Record<string, unknown>): PayIn {
  const payIn = getTransaction(store, payInId, "PAYIN") as PayIn;
  const b = new BodyReader(body);
  const TrackingNumber = b.string("TrackingNumber", { required: true, max: 64 });
  const Carrier = b.string("Carrier", { required: true, max: 64 });
  if (Carrier !== null && !CARRIER.test(Carrier))
    b.fail("Carrier", "The Carrier field must be one of the carriers PayPal supports (e.g. DHL, UPS, FR_COLISSIMO).");
  const NotifyBuyer = b.bool("NotifyBuyer") ?? false;
  b.done();
  if (payIn.PaymentType !== "PAYPAL") throw invalidAction("Tracking information can only be added to a PayPal pay-in.");
  if (payIn.Status !== "SUCCEEDED")
    throw invalidAction("Tracking information can only be added to a SUCCEEDED pay-in.");
  const current = (payIn.Trackings as PayPalTracking[] | null | undefined) ?? [];
  if (current.some((t) => t.TrackingNumber === TrackingNumber))
    throw invalidAction(
      "This tracking number was already sent for this pay-in; tracking information cannot be edited.",
    );
  payIn.Trackings = [...current, { TrackingNumber: TrackingNumber as string, Carrier: Carrier as string, NotifyBuyer }];
  return payIn;
}
