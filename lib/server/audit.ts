import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { validIp } from "./client-ip";
import type { Tx } from "./db";

/**
 * Who did it, where and from where: read from the service's context (Hub/Account/User/Public
 * context, lib/server/context-types.ts), never spelled out by the service.
 */
export type AuditScope = {
  actor?: { id: string; email: string } | null;
  hub?: { id: string } | null;
  account?: { id: string } | null;
  request?: { ip?: string | null; userAgent?: string | null } | null;
};

export type AuditEntry = {
  action: string; // dotted verb, e.g. "team.invite.create", "auth.sign_in.failed"
  target?: { type: string; id: string } | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  metadata?: Prisma.InputJsonValue | null;
  /** Only where the context names no Hub or a different one (invite acceptance, own-account events, seeds). */
  hubId?: string | null;
  /** Only where the context names no API account (the account being created, renamed, deleted). */
  apiAccountId?: string | null;
};

const SECRET_KEYS = /(password|secret|api_?key|token|hash|credential|^key$)/i;

/** Drops secret-looking fields from before/after snapshots, recursively. */
export function redact(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => redact(v) ?? null) as Prisma.InputJsonValue;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    const out: Record<string, Prisma.InputJsonValue | null> = {};
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEYS.test(k)) continue;
      out[k] = redact(v) ?? null;
    }
    return out;
  }
  return value as Prisma.InputJsonValue;
}

/**
 * Writes one audit row inside the caller's transaction: if it fails, the change fails with it. Actor,
 * Hub, API account and request metadata come from `ctx` (null: a system action such as a seed).
 */
export async function writeAudit(tx: Tx, ctx: AuditScope | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      hubId: entry.hubId !== undefined ? entry.hubId : (ctx?.hub?.id ?? null),
      apiAccountId: entry.apiAccountId !== undefined ? entry.apiAccountId : (ctx?.account?.id ?? null),
      actorUserId: ctx?.actor?.id ?? null,
      actorEmail: ctx?.actor?.email ?? null,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      ip: validIp(ctx?.request?.ip),
      userAgent: ctx?.request?.userAgent?.slice(0, 512) ?? null,
      before: redact(entry.before),
      after: redact(entry.after),
      metadata: redact(entry.metadata),
    },
    select: { id: true },
  });
}
