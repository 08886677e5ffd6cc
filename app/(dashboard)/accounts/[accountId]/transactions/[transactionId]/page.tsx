import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { DetailList, Section } from "@/components/detail-list";
import { humanize } from "@/components/filter-bar";
import { LocalTime, MaybeTime } from "@/components/local-time";
import { MaybeMoney, Money } from "@/components/money";
import { SectionSkeleton } from "@/components/page-skeleton";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { UserLink, WalletLink } from "../../_components/object-links";
import { TransactionTable } from "../../_components/transaction-table";
import { APM_LABELS, type ApmMethod } from "@/lib/mangopay/apm-payins";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { listDisputes } from "@/lib/services/disputes/list";
import { canAddPayPalTracking, carrierLabel } from "@/lib/services/payins/paypal-tracking-rules";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import type { TransactionDetailDTO, TransactionDTO } from "@/lib/services/transactions/dto";
import { getTransaction } from "@/lib/services/transactions/get";
import { listTransactionRefunds, refundableAmount } from "@/lib/services/transactions/list-refunds";
import { TransactionKind } from "@/lib/services/transactions/schemas";
import { settle, type Settled } from "@/lib/services/upstream";
import { isPlatform, PaymentInstruments, startPaymentInstruments } from "./_components/payment-instruments";
import { PayPalTrackingDialog } from "./_components/paypal-tracking-dialog";
import { TransactionActions } from "./_components/transaction-actions";

export const metadata: Metadata = { title: "Transaction" };

type Props = {
  params: Promise<{ accountId: string; transactionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const KIND_LABEL: Record<TransactionKind, string> = {
  PAYIN: "Pay-in",
  PAYOUT: "Payout",
  TRANSFER: "Transfer",
  REFUND: "Refund",
  REPUDIATION: "Repudiation",
  SETTLEMENT: "Settlement transfer",
  CONVERSION: "Conversion",
};

const paymentTypeLabel = (type: string) => (type in APM_LABELS ? APM_LABELS[type as ApmMethod] : humanize(type));

/** A link to a URL MANGOPAY sent (the payer's redirect, app link or QR code page), shown in full. */
function ExternalUrl({ url }: { url: string | null }) {
  if (!url) return null;
  return /^https?:\/\//i.test(url) ? (
    <a href={url} className="text-xs break-all underline" rel="noreferrer noopener" target="_blank">
      {url}
    </a>
  ) : (
    <span className="font-mono text-xs break-all">{url}</span>
  );
}

function MethodDetails({ tx }: { tx: TransactionDetailDTO }) {
  const m = tx.payIn?.method;
  if (!m) return null;
  const items = [
    { label: "Redirect URL", value: <ExternalUrl url={m.redirectUrl} />, present: m.redirectUrl },
    { label: "Return URL", value: <ExternalUrl url={m.returnUrl} />, present: m.returnUrl },
    { label: "App link", value: <ExternalUrl url={m.deepLinkUrl} />, present: m.deepLinkUrl },
    { label: "QR code", value: <ExternalUrl url={m.qrCodeUrl} />, present: m.qrCodeUrl },
    { label: "Phone", value: m.phone, present: m.phone },
    { label: "Payment flow", value: m.paymentFlow, present: m.paymentFlow },
    { label: "Country", value: m.country, present: m.country },
    { label: "Language", value: m.culture, present: m.culture },
    { label: "Bank", value: m.bankName, present: m.bankName },
    { label: "BIC", value: m.bic, present: m.bic },
    { label: "IBAN", value: m.iban, present: m.iban },
    { label: "Scheme", value: m.scheme, present: m.scheme },
    { label: "Processing status", value: m.processingStatus, present: m.processingStatus },
    { label: "Reference", value: m.reference, present: m.reference },
    { label: "Payer email", value: m.email ?? m.paypalBuyerEmail, present: m.email ?? m.paypalBuyerEmail },
    { label: "PayPal order", value: m.paypalOrderId, present: m.paypalOrderId },
  ].filter((i) => i.present !== null);
  if (items.length === 0) return null;
  return (
    <div className="mt-4 rounded-md bg-slate-50 p-3" data-testid="payment-method">
      <p className="mb-2 text-sm font-medium">{paymentTypeLabel(tx.payIn?.paymentType ?? "")} details</p>
      <DetailList items={items.map(({ label, value }) => ({ label, value }))} />
    </div>
  );
}

/**
 * A PayPal pay-in's shipments: the tracking information sent to PayPal (MANGOPAY sends no date; one is shown if it
 * ever comes), and "Add tracking" for members holding Pay-ins edit once the pay-in succeeded.
 */
function PayPalTrackingSection({ ctx, tx }: { ctx: AccountContext; tx: TransactionDetailDTO }) {
  const trackings = tx.payIn?.trackings ?? [];
  const canAdd = canAddPayPalTracking(ctx, tx);
  return (
    <Section title="PayPal tracking" testId="paypal-tracking">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {tx.status === "SUCCEEDED"
            ? "Tracking numbers sent to PayPal for this order's shipments. They cannot be edited."
            : "Tracking can be sent once the pay-in has succeeded."}
        </p>
        {canAdd ? <PayPalTrackingDialog accountId={ctx.account.id} payInId={tx.id} /> : null}
      </div>
      {trackings.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="tracking-none">
          No tracking sent yet.
        </p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="tracking-rows">
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4 font-normal">
                Tracking number
              </th>
              <th scope="col" className="py-1 pr-4 font-normal">
                Carrier
              </th>
              <th scope="col" className="py-1 pr-4 font-normal">
                Buyer e-mailed
              </th>
              <th scope="col" className="py-1 font-normal">
                Sent
              </th>
            </tr>
          </thead>
          <tbody>
            {trackings.map((t) => (
              <tr key={t.trackingNumber} className="border-t border-slate-100" data-testid="tracking-row">
                <td className="py-1 pr-4 font-mono text-xs break-all">{t.trackingNumber}</td>
                <td className="py-1 pr-4">
                  {carrierLabel(t.carrier)}
                  {carrierLabel(t.carrier) !== t.carrier ? (
                    <span className="text-slate-500"> ({t.carrier})</span>
                  ) : null}
                </td>
                <td className="py-1 pr-4">{t.notifyBuyer ? "Yes" : "No"}</td>
                <td className="py-1">
                  <MaybeTime iso={t.sentAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

type RefundKind = "PAYIN" | "TRANSFER" | "PAYOUT" | "REPUDIATION";
const hasRefunds = (kind: TransactionKind): kind is RefundKind =>
  kind === "PAYIN" || kind === "TRANSFER" || kind === "PAYOUT" || kind === "REPUDIATION";

async function RefundsSection({
  ctx,
  tx,
  refunds,
}: {
  ctx: AccountContext;
  tx: TransactionDetailDTO;
  refunds: Promise<Settled<TransactionDTO[]>>;
}) {
  const result = await refunds;
  const title = tx.kind === "PAYOUT" ? "Returns" : tx.kind === "REPUDIATION" ? "Funds given back" : "Refunds";
  if (!result.ok) {
    return (
      <Section title={title}>
        <ServiceErrorMessage view={result.error} />
      </Section>
    );
  }
  const left = tx.kind === "PAYIN" || tx.kind === "TRANSFER" ? refundableAmount(tx, result.data) : null;
  return (
    <Section title={title} testId="refunds">
      {left ? (
        <p className="mb-3 text-sm" data-testid="refundable">
          Still refundable: <Money amountMinor={left.amountMinor} currency={left.currency} />
          {tx.status !== "SUCCEEDED" ? (
            <span className="text-slate-500"> (only a succeeded transaction can be refunded)</span>
          ) : null}
        </p>
      ) : null}
      {result.data.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <TransactionTable rows={result.data} paths={dashboardPaths(ctx.account.id)} compact testId="refund-rows" />
      )}
    </Section>
  );
}

const disputesOf = (payInId: string) => ({ filters: {}, payInId, page: 1, perPage: 20 });

async function DisputesOfPayIn({ ctx, payInId }: { ctx: AccountContext; payInId: string }) {
  const result = await settle(listDisputes({ ctx, input: disputesOf(payInId) }));
  return (
    <Section title="Disputes" testId="payin-disputes">
      {!result.ok ? (
        <ServiceErrorMessage view={result.error} />
      ) : result.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No dispute on this pay-in.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {result.data.items.map((d) => (
            <li key={d.id} className="flex items-center gap-2">
              <Link href={dashboardPaths(ctx.account.id).dispute(d.id)} className="font-mono text-xs underline">
                {d.id}
              </Link>
              <StatusBadge status={d.status} />{" "}
              <Money amountMinor={d.disputedFunds.amountMinor} currency={d.disputedFunds.currency} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** One transaction: status and result, parties, money, how it was paid, and what it is linked to. */
export default async function TransactionPage({ params, searchParams }: Props) {
  const [{ accountId, transactionId: rawId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "transactions.read");
  let transactionId: string;
  try {
    transactionId = parseMangopayId(rawId);
  } catch {
    notFound();
  }
  const hinted = TransactionKind.safeParse(query.kind);
  const kind = hinted.success ? hinted.data : undefined;
  // Started together: with the list's kind the related lists do not wait for the transaction.
  const txPromise = settle(getTransaction({ ctx, input: { transactionId, kind } }));
  const refundsEarly =
    kind && hasRefunds(kind) ? settle(listTransactionRefunds({ ctx, input: { transactionId, kind } })) : null;
  if (kind === "PAYIN" && can(ctx, "disputes.read"))
    void settle(listDisputes({ ctx, input: disputesOf(transactionId) }));
  const tx = await txPromise;
  if (!tx.ok) {
    if (tx.notFound) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Transaction {transactionId}</h1>
        <ServiceErrorMessage view={tx.error} />
      </div>
    );
  }
  const t = tx.data;
  const refunds = hasRefunds(t.kind)
    ? t.kind === kind && refundsEarly
      ? refundsEarly
      : settle(listTransactionRefunds({ ctx, input: { transactionId: t.id, kind: t.kind } }))
    : null;
  const instruments = startPaymentInstruments(ctx, t);
  const base = ctx.account.id;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">
            <Link href={`/accounts/${encodeURIComponent(base)}/transactions`} className="underline">
              Transactions
            </Link>
          </p>
          <h1 className="flex items-center gap-3 text-2xl font-semibold">
            {KIND_LABEL[t.kind]} <Money amountMinor={t.debited.amountMinor} currency={t.debited.currency} />{" "}
            <StatusBadge status={t.status} />
          </h1>
          <CopyableId id={t.id} />
        </div>
        <TransactionActions ctx={ctx} tx={t} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Status" testId="tx-status">
          <DetailList
            items={[
              { label: "Status", value: <StatusBadge status={t.status} /> },
              { label: "Result code", value: t.resultCode ? <span className="font-mono">{t.resultCode}</span> : null },
              { label: "Result message", value: t.resultMessage },
              { label: "Type", value: `${humanize(t.type)} · ${humanize(t.nature)}` },
              { label: "Created", value: <LocalTime iso={t.createdAt} /> },
              { label: "Executed", value: <MaybeTime iso={t.executedAt} /> },
              { label: "Tag", value: t.tag },
            ]}
          />
        </Section>
        <Section title="Money" testId="tx-money">
          <DetailList
            items={[
              {
                label: "Debited funds",
                value: <Money amountMinor={t.debited.amountMinor} currency={t.debited.currency} />,
              },
              { label: "Fees", value: <MaybeMoney value={t.fees} /> },
              { label: "Credited funds", value: <MaybeMoney value={t.credited} /> },
              {
                label: "Author",
                value: isPlatform(ctx, t.authorId) ? (
                  <span data-testid="tx-platform-author">The platform ({t.authorId})</span>
                ) : (
                  <UserLink ctx={ctx} id={t.authorId} />
                ),
              },
              { label: "Credited user", value: <UserLink ctx={ctx} id={t.creditedUserId} /> },
              { label: "Debited wallet", value: <WalletLink accountId={base} id={t.debitedWalletId} /> },
              { label: "Credited wallet", value: <WalletLink accountId={base} id={t.creditedWalletId} /> },
            ]}
          />
        </Section>
        {t.payIn ? (
          <Section title="Payment" testId="tx-payment">
            <DetailList
              items={[
                { label: "Payment type", value: paymentTypeLabel(t.payIn.paymentType) },
                { label: "Execution", value: t.payIn.executionType ? humanize(t.payIn.executionType) : null },
                {
                  label: "Card",
                  value: t.payIn.cardId ? <span className="font-mono text-xs">{t.payIn.cardId}</span> : null,
                },
                {
                  label: "Mandate",
                  value: t.payIn.mandateId ? <span className="font-mono text-xs">{t.payIn.mandateId}</span> : null,
                },
                {
                  label: "Preauthorization",
                  value: t.payIn.preauthorizationId ? (
                    <span className="font-mono text-xs">{t.payIn.preauthorizationId}</span>
                  ) : null,
                },
                {
                  label: "Deposit preauthorization",
                  value: t.payIn.depositId ? (
                    can(ctx, "preauthorizations.read") ? (
                      <Link
                        href={dashboardPaths(base).deposit(t.payIn.depositId)}
                        className="font-mono text-xs underline"
                      >
                        {t.payIn.depositId}
                      </Link>
                    ) : (
                      <span className="font-mono text-xs">{t.payIn.depositId}</span>
                    )
                  ) : null,
                },
                {
                  label: "Recurring registration",
                  value: t.payIn.recurringRegistrationId ? (
                    can(ctx, "payins.read") ? (
                      <Link
                        href={dashboardPaths(base).recurringRegistration(t.payIn.recurringRegistrationId)}
                        className="font-mono text-xs underline"
                      >
                        {t.payIn.recurringRegistrationId}
                      </Link>
                    ) : (
                      <span className="font-mono text-xs">{t.payIn.recurringRegistrationId}</span>
                    )
                  ) : null,
                },
                { label: "Secure mode", value: t.payIn.secureMode },
                { label: "Statement descriptor", value: t.payIn.statementDescriptor },
              ].filter((i) => i.value !== null)}
            />
            {t.payIn.paymentType === "BANK_WIRE" ? (
              <div className="mt-4 rounded-md bg-slate-50 p-3" data-testid="bank-wire">
                <p className="mb-2 text-sm font-medium">Bank details to give the payer</p>
                <DetailList
                  items={[
                    {
                      label: "Wire reference",
                      value: t.payIn.wireReference ? <CopyableId id={t.payIn.wireReference} /> : null,
                    },
                    {
                      label: "IBAN",
                      value: t.payIn.bankAccount?.iban ? <CopyableId id={t.payIn.bankAccount.iban} /> : null,
                    },
                    { label: "BIC", value: t.payIn.bankAccount?.bic },
                    { label: "Account owner", value: t.payIn.bankAccount?.ownerName },
                    { label: "Declared amount", value: <MaybeMoney value={t.payIn.declaredDebitedFunds} /> },
                    { label: "Declared fees", value: <MaybeMoney value={t.payIn.declaredFees} /> },
                  ]}
                />
              </div>
            ) : null}
            <MethodDetails tx={t} />
          </Section>
        ) : null}
        {t.conversion ? (
          <Section title="Conversion" testId="tx-conversion">
            <DetailList
              items={[
                { label: "Kind", value: t.conversion.quoteId ? "Quoted (rate guaranteed)" : "Instant" },
                {
                  label: "Quote",
                  value: t.conversion.quoteId ? (
                    <span className="font-mono text-xs">{t.conversion.quoteId}</span>
                  ) : null,
                },
                {
                  label: "Rate",
                  value: `1 ${t.debited.currency} = ${t.conversion.clientRate} ${t.credited?.currency ?? ""}`.trim(),
                },
                { label: "Market rate", value: String(t.conversion.marketRate) },
                { label: "MANGOPAY margin", value: <MaybeMoney value={t.conversion.mangopayMargin} /> },
                { label: "Platform margin", value: <MaybeMoney value={t.conversion.userMargin} /> },
              ]}
            />
          </Section>
        ) : null}
        {t.payOut ? (
          <Section title="Payout" testId="tx-payout">
            <DetailList
              items={[
                {
                  label: "Bank account",
                  value: t.payOut.bankAccountId ? (
                    <>
                      <span className="font-mono text-xs">{t.payOut.bankAccountId}</span>
                      {isPlatform(ctx, t.authorId) ? " (the platform's own account)" : null}
                    </>
                  ) : null,
                },
                ...(t.payOut.recipientId
                  ? [
                      {
                        label: "Recipient",
                        value: can(ctx, "bankAccounts.read") ? (
                          <Link
                            href={dashboardPaths(base).recipient(t.payOut.recipientId)}
                            className="font-mono text-xs underline"
                            data-testid="tx-recipient-link"
                          >
                            {t.payOut.recipientId}
                          </Link>
                        ) : (
                          <span className="font-mono text-xs">{t.payOut.recipientId}</span>
                        ),
                      },
                    ]
                  : []),
                ...(isPlatform(ctx, t.authorId)
                  ? [{ label: "Client payout", value: "From a client wallet to the platform's own bank account" }]
                  : []),
                { label: "Bank wire reference", value: t.payOut.bankWireRef },
                { label: "Mode requested", value: t.payOut.modeRequested },
                { label: "Mode applied", value: t.payOut.modeApplied },
                { label: "Fallback reason", value: t.payOut.fallbackReason },
              ]}
            />
          </Section>
        ) : null}
        {t.initialTransaction || t.disputeId || t.repudiationId || t.refundReason || t.scaRedirectUrl ? (
          <Section title="Linked to" testId="tx-links">
            <DetailList
              items={[
                ...(t.initialTransaction
                  ? [
                      {
                        label: "Initial transaction",
                        value: (
                          <Link
                            href={dashboardPaths(base).transaction(t.initialTransaction.id, t.initialTransaction.kind)}
                            className="font-mono text-xs underline"
                          >
                            {humanize(t.initialTransaction.type)} {t.initialTransaction.id}
                          </Link>
                        ),
                      },
                    ]
                  : []),
                ...(t.refundReason
                  ? [
                      {
                        label: "Refund reason",
                        value: `${t.refundReason.type ? humanize(t.refundReason.type) : ""}${t.refundReason.message ? ` — ${t.refundReason.message}` : ""}`,
                      },
                    ]
                  : []),
                ...(t.disputeId
                  ? [
                      {
                        label: "Dispute",
                        value: can(ctx, "disputes.read") ? (
                          <Link
                            href={dashboardPaths(base).dispute(t.disputeId)}
                            className="font-mono text-xs underline"
                          >
                            {t.disputeId}
                          </Link>
                        ) : (
                          <span className="font-mono text-xs">{t.disputeId}</span>
                        ),
                      },
                    ]
                  : []),
                ...(t.repudiationId
                  ? [
                      {
                        label: "Repudiation",
                        value: (
                          <Link
                            href={dashboardPaths(base).transaction(t.repudiationId, "REPUDIATION")}
                            className="font-mono text-xs underline"
                          >
                            {t.repudiationId}
                          </Link>
                        ),
                      },
                    ]
                  : []),
                ...(t.scaRedirectUrl
                  ? [
                      {
                        label: "Waiting for the user's SCA",
                        value: <span className="text-xs break-all">{t.scaRedirectUrl}</span>,
                      },
                    ]
                  : []),
              ]}
            />
          </Section>
        ) : null}
      </div>
      {t.payIn?.paymentType === "PAYPAL" && t.creditedWalletId ? <PayPalTrackingSection ctx={ctx} tx={t} /> : null}
      <Suspense fallback={<SectionSkeleton label="Loading card, bank account or mandate" height="h-24" />}>
        <PaymentInstruments ctx={ctx} instruments={instruments} />
      </Suspense>
      {refunds ? (
        <Suspense fallback={<SectionSkeleton label="Loading refunds" />}>
          <RefundsSection ctx={ctx} tx={t} refunds={refunds} />
        </Suspense>
      ) : null}
      {t.kind === "PAYIN" && can(ctx, "disputes.read") ? (
        <Suspense fallback={<SectionSkeleton label="Loading disputes" height="h-16" />}>
          <DisputesOfPayIn ctx={ctx} payInId={t.id} />
        </Suspense>
      ) : null}
    </div>
  );
}
