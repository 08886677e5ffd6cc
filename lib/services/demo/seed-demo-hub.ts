import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { encryptSecret } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { hashPassword } from "@/lib/server/password";
import { ACCOUNT_PERMISSIONS } from "@/lib/server/permissions";

export const DEMO_OWNER_EMAIL = "owner@demo.test";
// Not the name of an API account: the Hub holds "Demo Marketplace" and "Demo Crowdfunding".
export const DEMO_HUB_NAME = "Demo Hub";

export type EmulatorClient = { clientId: string; name: string; apiKey: string };

type SeedInput = { ownerPassword: string; emulatorUrl?: string; emulatorClients: EmulatorClient[] };

/**
 * Creates the demo Hub and its Owner on first run and (re)connects the emulator's clients as sandbox
 * API accounts. Idempotent: a second run changes nothing unless the emulator's keys changed.
 */
export async function seedDemoHub(input: SeedInput): Promise<{ email: string; created: boolean; accounts: number }> {
  // A known demo Owner on a real installation would be a back door: production starts with /setup.
  if (env().NODE_ENV === "production")
    throw new Error("The demo seed refuses to run with NODE_ENV=production. Use /setup or npm run hub:create.");
  const existing = await db.user.findUnique({
    where: { email: DEMO_OWNER_EMAIL },
    select: { id: true, memberships: { select: { id: true, hubId: true }, take: 1 } },
  });
  let membership = existing?.memberships[0];
  let created = false;
  if (!membership) {
    const passwordHash = await hashPassword(input.ownerPassword);
    membership = await db.$transaction(async (tx) => {
      // The demo's accounts live on the local emulator, a custom base URL.
      const hub = await tx.hub.create({
        data: { name: DEMO_HUB_NAME, allowCustomBaseUrls: true },
        select: { id: true },
      });
      const user =
        existing ??
        (await tx.user.create({
          data: { email: DEMO_OWNER_EMAIL, name: "Demo Owner", passwordHash },
          select: { id: true },
        }));
      const m = await tx.membership.create({
        data: { hubId: hub.id, userId: user.id, role: "OWNER" },
        select: { id: true, hubId: true },
      });
      await writeAudit(tx, null, {
        hubId: hub.id,
        action: "hub.create",
        target: { type: "hub", id: hub.id },
        metadata: { source: "dev-seed" },
      });
      return m;
    });
    created = true;
  }

  const baseUrl = input.emulatorUrl;
  if (baseUrl) {
    for (const client of input.emulatorClients) {
      const hubId = membership.hubId;
      const membershipId = membership.id;
      await db.$transaction(async (tx) => {
        const found = await tx.apiAccount.findUnique({
          where: { hubId_clientId_baseUrl: { hubId, clientId: client.clientId, baseUrl } },
          select: { id: true },
        });
        const data = {
          name: client.name,
          apiKeyEnc: encryptSecret(client.apiKey),
          apiKeyLast4: client.apiKey.slice(-4),
        };
        const account = found
          ? await tx.apiAccount.update({ where: { id: found.id }, data, select: { id: true } })
          : await tx.apiAccount.create({
              data: { ...data, hubId, clientId: client.clientId, baseUrl, environment: "SANDBOX" },
              select: { id: true },
            });
        await tx.accountAccess.upsert({
          where: { membershipId_apiAccountId: { membershipId, apiAccountId: account.id } },
          create: { membershipId, apiAccountId: account.id, grants: [...ACCOUNT_PERMISSIONS] },
          update: {},
          select: { id: true },
        });
        if (!found) {
          await writeAudit(tx, null, {
            hubId,
            apiAccountId: account.id,
            action: "api_account.create",
            target: { type: "api_account", id: account.id },
            after: { name: client.name, clientId: client.clientId, baseUrl, environment: "SANDBOX" },
            metadata: { source: "dev-seed" },
          });
        }
      });
    }
  }
  return { email: DEMO_OWNER_EMAIL, created, accounts: input.emulatorClients.length };
}
