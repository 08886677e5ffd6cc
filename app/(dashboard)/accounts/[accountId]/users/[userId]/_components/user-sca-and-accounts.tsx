import { dashboardPaths } from "@/lib/dashboard-paths";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { MaybeTime } from "@/components/local-time";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { Card } from "@/components/ui/card";
import type { AccountContext } from "@/lib/server/context-types";
import { listUserRecipients } from "@/lib/services/recipients/list-by-user";
import { getUserScaStatus } from "@/lib/services/users/get-sca-status";
import { settle } from "@/lib/services/upstream";
import { listUserVirtualAccounts } from "@/lib/services/virtual-accounts/list-by-user";

const SCOPE_LABELS: Record<string, string> = {
  ContactInformationUpdate: "Contact details update",
  RecipientRegistration: "Recipient registration",
  Transfer: "Transfers",
  ViewAccountInformation: "Account information",
};

/** SCA enrolment and the proxy consents MANGOPAY holds for the user (OWNER users). */
export async function UserScaStatus({ ctx, userId }: { ctx: AccountContext; userId: string }) {
  const r = await settle(getUserScaStatus({ ctx, input: { userId } }));
  if (!r.ok) return <ServiceErrorMessage view={r.error} />;
  const s = r.data;
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm" data-testid="user-sca">
      <dt className="text-slate-500">Enrolment</dt>
      <dd data-testid="sca-enrolment">
        {s.isEnrolled ? (
          <>
            <StatusBadge status="ACTIVE" label="Enrolled" /> <MaybeTime iso={s.lastEnrollmentAt} />
          </>
        ) : (
          <StatusBadge status={s.userStatus === "PENDING_USER_ACTION" ? "PENDING" : "INACTIVE"} label="Not enrolled" />
        )}
      </dd>
      <dt className="text-slate-500">User status</dt>
      <dd>
        <StatusBadge status={s.userStatus} />
      </dd>
      <dt className="text-slate-500">Proxy consents</dt>
      <dd>
        {s.consents.some((c) => c.value) ? (
          <ul className="space-y-0.5">
            {s.consents.map((c) => (
              <li key={c.scope}>
                {SCOPE_LABELS[c.scope] ?? c.scope}: {c.value ? c.value.toLowerCase() : "not asked"}
              </li>
            ))}
          </ul>
        ) : (
          "None collected"
        )}
        {s.lastConsentAt ? (
          <p className="text-xs text-slate-500">
            Collected <MaybeTime iso={s.lastConsentAt} />
          </p>
        ) : null}
      </dd>
    </dl>
  );
}

/** The IBANs and local account numbers attached to the user's wallets. */
export async function UserVirtualAccounts({ ctx, userId }: { ctx: AccountContext; userId: string }) {
  const r = await settle(listUserVirtualAccounts({ ctx, input: { userId } }));
  return (
    <section aria-label="Virtual accounts" data-testid="summary-virtual-accounts" className="space-y-2">
      <h2 className="font-semibold">
        Virtual accounts {r.ok ? <span className="text-sm font-normal text-slate-500">({r.data.length})</span> : null}
      </h2>
      {!r.ok ? (
        <ServiceErrorMessage view={r.error} />
      ) : r.data.length === 0 ? (
        <Card className="border-dashed px-4 py-3 text-sm text-slate-600">No virtual accounts.</Card>
      ) : (
        <DataTable
          testId="virtual-accounts"
          caption="Virtual accounts"
          rows={r.data}
          rowKey={(a) => a.id}
          rowHref={(a) => dashboardPaths(ctx.account.id).virtualAccount(a.walletId, a.id)}
          rowLabel={(a) => `Open virtual account ${a.id}`}
          columns={[
            { header: "Account", cell: (a) => <span className="font-mono">{a.identifier ?? "—"}</span> },
            { header: "Purpose", cell: (a) => (a.purpose === "USER_OWNED" ? "User-owned" : "Collection") },
            { header: "Country", cell: (a) => a.country ?? "—" },
            { header: "Owner", cell: (a) => a.owner ?? "—" },
            { header: "Wallet", cell: (a) => <CopyableId id={a.walletId} /> },
            { header: "Status", cell: (a) => <StatusBadge status={a.status} /> },
            { header: "Created", cell: (a) => <MaybeTime iso={a.createdAt} /> },
          ]}
        />
      )}
    </section>
  );
}

export const RECIPIENTS_QUERY = { perPage: 20 };

/** The user's recipients (payouts v2 destinations): the newest 20, each opening its page. */
export async function UserRecipients({ ctx, userId }: { ctx: AccountContext; userId: string }) {
  const r = await settle(listUserRecipients({ ctx, input: { userId, query: RECIPIENTS_QUERY } }));
  const count = r.ok ? (r.data.totalItems ?? r.data.items.length) : null;
  return (
    <section aria-label="Recipients" data-testid="summary-recipients" className="space-y-2">
      <h2 className="font-semibold">
        Recipients {count !== null ? <span className="text-sm font-normal text-slate-500">({count})</span> : null}
      </h2>
      {!r.ok ? (
        <ServiceErrorMessage view={r.error} />
      ) : r.data.items.length === 0 ? (
        <Card className="border-dashed px-4 py-3 text-sm text-slate-600">No recipients.</Card>
      ) : (
        <DataTable
          testId="recipients"
          caption="Recipients"
          rows={r.data.items}
          rowKey={(x) => x.id}
          rowHref={(x) => dashboardPaths(ctx.account.id).recipient(x.id)}
          rowLabel={(x) => `Open recipient ${x.id}`}
          columns={[
            { header: "Name", cell: (x) => x.displayName ?? "—" },
            { header: "Paid to", cell: (x) => x.holder ?? "—" },
            { header: "Method", cell: (x) => x.payoutMethodLabel },
            { header: "Currency", cell: (x) => x.currency },
            {
              header: "Account",
              cell: (x) => <span className="font-mono">{x.bankDetails[0]?.value ?? "—"}</span>,
            },
            { header: "Status", cell: (x) => <StatusBadge status={x.status} /> },
            { header: "Created", cell: (x) => <MaybeTime iso={x.createdAt} /> },
          ]}
        />
      )}
      {count !== null && count > RECIPIENTS_QUERY.perPage ? (
        <p className="text-xs text-slate-500">The newest {RECIPIENTS_QUERY.perPage} are shown.</p>
      ) : null}
    </section>
  );
}
