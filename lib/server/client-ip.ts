import { createHmac, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";

// The client's IP for rate limits and audit rows. X-Forwarded-For is written by whoever sends the
// request, so it is never trusted by default: the address is the TCP peer, which scripts/start.mjs
// passes in a signed header (PEER_HEADER) that a client cannot forge. Only when TRUSTED_PROXIES is
// set (a hop count, or the proxies' CIDRs) is X-Forwarded-For read: right to left, skipping trusted
// hops, the first untrusted address wins. Anything that is not a plain IP address is dropped.

export const PEER_HEADER = "x-mpd-peer";

export type TrustedProxies = { hops: number } | { cidrs: BlockList } | null;

/** TRUSTED_PROXIES: "" → none; "1" → one proxy in front; "10.0.0.0/8,192.168.1.7" → those addresses. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const value = raw?.trim() ?? "";
  if (value === "") return null;
  if (/^\d+$/.test(value)) return Number(value) > 0 ? { hops: Number(value) } : null;
  const cidrs = new BlockList();
  for (const part of value
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = part.split("/");
    const family = isIP(address);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: "${part}" is not an IP address or CIDR`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) cidrs.addAddress(address, type);
    else cidrs.addSubnet(address, Number(prefix), type);
  }
  return { cidrs };
}

/** A plain IPv4/IPv6 address (IPv4-mapped IPv6 unwrapped), or null: never a 9,000-character "IP". */
export function validIp(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return v.length <= 45 && isIP(v) !== 0 ? v : null;
}

function isTrusted(address: string, trusted: Exclude<TrustedProxies, null | { hops: number }>): boolean {
  return trusted.cidrs.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

export function clientIp(args: {
  peer: string | null;
  forwardedFor: string | null;
  trusted: TrustedProxies;
}): string | null {
  const peer = validIp(args.peer);
  if (!args.trusted || !peer) return peer;
  // Nearest hop last: [...what the proxies appended, the TCP peer].
  const chain = [
    ...(args.forwardedFor ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(-20),
    peer,
  ];
  if ("hops" in args.trusted) return validIp(chain[chain.length - 1 - args.trusted.hops] ?? null);
  const trusted = args.trusted;
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const hop = validIp(chain[i]);
    if (!hop) return null;
    if (!isTrusted(hop, trusted)) return hop;
  }
  return null;
}

function peerMac(secret: string, ip: string): string {
  return createHmac("sha256", secret).update(`peer:${ip}`).digest("base64url");
}

/** What scripts/start.mjs puts in PEER_HEADER for a socket address. */
export function signPeer(secret: string, ip: string): string {
  return `${ip} ${peerMac(secret, ip)}`;
}

/** The socket address from PEER_HEADER, or null when absent or not signed with this server's secret. */
export function verifiedPeer(header: string | null, secret: string | undefined): string | null {
  if (!header || !secret) return null;
  const [ip = "", mac = ""] = header.split(" ");
  const expected = Buffer.from(peerMac(secret, ip));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? validIp(ip) : null;
}
