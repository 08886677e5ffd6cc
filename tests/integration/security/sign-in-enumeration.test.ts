/** @jest-environment node */
import { db } from "@/lib/server/db";
import { authenticate, FAILURE_FLOOR_MS, MAX_FAILED_SIGN_INS } from "@/lib/services/auth/authenticate";
import { PASSWORD, createUser, uniqueEmail, uniqueIp } from "../auth/helpers";

afterAll(() => db.$disconnect());

const from = (ip = uniqueIp()) => ({ ip, userAgent: "jest" });
async function reasons(email: string, request: { ip: string; userAgent: string }) {
  const out: string[] = [];
  for (let i = 0; i <= MAX_FAILED_SIGN_INS; i += 1) {
    const r = await authenticate({ email, password: `wrong-${i}` }, request);
    out.push(r.ok ? "ok" : r.reason);
  }
  return out;
}

describe("sign-in enumeration and deliberate lockout", () => {
  it("answers a known and an unknown email exactly alike, lockout included", async () => {
    const known = await createUser({ tag: "known" });
    const expected = ["invalid", "invalid", "invalid", "invalid", "locked", "locked"];
    expect(await reasons(known.email, from())).toEqual(expected);
    expect(await reasons(uniqueEmail("unknown"), from())).toEqual(expected);
  }, 60_000);

  it("never answers a refusal faster than the floor, for known and unknown emails", async () => {
    const known = await createUser({ tag: "timing" });
    for (const email of [known.email, uniqueEmail("timing-ghost")]) {
      const started = Date.now();
      await authenticate({ email, password: "wrong" }, from());
      expect(Date.now() - started).toBeGreaterThanOrEqual(FAILURE_FLOOR_MS - 5);
    }
  });

  it("an attacker locking a victim from their own IP does not stop the victim signing in from theirs", async () => {
    const victim = await createUser({ tag: "victim" });
    const attacker = from();
    expect((await reasons(victim.email, attacker)).at(-1)).toBe("locked");
    await expect(authenticate({ email: victim.email, password: PASSWORD }, from())).resolves.toMatchObject({
      ok: true,
    });
  }, 60_000);
});
