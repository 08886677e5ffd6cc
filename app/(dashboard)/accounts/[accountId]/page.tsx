import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-message";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can, ROLE_LABELS } from "@/lib/server/permissions";
import { DASHBOARD_NAV } from "@/lib/server/route-permissions";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Dashboard home. Later issues fill it (fees, compliance, payout and dispute issues). */
export default async function AccountHomePage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, null);
  const base = `/accounts/${encodeURIComponent(ctx.account.id)}`;
  const sections = DASHBOARD_NAV.filter((l) => l.segment !== "" && l.permission !== null && can(ctx, l.permission));
  return (
    <div className="space-y-6">
      {query.denied ? <FormAlert>You do not have permission to open that page on this account.</FormAlert> : null}
      <div>
        <h1 className="text-2xl font-semibold">{ctx.account.name}</h1>
        <p className="text-sm text-slate-600">
          ClientId <span className="font-mono">{ctx.account.clientId}</span> · you are {ROLE_LABELS[ctx.membership.role]}
          {ctx.access.source === "SSO" ? " (permissions from MANGOPAY SSO)" : ""}
        </p>
      </div>
      {sections.length === 0 ? (
        <Card className="p-6 text-sm text-slate-600">No dashboard section is granted to you on this account. Ask an admin of this dashboard.</Card>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Sections">
          {sections.map((s) => (
            <li key={s.segment}>
              <Link href={`${base}${s.segment}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-400">
                <span className="font-medium">{s.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
