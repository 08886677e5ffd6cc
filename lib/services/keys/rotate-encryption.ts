import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { decryptSecret, encryptSecret, keyRing } from "@/lib/server/crypto";
import { db as defaultDb, type Db } from "@/lib/server/db";
import type { KeyRing } from "@/lib/server/key-ring";

export type RotationProgress = { table: "ApiAccount" | "User"; rotated: number; skipped: number };
export type RotationResult = { keyId: string; apiKeys: number; totpSecrets: number; skipped: number; batches: number };

/**
 * `npm run keys:rotate`: re-encrypts every stored API key and TOTP secret that is not yet sealed with
 * the newest key of ENCRYPTION_KEYS, `batchSize` rows per transaction, each row audited in its batch.
 * Resumable: a run picks up whatever is still on an older key. A row changed meanwhile by the app
 * (which always writes with the newest key) is left alone: the update is conditional on the old value.
 */
export async function rotateEncryption(
  opts: { batchSize?: number; ring?: KeyRing; db?: Db; onBatch?: (p: RotationProgress) => void } = {},
): Promise<RotationResult> {
  const db = opts.db ?? defaultDb;
  const ring = opts.ring ?? keyRing();
  const take = opts.batchSize ?? 100;
  const current = `v2.${ring.current.id}.`;
  const result: RotationResult = { keyId: ring.current.id, apiKeys: 0, totpSecrets: 0, skipped: 0, batches: 0 };
  const meta = { keyId: ring.current.id, source: "keys:rotate" };

  for (let cursor: string | undefined; ; ) {
    const rows = await db.apiAccount.findMany({
      where: { NOT: { apiKeyEnc: { startsWith: current } }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take,
      select: { id: true, hubId: true, apiKeyEnc: true },
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]?.id;
    const progress = await db.$transaction(async (tx) => {
      let rotated = 0;
      for (const row of rows) {
        const sealed = encryptSecret(decryptSecret(row.apiKeyEnc, ring), ring.current);
        const updated = await tx.apiAccount.updateMany({ where: { id: row.id, apiKeyEnc: row.apiKeyEnc }, data: { apiKeyEnc: sealed } });
        if (updated.count !== 1) continue;
        rotated += 1;
        await writeAudit(tx, { hubId: row.hubId, apiAccountId: row.id, action: "api_account.key.reencrypt", target: { type: "api_account", id: row.id }, metadata: meta });
      }
      return { table: "ApiAccount" as const, rotated, skipped: rows.length - rotated };
    });
    result.apiKeys += progress.rotated;
    result.skipped += progress.skipped;
    result.batches += 1;
    opts.onBatch?.(progress);
  }

  for (let cursor: string | undefined; ; ) {
    const rows = await db.user.findMany({
      where: { totpSecretEnc: { not: null }, NOT: { totpSecretEnc: { startsWith: current } }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take,
      select: { id: true, email: true, totpSecretEnc: true },
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]?.id;
    const progress = await db.$transaction(async (tx) => {
      let rotated = 0;
      for (const row of rows) {
        if (!row.totpSecretEnc) continue;
        const sealed = encryptSecret(decryptSecret(row.totpSecretEnc, ring), ring.current);
        const updated = await tx.user.updateMany({ where: { id: row.id, totpSecretEnc: row.totpSecretEnc }, data: { totpSecretEnc: sealed } });
        if (updated.count !== 1) continue;
        rotated += 1;
        await writeAudit(tx, { action: "user.totp.reencrypt", target: { type: "user", id: row.id }, metadata: meta });
      }
      return { table: "User" as const, rotated, skipped: rows.length - rotated };
    });
    result.totpSecrets += progress.rotated;
    result.skipped += progress.skipped;
    result.batches += 1;
    opts.onBatch?.(progress);
  }
  return result;
}
