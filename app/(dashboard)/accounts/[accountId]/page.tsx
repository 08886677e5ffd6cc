import type { Metadata } from "next";
import { Suspense } from "react";
import { SectionSkeleton } from "@/components/page-skeleton";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-message";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can, ROLE_LABELS } from "@/lib/server/permissions";
import { DASHBOARD_NAV } from "@/lib/server/route-permissions";
import { listReturnedPayouts } from "@/lib/services/payouts/list-returned";
import { listUboNeedingAttention } from "@/lib/services/ubo-declarations/list-needing-attention";
import { settle } from "@/lib/services/upstream";
import {
  ComplianceCard,
  DisputesCard,
  FeesBalances,
  FeesPerDay,
  PayoutIssuesCard,
} from "./_components/home/home-sections";

export const metadata: Metadata = { title: "Dashboard" };

const RETURNED_PAYOUT_DAYS = 30;

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The link of a dashboard section, only when that page exists (listed in the navigation) and the member may open it. */
function sectionHref(base: string, segment: string, allowed: boolean): string | null {
  return allowed && DASHBOARD_NAV.some((l) => l.segment === segment) ? `${base}${segment}` : null;
}

/** Dashboard home: fees, then issue cards; every section streams on its own and fails on its own. */
export default async function AccountHomePage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, null);
  const base = `/accounts/${encodeURIComponent(ctx.account.id)}`;
  const canFees = can(ctx, "clientWallets.read");
  const canKyc = can(ctx, "kycDocuments.read");
  const canPayouts = can(ctx, "payouts.read") && can(ctx, "refunds.read") && can(ctx, "events.read");
  const canDisputes = can(ctx, "disputes.read");
  const withUbo = canKyc && can(ctx, "uboDeclarations.read") && can(ctx, "events.read");
  const nothing = !canFees && !canKyc && !canPayouts && !canDisputes;
  // The two chains the API forces (events, then the objects they name) start before anything else is
  // rendered: their events come back first, and their second round is not queued behind the fees
  // chart's pages. The cards below get the same reads from the request's memo.
  if (canPayouts) void settle(listReturnedPayouts({ ctx, input: { days: RETURNED_PAYOUT_DAYS } }));
  if (withUbo) void settle(listUboNeedingAttention({ ctx }));
  return (
    <div className="space-y-6">
      {query.denied ? <FormAlert>You do not have permission to open that page on this account.</FormAlert> : null}
      <div>
        <h1 className="text-2xl font-semibold">{ctx.account.name}</h1>
        <p className="text-sm text-slate-600">
          ClientId <span className="font-mono">{ctx.account.clientId}</span> · you are{" "}
          {ROLE_LABELS[ctx.membership.role]}
          {ctx.access.source === "SSO" ? " (permissions from MANGOPAY SSO)" : ""}
        </p>
      </div>
      {canFees ? (
        <Card className="space-y-4 p-5" aria-label="Fees">
          <h2 className="font-semibold">Fees collected</h2>
          <Suspense fallback={<SectionSkeleton label="Loading fees" height="h-12" />}>
            <FeesBalances ctx={ctx} />
          </Suspense>
          <Suspense fallback={<SectionSkeleton label="Loading fees per day" height="h-48" />}>
            <FeesPerDay ctx={ctx} />
          </Suspense>
        </Card>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        {canKyc ? (
          <Suspense fallback={<SectionSkeleton label="Loading compliance" height="h-36" />}>
            <ComplianceCard ctx={ctx} href={sectionHref(base, "/compliance", true)} withUbo={withUbo} />
          </Suspense>
        ) : null}
        {canPayouts ? (
          <Suspense fallback={<SectionSkeleton label="Loading payout issues" height="h-36" />}>
            <PayoutIssuesCard ctx={ctx} days={RETURNED_PAYOUT_DAYS} />
          </Suspense>
        ) : null}
        {canDisputes ? (
          <Suspense fallback={<SectionSkeleton label="Loading disputes" height="h-36" />}>
            <DisputesCard ctx={ctx} href={sectionHref(base, "/disputes", true)} />
          </Suspense>
        ) : null}
      </div>
      {nothing ? (
        <Card className="p-6 text-sm text-slate-600">
          Nothing on this home page is granted to you on this account. Ask an admin of this dashboard.
        </Card>
      ) : null}
    </div>
  );
}
