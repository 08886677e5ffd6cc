import "server-only";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { getMemberTimeZone } from "@/lib/services/auth/time-zone";
import type { MoneyDTO } from "@/lib/services/mangopay/inputs";
import { getTransaction } from "@/lib/services/transactions/get";
import type { TransactionDetailDTO } from "@/lib/services/transactions/dto";
import { getUser } from "@/lib/services/users/get";
import { settle } from "@/lib/services/upstream";
import { renderReceiptPdf, type ReceiptSection } from "./render-pdf";
import { RECEIPT_KINDS, ReceiptInput } from "./schemas";

const TITLES: Record<(typeof RECEIPT_KINDS)[number], string> = {
  PAYIN: "Pay-in receipt",
  PAYOUT: "Payout proof",
  TRANSFER: "Transfer receipt",
  REFUND: "Refund receipt",
};

/** Amounts exactly as components/money.tsx shows them on screen. */
const money = (m: MoneyDTO | null) => (m ? formatMoney(m.amountMinor, m.currency) : "—");

export type ReceiptFile = { filename: string; bytes: Uint8Array };

/**
 * A PDF receipt (or payout proof) of one transaction: the platform, the parties, amounts and fees,
 * status, dates in the member's time zone and MANGOPAY's ids. Each download is audited.
 */
export async function buildTransactionReceipt({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ReceiptInput;
}): Promise<ReceiptFile> {
  assertCan(ctx, "transactions.read");
  const data = parseInput(ReceiptInput, input);
  const tx: TransactionDetailDTO = await getTransaction({ ctx, input: data });
  const kind = RECEIPT_KINDS.find((k) => k === tx.kind);
  if (!kind) throw new NotFoundError("No receipt exists for this kind of transaction");

  const nameOf = async (userId: string | null) => {
    if (!userId || !ctx.permissions.has("users.read")) return userId ?? "—";
    const user = await settle(getUser({ ctx, input: { userId } }));
    return user.ok ? `${user.data.name} (${userId})` : userId;
  };
  const [zone, author, credited] = await Promise.all([
    getMemberTimeZone(ctx.actor.id),
    nameOf(tx.authorId),
    nameOf(tx.creditedUserId),
  ]);
  const timeZone = zone ?? "UTC";
  const when = (isoString: string | null) => (isoString ? formatDateTime(new Date(isoString), timeZone) : "—");

  const parties: [string, string][] = [
    ["Author (debited user)", author],
    ["Debited wallet", tx.debitedWalletId ?? "—"],
    ["Credited user", credited],
    ["Credited wallet", tx.creditedWalletId ?? "—"],
  ];
  if (tx.payOut)
    parties.push(
      ["Bank account", tx.payOut.bankAccountId ?? "—"],
      ["Bank wire reference", tx.payOut.bankWireRef ?? "—"],
    );
  if (tx.payIn?.wireReference) parties.push(["Wire reference", tx.payIn.wireReference]);
  const sections: ReceiptSection[] = [
    {
      title: "Platform",
      rows: [
        ["API account", `${ctx.account.name} (${ctx.account.environment === "PRODUCTION" ? "production" : "sandbox"})`],
        ["MANGOPAY client id", ctx.account.clientId],
      ],
    },
    {
      title: "Transaction",
      rows: [
        ["MANGOPAY id", tx.id],
        ["Type / nature", `${tx.type} / ${tx.nature}`],
        ...(tx.payIn ? ([["Payment type", tx.payIn.paymentType]] as [string, string][]) : []),
        ["Status", tx.status],
        ["Result", [tx.resultCode, tx.resultMessage].filter(Boolean).join(" — ") || "—"],
        ["Created", when(tx.createdAt)],
        ["Executed", when(tx.executedAt)],
        ...(tx.initialTransaction
          ? ([["Refunded transaction", `${tx.initialTransaction.type} ${tx.initialTransaction.id}`]] as [
              string,
              string,
            ][])
          : []),
        ...(tx.refundReason?.type ? ([["Refund reason", tx.refundReason.type]] as [string, string][]) : []),
        ...(tx.tag ? ([["Tag", tx.tag]] as [string, string][]) : []),
      ],
    },
    { title: "Parties", rows: parties },
    {
      title: "Amounts",
      rows: [
        ["Debited", money(tx.debited)],
        ["Fees", money(tx.fees)],
        ["Credited", money(tx.credited)],
      ],
    },
  ];
  const generatedAt = new Date();
  const bytes = await renderReceiptPdf({
    title: `${TITLES[kind]} ${tx.id}`,
    subtitle: `${ctx.hub.name} · ${ctx.account.name}`,
    sections,
    footer: [
      `Generated ${formatDateTime(generatedAt, timeZone)} (${timeZone}) by ${ctx.actor.email} from the MANGOPAY API's data.`,
      "Quote the MANGOPAY ids above to MANGOPAY support.",
    ],
  });
  await db.$transaction((t) =>
    writeAudit(t, ctx, {
      action: "receipt.download",
      target: { type: "transaction", id: tx.id },
      metadata: { kind, status: tx.status, debited: tx.debited, fees: tx.fees },
    }),
  );
  return { filename: `${kind.toLowerCase()}-${tx.id}.pdf`, bytes };
}
