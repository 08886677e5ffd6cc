import { z } from "zod";
import { FEEDBACK_MAX_CHARS } from "./limits";

export { FEEDBACK_MAX_CHARS };

export const SendFeedbackInput = z.object({
  accountId: z.string().min(1).max(64).optional(),
  message: z
    .string()
    .trim()
    .min(1, "Write a few words")
    .max(FEEDBACK_MAX_CHARS, `At most ${FEEDBACK_MAX_CHARS} characters`),
  // The dashboard page it was sent from: a path of this app, nothing else.
  page: z
    .string()
    .trim()
    .max(500)
    .regex(/^\/[A-Za-z0-9/_\-.~%?=&]*$/, "Invalid page")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type SendFeedbackInput = z.input<typeof SendFeedbackInput>;
