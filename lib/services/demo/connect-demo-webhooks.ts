import "server-only";
import { randomUUID } from "node:crypto";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { effectivePermissions } from "@/lib/server/permissions";
import { connectWebhooks } from "@/lib/services/hooks/connect";
import { DEMO_OWNER_EMAIL } from "./seed-demo-hub";

export type DemoConnection =
  | { account: string; ok: true; connected: number; changed: number; receiverBase: string }
  | { account: string; ok: false; error: string };

/**
 * `npm run dev`: points the demo Hub's API accounts' webhooks at this app's receiver (APP_URL), as
 * its Owner pressing "Connect webhooks" on each account would (same service, same audit rows), so
 * a pay-in made in the emulator reaches the mirror. Hooks pointing elsewhere are left alone. One
 * account failing does not stop the others: each outcome is returned.
 */
export async function connectDemoWebhooks(ownerEmail = DEMO_OWNER_EMAIL): Promise<DemoConnection[]> {
  if (env().NODE_ENV === "production") throw new Error("The demo webhooks are connected in development only.");
  const owner = await db.user.findUnique({
    where: { email: ownerEmail },
    select: {
      id: true,
      email: true,
      name: true,
      memberships: {
        where: { role: "OWNER" },
        take: 1,
        select: {
          id: true,
          role: true,
          hub: { select: { id: true, name: true, require2fa: true } },
          accountAccess: {
            select: {
              grants: true,
              source: true,
              apiAccount: {
                select: { id: true, name: true, environment: true, clientId: true, baseUrl: true },
              },
            },
          },
        },
      },
    },
  });
  const membership = owner?.memberships[0];
  if (!owner || !membership) return [];
  const out: DemoConnection[] = [];
  for (const access of membership.accountAccess) {
    const account = access.apiAccount;
    // Sandbox accounts only: a demo never writes a production account's hooks.
    if (account.environment !== "SANDBOX") continue;
    const ctx: AccountContext = {
      actor: { id: owner.id, email: owner.email, name: owner.name },
      hub: membership.hub,
      membership: { id: membership.id, role: membership.role },
      account,
      access: { grants: access.grants, source: access.source },
      permissions: effectivePermissions(membership.role, access.grants),
      request: { ip: null, userAgent: "npm run dev" },
      requestId: randomUUID(),
    };
    try {
      const res = await connectWebhooks({ ctx, input: { accountId: account.id } });
      out.push({
        account: account.name,
        ok: true,
        connected: res.counts.connected,
        changed: res.changed,
        receiverBase: res.receiverBase,
      });
    } catch (err) {
      out.push({ account: account.name, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}
