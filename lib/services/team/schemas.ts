import { z } from "zod";
import { ROLES } from "@/lib/server/permissions";
import { AccountIdList } from "@/lib/services/invites/schemas";

const MembershipId = z.string().min(1).max(64);

export const ChangeRoleInput = z.object({ membershipId: MembershipId, role: z.enum(ROLES) });
export type ChangeRoleInput = z.input<typeof ChangeRoleInput>;

export const ChangeAccountAccessInput = z.object({ membershipId: MembershipId, accountIds: AccountIdList });
export type ChangeAccountAccessInput = z.input<typeof ChangeAccountAccessInput>;

export const RemoveMemberInput = z.object({ membershipId: MembershipId });
export type RemoveMemberInput = z.input<typeof RemoveMemberInput>;
