import "server-only";
import { reports } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { isReportKind } from "@/lib/report-catalog";
import type { PageDTO } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { runStatusOf } from "./request-body";
import { ListReportsInput } from "./schemas";

export type ReportListItemDTO = {
  mangopayReportId: string;
  createdAt: string;
  /** The definition's name, else MANGOPAY's Tag (a report made outside the dashboard). */
  name: string | null;
  reportType: string;
  /** Our vocabulary: PENDING, READY, FAILED, EXPIRED. */
  status: string;
  runId: string | null;
  definitionId: string | null;
};

const PER_PAGE = 20;

/**
 * Every report MANGOPAY generated for the account (both services, newest first), joined with our
 * definitions and runs. Each service is paged on its own; the page shows both pages merged.
 */
export async function listReports({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ListReportsInput;
}): Promise<PageDTO<ReportListItemDTO>> {
  assertCan(ctx, "reporting.read");
  const { accountId, page } = parseInput(ListReportsInput, input);
  if (accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const options = { page, perPage: PER_PAGE, sort: { field: "CreationDate", direction: "DESC" } as const };
  const [legacy, v2] = await Promise.all([
    readMangopay(ctx, `reports:${page}`, (client) => reports.list(client, options)),
    readMangopay(ctx, `reporting:${page}`, (client) => reports.listV2(client, options)),
  ]);
  const all = [...legacy.items, ...v2.items].sort((a, b) => b.CreationDate.getTime() - a.CreationDate.getTime());
  const runs = await db.reportRun.findMany({
    where: {
      hubId: ctx.hub.id,
      apiAccountId: ctx.account.id,
      mangopayReportId: { in: all.map((r) => r.Id) },
    },
    select: { id: true, mangopayReportId: true, definition: { select: { id: true, name: true } } },
  });
  const byReport = new Map(runs.map((r) => [r.mangopayReportId, r]));
  const pages = [legacy.totalPages, v2.totalPages].filter((n): n is number => n !== null);
  const totals = [legacy.totalItems, v2.totalItems];
  return {
    items: all.map((r) => {
      const run = byReport.get(r.Id);
      return {
        mangopayReportId: r.Id,
        createdAt: r.CreationDate.toISOString(),
        name: run?.definition.name ?? r.Tag ?? null,
        reportType: isReportKind(r.ReportType) ? r.ReportType : String(r.ReportType),
        status: runStatusOf(r.Status),
        runId: run?.id ?? null,
        definitionId: run?.definition.id ?? null,
      };
    }),
    page,
    perPage: PER_PAGE * 2,
    totalItems: totals.every((t) => t !== null) ? totals.reduce<number>((s, t) => s + (t ?? 0), 0) : null,
    totalPages: pages.length > 0 ? Math.max(...pages) : null,
  };
}
