// What the page and money-action benchmarks share: a proxy in front of the emulator that adds a fixed
// latency to every MANGOPAY call and records it, and the figures they print.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedCall = { method: string; path: string; startedAt: number; durationMs: number; status: number };

/** Forwards everything to `target`, adding `latencyMs` to MANGOPAY calls (/v2.01/…) and recording them. */
export async function startRecordingProxy(target: string, latencyMs: number) {
  const calls: RecordedCall[] = [];
  const server = http.createServer((req, res) => {
    const startedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const isApi = (req.url ?? "").startsWith("/v2.01/");
      if (isApi) await new Promise((r) => setTimeout(r, latencyMs));
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !["host", "connection", "content-length"].includes(k)),
      ) as Record<string, string>;
      try {
        const upstream = await fetch(`${target}${req.url}`, {
          method: req.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
        const body = Buffer.from(await upstream.arrayBuffer());
        const out: Record<string, string> = {};
        upstream.headers.forEach((v, k) => {
          if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(k)) out[k] = v;
        });
        res.writeHead(upstream.status, out);
        res.end(body);
        if (isApi)
          calls.push({
            method: req.method ?? "GET",
            path: (req.url ?? "").split("?")[0] ?? "",
            startedAt,
            durationMs: performance.now() - startedAt,
            status: upstream.status,
          });
      } catch (err) {
        res.writeHead(502);
        res.end(String(err));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export const pad = (s: string | number, n: number) => String(s).padStart(n);
