import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import { ReportForm } from "../_components/report-form";

export const metadata: Metadata = { title: "New report" };

type Props = { params: Promise<{ accountId: string }> };

/** Build a custom report: validated against MANGOPAY's rules, saved as a definition, then run. */
export default async function NewReportPage({ params }: Props) {
  const { accountId } = await params;
  const ctx = await requireAccountPermission(accountId, "reporting.create");
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={dashboardPaths(ctx.account.id).reports} className="text-sm text-slate-500 hover:text-slate-900">
        ← Reports
      </Link>
      <h1 className="text-2xl font-semibold">New report</h1>
      <ReportForm
        accountId={ctx.account.id}
        canSchedule={can(ctx, "reporting.edit")}
        today={new Date().toISOString().slice(0, 10)}
      />
    </div>
  );
}
