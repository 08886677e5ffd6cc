/** @jest-environment node */
// `npm run keys:rotate`: every stored API key and TOTP secret moves to the newest key, in audited
// batches, resumably; afterwards the app opens them with the old key gone. On a database of its own,
// because rotating the shared test database would pull keys from under the other test files.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import { decryptSecret, encryptSecret } from "@/lib/server/crypto";
import { keyRingFrom } from "@/lib/server/key-ring";
import { rotateEncryption, type RotationProgress } from "@/lib/services/keys/rotate-encryption";
import { freshMigratedClient } from "../support/fresh-database";

const ROOT = path.resolve(__dirname, "../../..");
const OLD = randomBytes(32).toString("base64");
const NEW = randomBytes(32).toString("base64");
const oldRing = keyRingFrom({ ENCRYPTION_KEYS: `old:${OLD}` });
const rotatingRing = keyRingFrom({ ENCRYPTION_KEYS: `new:${NEW},old:${OLD}` });
const newOnlyRing = keyRingFrom({ ENCRYPTION_KEYS: `new:${NEW}` });

let target: Awaited<ReturnType<typeof freshMigratedClient>>;
let client: PrismaClient;
let hubId: string;
let emulatorAccountId: string;
let emulatorClient: { ClientId: string; ApiKey: string };
const plainKeys = new Map<string, string>();
const plainTotp = new Map<string, string>();

beforeAll(async () => {
  target = await freshMigratedClient();
  client = target.client;
  const clients = (await (await fetch(`${process.env.EMULATOR_URL}/_emulator/clients`)).json()) as Array<{
    ClientId: string;
    ApiKey: string;
  }>;
  emulatorClient = clients[0] as { ClientId: string; ApiKey: string };
  hubId = (await client.hub.create({ data: { name: "Rotation Hub", allowCustomBaseUrls: true }, select: { id: true } }))
    .id;

  const accounts = [
    { clientId: emulatorClient.ClientId, apiKey: emulatorClient.ApiKey, baseUrl: process.env.EMULATOR_URL ?? "" },
    ...Array.from({ length: 3 }, (_, i) => ({
      clientId: `other${i}`,
      apiKey: `sk-other-${i}-${randomBytes(6).toString("hex")}`,
      baseUrl: "https://api.sandbox.mangopay.com",
    })),
  ];
  for (const [i, a] of accounts.entries()) {
    // One value in the v1 layout written before key ids existed, the rest under the old key.
    const sealed = encryptSecret(a.apiKey, oldRing.current);
    const stored = i === 3 ? ["v1", ...sealed.split(".").slice(2)].join(".") : sealed;
    const row = await client.apiAccount.create({
      data: {
        hubId,
        name: `A${i}`,
        environment: "SANDBOX",
        clientId: a.clientId,
        baseUrl: a.baseUrl,
        apiKeyEnc: stored,
        apiKeyLast4: a.apiKey.slice(-4),
      },
      select: { id: true },
    });
    plainKeys.set(row.id, a.apiKey);
    if (i === 0) emulatorAccountId = row.id;
  }
  for (let i = 0; i < 3; i++) {
    const secret = `TOTPSECRET${i}${randomBytes(4).toString("hex").toUpperCase()}`;
    const user = await client.user.create({
      data: {
        email: `rot-${i}@hub.test`,
        name: `U${i}`,
        passwordHash: "x",
        totpSecretEnc: encryptSecret(secret, oldRing.current),
        totpEnabledAt: new Date(),
      },
      select: { id: true },
    });
    plainTotp.set(user.id, secret);
  }
  // A member without 2FA: nothing to rotate, must stay null.
  await client.user.create({ data: { email: "rot-none@hub.test", name: "N", passwordHash: "x" } });
}, 60_000);

afterAll(() => target?.close());

describe("keys:rotate", () => {
  it("resumes after an interruption and re-encrypts every API key and TOTP secret with the newest key", async () => {
    let batches = 0;
    const stopAfterFirstBatch = () => {
      batches += 1;
      if (batches === 1) throw new Error("simulated crash after one batch");
    };
    await expect(
      rotateEncryption({ db: client, ring: rotatingRing, batchSize: 2, onBatch: stopAfterFirstBatch }),
    ).rejects.toThrow(/simulated crash/);
    const partly = await client.apiAccount.findMany({ select: { apiKeyEnc: true } });
    expect(partly.filter((a) => a.apiKeyEnc.startsWith("v2.new.")).length).toBe(2);

    const progress: RotationProgress[] = [];
    const rest = await rotateEncryption({
      db: client,
      ring: rotatingRing,
      batchSize: 2,
      onBatch: (p) => progress.push(p),
    });
    expect(rest).toMatchObject({ keyId: "new", apiKeys: 2, totpSecrets: 3, skipped: 0 });
    expect(progress.map((p) => [p.table, p.rotated])).toEqual([
      ["ApiAccount", 2],
      ["User", 2],
      ["User", 1],
    ]);

    const accounts = await client.apiAccount.findMany({ select: { id: true, apiKeyEnc: true } });
    for (const a of accounts) {
      expect(a.apiKeyEnc.startsWith("v2.new.")).toBe(true);
      expect(decryptSecret(a.apiKeyEnc, newOnlyRing)).toBe(plainKeys.get(a.id));
    }
    const users = await client.user.findMany({ select: { id: true, totpSecretEnc: true } });
    for (const u of users) {
      if (!plainTotp.has(u.id)) {
        expect(u.totpSecretEnc).toBeNull();
        continue;
      }
      expect(u.totpSecretEnc?.startsWith("v2.new.")).toBe(true);
      expect(decryptSecret(u.totpSecretEnc ?? "", newOnlyRing)).toBe(plainTotp.get(u.id));
    }
  });

  it("audits each re-encrypted value with the key id, never the value", async () => {
    const events = await client.auditEvent.findMany({
      where: { action: { endsWith: "reencrypt" } },
      select: { action: true, hubId: true, targetId: true, metadata: true },
    });
    const apiEvents = events.filter((e) => e.action === "api_account.key.reencrypt");
    expect(apiEvents.map((e) => e.targetId).sort()).toEqual([...plainKeys.keys()].sort());
    expect(apiEvents.every((e) => e.hubId === hubId)).toBe(true);
    expect(
      events
        .filter((e) => e.action === "user.totp.reencrypt")
        .map((e) => e.targetId)
        .sort(),
    ).toEqual([...plainTotp.keys()].sort());
    expect(
      events.every((e) => JSON.stringify(e.metadata) === JSON.stringify({ keyId: "new", source: "keys:rotate" })),
    ).toBe(true);
    const dump = JSON.stringify(events);
    for (const secret of [...plainKeys.values(), ...plainTotp.values()]) expect(dump).not.toContain(secret);
  });

  it("has nothing left to do on a second run", async () => {
    expect(await rotateEncryption({ db: client, ring: rotatingRing, batchSize: 2 })).toMatchObject({
      apiKeys: 0,
      totpSecrets: 0,
      batches: 0,
    });
  });

  it("lets the app call MANGOPAY with a rotated key while the old key is no longer configured", () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: target.url,
      ENCRYPTION_KEYS: `new:${NEW}`,
      MANGOPAY_ALLOW_PRIVATE_HOSTS: "true",
    };
    delete env.ENCRYPTION_KEY;
    const res = spawnSync(
      path.join(ROOT, "node_modules/.bin/tsx"),
      [
        "--conditions=react-server",
        "--tsconfig",
        "tsconfig.json",
        "tests/integration/deploy/fixtures/open-account.ts",
        hubId,
        emulatorAccountId,
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000, env },
    );
    expect(res.stderr).not.toContain(emulatorClient.ApiKey);
    expect(JSON.parse(res.stdout.trim().split("\n").pop() ?? "{}")).toEqual({ clientId: emulatorClient.ClientId });
  }, 60_000);

  it("refuses to rotate when a stored value's key is not configured, changing nothing", async () => {
    const other = keyRingFrom({ ENCRYPTION_KEYS: `newer:${randomBytes(32).toString("base64")}` });
    const before = await client.apiAccount.findMany({ select: { apiKeyEnc: true }, orderBy: { id: "asc" } });
    await expect(rotateEncryption({ db: client, ring: other })).rejects.toThrow(/No encryption key with id "new"/);
    expect(await client.apiAccount.findMany({ select: { apiKeyEnc: true }, orderBy: { id: "asc" } })).toEqual(before);
  });
});
