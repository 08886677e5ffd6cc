// Serves an already-built Emulator (e.g. bulk-seeded) on a random port with an authorised header.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { buildApp } from "../../emulator/app";
import type { Emulator } from "../../emulator/core/emulator";

export async function startEmulatorFor(emu: Emulator): Promise<{ url: string; auth: string; close(): Promise<void> }> {
  const app = buildApp(emu);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s as Server));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = [...emu.clients.values()][0];
  emu.rateLimiter.setLimits([1e9, 1e9, 1e9, 1e9]);
  const auth = `Basic ${Buffer.from(`${store.info.ClientId}:${store.info.ApiKey}`).toString("base64")}`;
  return {
    url,
    auth,
    close: () =>
      new Promise<void>((resolve) => {
        emu.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
