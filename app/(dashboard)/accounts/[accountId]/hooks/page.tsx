import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { Suspense } from "react";
import { EmptyState } from "@/components/empty-state";
import { SectionSkeleton } from "@/components/page-skeleton";
import { hrefWith } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { cn } from "@/lib/cn";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { listHooks } from "@/lib/services/hooks/list";
import { settle } from "@/lib/services/upstream";
import { HookActions } from "./_components/hook-controls";
import { HooksTable } from "./_components/hooks-table";
import { MirrorBackfill } from "./_components/mirror-backfill";
import { MirrorConnection } from "./_components/mirror-connection";

export const metadata: Metadata = { title: "Hooks" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

async function HooksSection({ ctx, onlyProblems }: { ctx: AccountContext; onlyProblems: boolean }) {
  const result = await settle(listHooks({ ctx }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const all = [...result.data.rows, ...result.data.unknownTypes];
  const counts = { invalid: 0, missing: 0, disabled: 0 };
  for (const r of all) if (r.problem) counts[r.problem] += 1;
  const rows = onlyProblems ? all.filter((r) => r.problem) : all;
  const canCreate = can(ctx, "hooks.create");
  const canEdit = can(ctx, "hooks.edit");
  const table = (
    <>
      <p className="text-sm" data-testid="hook-summary">
        {all.length} event types ·{" "}
        <strong className={cn(counts.invalid > 0 && "text-red-700")}>{counts.invalid} invalid</strong> ·{" "}
        {counts.disabled} disabled · {counts.missing} without a hook
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No problems">Every event type has a valid, enabled hook.</EmptyState>
      ) : (
        <HooksTable rows={rows} withActions={canCreate || canEdit} />
      )}
    </>
  );
  return canCreate || canEdit ? (
    <HookActions
      accountId={ctx.account.id}
      canCreate={canCreate}
      canEdit={canEdit}
      production={ctx.account.environment === "PRODUCTION"}
    >
      {table}
    </HookActions>
  ) : (
    table
  );
}

/** Every event type MANGOPAY supports with its hook; missing, invalid and disabled ones stand out. */
export default async function HooksPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "hooks.read");
  const onlyProblems = query.problems === "1";
  const pathname = `${dashboardPaths(ctx.account.id).home}/hooks`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Hooks</h1>
        <p className="text-sm text-slate-600">
          MANGOPAY calls one URL per event type. After 100 failed deliveries a hook becomes invalid and receives nothing
          more until it is fixed.
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Suspense fallback={<SectionSkeleton label="Loading the webhook connection" height="h-24" />}>
          <MirrorConnection ctx={ctx} />
        </Suspense>
        <Suspense fallback={<SectionSkeleton label="Loading the mirror backfill" height="h-24" />}>
          <MirrorBackfill ctx={ctx} />
        </Suspense>
      </div>
      <nav aria-label="Hook filter" className="flex gap-2" data-testid="hook-filter">
        {[
          { label: "All event types", value: undefined },
          { label: "Only problems", value: "1" },
        ].map((f) => (
          <Link
            key={f.label}
            href={hrefWith(pathname, query, { problems: f.value })}
            aria-current={(f.value === "1") === onlyProblems ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm",
              (f.value === "1") === onlyProblems
                ? "border-slate-900 bg-slate-900 text-white"
                : "border-slate-300 bg-white hover:bg-slate-100",
            )}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <Suspense key={String(onlyProblems)} fallback={<SectionSkeleton label="Loading hooks" height="h-96" />}>
        <HooksSection ctx={ctx} onlyProblems={onlyProblems} />
      </Suspense>
    </div>
  );
}
