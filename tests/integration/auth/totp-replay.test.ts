/** @jest-environment node */
// One TOTP code is single-use: presented by several sign-ins or 2FA checks at the same moment, in one
// process or in several, exactly one succeeds. The guard is a (user, time step) row in the database.
import { spawn } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/server/db";
import { authenticate } from "@/lib/services/auth/authenticate";
import { regenerateRecoveryCodes } from "@/lib/services/auth/regenerate-recovery-codes";
import { claimTotpStep, lastAcceptedTotpStep } from "@/lib/services/auth/second-factor";
import * as totp from "@/lib/server/totp";
import { PASSWORD, auditRows, codeAt, createUser, uniqueIp, userCtx } from "./helpers";

afterAll(() => db.$disconnect());

const AT_ONCE = 5;

// The worst interleaving, made certain: every request has read the last accepted step and holds a
// valid code before any of them claims it (argon2 alone would mostly serialize the sign-ins).
jest.mock("@/lib/server/totp", () => {
  const actual = jest.requireActual<typeof import("@/lib/server/totp")>("@/lib/server/totp");
  return { ...actual, verifyTotp: jest.fn(actual.verifyTotp) };
});
const realVerifyTotp = jest.requireActual<typeof import("@/lib/server/totp")>("@/lib/server/totp").verifyTotp;

function holdCodeChecksUntil(count: number): void {
  let arrived = 0;
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  jest.mocked(totp.verifyTotp).mockImplementation(async (args) => {
    const result = await realVerifyTotp(args);
    arrived += 1;
    if (arrived >= count) release();
    await Promise.race([gate, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    return result;
  });
}
afterEach(() => jest.mocked(totp.verifyTotp).mockImplementation(realVerifyTotp));

describe("TOTP replay guard in the database", () => {
  it("claims a step once per user; an earlier step is refused after a later one", async () => {
    const [a, b] = [await createUser({ tag: "claim-a" }), await createUser({ tag: "claim-b" })];
    // The services claim inside their audited transaction (a `tx` helper).
    const claim = (userId: string, step: number) => db.$transaction((tx) => claimTotpStep(tx, userId, step));
    expect(await claim(a.id, 100)).toBe(true);
    expect(await claim(a.id, 100)).toBe(false);
    expect(await claim(a.id, 99)).toBe(false);
    expect(await claim(b.id, 100)).toBe(true);
    expect(await claim(a.id, 101)).toBe(true);
    expect(await lastAcceptedTotpStep(a.id)).toBe(101);
    expect(await db.totpStepUse.count({ where: { userId: a.id } })).toBe(2);
  });

  it(`lets exactly one of ${AT_ONCE} simultaneous sign-ins with the same code through`, async () => {
    const user = await createUser({ tag: "totp-race", totp: true });
    const code = await codeAt(user.totpSecret ?? "");
    holdCodeChecksUntil(AT_ONCE);
    const results = await Promise.all(
      Array.from({ length: AT_ONCE }, () =>
        authenticate({ email: user.email, password: PASSWORD, code }, { ip: uniqueIp(), userAgent: "jest" }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.reason))).toEqual(
      Array(AT_ONCE - 1).fill("totp_invalid"),
    );
    expect(await auditRows(user.id, "auth.sign_in")).toHaveLength(1);
    expect(await db.totpStepUse.count({ where: { userId: user.id } })).toBe(1);
  });

  it(`lets exactly one of ${AT_ONCE} simultaneous 2FA checks (recovery-code regeneration) with the same code through`, async () => {
    const user = await createUser({ tag: "totp-reauth-race", totp: true, recoveryCodes: ["aaaaa-bbbbb"] });
    const code = await codeAt(user.totpSecret ?? "");
    holdCodeChecksUntil(AT_ONCE);
    const results = await Promise.allSettled(
      Array.from({ length: AT_ONCE }, () => regenerateRecoveryCodes({ ctx: userCtx(user), input: { code } })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
    expect(refused.map((e) => e.message)).toEqual(Array(AT_ONCE - 1).fill("That code is not valid."));
    expect(await auditRows(user.id, "auth.recovery_codes.regenerate")).toHaveLength(1);
    // One new set of ten codes replaced the old one, not several sets.
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
  });

  it("lets only one of a sign-in and a 2FA check racing with the same code through", async () => {
    const user = await createUser({ tag: "totp-mixed-race", totp: true });
    const code = await codeAt(user.totpSecret ?? "");
    holdCodeChecksUntil(2);
    const [signIn, reauth] = await Promise.allSettled([
      authenticate({ email: user.email, password: PASSWORD, code }, { ip: uniqueIp(), userAgent: "jest" }),
      regenerateRecoveryCodes({ ctx: userCtx(user), input: { code } }),
    ]);
    const signedIn = signIn.status === "fulfilled" && signIn.value.ok;
    const reauthenticated = reauth.status === "fulfilled";
    expect([signedIn, reauthenticated].filter(Boolean)).toHaveLength(1);
    expect(await db.totpStepUse.count({ where: { userId: user.id } })).toBe(1);
  });

  it("lets exactly one of two processes accept the same code at the same moment", async () => {
    const user = await createUser({ tag: "totp-two-processes", totp: true });
    const code = await codeAt(user.totpSecret ?? "");
    const script = path.join(process.cwd(), "tests/integration/auth/support/check-totp-process.ts");
    const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");
    const children = [0, 1].map(() => {
      const child = spawn(tsx, ["--conditions=react-server", script, user.id, user.totpSecret ?? "", code], {
        env: { ...process.env, DB_POOL_MAX: "1" },
        stdio: ["pipe", "pipe", "inherit"],
      });
      const lines: string[] = [];
      let buffered = "";
      const waiters: (() => void)[] = [];
      child.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        const parts = buffered.split("\n");
        buffered = parts.pop() ?? "";
        lines.push(...parts);
        waiters.splice(0).forEach((w) => w());
      });
      const nextLine = (index: number) =>
        new Promise<string>((resolve, reject) => {
          const check = () => (lines[index] !== undefined ? resolve(lines[index]) : waiters.push(check));
          child.once("exit", () =>
            lines[index] === undefined ? reject(new Error(`process exited before line ${index}`)) : undefined,
          );
          check();
        });
      return { child, nextLine };
    });
    // Both processes are connected before either sees the code, and both have checked it (no step
    // accepted yet) before either claims it: the race on the claim is certain.
    expect(await Promise.all(children.map((c) => c.nextLine(0)))).toEqual(["ready", "ready"]);
    children.forEach((c) => c.child.stdin.write("go\n"));
    expect(await Promise.all(children.map((c) => c.nextLine(1)))).toEqual(["checked", "checked"]);
    children.forEach((c) => c.child.stdin.write("claim\n"));
    const results = (await Promise.all(children.map((c) => c.nextLine(2)))).map(
      (l) => JSON.parse(l) as { ok: boolean; reason?: string },
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "wrong_totp" }]);
    expect(await db.totpStepUse.count({ where: { userId: user.id } })).toBe(1);
  }, 60_000);
});
