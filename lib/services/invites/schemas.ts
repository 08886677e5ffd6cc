import { z } from "zod";
import { ROLES } from "@/lib/server/permissions";

const Ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().min(1).max(64)).max(200));

export const CreateInviteInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")).pipe(z.string().max(254)),
  role: z.enum(ROLES),
  accountIds: Ids,
});
export type CreateInviteInput = z.input<typeof CreateInviteInput>;

export const InviteIdInput = z.object({ inviteId: z.string().min(1).max(64) });
export type InviteIdInput = z.input<typeof InviteIdInput>;

export const AcceptInviteInput = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().max(100).optional(),
  password: z.string().max(200).optional(),
});
export type AcceptInviteInput = z.input<typeof AcceptInviteInput>;

export const NEW_PASSWORD_MIN = 12;

/** What every dead invite link says: invalid, used, revoked and expired are not told apart. */
export const INVALID_INVITE = "This invitation link is invalid, already used, revoked or expired.";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export { Ids as AccountIdList };
