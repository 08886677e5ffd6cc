/** @jest-environment node */
import { assertAllowedHost, guardFetch, isPrivateAddress } from "@/lib/mangopay/address-policy";
import { createMangopayClient } from "@/lib/mangopay/client";
import { AddressRefusedError, RedirectRefusedError, UpstreamError } from "@/lib/mangopay/errors";
import { toUpstreamError } from "@/lib/mangopay/http";

const strict = (map: Record<string, string[]>) => ({
  allowPrivateHosts: false,
  lookup: async (host: string) => (map[host] ?? []).map((address) => ({ address })),
});

describe("SSRF: the MANGOPAY address policy", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fd00::1",
    "fe80::1",
    "::ffff:10.0.0.1",
    "::ffff:127.0.0.1",
    "224.0.0.1",
    "not-an-ip",
  ])("treats %s as private", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each(["52.58.1.2", "8.8.8.8", "2a05:d014::1"])("treats %s as public", (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });

  it("refuses a hostname that resolves to a metadata address, and one with any private answer", async () => {
    const policy = strict({
      "meta.evil.test": ["169.254.169.254"],
      "mixed.evil.test": ["52.58.1.2", "10.0.0.7"],
      "api.ok.test": ["52.58.1.2"],
    });
    await expect(assertAllowedHost("https://meta.evil.test/v2.01", policy)).rejects.toThrow(AddressRefusedError);
    await expect(assertAllowedHost("https://mixed.evil.test/v2.01", policy)).rejects.toThrow(AddressRefusedError);
    await expect(assertAllowedHost("https://unknown.evil.test/v2.01", policy)).rejects.toThrow(AddressRefusedError);
    await expect(assertAllowedHost("http://[::1]:4010/v2.01", policy)).rejects.toThrow(AddressRefusedError);
    await expect(assertAllowedHost("https://api.ok.test/v2.01", policy)).resolves.toBeUndefined();
  });

  it("never connects to a refused host and never follows redirects", async () => {
    const inner = jest.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      expect(init?.redirect).toBe("manual");
      return new Response(null, { status: 302, headers: { location: "http://10.0.0.1/" } });
    });
    const guarded = guardFetch(
      inner as unknown as typeof fetch,
      strict({ "api.ok.test": ["52.58.1.2"], "evil.test": ["10.0.0.1"] }),
    );
    await expect(guarded("https://evil.test/x")).rejects.toThrow(AddressRefusedError);
    expect(inner).not.toHaveBeenCalled();
    expect((await guarded("https://api.ok.test/x")).status).toBe(302);
  });

  it("turns a redirect answer to the token or an API call into RedirectRefusedError, without retrying", async () => {
    const seen: string[] = [];
    const fakeFetch = (async (input: RequestInfo | URL) => {
      const url = String(input);
      seen.push(url);
      if (url.endsWith("/oauth/token")) return Response.json({ access_token: "t", expires_in: 3600 });
      return new Response(null, { status: 307, headers: { location: "http://169.254.169.254/latest/meta-data" } });
    }) as typeof fetch;
    const client = createMangopayClient(
      { clientId: "c", apiKey: "k", baseUrl: "https://api.ok.test" },
      { fetch: fakeFetch, sleep: async () => {} },
    );
    await expect(client.request({ method: "GET", path: "/users" })).rejects.toThrow(RedirectRefusedError);
    expect(seen.filter((u) => u.includes("169.254"))).toEqual([]);
    expect(seen.filter((u) => u.endsWith("/users"))).toHaveLength(1);

    const redirectingToken = (async () =>
      new Response(null, { status: 302, headers: { location: "http://127.0.0.1:6379/" } })) as typeof fetch;
    const other = createMangopayClient(
      { clientId: "c2", apiKey: "k2", baseUrl: "https://api.ok.test" },
      { fetch: redirectingToken, sleep: async () => {} },
    );
    await expect(other.request({ method: "GET", path: "/users" })).rejects.toThrow(RedirectRefusedError);
  });

  it("a client on the real network refuses to exist without an address policy", () => {
    expect(() => createMangopayClient({ clientId: "c", apiKey: "k", baseUrl: "https://api.ok.test" }).request).toThrow(
      /address policy/,
    );
  });
});

describe("SSRF: upstream bodies are shown only as MANGOPAY error objects", () => {
  const site = { method: "GET", pathTemplate: "/users" };
  it("never echoes a raw text or HTML body", () => {
    const error = toUpstreamError(
      { status: 500, headers: new Headers(), body: "<html>redis_version:7.2.4 internal admin</html>" },
      site,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.message).toBe("HTTP 500");
  });

  it("keeps MANGOPAY's own Message and OAuth's error_description", () => {
    expect(
      toUpstreamError(
        {
          status: 400,
          headers: new Headers(),
          body: { Message: "One or several required parameters are missing or incorrect.", Type: "param_error" },
        },
        site,
      ).message,
    ).toBe("One or several required parameters are missing or incorrect.");
    expect(
      toUpstreamError(
        {
          status: 401,
          headers: new Headers(),
          body: { error: "invalid_client", error_description: "Bad credentials" },
        },
        site,
      ).message,
    ).toBe("Bad credentials");
  });
});
