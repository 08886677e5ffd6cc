/** @jest-environment node */
// The typed client parses the emulator's identity verification sessions, before and after the hosted page.
import * as identityVerifications from "@/lib/mangopay/identity-verifications";
import type { MangopayClient } from "@/lib/mangopay/client";
import { startTestEmulator, type TestEmulator } from "./helpers";
import { createPayer } from "./world";

let emu: TestEmulator;
let client: MangopayClient;
beforeAll(async () => {
  emu = await startTestEmulator(9, { seedUsers: 20 });
  client = emu.client().client;
});
afterAll(async () => {
  await emu.close();
});

it("creates a PENDING session, the hosted page validates it, the checks parse with dates", async () => {
  const user = await createPayer(client, "Checked");
  const session = await identityVerifications.create(client, user.Id, { ReturnUrl: "https://platform.example/back" });
  expect(session.Status).toBe("PENDING");
  expect(session.LastUpdate).toBeInstanceOf(Date);
  await fetch(session.HostedUrl, { method: "POST", body: "outcome=validated", redirect: "manual" });
  const read = await identityVerifications.get(client, session.Id);
  expect(read.Status).toBe("VALIDATED");
  expect(read.Checks?.[0]?.CreationDate).toBeInstanceOf(Date);
  expect(read.Checks?.[0]?.Data).toContainEqual({ Type: "FIRST_NAME", Value: "Checked" });
  const page = await identityVerifications.listByUser(client, user.Id, { filters: { Status: "VALIDATED" } });
  expect(page.items.map((s) => s.Id)).toEqual([session.Id]);
});
