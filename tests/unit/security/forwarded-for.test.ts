/** @jest-environment node */
import { clientIp, parseTrustedProxies, signPeer, validIp, verifiedPeer } from "@/lib/server/client-ip";

const SECRET = "s".repeat(40);

describe("X-Forwarded-For spoofing: rate-limit evasion, forged audit IPs, limiting a victim's IP", () => {
  it("ignores X-Forwarded-For entirely without TRUSTED_PROXIES: the TCP peer is the client", () => {
    for (const forged of ["1.2.3.4", "9.9.9.9, 8.8.8.8", "x".repeat(9000)]) {
      expect(clientIp({ peer: "203.0.113.5", forwardedFor: forged, trusted: null })).toBe("203.0.113.5");
    }
  });

  it("with a hop count, takes the address that many hops to the left of the peer (right-most untrusted)", () => {
    const trusted = parseTrustedProxies("1");
    // client → proxy (appends the client) → app; the client's own leftmost lie is ignored
    expect(clientIp({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.23", trusted })).toBe("198.51.100.23");
    expect(clientIp({ peer: "10.0.0.2", forwardedFor: null, trusted })).toBeNull();
  });

  it("with CIDRs, walks right to left past trusted proxies and stops at the first untrusted hop", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.7");
    expect(clientIp({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.23, 192.168.1.7", trusted })).toBe(
      "198.51.100.23",
    );
    // A request straight from an untrusted peer: X-Forwarded-For is not read at all.
    expect(clientIp({ peer: "198.51.100.99", forwardedFor: "1.1.1.1", trusted })).toBe("198.51.100.99");
    // Garbage in the chain before an untrusted hop is found: no IP rather than a forged one.
    expect(clientIp({ peer: "10.0.0.2", forwardedFor: "<script>", trusted })).toBeNull();
  });

  it("stores only plain addresses: never a 9,000-character 'IP'", () => {
    expect(validIp("x".repeat(9000))).toBeNull();
    expect(validIp("1.2.3.4:80")).toBeNull();
    expect(validIp("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(validIp("2001:db8::1")).toBe("2001:db8::1");
  });

  it("trusts the peer header only when signed with the server's secret", () => {
    expect(verifiedPeer(signPeer(SECRET, "203.0.113.5"), SECRET)).toBe("203.0.113.5");
    expect(verifiedPeer("6.6.6.6 forged", SECRET)).toBeNull();
    expect(verifiedPeer(signPeer("another-secret-".repeat(3), "6.6.6.6"), SECRET)).toBeNull();
    expect(verifiedPeer(null, SECRET)).toBeNull();
  });

  it("refuses a malformed TRUSTED_PROXIES at start-up", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, not-an-ip")).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies("")).toBeNull();
    expect(parseTrustedProxies("0")).toBeNull();
  });
});
