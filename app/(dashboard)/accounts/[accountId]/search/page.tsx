import type { Metadata } from "next";
import { Suspense } from "react";
import { SectionSkeleton } from "@/components/page-skeleton";
import { EmptyState } from "@/components/empty-state";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { dashboardPaths, type DashboardPaths, type UserTab } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can, type PermissionHolder } from "@/lib/server/permissions";
import { findEventsByResourceId } from "@/lib/services/search/find-events";
import { settle } from "@/lib/services/upstream";
import { findById, type SearchHit } from "@/lib/services/search/find-by-id";
import { EventsNamingId } from "./_components/events-naming-id";
import { findInMirror, type MirrorSearchResult } from "@/lib/services/search/find-in-mirror";
import { MirrorHits } from "./_components/mirror-hits";
import { SearchHitCard } from "./_components/search-hit-card";

export const metadata: Metadata = { title: "Search" };

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Where a hit opens: its own page when the dashboard has one, else the user's tab that lists it.
const USER_TAB_OF: Partial<Record<SearchHit["type"], UserTab>> = {
  card: "cards",
  cardRegistration: "cards",
  preauthorization: "preauthorizations",
  bankAccount: "bank-accounts",
  mandate: "mandates",
  kycDocument: "kyc-documents",
  uboDeclaration: "ubo-declarations",
  payin: "transactions",
  payout: "transactions",
  transfer: "transactions",
  refund: "transactions",
  repudiation: "transactions",
  settlement: "transactions",
};

function hitLink(hit: SearchHit, paths: DashboardPaths, ctx: PermissionHolder): { href: string; label: string } | null {
  if (hit.type === "user") return { href: paths.user(hit.id), label: "Open user" };
  if (hit.type === "wallet") return { href: paths.wallet(hit.id), label: "Open wallet" };
  if (hit.type === "conversion") return { href: paths.transaction(hit.id, "CONVERSION"), label: "Open conversion" };
  if (hit.type === "deposit") return { href: paths.deposit(hit.id), label: "Open deposit preauthorization" };
  if (hit.type === "recurringRegistration")
    return { href: paths.recurringRegistration(hit.id), label: "Open recurring registration" };
  if (hit.type === "identityVerification")
    return { href: paths.identityVerification(hit.id), label: "Open identity verification" };
  if (hit.type === "cardValidation" && hit.parentId)
    return { href: paths.cardValidation(hit.parentId, hit.id), label: "Open card validation" };
  if (hit.type === "recipient") return { href: paths.recipient(hit.id), label: "Open recipient" };
  if (hit.type === "payInIntent") return { href: paths.payInIntent(hit.id), label: "Open pay-in intent" };
  if (hit.type === "intentSettlement") return { href: paths.intentSettlement(hit.id), label: "Open settlement" };
  if (hit.type === "virtualAccount" && hit.parentId)
    return { href: paths.virtualAccount(hit.parentId, hit.id), label: "Open virtual account" };
  const tab = USER_TAB_OF[hit.type];
  if (tab && hit.userId && can(ctx, "users.read"))
    return { href: paths.userTab(hit.userId, tab), label: `Open in user ${hit.userId}` };
  return null;
}

export default async function SearchPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "users.read");
  const paths = dashboardPaths(ctx.account.id);
  const q = typeof query.q === "string" ? query.q : "";
  if (q.trim() === "") {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Search</h1>
        <EmptyState title="Search any object by its Id">
          Type an Id in the search box (press <kbd className="rounded border px-1">/</kbd> or{" "}
          <kbd className="rounded border px-1">Ctrl K</kbd>). For a bank account, type the user&apos;s Id, a slash and
          the bank account&apos;s Id; for a card validation, the card&apos;s Id first; for a virtual account, the
          wallet&apos;s Id first. With this account&apos;s webhooks connected, users are also found in the local mirror
          by the start of their email or name, or by any part of it of 3 characters or more.
        </EmptyState>
      </div>
    );
  }
  // The events naming this Id are read at the same time as the objects (their own section below),
  // and the Id probes (MANGOPAY) side by side with the email/name lookup (local mirror).
  const events = can(ctx, "events.read") ? settle(findEventsByResourceId({ ctx, input: { query: q } })) : null;
  const empty: MirrorSearchResult = { connected: false, hits: [], objects: [] };
  const [result, mirror] = await Promise.all([
    findById({ ctx, input: { query: q } }),
    q.trim().length >= 2 ? findInMirror({ ctx, input: { query: q } }) : Promise.resolve(empty),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Search</h1>
        <p className="text-sm text-slate-600">
          Results for <span className="font-mono">{result.query}</span>
        </p>
      </div>
      <MirrorHits result={mirror} paths={paths} />
      {mirror.hits.length + mirror.objects.length > 0 ? null : !result.valid ? (
        <EmptyState title="That is not an Id">
          MANGOPAY Ids are letters, digits, “_” and “-” (up to 128 characters).{" "}
          {mirror.connected
            ? "Nothing in the local mirror has this email, name, IBAN ending, card alias, wire reference, tag or amount either."
            : "Search by email, name, IBAN ending, card alias, wire reference, tag or amount needs this account's webhooks connected (Hooks page)."}
        </EmptyState>
      ) : result.hits.length === 0 && result.failures.length === 0 ? (
        <EmptyState title={`Nothing found for “${result.query}”`}>
          No object you may see on this account has this Id.
          {events ? " Events naming it, if any, are listed below." : null}
        </EmptyState>
      ) : null}
      {result.hits.length > 0 ? (
        <ul className="space-y-2" aria-label="Search results">
          {result.hits.map((hit) => {
            return (
              <SearchHitCard
                key={`${hit.type}:${hit.id}`}
                testId="search-hit"
                data={{ "data-type": hit.type }}
                label={hit.typeLabel}
                id={hit.id}
                status={hit.status}
                summary={hit.summary}
                amount={hit.amount}
                link={hitLink(hit, paths, ctx)}
              />
            );
          })}
        </ul>
      ) : null}
      {result.failures.map((f) => (
        <ServiceErrorMessage key={f.typeLabel} view={{ ...f.error, title: `${f.typeLabel}: ${f.error.title}` }} />
      ))}
      {events && result.valid ? (
        <Suspense fallback={<SectionSkeleton label="Looking for events naming this Id" height="h-16" />}>
          <EventsNamingId ctx={ctx} id={result.query} events={events} />
        </Suspense>
      ) : null}
      {result.skipped.length > 0 ? (
        <p className="text-xs text-slate-500">
          Not searched (your permissions on this account do not include them): {result.skipped.join(", ")}.
        </p>
      ) : null}
    </div>
  );
}
