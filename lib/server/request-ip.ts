import "server-only";
import { clientIp, PEER_HEADER, verifiedPeer } from "./client-ip";
import { authSecret, trustedProxies } from "./env";

/** The client IP of this request (see lib/server/client-ip.ts), from a header getter. */
export function requestIp(get: (name: string) => string | null | undefined): string | null {
  return clientIp({
    peer: verifiedPeer(get(PEER_HEADER) ?? null, authSecret()),
    forwardedFor: get("x-forwarded-for") ?? null,
    trusted: trustedProxies(),
  });
}
