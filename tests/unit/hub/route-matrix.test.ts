/** @jest-environment node */
// Generated from the filesystem: every page.tsx, route.ts and exported server action under app/ must
// have an entry in lib/server/route-permissions.ts, its source must enforce that entry, and the
// resulting role matrix must equal the one below. Adding a route or action without an entry fails.
import fs from "node:fs";
import path from "node:path";
import { roleAccountPermissions, ROLES, type RoleName } from "@/lib/server/permissions";
import {
  ACTION_ACCESS,
  decideAccess,
  PAGE_ACCESS,
  ROUTE_ACCESS,
  type Access,
  type Outcome,
} from "@/lib/server/route-permissions";

const APP = path.join(process.cwd(), "app");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

const files = walk(APP).map((f) => path.relative(APP, f).split(path.sep).join("/"));
const toRoute = (file: string) =>
  "/" +
  file
    .split("/")
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/");
const pages = new Map(files.filter((f) => /(^|\/)page\.tsx?$/.test(f)).map((f) => [toRoute(f), f]));
const routes = new Map(files.filter((f) => /(^|\/)route\.ts$/.test(f)).map((f) => [toRoute(f), f]));
const source = (file: string) => fs.readFileSync(path.join(APP, file), "utf8");

const actions = new Map<string, string>();
for (const f of files.filter((x) => /\.tsx?$/.test(x))) {
  const src = source(f);
  if (!/^\s*(\/\/[^\n]*\n|\s)*["']use server["']/.test(src)) continue;
  for (const m of src.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)) actions.set(`${f}#${m[1]}`, f);
}

describe("every route and action has an entry in the permission table", () => {
  it.each([...pages.keys()])("page %s", (route) => expect(PAGE_ACCESS).toHaveProperty([route]));
  it.each([...routes.keys()])("route handler %s", (route) => expect(ROUTE_ACCESS).toHaveProperty([route]));
  it.each([...actions.keys()])("server action %s", (key) => expect(ACTION_ACCESS).toHaveProperty([key]));

  it("has no stale entries", () => {
    expect(Object.keys(PAGE_ACCESS).filter((k) => !pages.has(k))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((k) => !routes.has(k))).toEqual([]);
    expect(Object.keys(ACTION_ACCESS).filter((k) => !actions.has(k))).toEqual([]);
  });
});

/** The check a file must contain for its entry (null: enforced elsewhere, e.g. by the layout or a service). */
function expectedGuard(access: Access, kind: "page" | "route" | "action", name: string): RegExp | null {
  const perm = access.kind === "hub" || access.kind === "account" ? access.permission : null;
  const q = perm ? `"${perm.replace(/\./g, "\\.")}"` : null;
  // Whitespace-tolerant: the formatter may put arguments on their own lines.
  if (kind === "action") {
    if (access.kind === "public") return new RegExp(`export const ${name} = publicAction\\(`);
    if (access.kind === "session") return new RegExp(`export const ${name} = userAction\\(`);
    if (access.kind === "hub") return new RegExp(`export const ${name} = hubAction\\(\\s*${q ?? "null"}`);
    return new RegExp(`export const ${name} = accountAction\\(\\s*${q ?? "null"}`);
  }
  if (access.kind === "hub" && q)
    return new RegExp(`requireHubPermission\\(\\s*${q}\\s*,?\\s*\\)|assertCan\\(\\s*ctx,\\s*${q}\\s*,?\\s*\\)`);
  if (access.kind === "account")
    return new RegExp(`requireAccountPermission\\(\\s*accountId,\\s*${q ?? "null"}\\s*,?\\s*\\)`);
  return null;
}

describe("one action family", () => {
  const actionFiles = [...new Set(actions.values())];
  it.each(actionFiles)("%s exports only actions built by lib/server/action.ts", (file) => {
    const src = source(file);
    // Every export is `export const <verb><Entity>Action = publicAction|userAction|hubAction|accountAction(`.
    const exported = [...src.matchAll(/^export\s+(.*)$/gm)].map((m) => m[1] ?? "");
    for (const line of exported)
      expect(line).toMatch(/^const \w+Action = (publicAction|userAction|hubAction|accountAction)\(/);
  });
});

describe("each file enforces its table entry", () => {
  const cases: [string, string, Access, "page" | "route" | "action", string][] = [
    ...[...pages].map(([r, f]) => [r, f, PAGE_ACCESS[r], "page", ""] as [string, string, Access, "page", string]),
    ...[...routes].map(([r, f]) => [r, f, ROUTE_ACCESS[r], "route", ""] as [string, string, Access, "route", string]),
    ...[...actions].map(
      ([k, f]) =>
        [k, f, ACTION_ACCESS[k], "action", k.split("#")[1] ?? ""] as [string, string, Access, "action", string],
    ),
  ];
  it.each(cases.filter(([, , a]) => a !== undefined))("%s", (_key, file, access, kind, name) => {
    const guard = expectedGuard(access, kind, name);
    if (guard) expect(source(file)).toMatch(guard);
    // Account-scoped pages render inside the dashboard layout, which 404s without access.
    if (access.kind === "account") expect(file.startsWith("(dashboard)/accounts/[accountId]/")).toBe(true);
    if (access.kind === "hub" && kind === "page") expect(file.startsWith("(hub)/")).toBe(true);
  });
});

// The expected matrix. Per entry: the roles allowed; every other Hub role is denied (403 for actions
// and handlers, redirect for pages). Account entries assume the member has access to the account with
// the role's default grants; without access every role gets 404 (checked below).
const ALL = [...ROLES];
const MANAGERS: RoleName[] = ["OWNER", "ADMIN"];
const EXPECTED: Record<string, RoleName[] | "public" | "session"> = {
  "page /": "session",
  "page /sign-in": "public",
  "page /sign-out": "public",
  "page /no-hub": "session",
  "page /two-factor/setup": "session",
  "page /invite/[token]": "public",
  "page /setup": "public",
  "page /hub": ALL,
  "page /hub/accounts/new": MANAGERS,
  "page /hub/team": MANAGERS,
  "page /hub/security": ["OWNER", "ADMIN", "FINANCE"],
  "page /hub/settings": MANAGERS,
  "page /hub/feedback": ["OWNER"],
  "page /hub/jobs": MANAGERS,
  "page /hub/profile": ALL,
  "page /accounts/[accountId]": ALL,
  "page /accounts/[accountId]/search": ALL,
  "page /accounts/[accountId]/users": ALL,
  "page /accounts/[accountId]/users/[userId]": ALL,
  "page /accounts/[accountId]/users/[userId]/[tab]": ALL,
  "page /accounts/[accountId]/wallets/[walletId]": ALL,
  "page /accounts/[accountId]/settings/permissions": MANAGERS,
  "page /accounts/[accountId]/settings/sso": ["OWNER", "ADMIN", "DEVELOPER"],
  "page /accounts/[accountId]/transactions": ALL,
  "page /accounts/[accountId]/transactions/[transactionId]": ALL,
  "page /accounts/[accountId]/deposits/[depositId]": ["OWNER", "ADMIN", "DEVELOPER", "OPERATOR", "READ_ONLY"],
  "page /accounts/[accountId]/recurring-registrations/[registrationId]": ALL,
  "page /accounts/[accountId]/identity-verifications/[sessionId]": [
    "OWNER",
    "ADMIN",
    "DEVELOPER",
    "OPERATOR",
    "READ_ONLY",
  ],
  "page /accounts/[accountId]/recipients/[recipientId]": ["OWNER", "ADMIN", "DEVELOPER", "OPERATOR", "READ_ONLY"],
  "page /accounts/[accountId]/pay-in-intents/[intentId]": ALL,
  "page /accounts/[accountId]/settlements": ALL,
  "page /accounts/[accountId]/settlements/[settlementId]": ALL,
  "page /accounts/[accountId]/cards/[cardId]/validations/[validationId]": [
    "OWNER",
    "ADMIN",
    "DEVELOPER",
    "OPERATOR",
    "READ_ONLY",
  ],
  "page /accounts/[accountId]/wallets/[walletId]/virtual-accounts/[virtualAccountId]": ALL,
  "page /accounts/[accountId]/analytics": ALL,
  "page /accounts/[accountId]/events": ALL,
  "page /accounts/[accountId]/events/[resourceId]": ALL,
  "page /accounts/[accountId]/compliance": ["OWNER", "ADMIN", "DEVELOPER", "OPERATOR", "READ_ONLY"],
  "page /accounts/[accountId]/disputes": ALL,
  "page /accounts/[accountId]/disputes/[disputeId]": ALL,
  "page /accounts/[accountId]/hooks": ["OWNER", "ADMIN", "DEVELOPER", "OPERATOR", "READ_ONLY"],
  "route /api/auth/[...nextauth]": "public",
  "route /api/health/live": "public",
  "route /api/health/ready": "public",
  "route /api/webhooks/mangopay/[token]": "public",
  "route /hub/security/export": ["OWNER", "ADMIN", "FINANCE"],
  "page /accounts/[accountId]/reports": ALL,
  "page /accounts/[accountId]/reports/new": ["OWNER", "ADMIN", "FINANCE"],
  "page /accounts/[accountId]/reports/[definitionId]": ALL,
  "page /accounts/[accountId]/reports/[definitionId]/runs/[runId]": ALL,
  "route /accounts/[accountId]/reports/status": ALL,
  "route /accounts/[accountId]/reports/runs/[runId]/download": ALL,
  "page /accounts/[accountId]/operations": ALL,
  "page /accounts/[accountId]/operations/[operationId]": ALL,
  "route /accounts/[accountId]/operations/export": ALL,
  "route /accounts/[accountId]/users/export": ALL,
  "route /accounts/[accountId]/transactions/export": ALL,
  "route /accounts/[accountId]/events/export": ALL,
  "route /accounts/[accountId]/compliance/export": ["OWNER", "ADMIN", "DEVELOPER", "OPERATOR", "READ_ONLY"],
  "route /accounts/[accountId]/compliance/ubo-declarations/export": [
    "OWNER",
    "ADMIN",
    "DEVELOPER",
    "OPERATOR",
    "READ_ONLY",
  ],
  "route /accounts/[accountId]/disputes/export": ALL,
  "route /accounts/[accountId]/transactions/[transactionId]/receipt": ALL,
};
for (const key of Object.keys(ACTION_ACCESS)) {
  const a = ACTION_ACCESS[key];
  if (!a) continue;
  const name = `action ${key}`;
  if (a.kind === "public") EXPECTED[name] = "public";
  else if (a.kind === "session") EXPECTED[name] = "session";
  // Every Hub and dashboard mutation built so far is for Owners and Admins only…
  else EXPECTED[name] = MANAGERS;
}
// …except where the Hub's API keys may be sent: Owners alone.
EXPECTED["action (hub)/hub/settings/actions.ts#setAllowCustomBaseUrlsAction"] = ["OWNER"];
// …and reports, which Finance builds, runs and schedules (Reporting create/edit).
for (const action of ["createReportAction", "runReportAction", "rerunReportAction", "setReportScheduleAction"])
  EXPECTED[`action (dashboard)/accounts/[accountId]/reports/actions.ts#${action}`] = ["OWNER", "ADMIN", "FINANCE"];
// …and the search box's own recent searches: every member who may search (users.read) on the account.
for (const verb of ["listRecentSearchesAction", "recordRecentSearchAction", "clearRecentSearchesAction"])
  EXPECTED[`action (dashboard)/accounts/[accountId]/search/actions.ts#${verb}`] = ALL;
// Money actions and wallet creation: Operators run them; Developers may create wallets only.
const WALLET_MENU = "action (dashboard)/accounts/[accountId]/wallets/actions.ts#";
const OPERATORS: RoleName[] = ["OWNER", "ADMIN", "OPERATOR"];
EXPECTED[`${WALLET_MENU}createWalletAction`] = ["OWNER", "ADMIN", "DEVELOPER", "OPERATOR"];
for (const name of [
  "createBankWirePayInAction",
  "createDirectDebitPayInAction",
  "createCardPayInAction",
  "createPayoutAction",
  "createTransferAction",
])
  EXPECTED[`${WALLET_MENU}${name}`] = OPERATORS;
EXPECTED["action (dashboard)/accounts/[accountId]/transactions/actions.ts#createRefundAction"] = OPERATORS;
// PayPal tracking information changes a pay-in without moving money: Pay-ins edit, which Operators hold.
EXPECTED["action (dashboard)/accounts/[accountId]/transactions/actions.ts#addPayPalTrackingAction"] = OPERATORS;
EXPECTED["action (dashboard)/accounts/[accountId]/disputes/[disputeId]/settlement/actions.ts#settleDisputeAction"] =
  OPERATORS;
// The dashboard's operational writes follow each role's scopes (lib/server/permissions.ts), written
// out by hand here so a change to the role table shows up as a change to this list.
const WRITE_USERS: RoleName[] = ["OWNER", "ADMIN", "DEVELOPER", "OPERATOR"];
const WRITE_OPERATIONS: RoleName[] = ["OWNER", "ADMIN", "OPERATOR"];
const DASHBOARD = "action (dashboard)/accounts/[accountId]";
Object.assign(EXPECTED, {
  [`${DASHBOARD}/actions.ts#sendFeedbackAction`]: ALL,
  [`${DASHBOARD}/users/actions.ts#createUserAction`]: WRITE_USERS,
  [`${DASHBOARD}/users/[userId]/actions.ts#updateUserAction`]: WRITE_USERS,
  [`${DASHBOARD}/users/[userId]/actions.ts#createBankAccountAction`]: WRITE_USERS,
  [`${DASHBOARD}/users/[userId]/actions.ts#deactivateBankAccountAction`]: WRITE_USERS,
  [`${DASHBOARD}/users/[userId]/actions.ts#createMandateAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/users/[userId]/actions.ts#createKycDocumentAction`]: WRITE_USERS,
  [`${DASHBOARD}/users/[userId]/actions.ts#addKycPageAction`]: WRITE_USERS,
  [`${DASHBOARD}/users/[userId]/actions.ts#submitKycDocumentAction`]: WRITE_USERS,
  [`${DASHBOARD}/users/[userId]/actions.ts#createUboDeclarationAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/users/[userId]/actions.ts#addUboAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/users/[userId]/actions.ts#updateUboAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/users/[userId]/actions.ts#submitUboDeclarationAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/disputes/[disputeId]/actions.ts#contestDisputeAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/disputes/[disputeId]/actions.ts#resubmitDisputeAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/disputes/[disputeId]/actions.ts#closeDisputeAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/disputes/[disputeId]/actions.ts#createDisputeDocumentAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/disputes/[disputeId]/actions.ts#addDisputeDocumentPageAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/disputes/[disputeId]/actions.ts#submitDisputeDocumentAction`]: WRITE_OPERATIONS,
  [`${DASHBOARD}/hooks/actions.ts#createHookAction`]: ["OWNER", "ADMIN", "DEVELOPER"],
  [`${DASHBOARD}/hooks/actions.ts#updateHookAction`]: ["OWNER", "ADMIN", "DEVELOPER"],
});
// …and connecting webhooks and backfilling the mirror, which Developers do too (Hooks create/edit).
for (const action of ["startMirrorBackfillAction", "cancelMirrorBackfillAction"])
  EXPECTED[`action (dashboard)/accounts/[accountId]/hooks/actions.ts#${action}`] = ["OWNER", "ADMIN", "DEVELOPER"];
EXPECTED["action (dashboard)/accounts/[accountId]/hooks/actions.ts#connectWebhooksAction"] = [
  "OWNER",
  "ADMIN",
  "DEVELOPER",
];

function entries(): [string, Access][] {
  return [
    ...Object.entries(PAGE_ACCESS).map(([k, v]) => [`page ${k}`, v] as [string, Access]),
    ...Object.entries(ROUTE_ACCESS).map(([k, v]) => [`route ${k}`, v] as [string, Access]),
    ...Object.entries(ACTION_ACCESS).map(([k, v]) => [`action ${k}`, v] as [string, Access]),
  ];
}

describe("route/action × role matrix", () => {
  it.each(entries())("%s", (key, access) => {
    const expected = EXPECTED[key];
    expect(expected).toBeDefined();
    const grantsFor = (role: RoleName) => (access.kind === "account" ? roleAccountPermissions(role) : null);
    const actual: Record<string, Outcome> = {};
    const wanted: Record<string, Outcome> = {};
    actual.anonymous = decideAccess(access, { signedIn: false, role: null, accountGrants: null });
    wanted.anonymous = expected === "public" ? "allow" : "sign_in";
    actual.noHub = decideAccess(access, { signedIn: true, role: null, accountGrants: null });
    wanted.noHub = expected === "public" || expected === "session" ? "allow" : "not_found";
    for (const role of ROLES) {
      actual[role] = decideAccess(access, { signedIn: true, role, accountGrants: grantsFor(role) });
      wanted[role] = expected === "public" || expected === "session" || expected.includes(role) ? "allow" : "deny";
      if (access.kind === "account") {
        // A foreign, missing or not-granted account is a 404 for every role, Owners included.
        expect(decideAccess(access, { signedIn: true, role, accountGrants: null })).toBe("not_found");
      }
    }
    expect(actual).toEqual(wanted);
  });
});
