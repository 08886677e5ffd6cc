/** @jest-environment node */
// First run on a fresh installation: /setup's service (token, once only, audited) on a database of
// its own, `npm run hub:create` with the invite page's service, and the demo seed's refusal in production.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { NotFoundError, ValidationError, ForbiddenError } from "@/lib/server/errors";
import { verifyPassword } from "@/lib/server/password";
import { setupToken } from "@/lib/server/setup-token";
import { acceptInvite } from "@/lib/services/invites/accept";
import { createFirstHub } from "@/lib/services/setup/create-first-hub";
import { hasAnyHub } from "@/lib/services/setup/has-hub";
import { freshMigratedClient } from "../support/fresh-database";
import { uid } from "../hub/factories";

const ROOT = path.resolve(__dirname, "../../..");
const tsx = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "--tsconfig", "tsconfig.json", script, ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, ...env },
    },
  );

let target: Awaited<ReturnType<typeof freshMigratedClient>>;
let fresh: PrismaClient;
const owner = { hubName: "Acme", name: "Ada", email: "ada@acme.test", password: "a-long-owner-password" };
const request = (ip: string) => ({ ip, userAgent: "jest-first-run" });

beforeAll(async () => {
  target = await freshMigratedClient();
  fresh = target.client;
}, 60_000);

afterAll(() => target?.close());

describe("/setup on an installation without a Hub", () => {
  it("refuses a wrong setup token and creates nothing", async () => {
    const error = await createFirstHub({
      ctx: { request: request("198.51.100.1"), db: fresh },
      input: { ...owner, setupToken: "guessed-token" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      setupToken: ["Copy the token printed in the server log (or SETUP_TOKEN)"],
    });
    expect(await fresh.hub.count()).toBe(0);
    expect(await fresh.user.count()).toBe(0);
    expect(await hasAnyHub({ db: fresh })).toBe(false);
  });

  it("creates exactly one Hub and Owner when two requests with the right token race", async () => {
    // (argon2 hashing twice on a busy 2-core machine: allow more than the default 5 s)
    const attempt = (email: string) =>
      createFirstHub({
        ctx: { request: request("198.51.100.2"), db: fresh },
        input: { ...owner, email, setupToken: setupToken() },
      }).then(
        (v) => ({ ok: v.email }),
        (e: unknown) => ({ error: e }),
      );
    const results = await Promise.all([attempt(owner.email), attempt("second@acme.test")]);
    const won = results.filter((r) => "ok" in r);
    expect(won).toHaveLength(1);
    expect(results.find((r) => "error" in r)).toEqual({ error: new NotFoundError("Setup is already complete.") });

    const hubs = await fresh.hub.findMany({
      select: {
        id: true,
        name: true,
        memberships: { select: { role: true, user: { select: { email: true, name: true, passwordHash: true } } } },
      },
    });
    expect(hubs).toHaveLength(1);
    expect(hubs[0]?.name).toBe("Acme");
    const [membership] = hubs[0]?.memberships ?? [];
    expect(membership?.role).toBe("OWNER");
    expect(await verifyPassword(membership?.user.passwordHash ?? "", owner.password)).toBe(true);
    const audit = await fresh.auditEvent.findMany({
      where: { action: "hub.create" },
      select: { hubId: true, actorEmail: true, ip: true, metadata: true, after: true },
    });
    expect(audit).toEqual([
      {
        hubId: hubs[0]?.id,
        actorEmail: membership?.user.email,
        ip: "198.51.100.2",
        metadata: { source: "setup" },
        after: expect.objectContaining({ name: "Acme", ownerEmail: membership?.user.email }),
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(owner.password);
    expect(await hasAnyHub({ db: fresh })).toBe(true);
  }, 30_000);

  it("is gone once a Hub exists, even with the right token", async () => {
    await expect(
      createFirstHub({
        ctx: { request: request("198.51.100.3"), db: fresh },
        input: { ...owner, email: "late@acme.test", setupToken: setupToken() },
      }),
    ).rejects.toThrow(new NotFoundError("Setup is already complete."));
    expect(await fresh.hub.count()).toBe(1);
  });

  it("stops accepting tokens from an address after ten wrong ones", async () => {
    for (let i = 0; i < 10; i++) {
      await expect(
        createFirstHub({
          ctx: { request: request("198.51.100.4"), db: fresh },
          input: { ...owner, setupToken: `wrong-${i}` },
        }),
      ).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(
      createFirstHub({
        ctx: { request: request("198.51.100.4"), db: fresh },
        input: { ...owner, setupToken: setupToken() },
      }),
    ).rejects.toThrow(ForbiddenError);
  });

  it("rejects a forged payload before touching the database", async () => {
    const forged = {
      setupToken: setupToken(),
      hubName: "",
      name: "x",
      email: "not-an-email",
      password: "short",
      role: "OWNER",
    };
    const error = await createFirstHub({ ctx: { request: request("198.51.100.5"), db: fresh }, input: forged }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["email", "hubName", "password"]);
  });
});

describe("npm run hub:create", () => {
  it("creates a Hub and prints a one-time link where the Owner sets a password", async () => {
    const email = `cli-${uid()}@acme.test`;
    const res = tsx("scripts/hub-create.ts", ["--email", email, "--hub", "CLI Hub"], {});
    expect(res.status).toBe(0);
    const link = res.stdout.match(/(http\S+\/invite\/(\S+))/);
    expect(link?.[1]).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = link?.[2] ?? "";
    const accepted = await acceptInvite({
      ctx: { actor: null, request: request("198.51.100.6"), requestId: "r" },
      input: { token, name: "Cli Owner", password: "cli-owner-password" },
    });
    const membership = await db.membership.findFirst({
      where: { hubId: accepted.hubId, user: { email } },
      select: { role: true, hub: { select: { name: true } }, user: { select: { passwordHash: true } } },
    });
    expect(membership).toMatchObject({ role: "OWNER", hub: { name: "CLI Hub" } });
    expect(await verifyPassword(membership?.user.passwordHash ?? "", "cli-owner-password")).toBe(true);
    // Single use.
    await expect(
      acceptInvite({
        ctx: { actor: null, request: request("198.51.100.6"), requestId: "r" },
        input: { token, name: "Again", password: "another-password" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  }, 60_000);

  it("explains its usage when an argument is missing", () => {
    const res = tsx("scripts/hub-create.ts", ["--email", "x@acme.test"], {});
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('Usage: npm run hub:create -- --email owner@example.com --hub "Hub name"');
  }, 60_000);
});

describe("demo seed", () => {
  it("refuses to run with NODE_ENV=production and creates nothing", async () => {
    const before = await db.user.count({ where: { email: "owner@demo.test" } });
    const res = tsx("scripts/seed-demo.ts", [], {
      NODE_ENV: "production",
      DEMO_OWNER_PASSWORD: "demo-password-123",
      EMULATOR_URL: "",
    });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain("The demo seed refuses to run with NODE_ENV=production");
    expect(await db.user.count({ where: { email: "owner@demo.test" } })).toBe(before);
  }, 60_000);
});
