// Reading the e2e stack's emulator directly (E2E_EMULATOR_URL, set by playwright.config.ts): the
// truth a dashboard page must show, and its control API (faults).
export function emulatorUrl(): string {
  const url = process.env.E2E_EMULATOR_URL;
  if (!url) throw new Error("E2E_EMULATOR_URL is not set (playwright.config.ts sets it)");
  return url;
}

type Client = { ClientId: string; Name: string; ApiKey: string };

export async function emulatorClient(name: string): Promise<Client> {
  const clients = (await (await fetch(`${emulatorUrl()}/_emulator/clients`)).json()) as Client[];
  const c = clients.find((x) => x.Name === name);
  if (!c) throw new Error(`no emulator client named ${name}`);
  return c;
}

/** GET on MANGOPAY's API as the named client: body and `x-number-of-items`. */
export async function mangopayGet<T>(client: Client, path: string): Promise<{ body: T; total: number | null }> {
  const res = await fetch(`${emulatorUrl()}/v2.01/${client.ClientId}${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`${client.ClientId}:${client.ApiKey}`).toString("base64")}` },
  });
  if (!res.ok) throw new Error(`emulator GET ${path} → ${res.status}`);
  const total = res.headers.get("x-number-of-items");
  return { body: (await res.json()) as T, total: total === null ? null : Number(total) };
}

export async function mangopayPost<T>(client: Client, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${emulatorUrl()}/v2.01/${client.ClientId}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`${client.ClientId}:${client.ApiKey}`).toString("base64")}`,
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator POST ${path} → ${res.status}`);
  return (await res.json()) as T;
}

export async function addFault(fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${emulatorUrl()}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  if (!res.ok) throw new Error(`fault refused: ${res.status} ${await res.text()}`);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${emulatorUrl()}/_emulator/faults`, { method: "DELETE" });
}
