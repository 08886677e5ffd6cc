import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { RequestMeta } from "@/lib/server/context-types";
import { db as defaultDb, type Db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, parseInput, ValidationError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import { signInLimits } from "@/lib/server/rate-limit";
import { isSetupToken } from "@/lib/server/setup-token";

import { CreateFirstHubInput } from "./schemas";

// Only while no Hub exists: everyone else must be invited. Serialised by a transaction-scoped advisory
// lock so two simultaneous first runs cannot both create a Hub.
export const SETUP_LOCK_KEY = 72707370;
const GONE = "Setup is already complete.";

export async function createFirstHub({
  ctx,
  input,
}: {
  ctx: { request: RequestMeta; db?: Db };
  input: CreateFirstHubInput;
}) {
  const db = ctx.db ?? defaultDb;
  const data = parseInput(CreateFirstHubInput, input);
  const who = ctx.request.ip ?? "unknown";
  // Counted in the database: every instance refuses the eleventh wrong token from an address.
  if (!(await signInLimits.setupToken.check(who, Date.now(), db)).allowed)
    throw new ForbiddenError("Too many wrong setup tokens. Try again in 15 minutes.");
  if (!isSetupToken(data.setupToken)) {
    await signInLimits.setupToken.hit(who, Date.now(), db);
    throw new ValidationError("The setup token is not right.", {
      setupToken: ["Copy the token printed in the server log (or SETUP_TOKEN)"],
    });
  }
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`;
    if (await tx.hub.findFirst({ select: { id: true } })) throw new NotFoundError(GONE);
    const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (taken) throw new ValidationError("This email already has an account.", { email: ["Use another email"] });
    const hub = await tx.hub.create({ data: { name: data.hubName }, select: { id: true, name: true } });
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, passwordHash },
      select: { id: true, email: true },
    });
    const membership = await tx.membership.create({
      data: { hubId: hub.id, userId: user.id, role: "OWNER" },
      select: { id: true },
    });
    await writeAudit(
      tx,
      { actor: { id: user.id, email: user.email }, hub: { id: hub.id }, request: ctx.request },
      {
        action: "hub.create",
        target: { type: "hub", id: hub.id },
        after: { name: hub.name, ownerEmail: user.email, ownerMembershipId: membership.id },
        metadata: { source: "setup" },
      },
    );
    return { hubId: hub.id, email: user.email };
  });
}
