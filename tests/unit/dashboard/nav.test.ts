/** @jest-environment node */
// No navigation link may lead to a 404: every DASHBOARD_NAV section has a page under app/, and a
// member only sees the sections their permissions on the account allow.
import fs from "node:fs";
import path from "node:path";
import { effectivePermissions, roleAccountPermissions } from "@/lib/server/permissions";
import { DASHBOARD_NAV } from "@/lib/server/route-permissions";

const ACCOUNT_DIR = path.join(process.cwd(), "app/(dashboard)/accounts/[accountId]");

describe("dashboard navigation", () => {
  it.each(DASHBOARD_NAV.map((l) => [l.label, l.segment]))("%s has a page", (_label, segment) => {
    expect(fs.existsSync(path.join(ACCOUNT_DIR, segment, "page.tsx"))).toBe(true);
  });

  it("hides Users from a member whose grants exclude users.read", () => {
    const perms = effectivePermissions(
      "OPERATOR",
      roleAccountPermissions("OPERATOR").filter((p) => p !== "users.read"),
    );
    const visible = DASHBOARD_NAV.filter((l) => l.permission === null || perms.has(l.permission)).map((l) => l.label);
    expect(visible).toEqual([
      "Home",
      "Transactions",
      "Analytics",
      "Compliance",
      "Disputes",
      "Settlements",
      "Events",
      "Hooks",
      "Reports",
      "Operations",
    ]);
  });

  it("hides Disputes and Events from a member whose grants exclude them", () => {
    const perms = effectivePermissions(
      "READ_ONLY",
      roleAccountPermissions("READ_ONLY").filter((p) => p !== "disputes.read" && p !== "events.read"),
    );
    const visible = DASHBOARD_NAV.filter((l) => l.permission === null || perms.has(l.permission)).map((l) => l.label);
    expect(visible).toEqual([
      "Home",
      "Users",
      "Transactions",
      "Analytics",
      "Compliance",
      "Settlements",
      "Hooks",
      "Reports",
      "Operations",
    ]);
  });

  it("shows Finance the money sections but not Compliance or Hooks", () => {
    const perms = effectivePermissions("FINANCE", roleAccountPermissions("FINANCE"));
    const visible = DASHBOARD_NAV.filter((l) => l.permission === null || perms.has(l.permission)).map((l) => l.label);
    expect(visible).toEqual([
      "Home",
      "Users",
      "Transactions",
      "Analytics",
      "Disputes",
      "Settlements",
      "Events",
      "Reports",
      "Operations",
    ]);
  });

  it("hides Reports from a member whose grants exclude reporting.read", () => {
    const perms = effectivePermissions(
      "FINANCE",
      roleAccountPermissions("FINANCE").filter((p) => !p.startsWith("reporting.")),
    );
    const visible = DASHBOARD_NAV.filter((l) => l.permission === null || perms.has(l.permission)).map((l) => l.label);
    expect(visible).not.toContain("Reports");
    expect(visible).toEqual([
      "Home",
      "Users",
      "Transactions",
      "Analytics",
      "Disputes",
      "Settlements",
      "Events",
      "Operations",
    ]);
  });

  it("hides Analytics (mirrored transactions) from a member whose grants exclude transactions.read", () => {
    const perms = effectivePermissions(
      "FINANCE",
      roleAccountPermissions("FINANCE").filter((p) => p !== "transactions.read"),
    );
    const visible = DASHBOARD_NAV.filter((l) => l.permission === null || perms.has(l.permission)).map((l) => l.label);
    expect(visible).not.toContain("Analytics");
    expect(visible).toContain("Users");
  });

  it("hides Settlements (pay-in intents' settlement files) from a member whose grants exclude payins.read", () => {
    const perms = effectivePermissions(
      "OPERATOR",
      roleAccountPermissions("OPERATOR").filter((p) => p !== "payins.read"),
    );
    const visible = DASHBOARD_NAV.filter((l) => l.permission === null || perms.has(l.permission)).map((l) => l.label);
    expect(visible).not.toContain("Settlements");
    expect(visible).toContain("Transactions");
  });

  it("hides Operations (who moved what) from a member whose grants exclude transactions.read", () => {
    const perms = effectivePermissions(
      "OPERATOR",
      roleAccountPermissions("OPERATOR").filter((p) => p !== "transactions.read"),
    );
    const visible = DASHBOARD_NAV.filter((l) => l.permission === null || perms.has(l.permission)).map((l) => l.label);
    expect(visible).not.toContain("Operations");
  });
});
