"use client";

import { useState } from "react";
import { LinkMenu, type LinkMenuEntry } from "@/components/ui/link-menu";
import { FeedbackDialog } from "./feedback-dialog";

type Props = {
  accountId: string;
  email: string;
  canManagePermissions: boolean;
  canSeeSso: boolean;
  canManageTeam: boolean;
};

export function ProfileMenu({ accountId, email, canManagePermissions, canSeeSso, canManageTeam }: Props) {
  const [feedbackOpen, setFeedbackOpen] = useState(false);
  const base = `/accounts/${encodeURIComponent(accountId)}`;
  const link = (key: string, label: string, href: string): LinkMenuEntry => ({ kind: "link", key, label, href });
  const entries: LinkMenuEntry[] = [
    { kind: "heading", key: "email", label: email },
    { kind: "separator", key: "s1" },
    link("profile", "Profile", "/hub/profile"),
    ...(canManageTeam ? [link("team", "Manage team", "/hub/team")] : []),
    ...(canManagePermissions ? [link("account", "Account", `${base}/settings/permissions`)] : []),
    ...(canSeeSso ? [link("sso", "SSO & permission groups", `${base}/settings/sso`)] : []),
    link("hub", "Back to the Hub", "/hub"),
    { kind: "action", key: "feedback", label: "Share feedback", onSelect: () => setFeedbackOpen(true) },
    { kind: "separator", key: "s2" },
    link("sign-out", "Sign out", "/sign-out"),
  ];
  return (
    <>
      <FeedbackDialog accountId={accountId} open={feedbackOpen} onOpenChange={setFeedbackOpen} />
      <LinkMenu
        label="Profile menu"
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
        entries={entries}
        trigger={
          <>
            <span
              className="flex size-7 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold uppercase"
              aria-hidden
            >
              {email.slice(0, 1)}
            </span>
            <span className="hidden max-w-48 truncate lg:inline">{email}</span>
          </>
        }
      />
    </>
  );
}
