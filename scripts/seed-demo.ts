// Seeds the demo Hub, its Owner and the emulator's clients as API accounts.
// Run by scripts/dev.mjs and the e2e server with `tsx --conditions=react-server` (server-only code).
import { seedDemoHub, type EmulatorClient } from "@/lib/services/demo/seed-demo-hub";
import { db } from "@/lib/server/db";

async function emulatorClients(url: string): Promise<EmulatorClient[]> {
  const res = await fetch(new URL("/_emulator/clients", url), { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`emulator answered ${res.status} on /_emulator/clients`);
  const body = (await res.json()) as unknown;
  const list = Array.isArray(body) ? body : ((body as { clients?: unknown[] }).clients ?? []);
  return list.map((raw) => {
    const c = raw as Record<string, unknown>;
    const clientId = String(c.ClientId ?? c.clientId);
    const apiKey = String(c.ApiKey ?? c.apiKey ?? c.APIKey);
    return { clientId, apiKey, name: String(c.Name ?? c.name ?? clientId) };
  });
}

const password = process.env.DEMO_OWNER_PASSWORD;
if (!password) throw new Error("DEMO_OWNER_PASSWORD is not set");
const url = process.env.EMULATOR_URL;
const clients = url ? await emulatorClients(url) : [];
const result = await seedDemoHub({ ownerPassword: password, emulatorUrl: url, emulatorClients: clients });
console.log(JSON.stringify(result));
await db.$disconnect();
