import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { DetailList, Section } from "@/components/detail-list";
import { LocalTime, MaybeTime } from "@/components/local-time";
import { Money } from "@/components/money";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import type { IntentLineDTO, IntentStepDTO, PayInIntentDTO } from "@/lib/services/pay-in-intents/dto";
import { getPayInIntent } from "@/lib/services/pay-in-intents/get";
import { settle } from "@/lib/services/upstream";
import { UserLink, WalletLink } from "../../_components/object-links";

export const metadata: Metadata = { title: "Pay-in intent" };

type Props = { params: Promise<{ accountId: string; intentId: string }> };

const humanize = (v: string) =>
  v
    .replaceAll("_", " ")
    .toLowerCase()
    .replace(/^\w/, (c) => c.toUpperCase());

function lineLabel(lines: Map<string, IntentLineDTO>, id: string): string {
  const line = lines.get(id);
  return line ? (line.name ?? line.sku ?? id) : id;
}

/** Captures, refunds or disputes: each an amount spread over line items. */
function Steps({
  title,
  testId,
  steps,
  intent,
  lines,
  empty,
}: {
  title: string;
  testId: string;
  steps: IntentStepDTO[];
  intent: PayInIntentDTO;
  lines: Map<string, IntentLineDTO>;
  empty: string;
}) {
  return (
    <Section title={title} testId={testId}>
      {steps.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <DataTable
          caption={title}
          rows={steps}
          rowKey={(s) => s.id}
          columns={[
            { header: "Date", cell: (s) => <MaybeTime iso={s.executedAt ?? s.createdAt} /> },
            { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
            {
              header: "Amount",
              numeric: true,
              cell: (s) =>
                s.amountMinor === null ? null : <Money amountMinor={s.amountMinor} currency={intent.currency} />,
            },
            {
              header: "Line items",
              cell: (s) => (
                <ul className="space-y-0.5">
                  {s.lines.map((l) => (
                    <li key={l.lineItemId}>
                      {lineLabel(lines, l.lineItemId)}
                      {l.amountMinor !== null ? (
                        <>
                          {" "}
                          · <Money amountMinor={l.amountMinor} currency={intent.currency} />
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ),
            },
            { header: "Id", cell: (s) => <CopyableId id={s.id} /> },
          ]}
        />
      )}
    </Section>
  );
}

/**
 * A pay-in intent (V3.0): a payment the platform's own provider processed, declared to MANGOPAY with its line items so
 * that each seller's part can be split to their wallet once the provider's settlement file is matched. One read.
 */
export default async function PayInIntentPage({ params }: Props) {
  const { accountId, intentId } = await params;
  const ctx = await requireAccountPermission(accountId, "payins.read");
  const result = await settle(getPayInIntent({ ctx, input: { intentId } }));
  if (!result.ok) {
    if (result.notFound) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Pay-in intent {intentId}</h1>
        <ServiceErrorMessage view={result.error} />
      </div>
    );
  }
  const i = result.data;
  const paths = dashboardPaths(ctx.account.id);
  const money = (minor: number | null) => (minor === null ? null : <Money amountMinor={minor} currency={i.currency} />);
  const lines = new Map(i.lineItems.map((l) => [l.id, l]));
  const ext = i.external;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="flex items-center gap-3 text-2xl font-semibold" data-testid="intent-title">
          Pay-in intent <Money amountMinor={i.amountMinor} currency={i.currency} /> <StatusBadge status={i.status} />
        </h1>
        <CopyableId id={i.id} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Payment" testId="intent-payment">
          <DetailList
            items={[
              { label: "Amount", value: money(i.amountMinor) },
              { label: "Status", value: <StatusBadge status={i.status} /> },
              { label: "Declared", value: <LocalTime iso={i.createdAt} /> },
              { label: "Platform fees", value: money(i.platformFeesMinor) },
              { label: "Left to split", value: money(i.availableToSplitMinor) },
              { label: "Unfunded", value: i.unfundedMinor ? money(i.unfundedMinor) : null },
              {
                label: "Can move to",
                value: i.nextActions.length > 0 ? i.nextActions.map(humanize).join(", ") : null,
              },
              { label: "Dispute decision", value: i.decision ? <StatusBadge status={i.decision} /> : null },
              { label: "Tag", value: i.tag },
            ]}
          />
        </Section>
        <Section title="External provider" testId="intent-external">
          <DetailList
            items={[
              { label: "Provider", value: ext.providerName },
              {
                label: "Provider reference",
                value: ext.providerReference ? (
                  <span className="font-mono text-xs">{ext.providerReference}</span>
                ) : null,
              },
              {
                label: "Merchant reference",
                value: ext.merchantReference ? (
                  <span className="font-mono text-xs">{ext.merchantReference}</span>
                ) : null,
              },
              { label: "Payment method", value: ext.paymentMethod },
              { label: "Processed by the provider", value: <MaybeTime iso={ext.processedAt} /> },
              { label: "Buyer", value: <UserLink ctx={ctx} id={i.buyerId} /> },
              {
                label: "Settlement",
                value: i.settlementId ? (
                  <Link
                    href={paths.intentSettlement(i.settlementId, i.id)}
                    className="font-mono text-xs underline"
                    data-testid="intent-settlement-link"
                  >
                    {i.settlementId}
                  </Link>
                ) : (
                  <span className="text-slate-600">Not settled yet (no provider file matched it)</span>
                ),
              },
            ]}
          />
        </Section>
      </div>
      <Section title="Line items" testId="intent-line-items">
        <DataTable
          caption="Line items"
          testId="line-items"
          rows={i.lineItems}
          rowKey={(l) => l.id}
          columns={[
            {
              header: "Item",
              cell: (l) => (
                <span className="flex flex-col">
                  <span>{l.name ?? l.sku ?? l.id}</span>
                  {l.sku ? <span className="font-mono text-xs text-slate-500">{l.sku}</span> : null}
                </span>
              ),
            },
            { header: "Seller", cell: (l) => <UserLink ctx={ctx} id={l.sellerId} /> },
            {
              header: "Wallet",
              cell: (l) =>
                can(ctx, "wallets.read") ? (
                  <WalletLink accountId={ctx.account.id} id={l.walletId} />
                ) : (
                  <span className="font-mono text-xs">{l.walletId}</span>
                ),
            },
            {
              header: "Qty × unit",
              numeric: true,
              cell: (l) =>
                l.unitAmountMinor === null ? null : (
                  <>
                    {l.quantity ?? 1} × {money(l.unitAmountMinor)}
                  </>
                ),
            },
            { header: "Total", numeric: true, cell: (l) => money(l.totalMinor) },
            { header: "Captured", numeric: true, cell: (l) => money(l.capturedMinor) },
            { header: "Refunded", numeric: true, cell: (l) => money(l.refundedMinor) },
            { header: "Disputed", numeric: true, cell: (l) => money(l.disputedMinor) },
            { header: "Split", numeric: true, cell: (l) => money(l.splitMinor) },
            { header: "Seller fees", numeric: true, cell: (l) => money(l.sellerFeesMinor) },
          ]}
        />
      </Section>
      <Section title="Splits" testId="intent-splits">
        {i.splits.length === 0 ? (
          <p className="text-sm text-slate-600">No split yet: the captured funds are not assigned to sellers.</p>
        ) : (
          <DataTable
            caption="Splits"
            testId="splits"
            rows={i.splits}
            rowKey={(s) => s.id}
            columns={[
              { header: "Created", cell: (s) => <MaybeTime iso={s.createdAt} /> },
              { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
              { header: "Amount", numeric: true, cell: (s) => money(s.amountMinor) },
              {
                header: "Line item",
                cell: (s) => s.lines.map((l) => lineLabel(lines, l.lineItemId)).join(", "),
              },
              {
                header: "Seller",
                cell: (s) => <UserLink ctx={ctx} id={lines.get(s.lines[0]?.lineItemId ?? "")?.sellerId ?? null} />,
              },
              {
                header: "To wallet",
                cell: (s) => {
                  const walletId = lines.get(s.lines[0]?.lineItemId ?? "")?.walletId ?? null;
                  return can(ctx, "wallets.read") ? (
                    <WalletLink accountId={ctx.account.id} id={walletId} />
                  ) : (
                    <span className="font-mono text-xs">{walletId}</span>
                  );
                },
              },
              { header: "Id", cell: (s) => <CopyableId id={s.id} /> },
            ]}
          />
        )}
      </Section>
      <div className="space-y-4">
        <Steps
          title="Captures"
          testId="intent-captures"
          steps={i.captures}
          intent={i}
          lines={lines}
          empty="Nothing captured yet."
        />
        <Steps title="Refunds" testId="intent-refunds" steps={i.refunds} intent={i} lines={lines} empty="No refund." />
        <Steps
          title="Disputes"
          testId="intent-disputes"
          steps={i.disputes}
          intent={i}
          lines={lines}
          empty="No dispute."
        />
      </div>
    </div>
  );
}
