import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { getHubContext } from "@/lib/server/context";
import { listApiAccounts } from "@/lib/services/api-accounts/list";

export const metadata: Metadata = { title: "Hub" };

export default async function HubPage() {
  const ctx = await getHubContext();
  const accounts = await listApiAccounts({ ctx });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">API accounts</h1>
        <p className="text-sm text-slate-600">Each API account has its own dashboard.</p>
      </div>
      {accounts.length === 0 ? (
        <Card className="p-8 text-center text-sm text-slate-600">No API account yet.</Card>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200" aria-label="API accounts">
            {accounts.map((a) => (
              <li key={a.id} className="flex items-center justify-between px-5 py-4">
                <div>
                  <p className="font-medium">{a.name}</p>
                  <p className="font-mono text-xs text-slate-500">
                    {a.clientId} · {a.baseUrl}
                  </p>
                </div>
                <span
                  className={
                    a.environment === "PRODUCTION"
                      ? "rounded bg-production px-2 py-0.5 text-xs font-semibold text-white"
                      : "rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800"
                  }
                >
                  {a.environment === "PRODUCTION" ? "Production" : "Sandbox"}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
