/** @jest-environment node */
// Sign-in never waits for MANGOPAY: the SSO grant sync is handed to `runLater` (Next's `after` in
// production) and runs once the response is sent. Here an API account of the member's Hub hangs or is
// down, and sign-in still succeeds without a single upstream connection; the deferred sync then
// updates grants from the emulator, or leaves them as they were when MANGOPAY is unreachable.
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { authorizeCredentials } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";
import { createSso } from "@/lib/services/sso/create";
import { accountContextFor, createTestAccount, createTestHub, uid, type TestHub } from "../hub/factories";
import { PASSWORD, uniqueIp } from "./helpers";

afterAll(() => db.$disconnect());

const emulatorUrl = process.env.EMULATOR_URL ?? "";

/** A MANGOPAY that accepts connections and never answers; counts the connections it gets. */
async function startHangingUpstream(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<import("node:net").Socket>();
  const server: Server = createServer((socket) => {
    count += 1;
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => count,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let hanging: Awaited<ReturnType<typeof startHangingUpstream>>;
let passwordHash: string;

beforeAll(async () => {
  hanging = await startHangingUpstream();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => hanging.close());

/** A fresh Hub (so each test's sync sees only its own API accounts) whose members can sign in. */
async function hubWithPasswords(): Promise<TestHub> {
  const hub = await createTestHub();
  await db.user.updateMany({
    where: { id: { in: Object.values(hub.members).map((m) => m.userId) } },
    data: { passwordHash },
  });
  return hub;
}

const request = () => ({ ip: uniqueIp(), userAgent: "jest-sign-in" });

describe("sign-in without MANGOPAY", () => {
  it("signs a member in while an API account of their Hub hangs, without one upstream connection", async () => {
    const hub = await hubWithPasswords();
    await createTestAccount(hub, { baseUrl: hanging.url, access: ["OPERATOR"] });
    const member = hub.members.OPERATOR;
    const later: (() => Promise<void>)[] = [];
    const user = await authorizeCredentials({ email: member.email, password: PASSWORD }, request(), (task) =>
      later.push(task),
    );
    expect(user).toMatchObject({ id: member.userId, email: member.email });
    // The sync is scheduled for after the response, and nothing was asked of MANGOPAY meanwhile.
    expect(later).toHaveLength(1);
    expect(hanging.connections()).toBe(0);
  });

  it("schedules nothing when the password is wrong", async () => {
    const hub = await hubWithPasswords();
    const later: (() => Promise<void>)[] = [];
    await expect(
      authorizeCredentials({ email: hub.members.ADMIN.email, password: "wrong password!" }, request(), (t) =>
        later.push(t),
      ),
    ).rejects.toThrow("invalid");
    expect(later).toEqual([]);
  });

  it("the deferred sync keeps the member's grants when MANGOPAY is down, and does not throw", async () => {
    const hub = await hubWithPasswords();
    const down = await startHangingUpstream();
    const downUrl = down.url;
    await down.close(); // nothing listens there any more: connection refused
    const account = await createTestAccount(hub, { baseUrl: downUrl, access: ["DEVELOPER"] });
    const member = hub.members.DEVELOPER;
    await db.accountAccess.updateMany({
      where: { membershipId: member.membershipId, apiAccountId: account.id },
      data: { source: "SSO", grants: ["users.read"] },
    });
    const later: (() => Promise<void>)[] = [];
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await authorizeCredentials({ email: member.email, password: PASSWORD }, request(), (t) => later.push(t));
    await Promise.all(later.map((task) => task()));
    warn.mockRestore();
    const access = await db.accountAccess.findFirstOrThrow({
      where: { membershipId: member.membershipId, apiAccountId: account.id },
    });
    expect(access).toMatchObject({ source: "SSO", grants: ["users.read"] });
  });

  it("the deferred sync grants an SSO's group from MANGOPAY (the emulator) after sign-in", async () => {
    const hub = await hubWithPasswords();
    const [client] = (await (await fetch(`${emulatorUrl}/_emulator/clients`)).json()) as {
      ClientId: string;
      ApiKey: string;
    }[];
    if (!client) throw new Error("the emulator has no client");
    const account = await createTestAccount(hub, {
      baseUrl: emulatorUrl,
      clientId: client.ClientId,
      apiKey: client.ApiKey,
      access: ["OWNER"],
    });
    const member = hub.members.READ_ONLY;
    await createSso({
      ctx: accountContextFor(hub, "OWNER", account),
      input: {
        accountId: account.id,
        firstName: "Read",
        lastName: uid(),
        email: member.email,
        permissionGroupId: "READ",
      },
    });
    const later: (() => Promise<void>)[] = [];
    await authorizeCredentials({ email: member.email, password: PASSWORD }, request(), (t) => later.push(t));
    expect(
      await db.accountAccess.count({ where: { membershipId: member.membershipId, apiAccountId: account.id } }),
    ).toBe(0);
    await Promise.all(later.map((task) => task()));
    const access = await db.accountAccess.findFirstOrThrow({
      where: { membershipId: member.membershipId, apiAccountId: account.id },
    });
    expect(access.source).toBe("SSO");
    expect(access.grants).toEqual(expect.arrayContaining(["users.read"]));
  });
});
