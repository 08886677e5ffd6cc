"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { createSso } from "@/lib/services/sso/create";
import { createPermissionGroup } from "@/lib/services/sso/create-permission-group";
import { deactivateSso } from "@/lib/services/sso/deactivate";
import { extendSsoInvitation } from "@/lib/services/sso/extend-invitation";
import {
  CreateSsoInput,
  PermissionGroupInput,
  SsoIdInput,
  SyncSsoInput,
  UpdatePermissionGroupInput,
  UpdateSsoInput,
} from "@/lib/services/sso/schemas";
import { syncSsoGrantsForAccount } from "@/lib/services/sso/sync-grants";
import { updateSso } from "@/lib/services/sso/update";
import { updatePermissionGroup } from "@/lib/services/sso/update-permission-group";

const refresh = <T>(accountId: string, value: T): T => {
  revalidatePath(`/accounts/${accountId}`, "layout");
  return value;
};

export const createSsoAction = accountAction("ssos.create", CreateSsoInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await createSso({ ctx, input })),
);

export const updateSsoAction = accountAction("ssos.edit", UpdateSsoInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await updateSso({ ctx, input })),
);

export const deactivateSsoAction = accountAction("ssos.edit", SsoIdInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await deactivateSso({ ctx, input })),
);

export const extendSsoInvitationAction = accountAction("ssos.edit", SsoIdInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await extendSsoInvitation({ ctx, input })),
);

export const createPermissionGroupAction = accountAction(
  "permissionGroups.create",
  PermissionGroupInput,
  async ({ ctx, input }) => refresh(ctx.account.id, await createPermissionGroup({ ctx, input })),
);

export const updatePermissionGroupAction = accountAction(
  "permissionGroups.edit",
  UpdatePermissionGroupInput,
  async ({ ctx, input }) => refresh(ctx.account.id, await updatePermissionGroup({ ctx, input })),
);

export const syncSsoGrantsAction = accountAction("dashboard.permissions.manage", SyncSsoInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await syncSsoGrantsForAccount({ ctx, input })),
);
