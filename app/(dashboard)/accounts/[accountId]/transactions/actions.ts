"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { addPayPalTracking } from "@/lib/services/payins/add-paypal-tracking";
import { AddPayPalTrackingInput } from "@/lib/services/payins/schemas";
import { createRefund } from "@/lib/services/refunds/create";
import { CreateRefundInput } from "@/lib/services/refunds/schemas";

export const createRefundAction = accountAction("refunds.create", CreateRefundInput, async ({ ctx, input }) => {
  const result = await createRefund({ ctx, input });
  revalidatePath(`/accounts/${ctx.account.id}`, "layout");
  return result;
});

/** Tracking information for a PayPal pay-in's shipment (no money moves). */
export const addPayPalTrackingAction = accountAction("payins.edit", AddPayPalTrackingInput, async ({ ctx, input }) => {
  const result = await addPayPalTracking({ ctx, input });
  revalidatePath(`/accounts/${ctx.account.id}/transactions/${result.payInId}`);
  return result;
});
