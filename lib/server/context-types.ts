// The contexts services receive, as plain types: no Next.js, no next-auth, no database client at run
// time. Pages and actions build them (lib/server/context.ts, account-context.ts, action.ts); services
// and tests only read them, so a service never imports the framework or the auth layer.
import type { Db } from "./db";
import type { Permission, RoleName } from "./permissions";

/** The signed-in person, re-checked against the database for this request. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  /** The display time zone, when the session check read it with the user (null: the browser's own). */
  timeZone?: string | null;
};

export type RequestMeta = { ip: string | null; userAgent: string | null };

/** What every context carries: who asks (if anyone), from where, and one id for this request. */
type RequestScope = { request: RequestMeta; requestId: string; db?: Db };

/** A public endpoint (invite acceptance): the visitor may or may not be signed in. */
export type PublicContext = RequestScope & { actor: SessionUser | null };

/** The signed-in person acting on their own account: no Hub membership needed. */
export type UserContext = RequestScope & { actor: SessionUser };

/** A member working in one Hub, with the permissions of their role there. */
export type HubContext = RequestScope & {
  actor: SessionUser;
  hub: { id: string; name: string; require2fa: boolean };
  membership: { id: string; role: RoleName };
  permissions: ReadonlySet<Permission>;
};

export type AccountSummary = {
  id: string;
  name: string;
  environment: "SANDBOX" | "PRODUCTION";
  clientId: string;
  baseUrl: string;
};

/** A Hub context narrowed to one API account: permissions are the role ∩ this account's grants. */
export type AccountContext = HubContext & {
  account: AccountSummary;
  access: { grants: readonly string[]; source: "MANUAL" | "SSO" };
};
