"use server";

import { accountAction } from "@/lib/server/action";
import { sendFeedback } from "@/lib/services/feedback/send";
import { SendFeedbackInput } from "@/lib/services/feedback/schemas";

// Every member who can open this account's dashboard may share feedback from it.
export const sendFeedbackAction = accountAction(null, SendFeedbackInput, async ({ ctx, input }) =>
  sendFeedback({ ctx, input }),
);
