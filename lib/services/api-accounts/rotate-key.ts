import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { encryptSecret } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { ForbiddenError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { ApiAccountDTO } from "./dto";
import { API_ACCOUNT_SELECT, getAccountInHub, verifyApiCredentials } from "./internal";
import { RotateApiKeyInput } from "./schemas";

/** Replaces the stored key once the new one has passed a token call; the old key stays on failure. */
export async function rotateApiKey({
  ctx,
  input,
}: {
  ctx: HubContext;
  input: RotateApiKeyInput;
}): Promise<ApiAccountDTO> {
  assertCan(ctx, "hub.accounts.manage");
  const data = parseInput(RotateApiKeyInput, input);
  const current = await getAccountInHub(db, ctx.hub.id, data.accountId);
  if (current.environment === "PRODUCTION" && ctx.membership.role !== "OWNER") {
    throw new ForbiddenError("Only an Owner can rotate a production key.");
  }
  await verifyApiCredentials({ clientId: current.clientId, apiKey: data.apiKey, baseUrl: current.baseUrl });
  return db.$transaction(async (tx) => {
    const before = await getAccountInHub(tx, ctx.hub.id, data.accountId);
    const account = await tx.apiAccount.update({
      where: { id: before.id, hubId: ctx.hub.id },
      data: { apiKeyEnc: encryptSecret(data.apiKey), apiKeyLast4: data.apiKey.slice(-4), keyRotatedAt: new Date() },
      select: API_ACCOUNT_SELECT,
    });
    await writeAudit(tx, ctx, {
      apiAccountId: account.id,
      action: "api_account.rotate_key",
      target: { type: "api_account", id: account.id },
      before: { keyLast4: before.apiKeyLast4 },
      after: { keyLast4: account.apiKeyLast4 },
    });
    return account;
  });
}
