import { createMangopayClient, type MangopayClient } from "@/lib/mangopay";
import type { RoleName } from "@/lib/server/permissions";
import { createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

/** A private emulator, a Hub with one API account on it (for `access` roles), and a direct client to check MANGOPAY's side. */
export async function emulatorHub(seed: number, access: RoleName[]) {
  const emulator: TestEmulator = await startTestEmulator(seed);
  const client = emulator.clients[0];
  if (!client) throw new Error("the emulator has no client");
  const direct: MangopayClient = createMangopayClient(
    { clientId: client.ClientId, apiKey: client.ApiKey, baseUrl: emulator.url },
    { addressPolicy: { allowPrivateHosts: true } },
  );
  const hub: TestHub = await createTestHub();
  const account = await createTestAccount(hub, {
    baseUrl: emulator.url,
    clientId: client.ClientId,
    apiKey: client.ApiKey,
    access,
  });
  return { emulator, direct, hub, account };
}
