import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can, ROLE_LABELS } from "@/lib/server/permissions";
import { listAccountMembers } from "@/lib/services/access/list-account-members";
import { GrantsForm } from "./_components/grants-form";
import { SyncFromSsoButton } from "./_components/sync-button";

export const metadata: Metadata = { title: "Dashboard permissions" };

export default async function PermissionsPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const ctx = await requireAccountPermission(accountId, "dashboard.permissions.manage");
  const members = await listAccountMembers({ ctx });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Dashboard permissions</h1>
          <p className="max-w-2xl text-sm text-slate-600">
            Fine-tune what each member can do in <strong>{ctx.account.name}</strong> only. A member can never exceed
            their Hub role: permissions outside it are shown as —.
          </p>
        </div>
        {can(ctx, "ssos.read") ? <SyncFromSsoButton accountId={ctx.account.id} /> : null}
      </div>
      {members.length === 0 ? (
        <Card className="p-6 text-sm text-slate-600">
          Nobody has access to this account yet. Grant access from the Hub&apos;s Team page.
        </Card>
      ) : (
        <div className="space-y-3">
          {members.map((m) => (
            <Card key={m.membershipId} className="p-0" data-testid="member-grants" data-email={m.email}>
              <details open={members.length === 1}>
                <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-5 py-3">
                  <span className="font-medium">{m.name}</span>
                  <span className="text-sm text-slate-500">{m.email}</span>
                  <Badge>{ROLE_LABELS[m.role]}</Badge>
                  {m.source === "SSO" ? <Badge variant="info">From SSO</Badge> : null}
                  {m.isSelf ? <Badge variant="neutral">You</Badge> : null}
                  <span className="ml-auto text-xs text-slate-500">
                    {m.grants.filter((g) => (m.allowed as readonly string[]).includes(g)).length} / {m.allowed.length}{" "}
                    granted
                  </span>
                </summary>
                <div className="border-t border-slate-100 px-5 py-4">
                  {m.source === "SSO" ? (
                    <p className="mb-3 text-xs text-slate-500">
                      These permissions come from the member&apos;s MANGOPAY SSO. Saving here makes them manual.
                    </p>
                  ) : null}
                  <GrantsForm
                    accountId={ctx.account.id}
                    membershipId={m.membershipId}
                    email={m.email}
                    allowed={m.allowed}
                    grants={m.grants}
                    readOnly={m.role === "OWNER" && ctx.membership.role !== "OWNER"}
                  />
                </div>
              </details>
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}
