/** @jest-environment node */
// House conventions a reviewer would otherwise have to remember, checked on the source tree. Each
// guard also runs on a small broken fixture, to show it can fail.
import { findCycles, forbiddenImports, readSources, unauditedWrites, type Sources } from "./source-guards";

const fixture = (files: Record<string, string>): Sources => new Map(Object.entries(files));

describe("configuration", () => {
  const readsEnv = (files: Sources) =>
    [...files].filter(([f, src]) => f !== "lib/server/env.ts" && /process\.env\b/.test(src)).map(([f]) => f);

  it("is read from process.env only in lib/server/env.ts", () => {
    expect(readsEnv(readSources("app", "lib", "components", "proxy.ts"))).toEqual([]);
  });

  it("guard: flags a page reading process.env", () => {
    const broken = fixture({
      "lib/server/env.ts": "process.env.X",
      "app/page.tsx": "const k = process.env.AUTH_SECRET;",
    });
    expect(readsEnv(broken)).toEqual(["app/page.tsx"]);
  });
});

// Services receive plain contexts (lib/server/context-types.ts): they never import Next.js, next-auth
// or the modules that build contexts from a request, so they run the same from a page, an action, a
// script or a test.
const SERVICES = /^lib\/services\//;
const FRAMEWORK = /^(next($|\/)|next-auth($|\/)|@\/lib\/server\/(auth|context|account-context|action)$)/;

describe("layers", () => {
  it("services import neither the framework nor the auth/context layer", () => {
    expect(forbiddenImports(readSources("lib/services"), SERVICES, FRAMEWORK)).toEqual([]);
  });

  it("the context types module imports nothing from Next.js or the auth layer", () => {
    const files = readSources("lib/server/context-types.ts");
    expect(
      forbiddenImports(
        files,
        /context-types/,
        /^(next|next-auth|react)($|\/)|\/(auth|context|account-context|action)$/,
      ),
    ).toEqual([]);
  });

  it("guard: flags a service importing the session helpers or next/cache", () => {
    const broken = fixture({
      "lib/services/x/do.ts":
        'import { requireSession } from "@/lib/server/auth";\nimport type { HubContext } from "@/lib/server/context-types";',
      "lib/services/x/other.ts": 'import { revalidatePath } from "next/cache";',
    });
    expect(forbiddenImports(broken, SERVICES, FRAMEWORK)).toEqual([
      "lib/services/x/do.ts → @/lib/server/auth",
      "lib/services/x/other.ts → next/cache",
    ]);
  });
});

describe("import graph", () => {
  it("has no cycles in the app, its libraries and the emulator (type-only imports included)", () => {
    expect(findCycles(readSources("app", "lib", "components", "emulator", "proxy.ts"))).toEqual([]);
  });

  it("guard: finds a type-only cycle through three files", () => {
    const broken = fixture({
      "lib/a.ts": 'import type { B } from "./b";',
      "lib/b.ts": 'export { c } from "@/lib/c";',
      "lib/c.ts": 'import type { A } from "./a.js";',
      "lib/d.ts": 'import "./a";',
    });
    expect(findCycles(broken)).toEqual([["lib/a.ts", "lib/b.ts", "lib/c.ts", "lib/a.ts"]]);
  });
});

/**
 * Writes exempt from the audit rule, by file and model, each with the reason. Nothing else may be
 * added without one: the exemption is the design decision, written where the rule is enforced.
 */
const UNAUDITED_WRITES: Record<string, string> = {
  "lib/services/mirror/ping-batch.ts webhookPing":
    "the public webhook receiver stores pings at up to thousands a second (one insert per batch); the ping row " +
    "itself (time, client address, unique key) is the record, and its processing is audited (mirror.sync…)",
};

describe("audit", () => {
  it("every service write happens in a transaction that writes an audit row", () => {
    const problems = unauditedWrites(readSources("lib/services", "lib/server/audit.ts"));
    const exempt = (p: string) =>
      Object.keys(UNAUDITED_WRITES).some((k) => {
        const [file, model] = k.split(" ");
        return p.startsWith(`${file}:`) && p.includes(` ${model} write `);
      });
    expect(problems.filter((p) => !exempt(p))).toEqual([]);
  });

  it("every exemption from the audit rule states its reason and still matches a write", () => {
    const problems = unauditedWrites(readSources("lib/services", "lib/server/audit.ts"));
    for (const [key, reason] of Object.entries(UNAUDITED_WRITES)) {
      expect(reason.length).toBeGreaterThan(40);
      const [file, model] = key.split(" ");
      expect(problems.some((p) => p.startsWith(`${file}:`) && p.includes(` ${model} write `))).toBe(true);
    }
  });

  it("guard: flags a write without an audit row, a write outside a transaction, a helper's write and a raw SQL write", () => {
    const broken = fixture({
      "lib/server/audit.ts":
        "export async function writeAudit(tx: Tx, ctx: AuditScope | null, entry: AuditEntry) { await tx.auditEvent.create({}); }",
      "lib/services/x/good.ts": `export async function renameX({ ctx }) {
  await db.$transaction(async (tx) => {
    await tx.thing.update({ where: { id: "a" }, data: { name: ")" } });
    await writeAudit(tx, ctx, { action: "x.rename" });
  });
}`,
      "lib/services/x/internal.ts": `export async function touchThing(tx: Tx, id: string) {
  await tx.thing.update({ where: { id }, data: {} });
}`,
      "lib/services/x/forgot.ts": `export async function forgetX({ ctx }) {
  await db.$transaction((tx) => tx.thing.delete({ where: { id: "a" } }));
}`,
      "lib/services/x/bare.ts": `export async function bareX({ ctx }) {
  const client = ctx.db ?? db;
  await client.thing.create({ data: {} });
}`,
      "lib/services/x/via-helper.ts": `export async function helpX({ ctx }) {
  await db.$transaction(async (tx) => { await touchThing(tx, "a"); });
}`,
      "lib/services/x/raw.ts": `export async function rawX({ ctx }) {
  await db.$executeRaw\`DELETE FROM "ThingLog" WHERE "id" = \${ctx.id}\`;
  await db.$transaction(async (tx) => {
    await tx.$queryRaw\`INSERT INTO "Thing" ("id") VALUES ('a')\`;
    await writeAudit(tx, ctx, { action: "x.raw" });
  });
}`,
    });
    expect(unauditedWrites(broken)).toEqual([
      "lib/services/x/bare.ts:3 thing write outside a transaction, so with no audit row",
      "lib/services/x/forgot.ts:2 transaction with thing write and no audit row",
      "lib/services/x/raw.ts:2 thingLog write outside a transaction, so with no audit row",
      "lib/services/x/via-helper.ts:2 transaction with touchThing() and no audit row",
    ]);
  });

  it("guard: a transaction on a pool client (inPoolTransaction) must write its audit row", () => {
    const sources = fixture({
      "lib/services/x/pooled-good.ts": `export async function pooledGood(scope) {
  return inPoolTransaction(async (client) => {
    await client.query(\`UPDATE "Thing" SET "n" = 1\`);
    await writeAuditOn(client, scope, { action: "x.pooled" });
  });
}`,
      "lib/services/x/pooled-forgot.ts": `export async function pooledForgot() {
  await inPoolTransaction(async (client) => {
    await client.query(\`INSERT INTO "ThingLog" ("id") VALUES ('a')\`);
  });
  await dbPool().query(\`DELETE FROM "Thing"\`);
}`,
      "lib/services/x/mirror-helper.ts": `export async function fill(tx: MirrorTx) {
  await execute(tx, \`INSERT INTO "Thing" ("id") VALUES ('b')\`);
}`,
    });
    expect(unauditedWrites(sources)).toEqual([
      "lib/services/x/pooled-forgot.ts:2 transaction with thingLog write and no audit row",
      "lib/services/x/pooled-forgot.ts:5 thing write outside a transaction, so with no audit row",
    ]);
  });

  it("pages and route handlers never import the database client: they go through services", () => {
    expect(forbiddenImports(readSources("app"), /^app\//, /^@\/lib\/server\/db$/)).toEqual([]);
  });

  it("guard: flags a page importing the database client", () => {
    const broken = fixture({
      "app/(hub)/hub/x/page.tsx": 'import { db } from "@/lib/server/db";\nimport { Card } from "@/components/ui/card";',
    });
    expect(forbiddenImports(broken, /^app\//, /^@\/lib\/server\/db$/)).toEqual([
      "app/(hub)/hub/x/page.tsx → @/lib/server/db",
    ]);
  });
});
