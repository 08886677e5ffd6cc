#!/usr/bin/env node
// `npm start`: Next.js behind a plain HTTP server that hands the app the TCP peer's address in a
// header signed with AUTH_SECRET (lib/server/client-ip.ts), overwriting whatever a client sent. The
// app trusts X-Forwarded-For only when TRUSTED_PROXIES says which proxies stand in front of it.
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";

const ROOT = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const secret = process.env.AUTH_SECRET;
if (!secret) throw new Error("AUTH_SECRET must be set");

const app = next({ dev: false, dir: ROOT, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
createServer((req, res) => {
  const ip = (req.socket.remoteAddress ?? "").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  req.headers["x-mpd-peer"] = `${ip} ${createHmac("sha256", secret).update(`peer:${ip}`).digest("base64url")}`;
  handle(req, res);
}).listen(port, hostname, () => console.log(`✓ Ready on http://${hostname}:${port}`));
