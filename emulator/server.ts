// Programmatic entry point: startEmulator({ port: 0, seed: 1 }) in tests, cli.ts for `npm run emulator`.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { buildApp } from "./app";
import type { EmulatorOptions } from "./config";
import { Emulator } from "./core/emulator";
import { seedDemo } from "./seed/seed-demo";
import { loadSnapshot, saveSnapshot } from "./store/snapshot";

export interface RunningEmulator {
  url: string;
  port: number;
  emulator: Emulator;
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emu = new Emulator(opts);
  const { snapshotPath } = emu.options;
  const restored = snapshotPath ? await loadSnapshot(emu, snapshotPath) : false;
  if (!restored && emu.options.seed !== null) seedDemo(emu, emu.options.seed);

  const app = buildApp(emu);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: emu.options.port, hostname: emu.options.host }, () =>
      resolve(s as Server),
    );
    (s as Server).once("error", reject);
  });
  server.keepAliveTimeout = 5000;
  const port = (server.address() as AddressInfo).port;

  let snapshotTimer: NodeJS.Timeout | null = null;
  if (snapshotPath) {
    snapshotTimer = setInterval(
      () => void saveSnapshot(emu, snapshotPath).catch(logSnapshotError),
      emu.options.snapshotIntervalMs,
    );
    snapshotTimer.unref();
  }

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (snapshotTimer) clearInterval(snapshotTimer);
      emu.close();
      if (snapshotPath) await saveSnapshot(emu, snapshotPath).catch(logSnapshotError);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    })();
    return closing;
  };
  return { url: `http://${emu.options.host}:${port}`, port, emulator: emu, close };
}

function logSnapshotError(err: unknown): void {
  console.error("emulator: snapshot failed", err);
}
