"use client";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuLink,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

type Props = { accountId: string; email: string; canManagePermissions: boolean; canSeeSso: boolean; canManageTeam: boolean };

export function ProfileMenu({ accountId, email, canManagePermissions, canSeeSso, canManageTeam }: Props) {
  const base = `/accounts/${encodeURIComponent(accountId)}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100" aria-label="Profile menu">
        <span className="flex size-7 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold uppercase" aria-hidden>
          {email.slice(0, 1)}
        </span>
        <span className="hidden max-w-48 truncate lg:inline">{email}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>{email}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuLink href="/hub/profile">Profile</DropdownMenuLink>
        {canManageTeam ? <DropdownMenuLink href="/hub/team">Manage team</DropdownMenuLink> : null}
        {canManagePermissions ? <DropdownMenuLink href={`${base}/settings/permissions`}>Account</DropdownMenuLink> : null}
        {canSeeSso ? <DropdownMenuLink href={`${base}/settings/sso`}>SSO &amp; permission groups</DropdownMenuLink> : null}
        <DropdownMenuLink href="/hub">Back to the Hub</DropdownMenuLink>
        <DropdownMenuSeparator />
        <DropdownMenuLink href="/sign-out">Sign out</DropdownMenuLink>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
