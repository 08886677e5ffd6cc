import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;

const code = z.string().trim().min(1, "Enter a code.").max(64);

// A stolen session alone cannot enrol its own authenticator: the current password is needed first.
export const StartTotpInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
});
export type StartTotpInput = z.infer<typeof StartTotpInput>;

export const ConfirmTotpInput = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")),
});
export type ConfirmTotpInput = z.infer<typeof ConfirmTotpInput>;

export const DisableTotpInput = z.object({
  password: z.string().min(1, "Enter your current password.").max(1024),
  code,
});
export type DisableTotpInput = z.infer<typeof DisableTotpInput>;

export const RegenerateRecoveryCodesInput = z.object({ code });
export type RegenerateRecoveryCodesInput = z.infer<typeof RegenerateRecoveryCodesInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(1024, "Use at most 1024 characters."),
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** A form checkbox: present ("on") when checked, absent otherwise; booleans for direct calls. */
export const Checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const SetHubRequire2faInput = z.object({ require2fa: Checkbox });
export type SetHubRequire2faInput = z.infer<typeof SetHubRequire2faInput>;
