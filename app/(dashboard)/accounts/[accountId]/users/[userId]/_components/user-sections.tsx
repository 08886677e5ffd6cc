import Link from "@/components/intent-link";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { MaybeTime } from "@/components/local-time";
import { MaybeMoney, Money } from "@/components/money";
import { StatusBadge } from "@/components/status-badge";
import type { DashboardPaths, UserTab } from "@/lib/dashboard-paths";
import type { AccountContext } from "@/lib/server/context-types";
import type { BankAccountDTO } from "@/lib/services/bank-accounts/dto";
import { listUserBankAccounts } from "@/lib/services/bank-accounts/list-by-user";
import type { CardDTO } from "@/lib/services/cards/dto";
import type { DepositDTO } from "@/lib/services/deposits/dto";
import { listUserDeposits } from "@/lib/services/deposits/list-by-user";
import type { IdentityVerificationDTO } from "@/lib/services/identity-verifications/dto";
import { listUserIdentityVerifications } from "@/lib/services/identity-verifications/list-by-user";
import { listUserCards } from "@/lib/services/cards/list-by-user";
import type { KycDocumentDTO } from "@/lib/services/kyc-documents/dto";
import { listUserKycDocuments } from "@/lib/services/kyc-documents/list-by-user";
import type { MandateDTO } from "@/lib/services/mandates/dto";
import { listUserMandates } from "@/lib/services/mandates/list-by-user";
import type { PageDTO } from "@/lib/services/mangopay/inputs";
import type { PreauthorizationDTO } from "@/lib/services/preauthorizations/dto";
import { listUserPreauthorizations } from "@/lib/services/preauthorizations/list-by-user";
import type { TransactionDTO } from "@/lib/services/transactions/dto";
import { listUserTransactions } from "@/lib/services/transactions/list-by-user";
import type { UboDeclarationDTO } from "@/lib/services/ubo-declarations/dto";
import { listUserUboDeclarations } from "@/lib/services/ubo-declarations/list-by-user";
import type { WalletDTO } from "@/lib/services/wallets/dto";
import { listUserWallets } from "@/lib/services/wallets/list-by-user";
import { WalletRowActions } from "../../../wallets/_components/wallet-actions";
import { TransactionTable } from "../../../_components/transaction-table";

const label = (s: string | null) =>
  s
    ? s
        .replaceAll("_", " ")
        .toLowerCase()
        .replace(/^\w/, (c) => c.toUpperCase())
    : "—";
const yesNo = (b: boolean) => <StatusBadge status={b ? "ACTIVE" : "INACTIVE"} label={b ? "Active" : "Inactive"} />;

type Section<T> = {
  noun: string;
  load: (ctx: AccountContext, userId: string, query: unknown) => Promise<PageDTO<T>>;
  /** `ctx` (when given) lets a table offer the member's actions per row (the wallet menu). */
  table: (rows: T[], paths: DashboardPaths, compact: boolean, ctx?: AccountContext) => React.ReactNode;
};

function section<T>(s: Section<T>): Section<unknown> {
  return s as Section<unknown>;
}

/** What each profile tab lists: how it loads and how its rows look (summary blocks reuse it). */
export const USER_SECTIONS: Record<UserTab, Section<unknown>> = {
  transactions: section<TransactionDTO>({
    noun: "transactions",
    load: (ctx, userId, query) => listUserTransactions({ ctx, input: { userId, query } }),
    table: (rows, paths, compact) => <TransactionTable rows={rows} paths={paths} compact={compact} />,
  }),
  wallets: section<WalletDTO>({
    noun: "wallets",
    load: (ctx, userId, query) => listUserWallets({ ctx, input: { userId, query } }),
    table: (rows, paths, _compact, ctx) => (
      <DataTable
        testId="wallets"
        rows={rows}
        rowKey={(w) => w.id}
        rowHref={(w) => paths.wallet(w.id)}
        rowLabel={(w) => `Open wallet ${w.id}`}
        columns={[
          { header: "Description", cell: (w) => w.description ?? "(no description)" },
          { header: "Id", cell: (w) => <CopyableId id={w.id} /> },
          {
            header: "Balance",
            numeric: true,
            cell: (w) => <Money amountMinor={w.balance.amountMinor} currency={w.balance.currency} />,
          },
          { header: "Currency", cell: (w) => w.currency },
          {
            header: "Transactions",
            cell: (w) => (
              <Link href={paths.wallet(w.id)} className="relative z-10 underline">
                View
              </Link>
            ),
          },
          { header: "Created", cell: (w) => <MaybeTime iso={w.createdAt} /> },
          ...(ctx ? [{ header: "Actions", cell: (w: WalletDTO) => <WalletRowActions ctx={ctx} wallet={w} /> }] : []),
        ]}
      />
    ),
  }),
  cards: section<CardDTO>({
    noun: "cards",
    load: (ctx, userId, query) => listUserCards({ ctx, input: { userId, query } }),
    table: (rows) => (
      <DataTable
        testId="cards"
        rows={rows}
        rowKey={(c) => c.id}
        columns={[
          { header: "Alias", cell: (c) => <span className="font-mono">{c.alias ?? "—"}</span> },
          { header: "Id", cell: (c) => <CopyableId id={c.id} /> },
          { header: "Network", cell: (c) => c.provider ?? "—" },
          { header: "Expiry", cell: (c) => c.expiry ?? "—" },
          { header: "Validity", cell: (c) => <StatusBadge status={c.validity} /> },
          { header: "Active", cell: (c) => yesNo(c.active) },
          { header: "Currency", cell: (c) => c.currency },
        ]}
      />
    ),
  }),
  preauthorizations: section<PreauthorizationDTO>({
    noun: "preauthorizations",
    load: (ctx, userId, query) => listUserPreauthorizations({ ctx, input: { userId, query } }),
    table: (rows) => (
      <DataTable
        testId="preauthorizations"
        rows={rows}
        rowKey={(p) => p.id}
        columns={[
          { header: "Created", cell: (p) => <MaybeTime iso={p.createdAt} /> },
          { header: "Id", cell: (p) => <CopyableId id={p.id} /> },
          { header: "Payment status", cell: (p) => <StatusBadge status={p.paymentStatus} /> },
          { header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
          {
            header: "Amount",
            numeric: true,
            cell: (p) => <Money amountMinor={p.debited.amountMinor} currency={p.debited.currency} />,
          },
          { header: "Remaining", numeric: true, cell: (p) => <MaybeMoney value={p.remaining} /> },
          { header: "Expires", cell: (p) => <MaybeTime iso={p.expiresAt} /> },
        ]}
      />
    ),
  }),
  "deposit-preauthorizations": section<DepositDTO>({
    noun: "deposit preauthorizations",
    load: (ctx, userId, query) => listUserDeposits({ ctx, input: { userId, query } }),
    table: (rows, paths) => (
      <DataTable
        testId="deposit-preauthorizations"
        rows={rows}
        rowKey={(d) => d.id}
        rowHref={(d) => paths.deposit(d.id)}
        rowLabel={(d) => `Open deposit preauthorization ${d.id}`}
        columns={[
          { header: "Created", cell: (d) => <MaybeTime iso={d.createdAt} /> },
          { header: "Id", cell: (d) => <CopyableId id={d.id} /> },
          { header: "Payment status", cell: (d) => <StatusBadge status={d.paymentStatus} /> },
          { header: "Status", cell: (d) => <StatusBadge status={d.status} /> },
          {
            header: "Amount",
            numeric: true,
            cell: (d) => <Money amountMinor={d.debited.amountMinor} currency={d.debited.currency} />,
          },
          { header: "Expires", cell: (d) => <MaybeTime iso={d.expiresAt} /> },
        ]}
      />
    ),
  }),
  "bank-accounts": section<BankAccountDTO>({
    noun: "bank accounts",
    load: (ctx, userId, query) => listUserBankAccounts({ ctx, input: { userId, query } }),
    table: (rows) => (
      <DataTable
        testId="bank-accounts"
        rows={rows}
        rowKey={(b) => b.id}
        columns={[
          { header: "Owner", cell: (b) => b.ownerName },
          { header: "Id", cell: (b) => <CopyableId id={b.id} /> },
          { header: "Type", cell: (b) => b.type },
          { header: "Number", cell: (b) => <span className="font-mono text-xs">{b.maskedNumber ?? "—"}</span> },
          { header: "Active", cell: (b) => yesNo(b.active) },
          { header: "Created", cell: (b) => <MaybeTime iso={b.createdAt} /> },
        ]}
      />
    ),
  }),
  mandates: section<MandateDTO>({
    noun: "mandates",
    load: (ctx, userId, query) => listUserMandates({ ctx, input: { userId, query } }),
    table: (rows) => (
      <DataTable
        testId="mandates"
        rows={rows}
        rowKey={(m) => m.id}
        columns={[
          { header: "Created", cell: (m) => <MaybeTime iso={m.createdAt} /> },
          { header: "Id", cell: (m) => <CopyableId id={m.id} /> },
          { header: "Status", cell: (m) => <StatusBadge status={m.status} /> },
          { header: "Scheme", cell: (m) => m.scheme ?? "—" },
          { header: "Bank account", cell: (m) => <CopyableId id={m.bankAccountId} /> },
          { header: "Result", cell: (m) => m.resultMessage ?? "—" },
        ]}
      />
    ),
  }),
  "kyc-documents": section<KycDocumentDTO>({
    noun: "KYC documents",
    load: (ctx, userId, query) => listUserKycDocuments({ ctx, input: { userId, query } }),
    table: (rows) => (
      <DataTable
        testId="kyc-documents"
        rows={rows}
        rowKey={(d) => d.id}
        columns={[
          { header: "Type", cell: (d) => label(d.type) },
          { header: "Id", cell: (d) => <CopyableId id={d.id} /> },
          { header: "Status", cell: (d) => <StatusBadge status={d.status} /> },
          {
            header: "Refusal reason",
            cell: (d) =>
              d.refusedReasonType
                ? `${label(d.refusedReasonType)}${d.refusedReasonMessage ? ` — ${d.refusedReasonMessage}` : ""}`
                : "—",
          },
          { header: "Created", cell: (d) => <MaybeTime iso={d.createdAt} /> },
          { header: "Processed", cell: (d) => <MaybeTime iso={d.processedAt} /> },
        ]}
      />
    ),
  }),
  "identity-verifications": section<IdentityVerificationDTO>({
    noun: "identity verifications",
    load: (ctx, userId, query) => listUserIdentityVerifications({ ctx, input: { userId, query } }),
    table: (rows, paths) => (
      <DataTable
        testId="identity-verifications"
        rows={rows}
        rowKey={(v) => v.id}
        rowHref={(v) => paths.identityVerification(v.id)}
        rowLabel={(v) => `Open identity verification ${v.id}`}
        columns={[
          { header: "Created", cell: (v) => <MaybeTime iso={v.createdAt} /> },
          { header: "Id", cell: (v) => <CopyableId id={v.id} /> },
          { header: "Status", cell: (v) => <StatusBadge status={v.status} /> },
          {
            header: "Checks",
            cell: (v) =>
              v.checks.length > 0 ? v.checks.map((c) => `${label(c.type)}: ${label(c.status)}`).join(", ") : "—",
          },
          { header: "Updated", cell: (v) => <MaybeTime iso={v.updatedAt} /> },
        ]}
      />
    ),
  }),
  "ubo-declarations": section<UboDeclarationDTO>({
    noun: "UBO declarations",
    load: (ctx, userId, query) => listUserUboDeclarations({ ctx, input: { userId, query } }),
    table: (rows) => (
      <DataTable
        testId="ubo-declarations"
        rows={rows}
        rowKey={(d) => d.id}
        columns={[
          { header: "Created", cell: (d) => <MaybeTime iso={d.createdAt} /> },
          { header: "Id", cell: (d) => <CopyableId id={d.id} /> },
          { header: "Status", cell: (d) => <StatusBadge status={d.status} /> },
          {
            header: "Beneficial owners",
            cell: (d) => (d.ubos.length > 0 ? d.ubos.map((u) => u.name).join(", ") : "None declared"),
          },
          {
            header: "Reason",
            cell: (d) => (d.reason ? `${label(d.reason)}${d.message ? ` — ${d.message}` : ""}` : "—"),
          },
          { header: "Processed", cell: (d) => <MaybeTime iso={d.processedAt} /> },
        ]}
      />
    ),
  }),
};
