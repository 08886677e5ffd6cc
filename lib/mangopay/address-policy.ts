// Where the MANGOPAY client may connect. A base URL is stored by a Hub member, so the server must
// never be talked into calling its own network: every host is resolved and refused when any of its
// addresses is private, loopback, link-local (cloud metadata), CGNAT, multicast or reserved —
// unless the server runs against a local emulator (MANGOPAY_ALLOW_PRIVATE_HOSTS, dev and tests).
import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { AddressRefusedError } from "./errors";

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  BLOCKED.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64 (embeds IPv4)
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10],
  ["ff00::", 8], // multicast
] as const)
  BLOCKED.addSubnet(net, prefix, "ipv6");

/** True for any address a server must not reach on a member's say-so. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse
  if (family === 6) {
    // ::ffff:10.0.0.1 and ::10.0.0.1 reach the IPv4 address they embed.
    const mapped = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return isPrivateAddress(mapped[1]);
    return BLOCKED.check(address, "ipv6");
  }
  return BLOCKED.check(address, "ipv4");
}

export type LookupAll = (hostname: string) => Promise<{ address: string }[]>;

export interface AddressPolicy {
  /** Local emulation only: the emulator runs on this machine. */
  allowPrivateHosts: boolean;
  lookup?: LookupAll;
}

const defaultLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Resolves the URL's host and refuses it when any address is private (a DNS answer can list a
 * public and a private address; the connection may use either). Messages never echo the addresses.
 */
export async function assertAllowedHost(url: string, policy: AddressPolicy): Promise<void> {
  if (policy.allowPrivateHosts) return;
  const hostname = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string }[];
  if (isIP(hostname)) addresses = [{ address: hostname }];
  else {
    try {
      addresses = await (policy.lookup ?? defaultLookup)(hostname);
    } catch (error) {
      throw new AddressRefusedError(hostname, "could not be resolved", { cause: error });
    }
  }
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
    throw new AddressRefusedError(hostname, "points to a private or reserved network");
  }
}

/**
 * A fetch that checks the host before every call and never follows redirects: a 3xx is returned as
 * is, and the client turns it into an error.
 */
export function guardFetch(inner: typeof fetch, policy: AddressPolicy): typeof fetch {
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    await assertAllowedHost(url, policy);
    return inner(input, { ...init, redirect: "manual" });
  };
}
