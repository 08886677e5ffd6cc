import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { DetailList, Section } from "@/components/detail-list";
import { humanize } from "@/components/filter-bar";
import { LocalTime, MaybeTime } from "@/components/local-time";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import { getIdentityVerification } from "@/lib/services/identity-verifications/get";
import { settle } from "@/lib/services/upstream";
import { UserLink } from "../../_components/object-links";

export const metadata: Metadata = { title: "Identity verification" };

type Props = { params: Promise<{ accountId: string; sessionId: string }> };

/** An identity verification session: its outcome and each check with MANGOPAY's reasons. */
export default async function IdentityVerificationPage({ params }: Props) {
  const { accountId, sessionId } = await params;
  const ctx = await requireAccountPermission(accountId, "kycDocuments.read");
  const result = await settle(getIdentityVerification({ ctx, input: { sessionId } }));
  if (!result.ok) {
    if (result.notFound) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Identity verification {sessionId}</h1>
        <ServiceErrorMessage view={result.error} />
      </div>
    );
  }
  const v = result.data;
  const paths = dashboardPaths(ctx.account.id);
  return (
    <div className="space-y-4">
      <div>
        {can(ctx, "users.read") ? (
          <p className="text-sm text-slate-500">
            <Link href={paths.userTab(v.userId, "identity-verifications")} className="underline">
              Identity verifications of {v.userId}
            </Link>
          </p>
        ) : null}
        <h1 className="flex items-center gap-3 text-2xl font-semibold">
          Identity verification <StatusBadge status={v.status} />
        </h1>
        <CopyableId id={v.id} />
      </div>
      <Section title="Session" testId="idv-session">
        <DetailList
          items={[
            { label: "Status", value: <StatusBadge status={v.status} /> },
            { label: "User", value: <UserLink ctx={ctx} id={v.userId} /> },
            { label: "Created", value: <LocalTime iso={v.createdAt} /> },
            { label: "Updated", value: <MaybeTime iso={v.updatedAt} /> },
            { label: "Page for the user", value: <span className="text-xs break-all">{v.hostedUrl}</span> },
            {
              label: "Return URL",
              value: v.returnUrl ? <span className="text-xs break-all">{v.returnUrl}</span> : null,
            },
            { label: "Tag", value: v.tag },
          ]}
        />
      </Section>
      <Section title="Checks" testId="idv-checks">
        {v.checks.length === 0 ? (
          <p className="text-sm text-slate-600">No check yet: the user has not finished the session.</p>
        ) : (
          <DataTable
            testId="idv-check-rows"
            rows={v.checks}
            rowKey={(c) => c.id}
            columns={[
              { header: "Check", cell: (c) => humanize(c.type) },
              { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
              { header: "Reasons", cell: (c) => (c.reasons.length > 0 ? c.reasons.join(", ") : "—") },
              { header: "Data", cell: (c) => (c.data.length > 0 ? c.data.join(", ") : "—") },
            ]}
          />
        )}
      </Section>
    </div>
  );
}
