import { ServiceErrorMessage } from "@/components/service-error-message";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { getMirrorBackfill, type MirrorBackfillDTO } from "@/lib/services/mirror/get-backfill";
import { settle } from "@/lib/services/upstream";
import { BackfillControls } from "./backfill-controls";

const STATUS_TEXT: Record<MirrorBackfillDTO["status"], string> = {
  NEVER: "Not backfilled yet: the mirror holds only objects with an event since the webhooks were connected.",
  RUNNING: "Backfill running",
  DONE: "Last backfill finished",
  CANCELLED: "Last backfill cancelled",
  FAILED: "Last backfill failed (Backfill resumes where it stopped)",
};

function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** The mirror's backfill: rows per kind, where the run stands, its rate and ETA; start and cancel. */
export async function MirrorBackfill({ ctx }: { ctx: AccountContext }) {
  const result = await settle(getMirrorBackfill({ ctx }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const b = result.data;
  const mayRun = can(ctx, "hooks.create") && can(ctx, "hooks.edit");
  const running = b.status === "RUNNING";
  return (
    <section
      aria-labelledby="mirror-backfill"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="mirror-backfill"
    >
      <h2 id="mirror-backfill" className="font-semibold">
        Mirror backfill
      </h2>
      <p className="text-sm" role="status">
        {STATUS_TEXT[b.status]}
        {running && b.phase ? ` · listing ${b.phase.toLowerCase()}, page ${b.page ?? 1}` : null}
        {b.finishedAt && !running ? ` · ${new Date(b.finishedAt).toUTCString()}` : null}
      </p>
      {b.status !== "NEVER" ? (
        <p className="text-xs text-slate-600">
          Users {b.usersDone}
          {b.usersTotal !== null ? ` of ${b.usersTotal}` : ""} · {b.pages} page(s) written
          {b.usersPerMinute !== null ? ` · ${b.usersPerMinute} users/min` : ""}
          {b.etaSeconds !== null ? ` · about ${duration(b.etaSeconds)} left` : ""}
        </p>
      ) : null}
      {b.lastError ? <p className="text-xs text-amber-700">Last error: {b.lastError}</p> : null}
      <dl className="grid grid-cols-3 gap-x-4 gap-y-1 text-xs" aria-label="Rows in the mirror">
        {b.rows.map((r) => (
          <div key={r.kind} className="flex justify-between gap-2">
            <dt className="text-slate-600">{r.label}</dt>
            <dd className="font-mono">{r.count}</dd>
          </div>
        ))}
      </dl>
      {mayRun ? <BackfillControls accountId={ctx.account.id} running={running} /> : null}
    </section>
  );
}
