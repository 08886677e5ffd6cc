import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";

import { newInviteToken } from "@/lib/services/invites/internal";
import { CreateHubWithOwnerInviteInput } from "./schemas";

/**
 * Headless first run (`npm run hub:create`): a Hub and a single-use Owner invitation whose link lets
 * the person set their name and password on /invite/<token>. Run by an operator with shell access,
 * so it is allowed whether or not other Hubs exist. The token is returned once, only its hash stored.
 */
export async function createHubWithOwnerInvite({ input }: { input: CreateHubWithOwnerInviteInput }) {
  const data = parseInput(CreateHubWithOwnerInviteInput, input);
  const { token, tokenHash, expiresAt } = newInviteToken();
  const hub = await db.$transaction(async (tx) => {
    const created = await tx.hub.create({ data: { name: data.hubName }, select: { id: true, name: true } });
    const invite = await tx.invite.create({
      data: { hubId: created.id, email: data.email, role: "OWNER", tokenHash, accountIds: [], expiresAt },
      select: { id: true },
    });
    await writeAudit(
      tx,
      { hub: { id: created.id } },
      {
        action: "hub.create",
        target: { type: "hub", id: created.id },
        after: { name: created.name, ownerEmail: data.email },
        metadata: { source: "cli", inviteId: invite.id },
      },
    );
    return created;
  });
  return { hubId: hub.id, hubName: hub.name, invitePath: `/invite/${token}`, expiresAt };
}
