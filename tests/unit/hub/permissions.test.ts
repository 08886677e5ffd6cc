/** @jest-environment node */
import { ForbiddenError } from "@/lib/server/errors";
import {
  ACCOUNT_PERMISSIONS,
  assertCan,
  effectivePermissions,
  isAccountPermission,
  roleAccountPermissions,
  roleCan,
  ROLES,
} from "@/lib/server/permissions";

describe("role permission table", () => {
  it("gives Owners and Admins every Hub permission and every account permission", () => {
    for (const role of ["OWNER", "ADMIN"] as const) {
      expect(roleCan(role, "hub.team.manage")).toBe(true);
      expect(roleCan(role, "hub.accounts.manage")).toBe(true);
      expect(roleAccountPermissions(role)).toEqual(ACCOUNT_PERMISSIONS);
    }
  });

  it("keeps team, accounts and dashboard permissions away from the other roles", () => {
    for (const role of ["DEVELOPER", "OPERATOR", "FINANCE", "READ_ONLY"] as const) {
      expect(roleCan(role, "hub.team.manage")).toBe(false);
      expect(roleCan(role, "hub.accounts.manage")).toBe(false);
      expect(roleCan(role, "dashboard.permissions.manage")).toBe(false);
    }
  });

  it("lets only Finance (besides managers) read the security history", () => {
    expect(ROLES.filter((r) => roleCan(r, "hub.security.read"))).toEqual(["OWNER", "ADMIN", "FINANCE"]);
  });

  it("never lets Read-only create or edit anything", () => {
    expect(roleAccountPermissions("READ_ONLY").every((p) => p.endsWith(".read"))).toBe(true);
  });

  it("names every account permission scope.action", () => {
    expect(ACCOUNT_PERMISSIONS).toContain("payouts.create");
    expect(isAccountPermission("payouts.create")).toBe(true);
    expect(isAccountPermission("payouts.delete")).toBe(false);
  });
});

describe("effective permissions = role ∩ account grants", () => {
  it("drops grants the role does not allow", () => {
    const eff = effectivePermissions("READ_ONLY", ["payouts.create", "payouts.read"]);
    expect(eff.has("payouts.read")).toBe(true);
    expect(eff.has("payouts.create")).toBe(false);
  });

  it("drops role permissions that are not granted on the account", () => {
    const eff = effectivePermissions("OPERATOR", ["users.read"]);
    expect(eff.has("users.read")).toBe(true);
    expect(eff.has("payouts.create")).toBe(false);
  });

  it("keeps Hub-level permissions from the role regardless of the account's grants", () => {
    expect(effectivePermissions("ADMIN", []).has("dashboard.permissions.manage")).toBe(true);
    expect(
      effectivePermissions("READ_ONLY", ["dashboard.permissions.manage"]).has("dashboard.permissions.manage"),
    ).toBe(false);
  });

  it("has no account permission at all outside an account", () => {
    expect([...effectivePermissions("OWNER")].some((p) => isAccountPermission(p))).toBe(false);
  });

  it("assertCan throws ForbiddenError", () => {
    expect(() => assertCan({ permissions: effectivePermissions("FINANCE", []) }, "payouts.create")).toThrow(
      ForbiddenError,
    );
  });
});
