import type { Metadata } from "next";
import { LocalTime } from "@/components/local-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-message";
import { requireAccountPermission } from "@/lib/server/account-context";
import { ServiceError } from "@/lib/server/errors";
import { can, SCOPE_LABELS, type Scope } from "@/lib/server/permissions";
import type { PermissionGroupDTO, SsoDTO } from "@/lib/services/sso/dto";
import { listSsos } from "@/lib/services/sso/list";
import { listPermissionGroups } from "@/lib/services/sso/list-permission-groups";
import { CreateGroupDialog, EditGroupDialog } from "./_components/group-dialogs";
import { CreateSsoDialog, DeactivateSsoDialog, EditSsoDialog, ReinviteSsoButton } from "./_components/sso-dialogs";

export const metadata: Metadata = { title: "SSO & permission groups" };

function message(result: PromiseSettledResult<unknown>): string | null {
  if (result.status === "fulfilled") return null;
  return result.reason instanceof ServiceError
    ? result.reason.message
    : "MANGOPAY could not be reached. Please try again.";
}

function summarize(grants: string[]): string {
  if (grants.length === 0) return "No access";
  const scopes = [...new Set(grants.map((g) => g.split(".")[0] as Scope))];
  return scopes.map((s) => SCOPE_LABELS[s] ?? s).join(", ");
}

export default async function SsoPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const ctx = await requireAccountPermission(accountId, "ssos.read");
  const canGroups = can(ctx, "permissionGroups.read");
  const [ssoResult, groupResult] = await Promise.allSettled([
    listSsos({ ctx }),
    canGroups ? listPermissionGroups({ ctx }) : Promise.resolve<PermissionGroupDTO[]>([]),
  ]);
  const ssos: SsoDTO[] = ssoResult.status === "fulfilled" ? ssoResult.value : [];
  const groups: PermissionGroupDTO[] = groupResult.status === "fulfilled" ? groupResult.value : [];
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const groupOptions =
    groups.length > 0
      ? groups.map((g) => ({ id: g.id, name: g.name }))
      : ["ADMIN", "WRITE", "READ"].map((id) => ({ id, name: id }));
  const id = ctx.account.id;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">SSO &amp; permission groups</h1>
        <p className="max-w-2xl text-sm text-slate-600">
          MANGOPAY&apos;s dashboard-access objects for this API account. A Hub member whose email matches an active SSO
          gets its group&apos;s scopes on this dashboard at sign-in or with “Sync from SSO” on the Account page.
        </p>
      </div>

      <section aria-labelledby="sso-heading" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="sso-heading" className="text-lg font-semibold">
            SSOs
          </h2>
          {can(ctx, "ssos.create") ? <CreateSsoDialog accountId={id} groups={groupOptions} /> : null}
        </div>
        {message(ssoResult) ? <FormAlert>{message(ssoResult)}</FormAlert> : null}
        {ssoResult.status === "fulfilled" && ssos.length === 0 ? (
          <Card className="p-5 text-sm text-slate-500">No SSO on this account.</Card>
        ) : null}
        {ssos.length > 0 ? (
          <Card className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500 uppercase">
                <tr>
                  <th className="px-4 py-2 font-medium">Person</th>
                  <th className="px-4 py-2 font-medium">Group</th>
                  <th className="px-4 py-2 font-medium">Status</th>
                  <th className="px-4 py-2 font-medium">Last sign-in</th>
                  <th className="px-4 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {ssos.map((s) => (
                  <tr key={s.id} data-testid="sso-row" data-email={s.email}>
                    <td className="px-4 py-2">
                      <p className="font-medium">
                        {s.firstName} {s.lastName}
                      </p>
                      <p className="text-xs text-slate-500">{s.email}</p>
                    </td>
                    <td className="px-4 py-2">{groupName.get(s.permissionGroupId) ?? s.permissionGroupId}</td>
                    <td className="space-x-1 px-4 py-2">
                      {s.active ? <Badge variant="success">Active</Badge> : <Badge>Inactive</Badge>}
                      <Badge variant={s.invitationStatus === "EXPIRED" ? "danger" : "neutral"}>
                        {s.invitationStatus}
                      </Badge>
                    </td>
                    <td className="px-4 py-2 text-xs text-slate-600">
                      {s.lastLoginDate ? <LocalTime iso={s.lastLoginDate.toISOString()} /> : "Never"}
                    </td>
                    <td className="px-4 py-2">
                      {can(ctx, "ssos.edit") ? (
                        <div className="flex justify-end gap-1">
                          <EditSsoDialog accountId={id} sso={s} groups={groupOptions} />
                          {s.invitationStatus !== "ACCEPTED" ? <ReinviteSsoButton accountId={id} ssoId={s.id} /> : null}
                          {s.active ? <DeactivateSsoDialog accountId={id} sso={s} /> : null}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        ) : null}
      </section>

      {canGroups ? (
        <section aria-labelledby="groups-heading" className="space-y-3">
          <div className="flex items-center justify-between">
            <h2 id="groups-heading" className="text-lg font-semibold">
              Permission groups
            </h2>
            {can(ctx, "permissionGroups.create") ? <CreateGroupDialog accountId={id} /> : null}
          </div>
          {message(groupResult) ? <FormAlert>{message(groupResult)}</FormAlert> : null}
          {groups.length > 0 ? (
            <Card>
              <ul className="divide-y divide-slate-100">
                {groups.map((g) => (
                  <li
                    key={g.id}
                    data-testid="group-row"
                    className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm"
                  >
                    <div className="min-w-0">
                      <p className="font-medium">
                        {g.name}{" "}
                        {g.isDefault ? <Badge>DEFAULT · read-only</Badge> : <Badge variant="info">Custom</Badge>}
                      </p>
                      <p className="max-w-3xl text-xs text-slate-500">{summarize(g.grants)}</p>
                    </div>
                    {!g.isDefault && can(ctx, "permissionGroups.edit") ? (
                      <EditGroupDialog
                        accountId={id}
                        group={{ id: g.id, name: g.name, tag: g.tag, grants: g.grants }}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
