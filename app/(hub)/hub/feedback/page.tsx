import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { LocalTime } from "@/components/local-time";
import { Card } from "@/components/ui/card";
import { requireHubPermission } from "@/lib/server/account-context";
import { listFeedback } from "@/lib/services/feedback/list";

export const metadata: Metadata = { title: "Feedback" };

/** What members wrote through "Share feedback" in the dashboard, newest first (Owners only). */
export default async function FeedbackPage() {
  const ctx = await requireHubPermission("hub.feedback.read");
  const rows = await listFeedback({ ctx });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Feedback</h1>
        <p className="text-sm text-slate-600">
          Sent by members from the dashboard&apos;s profile menu, with the page they were on. With SMTP configured, each
          message is also mailed to the Hub&apos;s Owners.
        </p>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No feedback yet">Members share it from the profile menu of any dashboard.</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="feedback-list">
          {rows.map((f) => (
            <li key={f.id}>
              <Card className="space-y-2 p-4">
                <p className="text-sm whitespace-pre-line">{f.message}</p>
                <p className="text-xs text-slate-500">
                  {f.memberName ?? "A former member"}
                  {f.memberEmail ? ` <${f.memberEmail}>` : ""} · <LocalTime iso={f.createdAt} />
                  {f.accountName ? ` · ${f.accountName}` : ""}
                  {f.page ? (
                    <>
                      {" "}
                      · <span className="font-mono">{f.page}</span>
                    </>
                  ) : null}
                  {f.mailed ? " · mailed" : ""}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
