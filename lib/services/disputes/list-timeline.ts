import "server-only";
import { events } from "@/lib/mangopay";
import { EVENT_RETENTION_DAYS } from "@/lib/mangopay/event-types";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan, can } from "@/lib/server/permissions";
import { readMangopay } from "@/lib/services/mangopay/request";
import type { DisputeDocumentDTO, DisputeDTO } from "./dto";
import type { TransactionDTO } from "@/lib/services/transactions/dto";

export type TimelineEntry = { date: string; label: string; detail: string | null; source: "event" | "object" };

const DISPUTE_EVENT_LABELS: Record<string, string> = {
  DISPUTE_CREATED: "Dispute opened",
  DISPUTE_ACTION_REQUIRED: "Action required from you",
  DISPUTE_SUBMITTED: "Evidence submitted",
  DISPUTE_SENT_TO_BANK: "Sent to the bank",
  DISPUTE_FURTHER_ACTION_REQUIRED: "Further action required",
  DISPUTE_CLOSED: "Dispute closed",
};

/**
 * The dispute's story: its DISPUTE_* events (MANGOPAY keeps 45 days of them) merged with the dates
 * its own objects carry — documents sent and reviewed, money moved, closure — oldest first.
 */
export async function listDisputeTimeline({
  ctx,
  input,
  nowMs = Date.now(),
}: {
  ctx: AccountContext;
  /** The dispute and its objects as already read (and permission-checked) by the caller's verbs. */
  input: { dispute: DisputeDTO; documents: readonly DisputeDocumentDTO[]; transactions: readonly TransactionDTO[] };
  nowMs?: number;
}): Promise<{ entries: TimelineEntry[]; eventsAvailable: boolean }> {
  assertCan(ctx, "disputes.read");
  const { dispute, documents, transactions } = input;
  const entries: TimelineEntry[] = [];
  const oldest = Math.ceil(nowMs / 1000) - EVENT_RETENTION_DAYS * 86_400 + 60;
  const openedAt = Math.floor(Date.parse(dispute.createdAt) / 1000) - 1;
  const eventsAvailable = can(ctx, "events.read") && openedAt >= oldest;
  if (eventsAvailable) {
    const page = await readMangopay(ctx, `dispute-events:${dispute.id}`, (client) =>
      events.list(client, {
        perPage: 100,
        sort: { field: "Date", direction: "ASC" },
        filters: { EventType: Object.keys(DISPUTE_EVENT_LABELS), AfterDate: openedAt },
      }),
    );
    for (const e of page.items) {
      if (e.ResourceId !== dispute.id) continue;
      entries.push({
        date: e.Date.toISOString(),
        label: DISPUTE_EVENT_LABELS[e.EventType] ?? e.EventType,
        detail: e.EventType,
        source: "event",
      });
    }
  }
  if (!entries.some((e) => e.detail === "DISPUTE_CREATED"))
    entries.push({ date: dispute.createdAt, label: "Dispute opened", detail: null, source: "object" });
  for (const d of documents) {
    entries.push({ date: d.createdAt, label: `Document added: ${d.type}`, detail: d.id, source: "object" });
    if (d.processedAt) {
      entries.push({
        date: d.processedAt,
        label: `Document ${d.status === "REFUSED" ? "refused" : d.status === "VALIDATED" ? "validated" : "reviewed"}: ${d.type}`,
        detail: d.refusedReasonType,
        source: "object",
      });
    }
  }
  for (const t of transactions) {
    const what =
      t.nature === "REPUDIATION"
        ? "Funds repudiated"
        : t.nature === "SETTLEMENT"
          ? "Settlement transfer"
          : t.nature === "REFUND"
            ? "Funds given back"
            : `${t.type} ${t.nature}`;
    entries.push({ date: t.executedAt ?? t.createdAt, label: `${what} (${t.status})`, detail: t.id, source: "object" });
  }
  if (dispute.closedAt && !entries.some((e) => e.detail === "DISPUTE_CLOSED")) {
    entries.push({
      date: dispute.closedAt,
      label: `Dispute closed${dispute.resultCode ? ` — ${dispute.resultCode}` : ""}`,
      detail: null,
      source: "object",
    });
  }
  entries.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  return { entries, eventsAvailable };
}
