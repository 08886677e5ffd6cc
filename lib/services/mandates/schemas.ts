import { z } from "zod";
import { MANDATE_CULTURES } from "@/lib/mangopay/values";
import { AccountIdField, OptionalText, UpstreamIdField } from "@/lib/services/mangopay/write-inputs";

/** Languages MANGOPAY's mandate confirmation page is offered in. */
export { MANDATE_CULTURES };

export const CreateMandateInput = z.object({
  accountId: AccountIdField,
  userId: UpstreamIdField,
  bankAccountId: UpstreamIdField,
  culture: z.enum(MANDATE_CULTURES, "Pick a language"),
  returnUrl: z
    .string()
    .trim()
    .min(1, "Enter where the user lands after confirming")
    .max(255, "At most 255 characters")
    .pipe(z.url({ protocol: /^https?$/, error: "Enter a full http(s) URL" })),
  tag: OptionalText(255),
});
export type CreateMandateInput = z.input<typeof CreateMandateInput>;

export const MANDATE_FIELD_NAMES: Record<string, string> = {
  BankAccountId: "bankAccountId",
  Culture: "culture",
  ReturnURL: "returnUrl",
};
