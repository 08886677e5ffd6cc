import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { EnvironmentBadge } from "@/components/environment-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-message";
import { getHubContext } from "@/lib/server/context";
import { can } from "@/lib/server/permissions";
import { listApiAccounts } from "@/lib/services/api-accounts/list";
import { SectionSkeleton } from "@/components/page-skeleton";
import { AccountOverviews } from "./_components/account-overviews";
import { AccountActions } from "./accounts/_components/account-actions";

export const metadata: Metadata = { title: "Hub" };

export default async function HubPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [ctx, params] = await Promise.all([getHubContext(), searchParams]);
  const accounts = await listApiAccounts({ ctx });
  const manages = can(ctx, "hub.accounts.manage");
  const added = typeof params.added === "string" ? accounts.find((a) => a.id === params.added) : undefined;
  return (
    <div className="space-y-6">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">API accounts</h1>
          <p className="text-sm text-slate-600">Each API account has its own dashboard.</p>
        </div>
        {manages ? (
          <Button asChild>
            <Link href="/hub/accounts/new">Add API account</Link>
          </Button>
        ) : null}
      </div>
      {params.denied ? <FormAlert>You do not have permission to open that page.</FormAlert> : null}
      {added ? <FormAlert tone="success">“{added.name}” was verified with MANGOPAY and added.</FormAlert> : null}
      {accounts.filter((a) => a.canOpenDashboard).length > 1 ? (
        <Suspense fallback={<SectionSkeleton label="Loading accounts at a glance" height="h-40" />}>
          <AccountOverviews ctx={ctx} />
        </Suspense>
      ) : null}
      {accounts.length === 0 ? (
        <Card className="p-8 text-center text-sm text-slate-600">
          {manages
            ? "No API account yet. Add a sandbox account to get started."
            : "You have not been given access to any API account yet. Ask an admin of your Hub."}
        </Card>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200" aria-label="API accounts">
            {accounts.map((a) => (
              <li
                key={a.id}
                data-testid="api-account"
                className={`flex flex-wrap items-center justify-between gap-4 px-5 py-4 ${a.environment === "PRODUCTION" ? "border-l-4 border-production" : ""}`}
              >
                <div className="min-w-0 space-y-1">
                  <div className="flex items-center gap-2">
                    <p className="font-medium">{a.name}</p>
                    <EnvironmentBadge environment={a.environment} />
                  </div>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-500">
                    <dt>ClientId</dt>
                    <dd className="font-mono">{a.clientId}</dd>
                    <dt>Base URL</dt>
                    <dd className="font-mono break-all">{a.baseUrl}</dd>
                    {manages ? (
                      <>
                        <dt>API key</dt>
                        <dd className="font-mono">…{a.apiKeyLast4}</dd>
                      </>
                    ) : null}
                  </dl>
                </div>
                <div className="flex items-center gap-2">
                  {manages ? (
                    <AccountActions
                      account={{
                        id: a.id,
                        name: a.name,
                        environment: a.environment,
                        apiKeyLast4: a.apiKeyLast4,
                        eventRetentionDays: a.eventRetentionDays,
                      }}
                    />
                  ) : null}
                  {a.canOpenDashboard ? (
                    <Button asChild variant={a.environment === "PRODUCTION" ? "danger" : "primary"} size="sm">
                      <Link href={`/accounts/${a.id}`}>Dashboard</Link>
                    </Button>
                  ) : (
                    <span className="text-xs text-slate-500">No dashboard access</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
