import type { Metadata } from "next";
import Link from "next/link";
import { DateField } from "@/components/date-field";
import { EnvironmentBadge } from "@/components/environment-badge";
import { LocalTime } from "@/components/local-time";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { requireHubPermission } from "@/lib/server/account-context";
import { listAuditEvents } from "@/lib/services/security/list-events";
import { listSecurityFilterOptions } from "@/lib/services/security/list-filter-options";
import { readSecurityFilter, type SecurityFilter } from "@/lib/services/security/schemas";
import { TimezoneField } from "./_components/timezone-field";

export const metadata: Metadata = { title: "Security history" };

function query(filter: SecurityFilter, page?: number): string {
  const q = new URLSearchParams();
  for (const key of ["member", "action", "account", "from", "to"] as const) {
    const v = filter[key];
    if (v) q.set(key, v);
  }
  if (filter.tz !== undefined) q.set("tz", String(filter.tz));
  if (page && page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <pre className="max-w-md overflow-x-auto rounded bg-slate-50 p-2 text-[11px] leading-snug">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireHubPermission("hub.security.read");
  const { filter, errors } = readSecurityFilter(await searchParams);
  const [result, options] = await Promise.all([
    listAuditEvents({ ctx, input: filter }),
    listSecurityFilterOptions({ ctx }),
  ]);
  const envOf = new Map(options.accounts.map((a) => [a.id, a.environment]));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Security history</h1>
          <p className="text-sm text-slate-600">
            Every change made in this Hub: who, what, on which account, when and from where.
          </p>
        </div>
        <Button asChild variant="secondary">
          <a href={`/hub/security/export${query(filter)}`} download>
            Export CSV ({result.total})
          </a>
        </Button>
      </div>

      <Card className="p-4">
        <form
          method="get"
          className="grid items-end gap-3 md:grid-cols-[repeat(5,minmax(0,1fr))_auto]"
          aria-label="Filters"
        >
          <div className="space-y-1">
            <Label htmlFor="f-member">Member</Label>
            <NativeSelect id="f-member" name="member" defaultValue={filter.member ?? ""}>
              <option value="">Anyone</option>
              {options.members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.email}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="space-y-1">
            <Label htmlFor="f-action">Action</Label>
            <NativeSelect id="f-action" name="action" defaultValue={filter.action ?? ""}>
              <option value="">Any action</option>
              {options.actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="space-y-1">
            <Label htmlFor="f-account">API account</Label>
            <NativeSelect id="f-account" name="account" defaultValue={filter.account ?? ""}>
              <option value="">Any account</option>
              {options.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.environment === "PRODUCTION" ? " (Production)" : ""}
                </option>
              ))}
            </NativeSelect>
          </div>
          <DateField
            id="f-from"
            name="from"
            label="From"
            value={filter.from}
            error={errors.from}
            className="space-y-1"
          />
          <DateField id="f-to" name="to" label="To" value={filter.to} error={errors.to} className="space-y-1" />
          <TimezoneField />
          <div className="flex gap-2">
            <Button type="submit">Filter</Button>
            <Button asChild variant="ghost">
              <Link href="/hub/security">Reset</Link>
            </Button>
          </div>
        </form>
      </Card>

      {result.events.length === 0 ? (
        <Card className="p-8 text-center text-sm text-slate-600">No event matches these filters.</Card>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-sm" aria-label="Security events">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-4 py-2 font-medium">When</th>
                <th className="px-4 py-2 font-medium">Who</th>
                <th className="px-4 py-2 font-medium">Action</th>
                <th className="px-4 py-2 font-medium">API account</th>
                <th className="px-4 py-2 font-medium">From</th>
                <th className="px-4 py-2 font-medium">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {result.events.map((e) => {
                const env = e.apiAccountId ? envOf.get(e.apiAccountId) : undefined;
                return (
                  <tr key={e.id} data-testid="audit-row">
                    <td className="px-4 py-2 text-xs whitespace-nowrap">
                      <LocalTime iso={e.createdAt.toISOString()} />
                    </td>
                    <td className="px-4 py-2 text-xs">
                      {e.actorEmail ?? <span className="text-slate-400">system</span>}
                    </td>
                    <td className="px-4 py-2 font-mono text-xs">{e.action}</td>
                    <td className="px-4 py-2 text-xs">
                      {e.apiAccountId ? (
                        <span className="inline-flex items-center gap-1">
                          {e.apiAccountName ?? <span className="text-slate-400">deleted</span>}
                          {env ? <EnvironmentBadge environment={env} /> : null}
                        </span>
                      ) : (
                        <span className="text-slate-400">Hub</span>
                      )}
                    </td>
                    <td className="px-4 py-2 text-xs text-slate-600">
                      <p>{e.ip ?? "—"}</p>
                      <p className="max-w-48 truncate" title={e.userAgent ?? undefined}>
                        {e.userAgent ?? ""}
                      </p>
                    </td>
                    <td className="px-4 py-2 text-xs">
                      {e.before || e.after || e.metadata ? (
                        <details>
                          <summary className="cursor-pointer text-slate-600">
                            {e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "Show"}
                          </summary>
                          <div className="mt-2 space-y-1">
                            {e.before ? <p className="font-semibold">Before</p> : null}
                            <Json value={e.before} />
                            {e.after ? <p className="font-semibold">After</p> : null}
                            <Json value={e.after} />
                            <Json value={e.metadata} />
                          </div>
                        </details>
                      ) : (
                        <span className="text-slate-500">
                          {e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : ""}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      )}

      <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
        <span className="text-slate-600">
          Page {result.page} of {result.pageCount} · {result.total} event(s)
        </span>
        <div className="flex gap-2">
          {result.page > 1 ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={`/hub/security${query(filter, result.page - 1)}`}>Previous</Link>
            </Button>
          ) : null}
          {result.page < result.pageCount ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={`/hub/security${query(filter, result.page + 1)}`}>Next</Link>
            </Button>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
