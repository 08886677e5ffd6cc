import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { CopyableId } from "@/components/copyable-id";
import { DetailList, Section } from "@/components/detail-list";
import { LocalTime } from "@/components/local-time";
import { Money } from "@/components/money";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { EVENT_RESOURCE_LABELS, isEventType } from "@/lib/mangopay/event-types";
import { dashboardPaths, eventResourcePage, isClientWallet } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can, SCOPE_LABELS, type Scope } from "@/lib/server/permissions";
import type { FieldValue } from "@/lib/services/events/dto";
import { getEventResource } from "@/lib/services/events/get-resource";
import { EventTransactionActions } from "./_components/event-transaction-actions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { settle } from "@/lib/services/upstream";
import { isReceiptKind } from "@/lib/services/receipts/schemas";
import { ReceiptLink } from "../../_components/receipt-link";

export const metadata: Metadata = { title: "Event" };

type Props = {
  params: Promise<{ accountId: string; resourceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function Value({ ctx, field, value }: { ctx: AccountContext; field: string; value: FieldValue }) {
  const id = ctx.account.id;
  switch (value.kind) {
    case "empty":
      return <span className="text-slate-400">—</span>;
    case "date":
      return <LocalTime iso={value.value} />;
    case "money":
      return <Money amountMinor={value.amountMinor} currency={value.currency} />;
    case "json":
      return <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{value.value}</pre>;
    case "text":
      return field === "Status" || field === "Validity" ? (
        <StatusBadge status={value.value} />
      ) : (
        <span>{value.value}</span>
      );
    case "id": {
      const href =
        value.target === "user" && can(ctx, "users.read")
          ? dashboardPaths(id).user(value.value)
          : value.target === "wallet" && can(ctx, "transactions.read")
            ? isClientWallet(value.value)
              ? dashboardPaths(id).transactions
              : dashboardPaths(id).wallet(value.value)
            : value.target === "transaction" && can(ctx, "transactions.read")
              ? dashboardPaths(id).transaction(value.value, field === "RepudiationId" ? "REPUDIATION" : null)
              : value.target === "dispute" && can(ctx, "disputes.read")
                ? dashboardPaths(id).dispute(value.value)
                : null;
      return href ? (
        <Link href={href} className="font-mono text-xs underline">
          {value.value}
        </Link>
      ) : (
        <CopyableId id={value.value} />
      );
    }
  }
}

/** One event and, loaded in full, the object it points at. */
export default async function EventPage({ params, searchParams }: Props) {
  const [{ accountId, resourceId: rawId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "events.read");
  const eventType = typeof query.type === "string" ? query.type : "";
  let resourceId: string;
  try {
    resourceId = parseMangopayId(rawId);
  } catch {
    notFound();
  }
  if (!isEventType(eventType)) notFound();
  const date =
    typeof query.date === "string" && !Number.isNaN(Date.parse(query.date)) ? new Date(query.date).toISOString() : null;
  const result = await settle(getEventResource({ ctx, input: { resourceId, eventType } }));
  if (!result.ok && result.notFound) notFound();
  const base = dashboardPaths(ctx.account.id).home;
  const resourcePage =
    result.ok && result.data.state === "loaded"
      ? eventResourcePage(ctx.account.id, result.data.resource, result.data.id)
      : null;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={`${base}/events`} className="underline">
            Events
          </Link>
        </p>
        <h1 className="font-mono text-xl font-semibold">{eventType}</h1>
      </div>
      <Section title="Event" testId="event">
        <DetailList
          items={[
            { label: "Event type", value: <span className="font-mono text-xs">{eventType}</span> },
            { label: "Date", value: date ? <LocalTime iso={date} /> : null },
            { label: "Resource Id", value: <CopyableId id={resourceId} /> },
          ]}
        />
      </Section>
      {!result.ok ? (
        <ServiceErrorMessage view={result.error} />
      ) : result.data.state === "unsupported" ? (
        <Section title="Resource">
          <p className="text-sm text-slate-600">
            This dashboard does not read this kind of object yet; its Id is above.
          </p>
        </Section>
      ) : result.data.state === "forbidden" ? (
        <Section title="Resource">
          <p className="text-sm text-slate-600" data-testid="resource-forbidden">
            You cannot see this {EVENT_RESOURCE_LABELS[result.data.resource].toLowerCase()}: it needs the “
            {SCOPE_LABELS[result.data.permission.split(".")[0] as Scope]}” read permission on this account.
          </p>
        </Section>
      ) : (
        <Section title={EVENT_RESOURCE_LABELS[result.data.resource]} testId="event-resource">
          {result.data.transactionKind ? (
            <p className="mb-3 text-sm">
              <Link
                href={dashboardPaths(ctx.account.id).transaction(result.data.id, result.data.transactionKind)}
                className="underline"
                data-testid="open-transaction"
              >
                Open this transaction
              </Link>{" "}
              for its refunds, disputes and actions.
              {can(ctx, "transactions.read") && isReceiptKind(result.data.transactionKind) ? (
                <span className="ml-2">
                  <ReceiptLink
                    accountId={ctx.account.id}
                    transactionId={result.data.id}
                    kind={result.data.transactionKind}
                  />
                </span>
              ) : null}
            </p>
          ) : resourcePage ? (
            <p className="mb-3 text-sm">
              <Link href={resourcePage.href} className="underline" data-testid="open-resource">
                {resourcePage.label}
              </Link>{" "}
              {resourcePage.after}
            </p>
          ) : null}
          {result.data.transactionKind && can(ctx, "transactions.read") ? (
            <div className="mb-3">
              <EventTransactionActions ctx={ctx} transactionId={result.data.id} kind={result.data.transactionKind} />
            </div>
          ) : null}
          <DetailList
            items={result.data.fields.map((f) => ({
              label: f.key,
              value: <Value ctx={ctx} field={f.key} value={f.value} />,
            }))}
          />
        </Section>
      )}
    </div>
  );
}
