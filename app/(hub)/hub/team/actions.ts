"use server";

import { revalidatePath } from "next/cache";
import { hubAction } from "@/lib/server/action";
import { createInvite } from "@/lib/services/invites/create";
import { resendInvite } from "@/lib/services/invites/resend";
import { revokeInvite } from "@/lib/services/invites/revoke";
import { CreateInviteInput, InviteIdInput } from "@/lib/services/invites/schemas";
import { changeMemberAccess } from "@/lib/services/team/change-access";
import { changeMemberRole } from "@/lib/services/team/change-role";
import { removeMember } from "@/lib/services/team/remove-member";
import { ChangeAccountAccessInput, ChangeRoleInput, RemoveMemberInput } from "@/lib/services/team/schemas";

const done = <T>(value: T): T => {
  revalidatePath("/hub/team");
  return value;
};

export const createInviteAction = hubAction("hub.team.manage", CreateInviteInput, async ({ ctx, input }) =>
  done(await createInvite({ ctx, input })),
);

export const resendInviteAction = hubAction("hub.team.manage", InviteIdInput, async ({ ctx, input }) =>
  done(await resendInvite({ ctx, input })),
);

export const revokeInviteAction = hubAction("hub.team.manage", InviteIdInput, async ({ ctx, input }) =>
  done(await revokeInvite({ ctx, input })),
);

export const changeMemberRoleAction = hubAction("hub.team.manage", ChangeRoleInput, async ({ ctx, input }) =>
  done(await changeMemberRole({ ctx, input })),
);

export const changeMemberAccessAction = hubAction("hub.team.manage", ChangeAccountAccessInput, async ({ ctx, input }) =>
  done(await changeMemberAccess({ ctx, input })),
);

export const removeMemberAction = hubAction("hub.team.manage", RemoveMemberInput, async ({ ctx, input }) =>
  done(await removeMember({ ctx, input })),
);
