import { z } from "zod";
import { isEventType } from "@/lib/mangopay/event-types";
import { AccountIdField, OptionalText, UpstreamIdField } from "@/lib/services/mangopay/write-inputs";

/** A hook URL; whether plain http is allowed depends on the account (checked by the service). */
export const HookUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL MANGOPAY should call")
  .max(255, "At most 255 characters")
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a full http(s) URL" }));

export const CreateHookInput = z.object({
  accountId: AccountIdField,
  eventType: z.string().trim().max(100).refine(isEventType, "Pick an event type MANGOPAY supports"),
  url: HookUrl,
  tag: OptionalText(255),
});
export type CreateHookInput = z.input<typeof CreateHookInput>;

export const UpdateHookInput = z
  .object({
    accountId: AccountIdField,
    hookId: UpstreamIdField,
    url: HookUrl.optional(),
    status: z.enum(["ENABLED", "DISABLED"], "Pick enabled or disabled").optional(),
  })
  .refine((v) => v.url !== undefined || v.status !== undefined, { message: "Nothing to change", path: ["url"] });
export type UpdateHookInput = z.input<typeof UpdateHookInput>;

export const HOOK_FIELD_NAMES: Record<string, string> = { Url: "url", EventType: "eventType", Status: "status" };

/** Production accounts deliver only over https (MANGOPAY's rule); sandboxes may point at http. */
export function hookUrlProblem(url: string, environment: "SANDBOX" | "PRODUCTION"): string | null {
  return environment === "PRODUCTION" && !url.startsWith("https://")
    ? "A production account's hooks must use https"
    : null;
}
