/** @jest-environment node */
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";

const directives = (csp: string) =>
  new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

describe("security headers: clickjacking, script injection, sniffing", () => {
  it("allows only nonced scripts (no unsafe-inline, no eval in production) and no framing", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", dev: false, https: true }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
  });

  it("adds eval and websockets only in development, and no upgrade over plain http", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("connect-src")).toContain("ws:");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("makes a fresh unguessable nonce per request", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("next.config.js sends the same static headers for every path, and turns server-function logging off", async () => {
    const { default: config } = (await import("../../../next.config.js")) as {
      default: {
        logging: { serverFunctions: boolean };
        headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
      };
    };
    expect(config.logging.serverFunctions).toBe(false);
    const rules = await config.headers();
    expect(rules).toEqual([{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }]);
    expect(Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]))).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
  });
});
