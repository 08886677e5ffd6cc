/** @jest-environment node */
import type { JWT } from "next-auth/jwt";
import { authOptions, createReissueTicket } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { isSessionRevoked } from "@/lib/services/auth/revoke-session";
import { createUser } from "../auth/helpers";

afterAll(() => db.$disconnect());

type JwtArgs = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>>[0];
const jwt = (args: Partial<JwtArgs>) => authOptions.callbacks?.jwt?.({ token: {}, ...args } as JwtArgs) as Promise<JWT>;
const signIn = (id: string) => jwt({ token: {}, user: { id, sv: 0 } as never, trigger: "signIn" });

describe("sessions are revoked server-side and reissue tickets are bound to one session", () => {
  it("gives every sign-in its own session id", async () => {
    const a = await signIn("u1");
    const b = await signIn("u1");
    expect(typeof a.sid).toBe("string");
    expect(a.sid).not.toBe(b.sid);
  });

  it("a reissue ticket moves only the session that changed the password, not another (revoked) one", async () => {
    const user = await createUser({ tag: "reissue" });
    const changer = await signIn(user.id);
    const other = await signIn(user.id);
    const ticket = createReissueTicket(user.id, 1, String(changer.sid));
    const otherAfter = await jwt({ token: { ...other }, trigger: "update", session: { reissue: ticket } });
    expect(otherAfter.sv).toBe(0);
    const changerAfter = await jwt({ token: { ...changer }, trigger: "update", session: { reissue: ticket } });
    expect(changerAfter.sv).toBe(1);
  });

  it("sign-out revokes that session id (audited) and leaves the user's other sessions alone", async () => {
    const user = await createUser({ tag: "signout" });
    const copied = await signIn(user.id);
    const other = await signIn(user.id);
    await authOptions.events?.signOut?.({
      token: { ...copied, exp: Math.floor(Date.now() / 1000) + 3600 },
      session: null as never,
    });
    expect(await isSessionRevoked(String(copied.sid))).toBe(true);
    expect(await isSessionRevoked(String(other.sid))).toBe(false);
    const audit = await db.auditEvent.findFirst({ where: { actorUserId: user.id, action: "auth.sign_out" } });
    expect(audit?.metadata).toEqual({ sessionId: copied.sid });
  });
});
