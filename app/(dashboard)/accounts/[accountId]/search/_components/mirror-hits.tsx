import Link from "@/components/intent-link";
import { CopyableId } from "@/components/copyable-id";
import { StatusBadge } from "@/components/status-badge";
import { MaybeMoney } from "@/components/money";
import type { DashboardPaths, UserTab } from "@/lib/dashboard-paths";
import { syncedAgo } from "@/lib/format";
import type { MirrorObjectHit, MirrorSearchResult } from "@/lib/services/search/find-in-mirror";

const USER_TAB: Partial<Record<MirrorObjectHit["kind"], UserTab>> = {
  bankAccount: "bank-accounts",
  card: "cards",
  mandate: "mandates",
  kycDocument: "kyc-documents",
  uboDeclaration: "ubo-declarations",
};

/** The live page an object found in the mirror opens (its own page, else its user's tab that lists it). */
function objectLink(hit: MirrorObjectHit, paths: DashboardPaths): string | null {
  if (hit.kind === "user") return paths.user(hit.id);
  if (hit.kind === "wallet") return paths.wallet(hit.id);
  if (hit.kind === "transaction") return paths.transaction(hit.id, hit.transactionKind);
  if (hit.kind === "dispute") return paths.dispute(hit.id);
  const tab = USER_TAB[hit.kind];
  return tab && hit.userId ? paths.userTab(hit.userId, tab) : null;
}

/** Found in the local mirror: users by email or name, other objects by IBAN ending, alias, reference, tag or amount. */
export function MirrorHits({ result, paths }: { result: MirrorSearchResult; paths: DashboardPaths }) {
  return (
    <>
      <MirrorUserHits result={result} paths={paths} />
      <MirrorObjectHits objects={result.objects} paths={paths} />
    </>
  );
}

function MirrorObjectHits({ objects, paths }: { objects: MirrorObjectHit[]; paths: DashboardPaths }) {
  if (objects.length === 0) return null;
  return (
    <section aria-labelledby="mirror-objects" className="space-y-2">
      <h2 id="mirror-objects" className="text-sm font-semibold text-slate-700">
        Objects by IBAN ending, card alias, wire reference, tag or amount
      </h2>
      <ul className="space-y-2" aria-label="Objects found in the mirror">
        {objects.map((hit) => {
          const href = objectLink(hit, paths);
          return (
            <li
              key={`${hit.kind}:${hit.id}`}
              className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
              data-testid="mirror-object-hit"
              data-kind={hit.kind}
            >
              <div className="space-y-1">
                <p className="flex items-center gap-2">
                  <span className="font-semibold">{hit.label}</span>
                  <CopyableId id={hit.id} />
                  {hit.status ? <StatusBadge status={hit.status} /> : null}
                </p>
                <p className="text-sm text-slate-600">
                  {hit.matched}
                  {hit.amount ? (
                    <>
                      {" · "}
                      <MaybeMoney value={hit.amount} />
                    </>
                  ) : null}
                </p>
                <p className="text-xs text-slate-500">From the mirror, synced {syncedAgo(hit.syncedSecondsAgo)}</p>
              </div>
              {href ? (
                <Link href={href} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
                  Open
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function MirrorUserHits({ result, paths }: { result: MirrorSearchResult; paths: DashboardPaths }) {
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
