import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { countMirrorRows, MIRROR_KIND_LABELS, type MirrorKindName } from "./kinds";

export type MirrorBackfillDTO = {
  status: "NEVER" | "RUNNING" | "DONE" | "CANCELLED" | "FAILED";
  /** What is being listed now (a kind's label, or "Events"). */
  phase: string | null;
  page: number | null;
  pages: number;
  usersDone: number;
  usersTotal: number | null;
  /** Users per minute since the run started. */
  usersPerMinute: number | null;
  /** Seconds until the users are done at that rate (the account-wide lists after them are short). */
  etaSeconds: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  lastError: string | null;
  /** Rows per kind now in this account's mirror (from backfill and webhooks alike). */
  rows: { kind: MirrorKindName; label: string; count: number }[];
};

const PHASE_LABELS: Record<string, string> = { ...MIRROR_KIND_LABELS, event: "Events", done: "Done" };
const STATUSES = new Set(["RUNNING", "DONE", "CANCELLED", "FAILED"]);

/** The account's backfill progress and its mirror's size, for the hooks page. */
export async function getMirrorBackfill({ ctx }: { ctx: AccountContext }): Promise<MirrorBackfillDTO> {
  assertCan(ctx, "hooks.read");
  const scope = { hubId: ctx.hub.id, apiAccountId: ctx.account.id };
  const [b, counts] = await Promise.all([
    db.mirrorBackfill.findFirst({
      where: scope,
      select: {
        status: true,
        phase: true,
        page: true,
        steps: true,
        usersDone: true,
        usersTotal: true,
        startedAt: true,
        finishedAt: true,
        updatedAt: true,
        lastError: true,
      },
    }),
    countMirrorRows(scope),
  ]);
  const rows = (Object.keys(MIRROR_KIND_LABELS) as MirrorKindName[]).map((kind) => ({
    kind,
    label: MIRROR_KIND_LABELS[kind],
    count: counts[kind],
  }));
  if (!b)
    return {
      status: "NEVER",
      phase: null,
      page: null,
      pages: 0,
      usersDone: 0,
      usersTotal: null,
      usersPerMinute: null,
      etaSeconds: null,
      startedAt: null,
      finishedAt: null,
      lastError: null,
      rows,
    };
  const running = b.status === "RUNNING";
  const elapsedMs = (running ? new Date() : (b.finishedAt ?? b.updatedAt)).getTime() - b.startedAt.getTime() || 1;
  const perMinute = b.usersDone > 0 ? (b.usersDone * 60_000) / elapsedMs : null;
  const left = b.usersTotal !== null ? Math.max(0, b.usersTotal - b.usersDone) : null;
  const eta = running && b.phase === "user" && perMinute && left !== null ? Math.round((left / perMinute) * 60) : null;
  return {
    status: STATUSES.has(b.status) ? (b.status as MirrorBackfillDTO["status"]) : "FAILED",
    phase: running ? (PHASE_LABELS[b.phase] ?? b.phase) : null,
    page: running ? b.page : null,
    pages: b.steps,
    usersDone: b.usersDone,
    usersTotal: b.usersTotal,
    usersPerMinute: perMinute === null ? null : Math.round(perMinute * 10) / 10,
    etaSeconds: eta,
    startedAt: b.startedAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
    lastError: b.lastError,
    rows,
  };
}
