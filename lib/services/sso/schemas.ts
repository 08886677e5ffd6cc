import { z } from "zod";
import { AccountIdList } from "@/lib/services/invites/schemas";

const AccountId = z.string().min(1).max(64);
// MANGOPAY ids go into URL paths: keep them to a safe alphabet.
const UpstreamId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Invalid id");
const Tag = z
  .string()
  .trim()
  .max(255)
  .optional()
  .transform((v) => (v ? v : undefined));
const PersonName = (label: string) => z.string().trim().min(1, `Enter the ${label}`).max(100);

export const CreateSsoInput = z.object({
  accountId: AccountId,
  firstName: PersonName("first name"),
  lastName: PersonName("last name"),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  permissionGroupId: UpstreamId,
  tag: Tag,
});
export type CreateSsoInput = z.input<typeof CreateSsoInput>;

export const UpdateSsoInput = z.object({
  accountId: AccountId,
  ssoId: UpstreamId,
  firstName: PersonName("first name"),
  lastName: PersonName("last name"),
  permissionGroupId: UpstreamId,
  tag: Tag,
});
export type UpdateSsoInput = z.input<typeof UpdateSsoInput>;

export const SsoIdInput = z.object({ accountId: AccountId, ssoId: UpstreamId });
export type SsoIdInput = z.input<typeof SsoIdInput>;

export const PermissionGroupInput = z.object({
  accountId: AccountId,
  name: z.string().trim().min(1, "Enter a name").max(100),
  tag: Tag,
  grants: AccountIdList,
});
export type PermissionGroupInput = z.input<typeof PermissionGroupInput>;

export const UpdatePermissionGroupInput = PermissionGroupInput.extend({ permissionGroupId: UpstreamId });
export type UpdatePermissionGroupInput = z.input<typeof UpdatePermissionGroupInput>;

export const SyncSsoInput = z.object({ accountId: AccountId });
export type SyncSsoInput = z.input<typeof SyncSsoInput>;
