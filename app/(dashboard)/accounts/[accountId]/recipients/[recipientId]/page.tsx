import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CopyableId } from "@/components/copyable-id";
import { DetailList, Section } from "@/components/detail-list";
import { LocalTime } from "@/components/local-time";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { requireAccountPermission } from "@/lib/server/account-context";
import { getRecipient } from "@/lib/services/recipients/get";
import { settle } from "@/lib/services/upstream";
import { UserLink } from "../../_components/object-links";

export const metadata: Metadata = { title: "Recipient" };

type Props = { params: Promise<{ accountId: string; recipientId: string }> };

/** A user's recipient (payouts v2): who is paid, on which rail and bank details, and its state. */
export default async function RecipientPage({ params }: Props) {
  const { accountId, recipientId } = await params;
  const ctx = await requireAccountPermission(accountId, "bankAccounts.read");
  const result = await settle(getRecipient({ ctx, input: { recipientId } }));
  if (!result.ok) {
    if (result.notFound) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Recipient {recipientId}</h1>
        <ServiceErrorMessage view={result.error} />
      </div>
    );
  }
  const r = result.data;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="flex items-center gap-3 text-2xl font-semibold" data-testid="recipient-title">
          Recipient {r.displayName ?? r.holder ?? ""} <StatusBadge status={r.status} />
        </h1>
        <CopyableId id={r.id} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Paid to" testId="recipient-holder">
          <DetailList
            items={[
              { label: r.recipientType === "Business" ? "Company" : "Name", value: r.holder },
              { label: "Type", value: r.recipientType },
              {
                label: "Address",
                value: r.address ? <span className="whitespace-pre-line">{r.address.join("\n")}</span> : null,
              },
              { label: "User", value: <UserLink ctx={ctx} id={r.userId} /> },
            ]}
          />
        </Section>
        <Section title="Bank details" testId="recipient-bank">
          <DetailList
            items={[
              { label: "Payout method", value: r.payoutMethodLabel },
              { label: "Currency", value: r.currency },
              { label: "Country", value: r.country },
              ...r.bankDetails.map((d) => ({
                label: d.label,
                value: <span className="font-mono text-xs">{d.value}</span>,
              })),
            ]}
          />
        </Section>
        <Section title="Registration" testId="recipient-registration">
          <DetailList
            items={[
              { label: "Status", value: <StatusBadge status={r.status} /> },
              { label: "Used for", value: r.scope === "PAYIN" ? "Pay-ins" : r.scope === "PAYOUT" ? "Payouts" : null },
              { label: "Created", value: <LocalTime iso={r.createdAt} /> },
              { label: "Tag", value: r.tag },
            ]}
          />
        </Section>
      </div>
    </div>
  );
}
