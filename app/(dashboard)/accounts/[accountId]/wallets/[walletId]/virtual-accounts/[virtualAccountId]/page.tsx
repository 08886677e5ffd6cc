import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CopyableId } from "@/components/copyable-id";
import { DetailList, Section } from "@/components/detail-list";
import { humanize } from "@/components/filter-bar";
import { LocalTime } from "@/components/local-time";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { requireAccountPermission } from "@/lib/server/account-context";
import { settle } from "@/lib/services/upstream";
import { getVirtualAccount } from "@/lib/services/virtual-accounts/get";
import { UserLink, WalletLink } from "../../../../_components/object-links";

export const metadata: Metadata = { title: "Virtual account" };

type Props = { params: Promise<{ accountId: string; walletId: string; virtualAccountId: string }> };

/** A wallet's virtual account: the bank details payers wire to, its owner and state. */
export default async function VirtualAccountPage({ params }: Props) {
  const { accountId, walletId, virtualAccountId } = await params;
  const ctx = await requireAccountPermission(accountId, "wallets.read");
  const result = await settle(getVirtualAccount({ ctx, input: { walletId, virtualAccountId } }));
  if (!result.ok) {
    if (result.notFound) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Virtual account {virtualAccountId}</h1>
        <ServiceErrorMessage view={result.error} />
      </div>
    );
  }
  const va = result.data;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="flex items-center gap-3 text-2xl font-semibold">
          Virtual account <StatusBadge status={va.status} />
        </h1>
        <CopyableId id={va.id} />
      </div>
      <Section title="Bank details" testId="virtual-account">
        <DetailList
          items={[
            { label: "Account", value: va.identifier ? <CopyableId id={va.identifier} /> : null },
            { label: "BIC", value: va.bic },
            { label: "Owner", value: va.owner },
            { label: "Country", value: va.country },
            { label: "Purpose", value: humanize(va.purpose) },
            { label: "Status", value: <StatusBadge status={va.status} /> },
            { label: "Active", value: va.active ? "Yes" : "No" },
            { label: "Result", value: va.resultMessage },
            { label: "Wallet", value: <WalletLink accountId={ctx.account.id} id={va.walletId} /> },
            { label: "Credited user", value: <UserLink ctx={ctx} id={va.creditedUserId} /> },
            { label: "Created", value: <LocalTime iso={va.createdAt} /> },
            { label: "Tag", value: va.tag },
          ]}
        />
      </Section>
    </div>
  );
}
