import { ChevronsUpDown } from "lucide-react";
import { EnvironmentBadge } from "@/components/environment-badge";
import { LinkMenu, type LinkMenuEntry } from "@/components/ui/link-menu";

export type SwitcherAccount = { id: string; name: string; environment: "SANDBOX" | "PRODUCTION" };

/**
 * Every API account the member may open, production and sandbox apart; production is labelled red.
 * A server component: its badges and labels render here, only the small LinkMenu ships to the browser.
 */
export function AccountSwitcher({ current, accounts }: { current: SwitcherAccount; accounts: SwitcherAccount[] }) {
  const entries: LinkMenuEntry[] = [];
  for (const env of ["PRODUCTION", "SANDBOX"] as const) {
    const items = accounts.filter((a) => a.environment === env);
    if (items.length === 0) continue;
    if (entries.length > 0) entries.push({ kind: "separator", key: `sep-${env}` });
    entries.push({ kind: "heading", label: env === "PRODUCTION" ? "Production" : "Sandbox", key: env });
    for (const a of items) {
      entries.push({
        kind: "link",
        key: a.id,
        href: `/accounts/${encodeURIComponent(a.id)}`,
        label: (
          <span className="flex w-full items-center justify-between gap-3">
            <span className={a.id === current.id ? "font-semibold" : undefined}>{a.name}</span>
            {env === "PRODUCTION" ? <EnvironmentBadge environment="PRODUCTION" /> : null}
          </span>
        ),
      });
    }
  }
  entries.push(
    { kind: "separator", key: "sep-hub" },
    { kind: "link", key: "hub", href: "/hub", label: "All API accounts (Hub)" },
  );
  return (
    <LinkMenu
      label="Switch API account"
      align="start"
      className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1 hover:bg-slate-100"
      entries={entries}
      trigger={
        <>
          <span className="truncate font-semibold" data-testid="account-name">
            {current.name}
          </span>
          <EnvironmentBadge environment={current.environment} />
          <ChevronsUpDown className="size-4 text-slate-400" aria-hidden />
        </>
      }
    />
  );
}
