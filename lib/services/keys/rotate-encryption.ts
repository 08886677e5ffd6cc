import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { decryptSecret, encryptSecret, keyRing } from "@/lib/server/crypto";
import { db as defaultDb, type Db } from "@/lib/server/db";
import type { KeyRing } from "@/lib/server/key-ring";

export type RotationProgress = { table: "ApiAccount" | "User"; rotated: number; skipped: number };
export type RotationResult = { keyId: string; apiKeys: number; totpSecrets: number; skipped: number; batches: number };

/** One encrypted column: how to page through the values not yet on the newest key, and audit a swap. */
type SealedColumn = {
  table: RotationProgress["table"];
  page: (
    afterId: string | undefined,
    take: number,
  ) => Promise<Array<{ id: string; sealed: string; hubId: string | null }>>;
  action: string;
  targetType: string;
};

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
  const columns: SealedColumn[] = [
    {
      table: "ApiAccount",
      action: "api_account.key.reencrypt",
      targetType: "api_account",
      page: async (afterId, n) =>
        (
          await db.apiAccount.findMany({
            where: { NOT: { apiKeyEnc: { startsWith: current } }, ...(afterId ? { id: { gt: afterId } } : {}) },
            orderBy: { id: "asc" },
            take: n,
            select: { id: true, hubId: true, apiKeyEnc: true },
          })
        ).map((r) => ({ id: r.id, hubId: r.hubId, sealed: r.apiKeyEnc })),
    },
    {
      table: "User",
      action: "user.totp.reencrypt",
      targetType: "user",
      page: async (afterId, n) =>
        (
          await db.user.findMany({
            where: {
              totpSecretEnc: { not: null },
              NOT: { totpSecretEnc: { startsWith: current } },
              ...(afterId ? { id: { gt: afterId } } : {}),
            },
            orderBy: { id: "asc" },
            take: n,
            select: { id: true, totpSecretEnc: true },
          })
        ).map((r) => ({ id: r.id, hubId: null, sealed: r.totpSecretEnc ?? "" })),
    },
  ];

  const result: RotationResult = { keyId: ring.current.id, apiKeys: 0, totpSecrets: 0, skipped: 0, batches: 0 };
  const metadata = { keyId: ring.current.id, source: "keys:rotate" };
  for (const column of columns) {
    for (let cursor: string | undefined; ;) {
      const rows = await column.page(cursor, take);
      if (rows.length === 0) break;
      cursor = rows[rows.length - 1]?.id;
      const progress = await db.$transaction(async (tx) => {
        let rotated = 0;
        for (const row of rows) {
          const sealed = encryptSecret(decryptSecret(row.sealed, ring), ring.current);
          // Only if the value is still the one read (the app may have rewritten it meanwhile).
          const swapped =
            column.table === "ApiAccount"
              ? await tx.apiAccount.updateMany({
                  where: { id: row.id, apiKeyEnc: row.sealed },
                  data: { apiKeyEnc: sealed },
                })
              : await tx.user.updateMany({
                  where: { id: row.id, totpSecretEnc: row.sealed },
                  data: { totpSecretEnc: sealed },
                });
          if (swapped.count !== 1) continue;
          rotated += 1;
          const apiAccountId = column.table === "ApiAccount" ? row.id : null;
          await writeAudit(tx, null, {
            hubId: row.hubId,
            apiAccountId,
            action: column.action,
            target: { type: column.targetType, id: row.id },
            metadata,
          });
        }
        return { table: column.table, rotated, skipped: rows.length - rotated };
      });
      if (column.table === "ApiAccount") result.apiKeys += progress.rotated;
      else result.totpSecrets += progress.rotated;
      result.skipped += progress.skipped;
      result.batches += 1;
      opts.onBatch?.(progress);
    }
  }
  return result;
}
