import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { DetailList, Section } from "@/components/detail-list";
import { LocalTime, MaybeTime } from "@/components/local-time";
import { Money } from "@/components/money";
import { SectionSkeleton } from "@/components/page-skeleton";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { getDeposit } from "@/lib/services/deposits/get";
import { listDepositTransactions } from "@/lib/services/deposits/list-transactions";
import type { TransactionDTO } from "@/lib/services/transactions/dto";
import { settle, type Settled } from "@/lib/services/upstream";
import { CardLink, PayInLink, UserLink } from "../../_components/object-links";
import { TransactionTable } from "../../_components/transaction-table";

export const metadata: Metadata = { title: "Deposit preauthorization" };

type Props = { params: Promise<{ accountId: string; depositId: string }> };

async function Captures({ ctx, captures }: { ctx: AccountContext; captures: Promise<Settled<TransactionDTO[]>> }) {
  const result = await captures;
  return (
    <Section title="Pay-ins capturing the hold" testId="deposit-transactions">
      {!result.ok ? (
        <ServiceErrorMessage view={result.error} />
      ) : result.data.length === 0 ? (
        <p className="text-sm text-slate-600">Not captured yet.</p>
      ) : (
        <TransactionTable rows={result.data} paths={dashboardPaths(ctx.account.id)} compact />
      )}
    </Section>
  );
}

/** A deposit preauthorization: the hold, its card and author, and the pay-ins that captured it. */
export default async function DepositPage({ params }: Props) {
  const { accountId, depositId } = await params;
  const ctx = await requireAccountPermission(accountId, "preauthorizations.read");
  // The hold and its pay-ins are read at the same time: one round.
  const captures = can(ctx, "transactions.read")
    ? settle(listDepositTransactions({ ctx, input: { depositId } }))
    : null;
  const deposit = await settle(getDeposit({ ctx, input: { depositId } }));
  if (!deposit.ok) {
    if (deposit.notFound) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Deposit preauthorization {depositId}</h1>
        <ServiceErrorMessage view={deposit.error} />
      </div>
    );
  }
  const d = deposit.data;
  const paths = dashboardPaths(ctx.account.id);
  return (
    <div className="space-y-4">
      <div>
        {can(ctx, "users.read") ? (
          <p className="text-sm text-slate-500">
            <Link href={paths.userTab(d.authorId, "deposit-preauthorizations")} className="underline">
              Deposit preauthorizations of {d.authorId}
            </Link>
          </p>
        ) : null}
        <h1 className="flex items-center gap-3 text-2xl font-semibold" data-testid="deposit-title">
          Deposit preauthorization <Money amountMinor={d.debited.amountMinor} currency={d.debited.currency} />{" "}
          <StatusBadge status={d.paymentStatus} />
        </h1>
        <CopyableId id={d.id} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Hold" testId="deposit-hold">
          <DetailList
            items={[
              {
                label: "Amount held",
                value: <Money amountMinor={d.debited.amountMinor} currency={d.debited.currency} />,
              },
              { label: "Payment status", value: <StatusBadge status={d.paymentStatus} /> },
              { label: "Authorization", value: <StatusBadge status={d.status} /> },
              { label: "Result code", value: d.resultCode ? <span className="font-mono">{d.resultCode}</span> : null },
              { label: "Result message", value: d.resultMessage },
              { label: "Created", value: <LocalTime iso={d.createdAt} /> },
              { label: "Expires", value: <MaybeTime iso={d.expiresAt} /> },
              {
                label: "3-D Secure needed",
                value: d.secureModeNeeded === null ? null : d.secureModeNeeded ? "Yes" : "No",
              },
              { label: "Statement descriptor", value: d.statementDescriptor },
              { label: "Tag", value: d.tag },
            ]}
          />
        </Section>
        <Section title="Linked to" testId="deposit-links">
          <DetailList
            items={[
              { label: "Author", value: <UserLink ctx={ctx} id={d.authorId} /> },
              { label: "Card", value: <CardLink ctx={ctx} id={d.cardId} userId={d.authorId} /> },
              { label: "Capture pay-in", value: <PayInLink ctx={ctx} id={d.captureId} /> },
              { label: "Complement pay-in", value: <PayInLink ctx={ctx} id={d.complementId} /> },
            ]}
          />
        </Section>
      </div>
      {captures ? (
        <Suspense fallback={<SectionSkeleton label="Loading the pay-ins of this hold" height="h-24" />}>
          <Captures ctx={ctx} captures={captures} />
        </Suspense>
      ) : null}
    </div>
  );
}
