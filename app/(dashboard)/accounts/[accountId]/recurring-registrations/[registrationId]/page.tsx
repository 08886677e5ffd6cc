import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CopyableId } from "@/components/copyable-id";
import { DetailList, Section } from "@/components/detail-list";
import { humanize } from "@/components/filter-bar";
import { LocalTime } from "@/components/local-time";
import { MaybeMoney, Money } from "@/components/money";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { requireAccountPermission } from "@/lib/server/account-context";
import { getRecurringRegistration } from "@/lib/services/recurring-registrations/get";
import { settle } from "@/lib/services/upstream";
import { CardLink, PayInLink, UserLink, WalletLink } from "../../_components/object-links";

export const metadata: Metadata = { title: "Recurring registration" };

type Props = { params: Promise<{ accountId: string; registrationId: string }> };

/** A recurring card pay-in registration: its card, wallet, amounts and the pay-ins made so far. */
export default async function RecurringRegistrationPage({ params }: Props) {
  const { accountId, registrationId } = await params;
  const ctx = await requireAccountPermission(accountId, "payins.read");
  const result = await settle(getRecurringRegistration({ ctx, input: { registrationId } }));
  if (!result.ok) {
    if (result.notFound) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Recurring registration {registrationId}</h1>
        <ServiceErrorMessage view={result.error} />
      </div>
    );
  }
  const r = result.data;
  const next = r.nextDebited ?? r.firstDebited;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="flex items-center gap-3 text-2xl font-semibold" data-testid="recurring-title">
          Recurring registration <Money amountMinor={next.amountMinor} currency={next.currency} />{" "}
          <StatusBadge status={r.status} />
        </h1>
        <CopyableId id={r.id} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Schedule" testId="recurring-schedule">
          <DetailList
            items={[
              { label: "Status", value: <StatusBadge status={r.status} /> },
              { label: "Type", value: r.recurringType ? humanize(r.recurringType) : null },
              { label: "Frequency", value: r.frequency },
              { label: "Cycles", value: r.cycleNumber === null ? null : String(r.cycleNumber) },
              { label: "Result", value: r.resultMessage ?? r.resultCode },
              { label: "Created", value: <LocalTime iso={r.createdAt} /> },
              { label: "Tag", value: r.tag },
            ]}
          />
        </Section>
        <Section title="Money" testId="recurring-money">
          <DetailList
            items={[
              {
                label: "First pay-in",
                value: <Money amountMinor={r.firstDebited.amountMinor} currency={r.firstDebited.currency} />,
              },
              {
                label: "First fees",
                value: <Money amountMinor={r.firstFees.amountMinor} currency={r.firstFees.currency} />,
              },
              { label: "Next pay-ins", value: <MaybeMoney value={r.nextDebited} /> },
              { label: "Next fees", value: <MaybeMoney value={r.nextFees} /> },
              { label: "Pay-ins made", value: String(r.payinsLinked) },
              { label: "Debited so far", value: <MaybeMoney value={r.cumulatedDebited} /> },
              { label: "Fees so far", value: <MaybeMoney value={r.cumulatedFees} /> },
            ]}
          />
        </Section>
        <Section title="Linked to" testId="recurring-links">
          <DetailList
            items={[
              { label: "Author", value: <UserLink ctx={ctx} id={r.authorId} /> },
              { label: "Card", value: r.cardId ? <CardLink ctx={ctx} id={r.cardId} userId={r.authorId} /> : "—" },
              { label: "Credited user", value: <UserLink ctx={ctx} id={r.creditedUserId} /> },
              { label: "Credited wallet", value: <WalletLink accountId={ctx.account.id} id={r.creditedWalletId} /> },
              { label: "Latest pay-in", value: <PayInLink ctx={ctx} id={r.lastPayinId} /> },
            ]}
          />
        </Section>
      </div>
    </div>
  );
}
