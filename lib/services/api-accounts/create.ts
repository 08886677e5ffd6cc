import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { encryptSecret } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, mapPrismaError, parseInput } from "@/lib/server/errors";
import { assertCan, roleAccountPermissions } from "@/lib/server/permissions";
import { getAllowCustomBaseUrls } from "@/lib/services/hubs/set-allow-custom-base-urls";
import { auditSnapshot, type ApiAccountDTO } from "./dto";
import { API_ACCOUNT_SELECT, verifyApiCredentials } from "./internal";
import { productionBlockedReason } from "./production-access";
import { CreateApiAccountInput, resolveBaseUrl } from "./schemas";

/**
 * Adds an API account after proving its key with a token call. Production accounts: Owners with 2FA
 * only, after confirming the company's legal registration. Nothing is stored when verification fails.
 */
export async function createApiAccount({
  ctx,
  input,
}: {
  ctx: HubContext;
  input: CreateApiAccountInput;
}): Promise<ApiAccountDTO> {
  assertCan(ctx, "hub.accounts.manage");
  const data = parseInput(CreateApiAccountInput, input);
  if (data.environment === "PRODUCTION") {
    const blocked = await productionBlockedReason(ctx);
    if (blocked) throw new ForbiddenError(blocked);
  }
  if (data.baseUrlChoice === "CUSTOM" && !(await getAllowCustomBaseUrls(ctx.hub.id))) {
    throw new ForbiddenError("Custom base URLs are turned off for this Hub. An Owner can allow them in Hub settings.");
  }
  const baseUrl = resolveBaseUrl(data.baseUrlChoice, data.customBaseUrl);
  const duplicate = await db.apiAccount.findFirst({
    where: { hubId: ctx.hub.id, clientId: data.clientId, baseUrl },
    select: { id: true },
  });
  if (duplicate) throw new ConflictError("This ClientId is already connected with this base URL.");

  await verifyApiCredentials({ clientId: data.clientId, apiKey: data.apiKey, baseUrl });

  try {
    return await db.$transaction(async (tx) => {
      const account = await tx.apiAccount.create({
        data: {
          hubId: ctx.hub.id,
          name: data.name,
          environment: data.environment,
          clientId: data.clientId,
          baseUrl,
          apiKeyEnc: encryptSecret(data.apiKey),
          apiKeyLast4: data.apiKey.slice(-4),
        },
        select: API_ACCOUNT_SELECT,
      });
      // Owners and Admins manage every account, so they get its dashboard with their role's defaults.
      const managers = await tx.membership.findMany({
        where: { hubId: ctx.hub.id, role: { in: ["OWNER", "ADMIN"] } },
        select: { id: true, role: true },
      });
      await tx.accountAccess.createMany({
        data: managers.map((m) => ({
          membershipId: m.id,
          apiAccountId: account.id,
          grants: roleAccountPermissions(m.role),
        })),
      });
      await writeAudit(tx, ctx, {
        apiAccountId: account.id,
        action: "api_account.create",
        target: { type: "api_account", id: account.id },
        after: auditSnapshot(account),
        metadata: data.environment === "PRODUCTION" ? { legalRegistrationConfirmed: true } : null,
      });
      return account;
    });
  } catch (err) {
    mapPrismaError(err, "API account not found");
  }
}
