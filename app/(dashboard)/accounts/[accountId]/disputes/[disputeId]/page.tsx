import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { DetailList, Section } from "@/components/detail-list";
import { humanize } from "@/components/filter-bar";
import { LocalTime, MaybeTime } from "@/components/local-time";
import { MaybeMoney, Money } from "@/components/money";
import { SectionSkeleton } from "@/components/page-skeleton";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { TransactionTable } from "../../_components/transaction-table";
import { cn } from "@/lib/cn";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requestNow } from "@/lib/server/clock";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import type { DisputeDocumentDTO, DisputeDTO } from "@/lib/services/disputes/dto";
import { getDispute } from "@/lib/services/disputes/get";
import { listDisputeDocuments } from "@/lib/services/disputes/list-documents";
import { listDisputeTimeline } from "@/lib/services/disputes/list-timeline";
import { listDisputeTransactions, settlementState } from "@/lib/services/disputes/list-transactions";
import { disputeActions } from "@/lib/services/disputes/allowed-actions";
import { nextStep } from "@/lib/services/disputes/next-step";
import { SettleDispute } from "./settlement/_components/settle-dispute";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import type { TransactionDTO } from "@/lib/services/transactions/dto";
import { settle, type Settled } from "@/lib/services/upstream";
import { DisputedUser } from "../_components/disputed-user";
import { DisputeActions } from "./_components/dispute-actions";

export const metadata: Metadata = { title: "Dispute" };

type Props = { params: Promise<{ accountId: string; disputeId: string }> };

async function Timeline({
  ctx,
  dispute,
  documents,
  moves,
}: {
  ctx: AccountContext;
  dispute: DisputeDTO;
  documents: DisputeDocumentDTO[];
  moves: TransactionDTO[];
}) {
  const result = await settle(listDisputeTimeline({ ctx, input: { dispute, documents, transactions: moves } }));
  return (
    <Section title="Timeline" testId="timeline">
      {!result.ok ? (
        <ServiceErrorMessage view={result.error} />
      ) : (
        <>
          <ol className="space-y-2 border-l border-slate-200 pl-4 text-sm">
            {result.data.entries.map((e, i) => (
              <li key={`${e.date}-${i}`} className="relative">
                <span
                  className={cn(
                    "absolute top-1.5 -left-[1.3rem] size-2 rounded-full",
                    e.source === "event" ? "bg-blue-600" : "bg-slate-400",
                  )}
                  aria-hidden
                />
                <span className="text-slate-500">
                  <LocalTime iso={e.date} />
                </span>{" "}
                <span className="font-medium" data-testid="timeline-label">
                  {e.label}
                </span>
                {e.detail ? <span className="ml-2 font-mono text-xs text-slate-500">{e.detail}</span> : null}
              </li>
            ))}
          </ol>
          {!result.data.eventsAvailable ? (
            <p className="mt-3 text-xs text-slate-500">
              {can(ctx, "events.read")
                ? "MANGOPAY keeps events for 45 days: this dispute's status changes are older, the dates above come from its objects."
                : "Status changes come from Events, which you cannot see; the dates above come from the dispute's objects."}
            </p>
          ) : null}
        </>
      )}
    </Section>
  );
}

function Documents({ documents }: { documents: Settled<DisputeDocumentDTO[]> }) {
  if (!documents.ok) return <ServiceErrorMessage view={documents.error} />;
  if (documents.data.length === 0) return <p className="text-sm text-slate-600">No document sent yet.</p>;
  return (
    <DataTable
      testId="dispute-documents"
      caption="Documents"
      rows={documents.data}
      rowKey={(d) => d.id}
      columns={[
        { header: "Type", cell: (d) => humanize(d.type) },
        { header: "Status", cell: (d) => <StatusBadge status={d.status} /> },
        {
          header: "Refusal",
          cell: (d) =>
            d.refusedReasonType || d.refusedReasonMessage ? (
              <span className="text-xs">
                <span className="font-medium text-red-800">
                  {d.refusedReasonType ? humanize(d.refusedReasonType) : ""}
                </span>{" "}
                {d.refusedReasonMessage}
              </span>
            ) : (
              <span className="text-slate-400">—</span>
            ),
        },
        { header: "Added", cell: (d) => <LocalTime iso={d.createdAt} /> },
        { header: "Processed", cell: (d) => <MaybeTime iso={d.processedAt} /> },
        { header: "Id", cell: (d) => <CopyableId id={d.id} /> },
      ]}
    />
  );
}

/** One dispute: what to do next and by when, its story, the disputed payment, evidence and money. */
export default async function DisputePage({ params }: Props) {
  const { accountId, disputeId: rawId } = await params;
  const ctx = await requireAccountPermission(accountId, "disputes.read");
  let disputeId: string;
  try {
    disputeId = parseMangopayId(rawId);
  } catch {
    notFound();
  }
  // Everything keyed by the dispute's id starts at once.
  const [dispute, documents, moves] = await Promise.all([
    settle(getDispute({ ctx, input: { disputeId } })),
    settle(listDisputeDocuments({ ctx, input: { disputeId } })),
    settle(listDisputeTransactions({ ctx, input: { disputeId } })),
  ]);
  if (!dispute.ok) {
    if (dispute.notFound) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Dispute {disputeId}</h1>
        <ServiceErrorMessage view={dispute.error} />
      </div>
    );
  }
  const d = dispute.data;
  const settlement = moves.ok ? settlementState(d, moves.data) : { state: "unknown" as const };
  const step = nextStep(d, settlement, requestNow());
  const repudiation = moves.ok ? moves.data.find((t) => t.nature === "REPUDIATION") : undefined;
  const base = dashboardPaths(ctx.account.id).home;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={`${base}/disputes`} className="underline">
            Disputes
          </Link>
        </p>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          Dispute <Money amountMinor={d.disputedFunds.amountMinor} currency={d.disputedFunds.currency} />{" "}
          <StatusBadge status={d.status} />
          {d.resultCode ? <StatusBadge status={d.resultCode} /> : null}
        </h1>
        <CopyableId id={d.id} />
        {settlement.state === "to-settle" && can(ctx, "repudiations.create") ? (
          <div className="mt-2">
            <SettleDispute
              accountId={ctx.account.id}
              isProduction={ctx.account.environment === "PRODUCTION"}
              disputeId={d.id}
              owed={settlement.owed}
              deadline={step.deadline ?? null}
            />
          </div>
        ) : null}
      </div>

      <section
        aria-label={step.actionNeeded ? "Pending action from you" : "Next step"}
        data-testid="next-step"
        data-action-needed={step.actionNeeded}
        className={cn(
          "rounded-lg border p-4",
          step.actionNeeded ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white",
        )}
      >
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {step.actionNeeded ? "Pending action from you" : "Next step"}
        </p>
        <p className="mt-1 font-semibold" data-testid="next-step-title">
          {step.title}
        </p>
        <p className="mt-1 text-sm text-slate-700">{step.detail}</p>
        {step.deadline ? (
          <p className="mt-2 text-sm font-medium" data-testid="next-step-deadline">
            Deadline: <LocalTime iso={step.deadline} /> ({step.deadlineInWords})
          </p>
        ) : null}
        {settlement.state === "to-settle" ? (
          <p className="mt-2 text-sm" data-testid="settlement-owed">
            Still to settle: <Money amountMinor={settlement.owed.amountMinor} currency={settlement.owed.currency} />
          </p>
        ) : null}
      </section>
      {can(ctx, "disputes.edit") ? (
        <DisputeActions
          accountId={ctx.account.id}
          disputeId={d.id}
          allowed={disputeActions(d, requestNow())}
          disputed={d.disputedFunds}
        />
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Dispute" testId="dispute-summary">
          <DetailList
            items={[
              { label: "Status", value: <StatusBadge status={d.status} /> },
              { label: "Status message", value: d.statusMessage },
              { label: "Type", value: humanize(d.type) },
              {
                label: "Reason",
                value: d.reasonType
                  ? `${humanize(d.reasonType)}${d.reasonMessage ? ` — ${d.reasonMessage}` : ""}`
                  : null,
              },
              {
                label: "Disputed",
                value: <Money amountMinor={d.disputedFunds.amountMinor} currency={d.disputedFunds.currency} />,
              },
              { label: "Contested", value: <MaybeMoney value={d.contestedFunds} /> },
              { label: "Contest deadline", value: <MaybeTime iso={d.contestDeadline} /> },
              { label: "Opened", value: <LocalTime iso={d.createdAt} /> },
              {
                label: "Result",
                value: d.resultCode ? `${d.resultCode}${d.resultMessage ? ` — ${d.resultMessage}` : ""}` : null,
              },
              { label: "Closed", value: <MaybeTime iso={d.closedAt} /> },
              { label: "Tag", value: d.tag },
            ]}
          />
        </Section>
        <Section title="Disputed transaction" testId="disputed-transaction">
          <DetailList
            items={[
              {
                label: humanize(d.initialTransactionType ?? "Transaction"),
                value: can(ctx, "transactions.read") ? (
                  <Link
                    href={dashboardPaths(ctx.account.id).transaction(d.initialTransactionId, "PAYIN")}
                    className="font-mono text-xs underline"
                  >
                    {d.initialTransactionId}
                  </Link>
                ) : (
                  <span className="font-mono text-xs">{d.initialTransactionId}</span>
                ),
              },
              {
                label: "User",
                value: (
                  <Suspense fallback={<span className="text-xs text-slate-400">…</span>}>
                    <DisputedUser ctx={ctx} payInId={d.initialTransactionId} />
                  </Suspense>
                ),
              },
              {
                label: "Repudiation",
                value: repudiation ? (
                  <span className="flex items-center gap-2">
                    <Link
                      href={dashboardPaths(ctx.account.id).transaction(repudiation.id, "REPUDIATION")}
                      className="font-mono text-xs underline"
                    >
                      {repudiation.id}
                    </Link>
                    <StatusBadge status={repudiation.status} />
                    <Money amountMinor={repudiation.debited.amountMinor} currency={repudiation.debited.currency} />
                  </span>
                ) : d.repudiationId ? (
                  <span className="font-mono text-xs">{d.repudiationId}</span>
                ) : null,
              },
              {
                label: "Settlement",
                value: (
                  <span data-testid="settlement-state">
                    {settlement.state === "not-applicable"
                      ? "Not needed (only a lost dispute is settled)"
                      : settlement.state === "settled"
                        ? "Settled"
                        : settlement.state === "to-settle"
                          ? "Not yet settled"
                          : "Unknown (the dispute's transactions could not be loaded)"}
                  </span>
                ),
              },
            ]}
          />
        </Section>
      </div>

      <Section title="Documents" testId="documents">
        <Documents documents={documents} />
      </Section>

      <Section title="Money moved" testId="dispute-transactions">
        {!moves.ok ? (
          <ServiceErrorMessage view={moves.error} />
        ) : moves.data.length === 0 ? (
          <p className="text-sm text-slate-600">No money has moved for this dispute yet.</p>
        ) : (
          <TransactionTable rows={moves.data} paths={dashboardPaths(ctx.account.id)} compact testId="dispute-moves" />
        )}
      </Section>

      <Suspense fallback={<SectionSkeleton label="Loading the timeline" />}>
        <Timeline
          ctx={ctx}
          dispute={d}
          documents={documents.ok ? documents.data : []}
          moves={moves.ok ? moves.data : []}
        />
      </Suspense>
    </div>
  );
}
