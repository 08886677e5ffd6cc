import { randomUUID } from "node:crypto";
import type { HubContext, UserContext } from "@/lib/server/context-types";
import { encryptSecret } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";
import { effectivePermissions, type RoleName } from "@/lib/server/permissions";
import { currentTotp, generateTotpSecret, hashRecoveryCode } from "@/lib/server/totp";

export const PASSWORD = "correct horse battery staple";
const STEP_MS = 30_000;

export function uniqueEmail(tag: string): string {
  return `${tag}-${randomUUID()}@auth.test`;
}

export function uniqueIp(): string {
  const b = randomUUID().replace(/-/g, "");
  return `10.${parseInt(b.slice(0, 2), 16)}.${parseInt(b.slice(2, 4), 16)}.${parseInt(b.slice(4, 6), 16)}`;
}

export type TestUser = { id: string; email: string; name: string; totpSecret?: string; recoveryCodes?: string[] };

export async function createUser(
  opts: { tag: string; totp?: boolean; recoveryCodes?: string[] } = { tag: "user" },
): Promise<TestUser> {
  const email = uniqueEmail(opts.tag);
  const totpSecret = opts.totp ? generateTotpSecret() : undefined;
  const user = await db.user.create({
    data: {
      email,
      name: "Test User",
      passwordHash: await hashPassword(PASSWORD),
      ...(totpSecret ? { totpSecretEnc: encryptSecret(totpSecret), totpEnabledAt: new Date() } : {}),
      ...(opts.recoveryCodes
        ? { recoveryCodes: { create: opts.recoveryCodes.map((c) => ({ codeHash: hashRecoveryCode(c) })) } }
        : {}),
    },
    select: { id: true, email: true, name: true },
  });
  return { ...user, totpSecret, recoveryCodes: opts.recoveryCodes };
}

export function userCtx(user: TestUser): UserContext {
  return {
    actor: { id: user.id, email: user.email, name: user.name },
    request: { ip: uniqueIp(), userAgent: "jest" },
    requestId: randomUUID(),
  };
}

export async function createHubMember(user: TestUser, role: RoleName, require2fa = false): Promise<HubContext> {
  const hub = await db.hub.create({
    data: { name: `Hub ${randomUUID().slice(0, 8)}`, require2fa, memberships: { create: { userId: user.id, role } } },
    select: { id: true, name: true, require2fa: true, memberships: { select: { id: true } } },
  });
  return {
    actor: { id: user.id, email: user.email, name: user.name },
    hub: { id: hub.id, name: hub.name, require2fa: hub.require2fa },
    membership: { id: hub.memberships[0]?.id ?? "", role },
    permissions: effectivePermissions(role),
    request: { ip: uniqueIp(), userAgent: "jest" },
    requestId: randomUUID(),
  };
}

/** A code for a step that no earlier test of this user consumed (the replay guard is per step). */
export function codeAt(secret: string, offsetSteps = 0, at = Date.now()): Promise<string> {
  return currentTotp(secret, at + offsetSteps * STEP_MS);
}

export async function wrongCode(secret: string): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1].map((o) => codeAt(secret, o))));
  for (let n = 0; ; n += 1) {
    const c = String(n).padStart(6, "0");
    if (!valid.has(c)) return c;
  }
}

export async function auditRows(userId: string, action: string) {
  return db.auditEvent.findMany({
    where: { actorUserId: userId, action },
    select: { action: true, metadata: true, ip: true, userAgent: true, hubId: true, before: true, after: true },
    orderBy: { createdAt: "asc" },
  });
}
