import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CopyableId } from "@/components/copyable-id";
import { DetailList, Section } from "@/components/detail-list";
import { humanize } from "@/components/filter-bar";
import { LocalTime } from "@/components/local-time";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { requireAccountPermission } from "@/lib/server/account-context";
import { getCardValidation } from "@/lib/services/card-validations/get";
import { settle } from "@/lib/services/upstream";
import { CardLink, UserLink } from "../../../../_components/object-links";

export const metadata: Metadata = { title: "Card validation" };

type Props = { params: Promise<{ accountId: string; cardId: string; validationId: string }> };

/** A card validation (a zero-amount check): whether the issuer accepted the card, and why not. */
export default async function CardValidationPage({ params }: Props) {
  const { accountId, cardId, validationId } = await params;
  const ctx = await requireAccountPermission(accountId, "cards.read");
  const result = await settle(getCardValidation({ ctx, input: { cardId, validationId } }));
  if (!result.ok) {
    if (result.notFound) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Card validation {validationId}</h1>
        <ServiceErrorMessage view={result.error} />
      </div>
    );
  }
  const v = result.data;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="flex items-center gap-3 text-2xl font-semibold">
          Card validation <StatusBadge status={v.validity} />
        </h1>
        <CopyableId id={v.id} />
      </div>
      <Section title="Validation" testId="card-validation">
        <DetailList
          items={[
            { label: "Validity", value: <StatusBadge status={v.validity} /> },
            { label: "Status", value: <StatusBadge status={v.status} /> },
            { label: "Result code", value: v.resultCode ? <span className="font-mono">{v.resultCode}</span> : null },
            { label: "Result message", value: v.resultMessage },
            { label: "Type", value: v.type ? humanize(v.type) : null },
            {
              label: "3-D Secure needed",
              value: v.secureModeNeeded === null ? null : v.secureModeNeeded ? "Yes" : "No",
            },
            { label: "Card", value: <CardLink ctx={ctx} id={v.cardId} userId={v.authorId} /> },
            { label: "Author", value: <UserLink ctx={ctx} id={v.authorId} /> },
            { label: "Created", value: <LocalTime iso={v.createdAt} /> },
            { label: "Tag", value: v.tag },
          ]}
        />
      </Section>
    </div>
  );
}
