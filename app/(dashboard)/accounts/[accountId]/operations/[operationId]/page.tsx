import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { DataTable } from "@/components/data-table";
import { DetailList, Section } from "@/components/detail-list";
import { humanize } from "@/components/filter-bar";
import { LocalTime, MaybeTime } from "@/components/local-time";
import { Money } from "@/components/money";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import { getOperation } from "@/lib/services/operations/get";
import { OperationOutcome } from "../../_components/operation-outcome";
import { kindLabel } from "../_components/operation-labels";
import { OperationTarget } from "../_components/operation-target";

export const metadata: Metadata = { title: "Operation" };

type Props = { params: Promise<{ accountId: string; operationId: string }> };

/** One operation: what was asked, what MANGOPAY answered, and its audit trail (intent, result, reconciliation). */
export default async function OperationPage({ params }: Props) {
  const { accountId, operationId } = await params;
  const ctx = await requireAccountPermission(accountId, "transactions.read");
  const { operation: o, audit } = await getOperation({ ctx, input: { operationId } });
  const money = (minor: number | null) =>
    minor !== null && o.currency ? <Money amountMinor={minor} currency={o.currency} /> : null;
  return (
    <div className="space-y-4">
      <div>
        <Link href={dashboardPaths(ctx.account.id).operations} className="text-sm text-slate-600 underline">
          Operations
        </Link>
        <h1 className="text-2xl font-semibold">{kindLabel(o.kind, o.action)}</h1>
      </div>
      <OperationOutcome accountId={ctx.account.id} operation={o} />
      <Section title="Operation" testId="operation-detail">
        <DetailList
          items={[
            { label: "Status", value: <StatusBadge status={o.status} /> },
            { label: "MANGOPAY status", value: o.upstreamStatus ? <StatusBadge status={o.upstreamStatus} /> : null },
            { label: "MANGOPAY id", value: <OperationTarget accountId={ctx.account.id} operation={o} /> },
            { label: "Amount", value: money(o.amountMinor) },
            { label: "Fees", value: money(o.feesMinor) },
            { label: "Source", value: o.sourceId },
            { label: "Destination", value: o.destinationId },
            { label: "Reason", value: o.reason },
            { label: "Result code", value: o.resultCode },
            { label: "Result message", value: o.resultMessage },
            { label: "Member", value: o.actorEmail },
            { label: "Started", value: <LocalTime iso={o.createdAt} /> },
            { label: "Completed", value: <MaybeTime iso={o.completedAt} /> },
          ]}
        />
      </Section>
      <Section title="Audit trail" testId="operation-audit">
        <DataTable
          caption="Audit trail"
          rows={audit}
          rowKey={(a) => a.id}
          columns={[
            { header: "When", cell: (a) => <LocalTime iso={a.createdAt} /> },
            { header: "Step", cell: (a) => a.action },
            { header: "By", cell: (a) => a.actorEmail ?? (a.trigger ? `system (${humanize(a.trigger)})` : "system") },
            {
              header: "Details",
              cell: (a) => <code className="text-xs break-all">{a.after ? JSON.stringify(a.after) : "—"}</code>,
            },
          ]}
        />
      </Section>
    </div>
  );
}
