import Link from "@/components/intent-link";
import { CopyableId } from "@/components/copyable-id";
import { DetailList, Section } from "@/components/detail-list";
import { humanize } from "@/components/filter-bar";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths, type UserTab } from "@/lib/dashboard-paths";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { getBankAccount } from "@/lib/services/bank-accounts/get";
import type { BankAccountDTO } from "@/lib/services/bank-accounts/dto";
import { getCard } from "@/lib/services/cards/get";
import type { CardDTO } from "@/lib/services/cards/dto";
import { getMandate } from "@/lib/services/mandates/get";
import type { RecipientDTO } from "@/lib/services/recipients/dto";
import { getRecipient } from "@/lib/services/recipients/get";
import type { MandateDTO } from "@/lib/services/mandates/dto";
import type { TransactionDetailDTO } from "@/lib/services/transactions/dto";
import { settle, type Settled } from "@/lib/services/upstream";

type Instruments = {
  card: Promise<Settled<CardDTO>> | null;
  bankAccount: Promise<Settled<BankAccountDTO>> | null;
  mandate: Promise<Settled<MandateDTO>> | null;
  recipient: Promise<Settled<RecipientDTO>> | null;
};

/**
 * Starts the reads of the card, bank account and mandate a transaction used, all at once (their ids
 * are only known from the transaction itself, so this is the round after it, never a chain).
 */
export function startPaymentInstruments(ctx: AccountContext, t: TransactionDetailDTO): Instruments {
  const cardId = t.payIn?.cardId ?? null;
  const mandateId = t.payIn?.mandateId ?? null;
  const bankAccountId = t.payOut?.bankAccountId ?? null;
  const recipientId = t.payOut?.recipientId ?? null;
  return {
    card: cardId && can(ctx, "cards.read") ? settle(getCard({ ctx, input: { cardId } })) : null,
    mandate: mandateId && can(ctx, "mandates.read") ? settle(getMandate({ ctx, input: { mandateId } })) : null,
    // A payout's bank account belongs to its author (MANGOPAY reads bank accounts through their user);
    // a client payout's is the platform's own, which MANGOPAY does not serve back.
    bankAccount:
      bankAccountId && t.authorId && !isPlatform(ctx, t.authorId) && can(ctx, "bankAccounts.read")
        ? settle(getBankAccount({ ctx, input: { userId: t.authorId, bankAccountId } }))
        : null,
    recipient:
      recipientId && can(ctx, "bankAccounts.read") ? settle(getRecipient({ ctx, input: { recipientId } })) : null,
  };
}

/** A client payout's author is the platform itself: its ClientId, not a user. */
export function isPlatform(ctx: AccountContext, authorId: string | null): boolean {
  return authorId !== null && authorId === ctx.account.clientId;
}

function UserTabLink({
  ctx,
  userId,
  tab,
  label,
}: {
  ctx: AccountContext;
  userId: string;
  tab: UserTab;
  label: string;
}) {
  if (!can(ctx, "users.read")) return null;
  return (
    <Link href={dashboardPaths(ctx.account.id).userTab(userId, tab)} className="text-sm underline">
      {label}
    </Link>
  );
}

async function CardBlock({ ctx, card }: { ctx: AccountContext; card: Promise<Settled<CardDTO>> }) {
  const r = await card;
  return (
    <Section title="Card" testId="tx-card">
      {!r.ok ? (
        <ServiceErrorMessage view={r.error} />
      ) : (
        <>
          <DetailList
            items={[
              { label: "Card", value: <CopyableId id={r.data.id} /> },
              { label: "Number", value: r.data.alias ? <span className="font-mono">{r.data.alias}</span> : null },
              { label: "Expiry", value: r.data.expiry },
              { label: "Provider", value: r.data.provider },
              { label: "Validity", value: <StatusBadge status={r.data.validity} /> },
              { label: "Active", value: r.data.active ? "Yes" : "No (deactivated)" },
              { label: "Holder", value: r.data.holderName },
            ]}
          />
          <p className="mt-3">
            <UserTabLink ctx={ctx} userId={r.data.userId} tab="cards" label="The user's cards" />
          </p>
        </>
      )}
    </Section>
  );
}

async function BankAccountBlock({
  ctx,
  bankAccount,
}: {
  ctx: AccountContext;
  bankAccount: Promise<Settled<BankAccountDTO>>;
}) {
  const r = await bankAccount;
  return (
    <Section title="Bank account" testId="tx-bank-account">
      {!r.ok ? (
        <ServiceErrorMessage view={r.error} />
      ) : (
        <>
          <DetailList
            items={[
              { label: "Bank account", value: <CopyableId id={r.data.id} /> },
              { label: "Type", value: r.data.type },
              { label: "Owner", value: r.data.ownerName },
              {
                label: "Account number",
                value: r.data.maskedNumber ? <span className="font-mono">{r.data.maskedNumber}</span> : null,
              },
              { label: "BIC", value: r.data.bic },
              { label: "Active", value: r.data.active ? "Yes" : "No (deactivated)" },
            ]}
          />
          <p className="mt-3">
            <UserTabLink ctx={ctx} userId={r.data.userId} tab="bank-accounts" label="The user's bank accounts" />
          </p>
        </>
      )}
    </Section>
  );
}

async function MandateBlock({ ctx, mandate }: { ctx: AccountContext; mandate: Promise<Settled<MandateDTO>> }) {
  const r = await mandate;
  return (
    <Section title="Mandate" testId="tx-mandate">
      {!r.ok ? (
        <ServiceErrorMessage view={r.error} />
      ) : (
        <>
          <DetailList
            items={[
              { label: "Mandate", value: <CopyableId id={r.data.id} /> },
              { label: "Status", value: <StatusBadge status={r.data.status} /> },
              { label: "Scheme", value: r.data.scheme ? humanize(r.data.scheme) : null },
              { label: "Bank reference", value: r.data.bankReference },
              { label: "Bank account", value: <span className="font-mono text-xs">{r.data.bankAccountId}</span> },
              { label: "Result", value: r.data.resultMessage },
            ]}
          />
          <p className="mt-3 flex gap-4">
            <UserTabLink ctx={ctx} userId={r.data.userId} tab="mandates" label="The user's mandates" />
            <UserTabLink ctx={ctx} userId={r.data.userId} tab="bank-accounts" label="The user's bank accounts" />
          </p>
        </>
      )}
    </Section>
  );
}

async function RecipientBlock({ ctx, recipient }: { ctx: AccountContext; recipient: Promise<Settled<RecipientDTO>> }) {
  const r = await recipient;
  return (
    <Section title="Recipient" testId="tx-recipient">
      {!r.ok ? (
        <ServiceErrorMessage view={r.error} />
      ) : (
        <>
          <DetailList
            items={[
              { label: "Recipient", value: r.data.displayName },
              { label: "Paid to", value: r.data.holder },
              { label: "Method", value: r.data.payoutMethodLabel },
              ...r.data.bankDetails.map((d) => ({
                label: d.label,
                value: <span className="font-mono text-xs">{d.value}</span>,
              })),
              { label: "Status", value: <StatusBadge status={r.data.status} /> },
            ]}
          />
          <p className="mt-3">
            <Link href={dashboardPaths(ctx.account.id).recipient(r.data.id)} className="text-sm underline">
              Open recipient
            </Link>
          </p>
        </>
      )}
    </Section>
  );
}

/** The card, bank account, recipient and mandate the transaction used, each with its own state and link. */
export function PaymentInstruments({ ctx, instruments }: { ctx: AccountContext; instruments: Instruments }) {
  const { card, bankAccount, mandate, recipient } = instruments;
  if (!card && !bankAccount && !mandate && !recipient) return null;
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="tx-instruments">
      {card ? <CardBlock ctx={ctx} card={card} /> : null}
      {bankAccount ? <BankAccountBlock ctx={ctx} bankAccount={bankAccount} /> : null}
      {recipient ? <RecipientBlock ctx={ctx} recipient={recipient} /> : null}
      {mandate ? <MandateBlock ctx={ctx} mandate={mandate} /> : null}
    </div>
  );
}
