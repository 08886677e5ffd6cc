#!/usr/bin/env node
// The one production entry: `npm start` runs it from the checkout, and `npm run build` copies it into
// .next/standalone as start.mjs, which the container image and CI's deploy check run. Next.js sits
// behind a plain HTTP server that hands the app the TCP peer's address in a header signed with
// AUTH_SECRET (lib/server/client-ip.ts), overwriting whatever a client sent. The app trusts
// X-Forwarded-For only when TRUSTED_PROXIES says which proxies stand in front of it.
import { createHmac } from "node:crypto";
import fs from "node:fs";
import { createServer } from "node:http";
import path from "node:path";

const HERE = import.meta.dirname;
// In the standalone tree the script sits next to .next/; in the checkout it is in scripts/.
const standalone = fs.existsSync(path.join(HERE, ".next/required-server-files.json"));
const ROOT = standalone ? HERE : path.resolve(HERE, "..");
const port = Number(process.env.PORT ?? 3000);
// In the standalone tree HOSTNAME, as Next's own server.js reads it (the Dockerfile sets it: Docker
// would otherwise put the container's name there); HOST overrides both, and is `npm start`'s.
const hostname = process.env.HOST || (standalone && process.env.HOSTNAME) || "0.0.0.0";
const secret = process.env.AUTH_SECRET;

let conf;
if (standalone) {
  // What Next's generated server.js does: the build's resolved config instead of next.config.js,
  // which the standalone tree does not contain.
  process.env.NODE_ENV = "production";
  process.chdir(ROOT);
  conf = JSON.parse(fs.readFileSync(path.join(ROOT, ".next/required-server-files.json"), "utf8")).config;
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
}
const { default: next } = await import("next");
const app = next({ dev: false, dir: ROOT, hostname, port, ...(conf ? { conf } : {}) });
// prepare() runs instrumentation.ts, which stops the process on missing or invalid settings.
await app.prepare();
if (!secret) {
  console.log(JSON.stringify({ level: "fatal", variable: "AUTH_SECRET", msg: "invalid setting AUTH_SECRET" }));
  process.exit(1);
}
const handle = app.getRequestHandler();
// MANGOPAY's webhook pings, answered before Next.js's router by the receiver itself, which
// instrumentation.ts offers at start-up (lib/services/mirror/webhook-door.ts). Looked up per request:
// instrumentation may finish after prepare(), and until it has, pings go to Next.js's route handler,
// as does every other request and any ping the door does not take.
const DOOR = Symbol.for("mangopay-dashboard.webhook-door");

/** The peer header for a socket address (the same MAC as signPeer in lib/server/client-ip.ts). */
function peerHeader(remoteAddress) {
  const ip = (remoteAddress ?? "").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return `${ip} ${createHmac("sha256", secret).update(`peer:${ip}`).digest("base64url")}`;
}

// One MAC per connection rather than per request: keep-alive sockets carry many.
const peerOfSocket = new WeakMap();
function socketPeerHeader(socket) {
  let header = peerOfSocket.get(socket);
  if (header === undefined) peerOfSocket.set(socket, (header = peerHeader(socket.remoteAddress)));
  return header;
}

const server = createServer((req, res) => {
  req.headers["x-mpd-peer"] = socketPeerHeader(req.socket);
  if (globalThis[DOOR]?.(req, res)) return;
  handle(req, res);
});
const keepAliveTimeoutMs = Number(process.env.KEEP_ALIVE_TIMEOUT);
if (Number.isFinite(keepAliveTimeoutMs) && keepAliveTimeoutMs > 0) server.keepAliveTimeout = keepAliveTimeoutMs;
server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive sockets would hold close() open; a load balancer has stopped sending by now.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
