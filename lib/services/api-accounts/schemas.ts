import { z } from "zod";

export const SANDBOX_BASE_URL = "https://api.sandbox.mangopay.com";
export const PRODUCTION_BASE_URL = "https://api.mangopay.com";

export const BASE_URL_CHOICES = ["SANDBOX", "PRODUCTION", "CUSTOM"] as const;
export type BaseUrlChoice = (typeof BASE_URL_CHOICES)[number];

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A custom base URL (the emulator, a proxy): http(s) only, no credentials, query or fragment, and
 * plain http only towards this machine, so an API key is never sent in clear over a network.
 */
export const CustomBaseUrl = z
  .string()
  .trim()
  .max(300)
  .refine((v) => {
    try {
      const u = new URL(v);
      if (u.protocol !== "https:" && u.protocol !== "http:") return false;
      if (u.username || u.password || u.search || u.hash) return false;
      return u.protocol === "https:" || LOOPBACK.has(u.hostname);
    } catch {
      return false;
    }
  }, "Enter an https:// URL (http:// only for localhost), without credentials, query or fragment")
  .transform((v) => v.replace(/\/+$/, ""));

const Name = z.string().trim().min(1, "Enter a name").max(80, "80 characters at most");
const ClientId = z
  .string()
  .trim()
  .min(1, "Enter the ClientId")
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, "A ClientId has letters, digits, '-' or '_' only");
const ApiKey = z.string().trim().min(8, "Enter the API key").max(200);

export const CreateApiAccountInput = z
  .object({
    name: Name,
    environment: z.enum(["SANDBOX", "PRODUCTION"]),
    clientId: ClientId,
    apiKey: ApiKey,
    baseUrlChoice: z.enum(BASE_URL_CHOICES),
    customBaseUrl: z.string().optional(),
    // Checkbox: "on" when ticked. Required for production accounts.
    confirmLegalRegistration: z
      .union([z.boolean(), z.literal("on"), z.literal("true")])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
  })
  .superRefine((v, ctx) => {
    if (v.baseUrlChoice === "CUSTOM") {
      const parsed = CustomBaseUrl.safeParse(v.customBaseUrl ?? "");
      if (!parsed.success)
        ctx.addIssue({
          code: "custom",
          path: ["customBaseUrl"],
          message: parsed.error.issues[0]?.message ?? "Invalid URL",
        });
    }
    if (v.environment === "SANDBOX" && v.baseUrlChoice === "PRODUCTION") {
      ctx.addIssue({
        code: "custom",
        path: ["baseUrlChoice"],
        message: "A sandbox account cannot use the production API",
      });
    }
    if (v.environment === "PRODUCTION" && v.baseUrlChoice === "SANDBOX") {
      ctx.addIssue({
        code: "custom",
        path: ["baseUrlChoice"],
        message: "A production account cannot use the sandbox API",
      });
    }
    if (v.environment === "PRODUCTION" && !v.confirmLegalRegistration) {
      ctx.addIssue({
        code: "custom",
        path: ["confirmLegalRegistration"],
        message: "Confirm the company's legal registration",
      });
    }
  });
export type CreateApiAccountInput = z.input<typeof CreateApiAccountInput>;

export function resolveBaseUrl(choice: BaseUrlChoice, custom: string | undefined): string {
  if (choice === "SANDBOX") return SANDBOX_BASE_URL;
  if (choice === "PRODUCTION") return PRODUCTION_BASE_URL;
  return CustomBaseUrl.parse(custom ?? "");
}

export const RenameApiAccountInput = z.object({ accountId: z.string().min(1).max(64), name: Name });
export type RenameApiAccountInput = z.input<typeof RenameApiAccountInput>;

/** The mirror keeps events at least as long as MANGOPAY (45 days), at most ten years. */
export const MIN_EVENT_RETENTION_DAYS = 45;
export const MAX_EVENT_RETENTION_DAYS = 3650;
export const SetEventRetentionInput = z.object({
  accountId: z.string().min(1).max(64),
  days: z.coerce
    .number("Enter a number of days")
    .int("Enter a whole number of days")
    .min(MIN_EVENT_RETENTION_DAYS, `Keep events at least ${MIN_EVENT_RETENTION_DAYS} days (MANGOPAY's own retention)`)
    .max(MAX_EVENT_RETENTION_DAYS, `${MAX_EVENT_RETENTION_DAYS} days at most`),
});
export type SetEventRetentionInput = z.input<typeof SetEventRetentionInput>;

export const RotateApiKeyInput = z.object({ accountId: z.string().min(1).max(64), apiKey: ApiKey });
export type RotateApiKeyInput = z.input<typeof RotateApiKeyInput>;

export const DeleteApiAccountInput = z.object({
  accountId: z.string().min(1).max(64),
  confirmName: z.string().trim().min(1, "Type the account name to confirm"),
});
export type DeleteApiAccountInput = z.input<typeof DeleteApiAccountInput>;
