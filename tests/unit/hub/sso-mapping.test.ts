/** @jest-environment node */
import { planSsoSync, type SyncMember } from "@/lib/services/sso/plan-sync";
import { defaultGroupGrants, grantsFromScopes, isDefaultGroup, scopesFromGrants } from "@/lib/services/sso/scope-map";

const g = (Read: boolean, Create: boolean, Edit: boolean) => ({ Read, Create, Edit });

describe("MANGOPAY scopes → dashboard permissions", () => {
  it("maps Read→read, Create→create, Edit→edit, case-insensitively, ignoring unknown scopes", () => {
    expect(
      grantsFromScopes({
        Payouts: g(true, true, false),
        kycdocuments: g(true, false, true),
        ClientLogo: g(true, true, true),
      }),
    ).toEqual(["payouts.read", "payouts.create", "kycDocuments.read", "kycDocuments.edit"]);
  });

  it("round-trips through the Scopes object sent to MANGOPAY", () => {
    const grants = ["users.read", "ssos.edit", "permissionGroups.create"];
    const scopes = scopesFromGrants(grants);
    expect(scopes.SSOs).toEqual(g(false, false, true));
    expect(scopes.PermissionGroups).toEqual(g(false, true, false));
    expect(grantsFromScopes(scopes).sort()).toEqual([...grants].sort());
  });

  it("knows the DEFAULT groups as read-only and their documented meaning", () => {
    expect(isDefaultGroup({ Id: "ADMIN" })).toBe(true);
    expect(isDefaultGroup({ Id: "123", Type: "DEFAULT" })).toBe(true);
    expect(isDefaultGroup({ Id: "123", Type: "CUSTOM" })).toBe(false);
    expect(defaultGroupGrants("READ")?.every((p) => p.endsWith(".read"))).toBe(true);
    expect(defaultGroupGrants("WRITE")).not.toContain("ssos.read");
    expect(defaultGroupGrants("ADMIN")).toContain("ssos.edit");
    expect(defaultGroupGrants("custom")).toBeNull();
  });
});

describe("planSsoSync", () => {
  const groups = (id: string) =>
    id === "OPS"
      ? grantsFromScopes({ Payouts: g(true, true, true), Users: g(true, false, false) })
      : defaultGroupGrants(id);
  const member = (email: string, role: SyncMember["role"], access: SyncMember["access"] = null): SyncMember => ({
    membershipId: email,
    email,
    role,
    access,
  });

  it("grants an active SSO's group scopes, capped by the member's role, as SSO grants", () => {
    const [change] = planSsoSync(
      [member("ana@x.test", "READ_ONLY")],
      [{ email: "ANA@x.test", active: true, permissionGroupId: "OPS" }],
      groups,
    );
    expect(change).toMatchObject({ kind: "upsert", grants: ["users.read", "payouts.read"] });
  });

  it("replaces manual grants when an active SSO matches", () => {
    const changes = planSsoSync(
      [member("b@x.test", "OPERATOR", { grants: ["users.read"], source: "MANUAL" })],
      [{ email: "b@x.test", active: true, permissionGroupId: "OPS" }],
      groups,
    );
    expect(changes[0]).toMatchObject({
      kind: "upsert",
      grants: ["users.read", "payouts.read", "payouts.create", "payouts.edit"],
    });
  });

  it("revokes SSO-sourced access when the SSO is deactivated or gone, but never manual access", () => {
    const changes = planSsoSync(
      [
        member("c@x.test", "OPERATOR", { grants: ["users.read"], source: "SSO" }),
        member("d@x.test", "OPERATOR", { grants: ["users.read"], source: "MANUAL" }),
        member("e@x.test", "OPERATOR", { grants: ["users.read"], source: "SSO" }),
      ],
      [
        { email: "c@x.test", active: false, permissionGroupId: "OPS" },
        { email: "d@x.test", active: false, permissionGroupId: "OPS" },
      ],
      groups,
    );
    expect(changes.map((c) => [c.email, c.kind])).toEqual([
      ["c@x.test", "remove"],
      ["e@x.test", "remove"],
    ]);
  });

  it("changes nothing when SSO grants are already in place", () => {
    const grants = ["users.read", "payouts.read"];
    expect(
      planSsoSync(
        [member("f@x.test", "READ_ONLY", { grants, source: "SSO" })],
        [{ email: "f@x.test", active: true, permissionGroupId: "OPS" }],
        groups,
      ),
    ).toEqual([]);
  });
});
