// `npm run keys:rotate [-- --batch-size 100]`: re-encrypts every stored API key and TOTP secret with
// the newest key of ENCRYPTION_KEYS (README "Deploy" → Key rotation). Safe to stop and run again.
import { parseArgs } from "node:util";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { rotateEncryption } from "@/lib/services/keys/rotate-encryption";

const { values } = parseArgs({ options: { "batch-size": { type: "string", default: "100" } } });
const batchSize = Number(values["batch-size"]);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
  throw new Error("--batch-size must be an integer from 1 to 10000");

try {
  const result = await rotateEncryption({ batchSize, onBatch: (p) => logger.info(p, "re-encrypted a batch") });
  logger.info(result, "key rotation complete");
  console.log(
    `Re-encrypted ${result.apiKeys} API key(s) and ${result.totpSecrets} TOTP secret(s) with key "${result.keyId}".`,
  );
} catch (err) {
  logger.error(
    { err: err instanceof Error ? err.message : String(err) },
    "key rotation stopped; fix the cause and run it again to resume",
  );
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
