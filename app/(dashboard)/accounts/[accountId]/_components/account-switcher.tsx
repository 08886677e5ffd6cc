"use client";

import { ChevronsUpDown } from "lucide-react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuLink, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EnvironmentBadge } from "@/components/environment-badge";

export type SwitcherAccount = { id: string; name: string; environment: "SANDBOX" | "PRODUCTION" };

/** Every API account the member may open, sandbox and production apart; production is labelled red. */
export function AccountSwitcher({ current, accounts }: { current: SwitcherAccount; accounts: SwitcherAccount[] }) {
  const groups = [
    { label: "Production", items: accounts.filter((a) => a.environment === "PRODUCTION") },
    { label: "Sandbox", items: accounts.filter((a) => a.environment === "SANDBOX") },
  ].filter((g) => g.items.length > 0);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1 hover:bg-slate-100" aria-label="Switch API account">
        <span className="truncate font-semibold" data-testid="account-name">
          {current.name}
        </span>
        <EnvironmentBadge environment={current.environment} />
        <ChevronsUpDown className="size-4 text-slate-400" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-64">
        {groups.map((g, i) => (
          <div key={g.label} role="group" aria-label={g.label}>
            {i > 0 ? <DropdownMenuSeparator /> : null}
            <DropdownMenuLabel>{g.label}</DropdownMenuLabel>
            {g.items.map((a) => (
              <DropdownMenuLink key={a.id} href={`/accounts/${encodeURIComponent(a.id)}`}>
                <span className="flex w-full items-center justify-between gap-3">
                  <span className={a.id === current.id ? "font-semibold" : undefined}>{a.name}</span>
                  {a.environment === "PRODUCTION" ? <EnvironmentBadge environment="PRODUCTION" /> : null}
                </span>
              </DropdownMenuLink>
            ))}
          </div>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuLink href="/hub">All API accounts (Hub)</DropdownMenuLink>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
