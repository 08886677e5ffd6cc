/** @jest-environment node */
// What `npm run dev` does after the app is up: the demo Owner's sandbox accounts get their webhooks
// pointed at the app's receiver through the "Connect webhooks" service; then a pay-in made at the
// emulator is delivered by the emulator itself (a real GET on a loopback http:// URL), processed on
// the queue and found in the mirror.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { GET } from "@/app/api/webhooks/mangopay/[token]/route";
import { EVENT_TYPES } from "@/lib/mangopay/event-types";
import { db } from "@/lib/server/db";
import { JobQueue, setCurrentJobQueue } from "@/lib/server/jobs";
import { connectDemoWebhooks } from "@/lib/services/demo/connect-demo-webhooks";
import { RECEIVER_PATH } from "@/lib/services/mirror/endpoint";
import { WEBHOOK_PING_JOB } from "@/lib/services/mirror/process-ping";
import { buildWorld } from "../mangopay/world";
import { emulatorHub } from "../security/emulator-hub";

jest.setTimeout(120_000);

let server: http.Server;
let queue: JobQueue;
let env: Awaited<ReturnType<typeof emulatorHub>>;

beforeAll(async () => {
  // The app's receiver on a loopback port: the route handler itself behind a bare HTTP server.
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const token = url.pathname.slice(RECEIVER_PATH.length);
    void GET(new Request(url), { params: Promise.resolve({ token }) }).then(async (answer) => {
      res.writeHead(answer.status);
      res.end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // Before anything reads the settings (they are read once per process).
  process.env.APP_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  env = await emulatorHub(48, ["OWNER"]);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  queue = new JobQueue([WEBHOOK_PING_JOB], {
    connectionString: url,
    poolMax: 1,
    pollingIntervalSeconds: 0.5,
    schema: "pgboss_test_dev_connect",
  });
  await queue.start();
  setCurrentJobQueue(queue);
});

afterAll(async () => {
  setCurrentJobQueue(null);
  // Gracefully: a job still running after this file ends keeps pg-boss polling in a torn-down test
  // environment, which fails whichever file the jest worker runs next.
  await queue?.stop().catch(() => undefined);
  await env?.emulator.close();
  await new Promise((resolve) => server?.close(resolve));
  await db.$disconnect();
});

it("connects the Owner's sandbox accounts; a pay-in at the emulator then reaches the mirror", async () => {
  const [first, ...rest] = await connectDemoWebhooks(env.hub.members.OWNER.email);
  expect(rest).toEqual([]);
  expect(first).toMatchObject({
    account: env.account.name,
    ok: true,
    receiverBase: `${process.env.APP_URL}${RECEIVER_PATH}`,
  });
  if (!first?.ok) throw new Error("not connected");
  // Every event type, except hooks the seed pointed elsewhere (left alone, as the button does).
  expect(first.connected).toBeGreaterThan(EVENT_TYPES.length / 2);
  expect(await db.auditEvent.count({ where: { hubId: env.hub.hubId, action: "hook.create" } })).toBeGreaterThan(0);
  // A second run (the next `npm run dev`) keeps the same secret path and writes nothing.
  expect((await connectDemoWebhooks(env.hub.members.OWNER.email))[0]).toMatchObject({ ok: true, changed: 0 });

  const world = await buildWorld(env.direct);
  const key = { apiAccountId_mangopayId: { apiAccountId: env.account.id, mangopayId: world.payIn.Id } };
  let mirrored = null;
  for (let i = 0; i < 150 && !mirrored; i++) {
    mirrored = await db.mirrorTransaction.findUnique({ where: key, select: { status: true, debitedMinor: true } });
    if (!mirrored) await new Promise((r) => setTimeout(r, 200));
  }
  expect(mirrored).toEqual({ status: "SUCCEEDED", debitedMinor: BigInt(10_000) });
  // The pay-in's pings (created, succeeded) are each processed; the one that wrote the row may not be
  // the first one queued, so wait for all of them.
  const pingsOf = () =>
    db.webhookPing.findMany({
      where: { apiAccountId: env.account.id, resourceId: world.payIn.Id },
      select: { status: true },
    });
  let pings = await pingsOf();
  for (let i = 0; i < 150 && pings.some((p) => p.status !== "DONE"); i++) {
    await new Promise((r) => setTimeout(r, 200));
    pings = await pingsOf();
  }
  expect(pings.length).toBeGreaterThan(0);
  expect(pings.every((p) => p.status === "DONE")).toBe(true);
});

it("connects nothing for a person who owns no Hub", async () => {
  expect(await connectDemoWebhooks("nobody-here@example.test")).toEqual([]);
});
