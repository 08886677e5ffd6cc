import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { validIp } from "./client-ip";
import type { Tx } from "./db";

export type AuditInput = {
  hubId?: string | null;
  apiAccountId?: string | null;
  actor?: { userId: string; email: string } | null;
  action: string; // dotted verb, e.g. "team.invite.create", "auth.sign_in.failed"
  target?: { type: string; id: string } | null;
  request?: { ip?: string | null; userAgent?: string | null } | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  metadata?: Prisma.InputJsonValue | null;
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

/** Writes one audit row inside the caller's transaction: if it fails, the change fails with it. */
export async function writeAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      hubId: input.hubId ?? null,
      apiAccountId: input.apiAccountId ?? null,
      actorUserId: input.actor?.userId ?? null,
      actorEmail: input.actor?.email ?? null,
      action: input.action,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      ip: validIp(input.request?.ip),
      userAgent: input.request?.userAgent?.slice(0, 512) ?? null,
      before: redact(input.before),
      after: redact(input.after),
      metadata: redact(input.metadata),
    },
    select: { id: true },
  });
}
