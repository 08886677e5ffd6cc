// `npm run emulator -- [--port N] [--seed N | --no-seed] [--snapshot PATH] [--scale users=N,transactions=N]
//                      [--rate-limits N,N,N,N]` (the 15-minute, 30-minute, hour and day quotas per client).
// Prints exactly one line on stdout when ready: "emulator listening on http://127.0.0.1:<port>".
import { parseArgs } from "node:util";
import { parseScale, scaleClient } from "./seed/scale-seed";
import { startEmulator } from "./server";

const parentPid = process.ppid; // see the watch in main()

function parseIntFlag(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`emulator: --${name} expects a non-negative integer, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      "no-seed": { type: "boolean" },
      snapshot: { type: "string" },
      scale: { type: "string" },
      "rate-limits": { type: "string" },
    },
    strict: true,
  });
  const running = await startEmulator({
    port: parseIntFlag("port", values.port, 4010),
    host: values.host ?? "127.0.0.1",
    seed: values["no-seed"] ? null : parseIntFlag("seed", values.seed, 1),
    snapshotPath: values.snapshot ?? null,
  });
  if (values["rate-limits"] !== undefined) {
    const limits = values["rate-limits"].split(",").map((n) => parseIntFlag("rate-limits", n, 0));
    if (limits.length !== 4) {
      console.error(`emulator: --rate-limits expects four numbers (15 min, 30 min, hour, day)`);
      process.exit(2);
    }
    running.emulator.rateLimiter.setStartLimits(limits);
  }
  if (values.scale !== undefined) {
    // --scale: a large data set in the first client, reported on stderr (stdout keeps its one line).
    const result = scaleClient(running.emulator, [...running.emulator.clients.values()][0], parseScale(values.scale));
    console.error(`emulator: scale seed ${JSON.stringify(result)}`);
  }
  process.stdout.write(`emulator listening on ${running.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void running.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // Started by a dev or test runner that died without signalling us (kill -9): we were re-parented,
  // so stop rather than keep the port and the snapshot file.
  setInterval(() => {
    if (process.ppid !== parentPid) stop();
  }, 1000).unref();
}

main().catch((err: unknown) => {
  if ((err as NodeJS.ErrnoException | null)?.code === "EADDRINUSE") {
    const { address, port } = err as { address?: string; port?: number };
    console.error(`emulator: port ${port} on ${address} is already in use; stop that process or pass --port N`);
    process.exit(1);
  }
  console.error("emulator: failed to start", err);
  process.exit(1);
});
