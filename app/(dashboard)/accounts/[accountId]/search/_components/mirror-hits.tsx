import Link from "next/link";
import { CopyableId } from "@/components/copyable-id";
import { StatusBadge } from "@/components/status-badge";
import type { DashboardPaths } from "@/lib/dashboard-paths";
import { syncedAgo } from "@/lib/format";
import type { MirrorSearchResult } from "@/lib/services/search/find-in-mirror";

/** Users found by email or name in the local mirror; each opens the live user page (read from MANGOPAY). */
export function MirrorHits({ result, paths }: { result: MirrorSearchResult; paths: DashboardPaths }) {
  if (result.hits.length === 0) return null;
  return (
    <section aria-labelledby="mirror-hits" className="space-y-2">
      <h2 id="mirror-hits" className="text-sm font-semibold text-slate-700">
        Users by email or name
      </h2>
      <ul className="space-y-2" aria-label="Users found in the mirror">
        {result.hits.map((hit) => (
          <li
            key={hit.id}
            className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
            data-testid="mirror-hit"
          >
            <div className="space-y-1">
              <p className="flex items-center gap-2">
                <span className="font-semibold">{hit.name || "(no name)"}</span>
                <CopyableId id={hit.id} />
                {hit.status ? <StatusBadge status={hit.status} /> : null}
              </p>
              <p className="text-sm text-slate-600">
                {hit.email ?? "no email"} · {hit.personType === "LEGAL" ? "Legal user" : "Natural user"}
              </p>
              <p className="text-xs text-slate-500">From the mirror, synced {syncedAgo(hit.syncedSecondsAgo)}</p>
            </div>
            <Link
              href={paths.user(hit.id)}
              className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
            >
              Open user
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
