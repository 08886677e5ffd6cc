import type { Metadata } from "next";
import { LocalTime } from "@/components/local-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireHubPermission } from "@/lib/server/account-context";
import { ROLE_LABELS, ROLES } from "@/lib/server/permissions";
import { listApiAccounts } from "@/lib/services/api-accounts/list";
import { listInvites } from "@/lib/services/invites/list";
import { listMembers } from "@/lib/services/team/list-members";
import { InviteForm } from "./_components/invite-form";
import { ResendInvite, RevokeInvite } from "./_components/invite-controls";
import { AccessDialog, RemoveDialog, RoleForm } from "./_components/member-controls";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const ctx = await requireHubPermission("hub.team.manage");
  const [members, invites, accounts] = await Promise.all([
    listMembers({ ctx }),
    listInvites({ ctx }),
    listApiAccounts({ ctx }),
  ]);
  const isOwner = ctx.membership.role === "OWNER";
  // Only Owners can hand out (or take away) the Owner role.
  const roles = ROLES.filter((r) => isOwner || r !== "OWNER").map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  const accountOptions = accounts.map((a) => ({ id: a.id, name: a.name, environment: a.environment }));
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Team</h1>
        <p className="text-sm text-slate-600">Who can use this Hub, with which role, on which API accounts.</p>
      </div>

      <section aria-labelledby="invite-heading" className="space-y-3">
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite a member
        </h2>
        <Card className="p-5">
          <InviteForm roles={roles} accounts={accountOptions} />
        </Card>
      </section>

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-lg font-semibold">
          Members <span className="text-sm font-normal text-slate-500">({members.length})</span>
        </h2>
        <Card className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-4 py-2 font-medium">Member</th>
                <th className="px-4 py-2 font-medium">Role</th>
                <th className="px-4 py-2 font-medium">API accounts</th>
                <th className="px-4 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => {
                const locked = m.role === "OWNER" && !isOwner;
                const member = {
                  membershipId: m.membershipId,
                  email: m.email,
                  role: m.role,
                  accountIds: m.accounts.map((a) => a.id),
                };
                return (
                  <tr key={m.membershipId} data-testid="member-row" data-email={m.email}>
                    <td className="px-4 py-3">
                      <p className="font-medium">
                        {m.name} {m.isSelf ? <span className="text-xs text-slate-500">(you)</span> : null}
                      </p>
                      <p className="text-xs text-slate-500">
                        {m.email} · {m.has2fa ? <Badge variant="success">2FA</Badge> : <Badge>No 2FA</Badge>}
                      </p>
                    </td>
                    <td className="px-4 py-3">
                      <RoleForm
                        member={member}
                        roles={locked ? [{ value: "OWNER", label: "Owner" }] : roles}
                        disabled={locked}
                      />
                    </td>
                    <td className="px-4 py-3 text-xs text-slate-600">
                      {m.accounts.length === 0
                        ? "None"
                        : m.accounts.map((a) => (
                            <span key={a.id} className="mr-2 inline-flex items-center gap-1">
                              {accountName.get(a.id) ?? a.id}
                              {a.source === "SSO" ? <Badge variant="info">SSO</Badge> : null}
                            </span>
                          ))}
                    </td>
                    <td className="px-4 py-3">
                      {locked ? null : (
                        <div className="flex justify-end gap-1">
                          <AccessDialog member={member} accounts={accountOptions} />
                          <RemoveDialog member={member} />
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      </section>

      <section aria-labelledby="invites-heading" className="space-y-3">
        <h2 id="invites-heading" className="text-lg font-semibold">
          Pending invitations
        </h2>
        {invites.length === 0 ? (
          <Card className="p-5 text-sm text-slate-500">No pending invitation.</Card>
        ) : (
          <Card>
            <ul className="divide-y divide-slate-100">
              {invites.map((i) => (
                <li
                  key={i.id}
                  data-testid="invite-row"
                  className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm"
                >
                  <div>
                    <p className="font-medium">{i.email}</p>
                    <p className="text-xs text-slate-500">
                      {ROLE_LABELS[i.role]} · {i.accountIds.length} API account(s) ·{" "}
                      {i.isExpired ? (
                        <Badge variant="danger">Expired</Badge>
                      ) : (
                        <>
                          expires <LocalTime iso={i.expiresAt.toISOString()} />
                        </>
                      )}
                    </p>
                  </div>
                  {i.role === "OWNER" && !isOwner ? null : (
                    <div className="flex items-start gap-1">
                      <ResendInvite inviteId={i.id} />
                      <RevokeInvite inviteId={i.id} email={i.email} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </div>
  );
}
