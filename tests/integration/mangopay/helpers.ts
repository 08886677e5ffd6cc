// Starts a private emulator per test file and builds clients against it through the real HTTP
// stack (fetch, timeouts, retries), with an isolated token/quota state and call recorder.
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import {
  createAccountState,
  createMangopayClient,
  type MangopayClient,
  type MangopayClientDeps,
} from "@/lib/mangopay/client";
import { MemoryCallRecorder } from "@/lib/mangopay/recorder";

export interface EmulatorClientInfo {
  ClientId: string;
  Name: string;
  ApiKey: string;
}

export interface TestEmulator {
  running: RunningEmulator;
  url: string;
  clients: EmulatorClientInfo[];
  control(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown>;
  client(opts?: { clientId?: string; apiKey?: string; deps?: MangopayClientDeps }): {
    client: MangopayClient;
    recorder: MemoryCallRecorder;
  };
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestEmulator(
  seed: number,
  options: Parameters<typeof startEmulator>[0] = {},
): Promise<TestEmulator> {
  const running = await startEmulator({ port: 0, seed, seedUsers: 20, ...options });
  const control = async (method: "GET" | "POST" | "DELETE", path: string, body?: unknown) => {
    const response = await fetch(`${running.url}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${method} ${path} → ${response.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  };
  const clients = (await control("GET", "/clients")) as EmulatorClientInfo[];
  const marketplace = clients.find((c) => c.ClientId === "demo-marketplace") ?? clients[0];
  return {
    running,
    url: running.url,
    clients,
    control,
    client(opts = {}) {
      const recorder = new MemoryCallRecorder(5000);
      const client = createMangopayClient(
        {
          clientId: opts.clientId ?? marketplace.ClientId,
          apiKey: opts.apiKey ?? marketplace.ApiKey,
          baseUrl: running.url,
          accountId: "test-account",
        },
        // Short waits keep failure-path tests fast; the policy itself is unit-tested.
        {
          recorder,
          state: createAccountState(),
          addressPolicy: { allowPrivateHosts: true },
          retry: { baseDelayMs: 20, maxDelayMs: 200, attemptTimeoutMs: 2000, deadlineMs: 8000 },
          ...opts.deps,
        },
      );
      return { client, recorder };
    },
    clearFaults: async () => {
      await control("DELETE", "/faults");
    },
    close: () => running.close(),
  };
}

export function newKey(): string {
  return crypto.randomUUID();
}
