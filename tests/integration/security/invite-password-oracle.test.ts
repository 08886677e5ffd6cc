/** @jest-environment node */
import { db } from "@/lib/server/db";
import { PreconditionError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import { acceptInvite, SIGN_IN_FIRST } from "@/lib/services/invites/accept";
import { createInvite } from "@/lib/services/invites/create";
import { getInviteByToken } from "@/lib/services/invites/get-by-token";
import { createTestHub, uid, type TestHub } from "../hub/factories";

afterAll(() => db.$disconnect());

const request = { ip: "203.0.113.9", userAgent: "jest" };
const tokenOf = (path: string | null) => path?.split("/").pop() ?? "";
let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});

describe("invite acceptance is not a password oracle", () => {
  it("never joins a locked victim on a correct password guess, and counts nothing", async () => {
    const email = `victim${uid()}@x.test`;
    const victim = await db.user.create({
      data: {
        email,
        name: "Victim",
        passwordHash: await hashPassword("victims-real-password"),
        lockedUntil: new Date(Date.now() + 15 * 60_000),
      },
      select: { id: true },
    });
    const inv = await createInvite({ ctx: hub.ctx("OWNER"), input: { email, role: "ADMIN" } });
    const error = await acceptInvite({
      ctx: { actor: null, request, requestId: "test" },
      input: { token: tokenOf(inv.invitePath), password: "victims-real-password" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    expect((error as Error).message).toBe(SIGN_IN_FIRST);
    expect(await db.membership.count({ where: { hubId: hub.hubId, userId: victim.id } })).toBe(0);
    // The invite stays usable by the real person once signed in.
    await acceptInvite({
      ctx: { actor: { id: victim.id, email, name: "Victim" }, request, requestId: "test" },
      input: { token: tokenOf(inv.invitePath) },
    });
    expect(await db.membership.count({ where: { hubId: hub.hubId, userId: victim.id } })).toBe(1);
  });

  it("the link shows the same thing for an email with and without an account", async () => {
    const known = `known${uid()}@x.test`;
    await db.user.create({ data: { email: known, name: "Known", passwordHash: "x" } });
    const a = await createInvite({ ctx: hub.ctx("OWNER"), input: { email: known, role: "READ_ONLY" } });
    const b = await createInvite({
      ctx: hub.ctx("OWNER"),
      input: { email: `unknown${uid()}@x.test`, role: "READ_ONLY" },
    });
    const previewA = await getInviteByToken({ token: tokenOf(a.invitePath) });
    const previewB = await getInviteByToken({ token: tokenOf(b.invitePath) });
    expect(Object.keys(previewA ?? {}).sort()).toEqual(Object.keys(previewB ?? {}).sort());
    expect(previewA).toEqual({ email: known, hubName: hub.name, role: "READ_ONLY" });
  });
});
