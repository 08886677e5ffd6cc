import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { DetailList, Section } from "@/components/detail-list";
import { MaybeTime } from "@/components/local-time";
import { Money } from "@/components/money";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { formatDate } from "@/lib/format";
import { requireAccountPermission } from "@/lib/server/account-context";
import { getIntentSettlement } from "@/lib/services/intent-settlements/get";
import { getSettlementValidations } from "@/lib/services/intent-settlements/get-validations";
import { MangopayId } from "@/lib/services/mangopay/inputs";
import { getPayInIntent } from "@/lib/services/pay-in-intents/get";
import { settle } from "@/lib/services/upstream";
import { SettlementAmount } from "../_components/settlement-amount";

export const metadata: Metadata = { title: "Settlement" };

/** A settlement in these statuses matched all its lines: its intents carry its SettlementId. */
const PAID_STATUSES = ["PENDING_FUNDS_RECEPTION", "RECONCILED"];

type Props = {
  params: Promise<{ accountId: string; settlementId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * A settlement of pay-in intents: the provider's settlement file, what MANGOPAY matched and the errors it found.
 * The settlement, its validations and (opened from an intent, `?intent=`) that intent are read at once: one round.
 */
export default async function SettlementPage({ params, searchParams }: Props) {
  const [{ accountId, settlementId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "payins.read");
  const intentParam = MangopayId.safeParse(query.intent);
  const [settlement, validations, intent] = await Promise.all([
    settle(getIntentSettlement({ ctx, input: { settlementId } })),
    settle(getSettlementValidations({ ctx, input: { settlementId } })),
    intentParam.success ? settle(getPayInIntent({ ctx, input: { intentId: intentParam.data } })) : null,
  ]);
  if (!settlement.ok) {
    if (settlement.notFound) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Settlement {settlementId}</h1>
        <ServiceErrorMessage view={settlement.error} />
      </div>
    );
  }
  const s = settlement.data;
  const paths = dashboardPaths(ctx.account.id);
  // Only an intent this settlement actually paid is shown (the query string is the member's, not MANGOPAY's).
  const matched = intent?.ok && intent.data.settlementId === s.id ? intent.data : null;
  const currency = matched?.currency ?? null;
  const amount = (minor: number | null) => <SettlementAmount minor={minor} currency={currency} />;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={paths.intentSettlements} className="underline">
            Settlements
          </Link>
        </p>
        <h1 className="flex items-center gap-3 text-2xl font-semibold" data-testid="settlement-title">
          Settlement <StatusBadge status={s.status} />
        </h1>
        <CopyableId id={s.id} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="File" testId="settlement-file">
          <DetailList
            items={[
              { label: "Status", value: <StatusBadge status={s.status} /> },
              {
                label: "File name",
                value: s.fileName ? <span className="font-mono text-xs">{s.fileName}</span> : null,
              },
              { label: "Provider", value: s.providerName },
              // A calendar day from the file's footer (MANGOPAY sends its midnight UTC): shown as that day.
              {
                label: "Settlement date",
                value: s.settlementDate ? (
                  <time dateTime={s.settlementDate.slice(0, 10)}>{formatDate(new Date(s.settlementDate), "UTC")}</time>
                ) : null,
              },
              { label: "Created", value: <MaybeTime iso={s.createdAt} /> },
            ]}
          />
        </Section>
        <Section title="Amounts" testId="settlement-amounts">
          <DetailList
            items={[
              { label: "Declared intents", value: amount(s.declaredMinor) },
              { label: "Provider fees", value: amount(s.providerFeesMinor) },
              { label: "Net settled", value: amount(s.actualMinor) },
              { label: "Funds missing", value: amount(s.missingMinor) },
            ]}
          />
          {currency ? null : (
            <p className="mt-3 text-xs text-slate-500">
              MANGOPAY&apos;s settlement does not state its currency (the file&apos;s footer does): amounts are in minor
              units. Opened from a matched intent, they show in its currency.
            </p>
          )}
        </Section>
      </div>
      <Section title="Errors in the file" testId="settlement-errors">
        {!validations.ok ? (
          <ServiceErrorMessage view={validations.error} />
        ) : validations.data.footer.length === 0 && validations.data.lines.length === 0 ? (
          <p className="text-sm text-slate-600">MANGOPAY found no error in this settlement&apos;s file.</p>
        ) : (
          <div className="space-y-4">
            {validations.data.footer.length > 0 ? (
              <DataTable
                caption="Footer errors"
                testId="footer-errors"
                rows={validations.data.footer}
                rowKey={(e) => `${e.footerName}:${e.code}`}
                columns={[
                  { header: "Footer row", cell: (e) => <span className="font-mono text-xs">{e.footerName}</span> },
                  { header: "Code", cell: (e) => <span className="font-mono text-xs">{e.code}</span> },
                  { header: "Description", cell: (e) => e.description },
                ]}
              />
            ) : null}
            {validations.data.lines.length > 0 ? (
              <DataTable
                caption="Line errors"
                testId="line-errors"
                rows={validations.data.lines}
                rowKey={(e) => `${e.providerReference}:${e.transactionType}:${e.code}`}
                columns={[
                  {
                    header: "Provider reference",
                    cell: (e) => <span className="font-mono text-xs">{e.providerReference}</span>,
                  },
                  { header: "Type", cell: (e) => e.transactionType },
                  { header: "Code", cell: (e) => <span className="font-mono text-xs">{e.code}</span> },
                  { header: "Description", cell: (e) => e.description },
                ]}
              />
            ) : null}
          </div>
        )}
      </Section>
      <Section title="Intents it paid" testId="settlement-intents">
        {matched ? (
          <DetailList
            items={[
              {
                label: "Pay-in intent",
                value: (
                  <Link href={paths.payInIntent(matched.id)} className="font-mono text-xs underline">
                    {matched.id}
                  </Link>
                ),
              },
              { label: "Amount", value: <Money amountMinor={matched.amountMinor} currency={matched.currency} /> },
              { label: "Provider reference", value: matched.external.providerReference },
            ]}
          />
        ) : intent && !intent.ok && !intent.notFound ? (
          <ServiceErrorMessage view={intent.error} />
        ) : !PAID_STATUSES.includes(s.status) ? (
          <p className="text-sm text-slate-600">
            None: intents are paid only once their settlement file fully matches them (this one is{" "}
            {s.status.replaceAll("_", " ").toLowerCase()}).
          </p>
        ) : (
          <p className="text-sm text-slate-600">
            MANGOPAY does not list the intents a settlement paid; each intent names its settlement. Open this settlement
            from an intent&apos;s page to see that intent here.
          </p>
        )}
      </Section>
    </div>
  );
}
