import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
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

/** The audit row of `entry` done in `ctx` (see `writeAudit`). */
function auditRow(ctx: AuditScope | null, entry: AuditEntry) {
  return {
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
  };
}

/**
 * Writes one audit row inside the caller's transaction: if it fails, the change fails with it. Actor,
 * Hub, API account and request metadata come from `ctx` (null: a system action such as a seed).
 */
export async function writeAudit(tx: Tx, ctx: AuditScope | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(ctx, entry), select: { id: true } });
}

/**
 * `writeAudit` for a transaction begun on a client of the pool under `db` (`dbPool()`), where a writer
 * keeps Prisma's client out of a hot loop (the mirror backfill's pages): the same row.
 */
export async function writeAuditOn(client: pg.ClientBase, ctx: AuditScope | null, entry: AuditEntry): Promise<void> {
  const r = auditRow(ctx, entry);
  const json = (v: Prisma.InputJsonValue | undefined) => (v === undefined ? null : JSON.stringify(v));
  await client.query(
    `INSERT INTO "AuditEvent" ("id", "hubId", "apiAccountId", "actorUserId", "actorEmail", "action", "targetType",
       "targetId", "ip", "userAgent", "before", "after", "metadata", "createdAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14::timestamp(3))`,
    [
      randomUUID(),
      r.hubId,
      r.apiAccountId,
      r.actorUserId,
      r.actorEmail,
      r.action,
      r.targetType,
      r.targetId,
      r.ip,
      r.userAgent,
      json(r.before),
      json(r.after),
      json(r.metadata),
      new Date().toISOString(),
    ],
  );
}
