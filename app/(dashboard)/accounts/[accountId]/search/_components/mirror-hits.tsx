import type { DashboardPaths, UserTab } from "@/lib/dashboard-paths";
import { syncedAgo } from "@/lib/format";
import type { MirrorObjectHit, MirrorSearchResult } from "@/lib/services/search/find-in-mirror";
import { SearchHitCard } from "./search-hit-card";

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
            <SearchHitCard
              key={`${hit.kind}:${hit.id}`}
              testId="mirror-object-hit"
              data={{ "data-kind": hit.kind }}
              label={hit.label}
              id={hit.id}
              status={hit.status}
              summary={hit.matched}
              amount={hit.amount}
              source={`From the mirror, synced ${syncedAgo(hit.syncedSecondsAgo)}`}
              link={href ? { href, label: "Open" } : null}
            />
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
          <SearchHitCard
            key={hit.id}
            testId="mirror-hit"
            label={hit.name || "(no name)"}
            id={hit.id}
            status={hit.status}
            summary={`${hit.email ?? "no email"} · ${hit.personType === "LEGAL" ? "Legal user" : "Natural user"}`}
            source={`From the mirror, synced ${syncedAgo(hit.syncedSecondsAgo)}`}
            link={{ href: paths.user(hit.id), label: "Open user" }}
          />
        ))}
      </ul>
    </section>
  );
}
