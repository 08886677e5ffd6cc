/** @jest-environment node */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMangopayClient } from "@/lib/mangopay/client";
import { AddressRefusedError } from "@/lib/mangopay/errors";
import { db } from "@/lib/server/db";
import { ForbiddenError, PreconditionError, ValidationError } from "@/lib/server/errors";
import { createApiAccount } from "@/lib/services/api-accounts/create";
import { setAllowCustomBaseUrls } from "@/lib/services/hubs/set-allow-custom-base-urls";
import { listSsos } from "@/lib/services/sso/list";
import { accountContextFor, createTestAccount, createTestHub, lastAudit, uid, type TestHub } from "../hub/factories";

afterAll(() => db.$disconnect());

// An "internal" service (think Redis, an admin panel, cloud metadata) that must never be reached.
let internal: Server;
let internalUrl: string;
const internalHits: string[] = [];
// A hostile server posing as MANGOPAY: it answers the token call, then redirects everything else
// (or the token call itself) to the internal service, or answers with raw internal-looking text.
let hostile: Server;
let hostileUrl: string;
let mode: "redirect-api" | "redirect-token" | "raw-text" = "redirect-api";

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

let hub: TestHub;
beforeAll(async () => {
  internal = createServer((req, res) => {
    internalHits.push(req.url ?? "");
    res.end("redis_version:7.2.4 SECRET-INTERNAL");
  });
  internalUrl = await listen(internal);
  hostile = createServer((req, res) => {
    const isToken = req.url?.endsWith("/oauth/token");
    if (mode === "raw-text" && !isToken) {
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end("redis_version:7.2.4 SECRET-INTERNAL");
    }
    if (isToken && mode !== "redirect-token") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ access_token: "tok", token_type: "bearer", expires_in: 3600 }));
    }
    res.writeHead(req.method === "POST" ? 307 : 302, { location: `${internalUrl}/internal-admin` });
    res.end();
  });
  hostileUrl = await listen(hostile);
  hub = await createTestHub();
});
afterAll(async () => {
  await new Promise((r) => internal.close(r));
  await new Promise((r) => hostile.close(r));
});

describe("SSRF through a hostile base URL", () => {
  it("never follows an API call's redirect to a private address and never shows its body", async () => {
    mode = "redirect-api";
    const account = await createTestAccount(hub, { baseUrl: hostileUrl, clientId: `h${uid()}`, access: ["OWNER"] });
    const error = await listSsos({ ctx: accountContextFor(hub, "OWNER", account) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("MANGOPAY could not be reached. Please try again.");
    expect(internalHits).toEqual([]);
  });

  it("never follows a redirect of the token call when an API account is added", async () => {
    mode = "redirect-token";
    await db.hub.update({ where: { id: hub.hubId }, data: { allowCustomBaseUrls: true } });
    const error = await createApiAccount({
      ctx: hub.ctx("OWNER"),
      input: {
        name: "Hostile",
        environment: "SANDBOX",
        clientId: `h${uid()}`,
        apiKey: "hostile-key-0000",
        baseUrlChoice: "CUSTOM",
        customBaseUrl: hostileUrl,
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    expect((error as Error).message).toMatch(/answered with a redirect/);
    expect(internalHits).toEqual([]);
    expect(await db.apiAccount.count({ where: { hubId: hub.hubId, baseUrl: hostileUrl, name: "Hostile" } })).toBe(0);
  });

  it("shows a non-MANGOPAY error body as its status only, never its text", async () => {
    mode = "raw-text";
    const account = await createTestAccount(hub, { baseUrl: hostileUrl, clientId: `h${uid()}`, access: ["OWNER"] });
    const error = await listSsos({ ctx: accountContextFor(hub, "OWNER", account) }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("MANGOPAY is not answering properly (HTTP 500): HTTP 500");
    expect((error as Error).message).not.toContain("SECRET-INTERNAL");
  });

  it("refuses a base URL that resolves to a private address when not emulating locally, before connecting", async () => {
    const client = createMangopayClient(
      { clientId: "c", apiKey: "k", baseUrl: "https://mangopay.evil.test" },
      { addressPolicy: { allowPrivateHosts: false, lookup: async () => [{ address: "127.0.0.1" }] } },
    );
    await expect(client.request({ method: "GET", path: "/users" })).rejects.toThrow(AddressRefusedError);
    const direct = createMangopayClient(
      { clientId: "c", apiKey: "k", baseUrl: internalUrl },
      { addressPolicy: { allowPrivateHosts: false } },
    );
    await expect(direct.request({ method: "GET", path: "/users" })).rejects.toThrow(AddressRefusedError);
    expect(internalHits).toEqual([]);
  });
});

describe("custom base URLs only where a Hub Owner allows them", () => {
  it("refuses a custom base URL in a Hub that does not allow them, and only an Owner may allow them (audited)", async () => {
    const fresh = await createTestHub();
    const input = {
      name: "Custom",
      environment: "SANDBOX" as const,
      clientId: `c${uid()}`,
      apiKey: "custom-key-0000",
      baseUrlChoice: "CUSTOM" as const,
      customBaseUrl: hostileUrl,
    };
    await expect(createApiAccount({ ctx: fresh.ctx("OWNER"), input })).rejects.toThrow(ForbiddenError);
    await expect(
      setAllowCustomBaseUrls({ ctx: fresh.ctx("ADMIN"), input: { allowCustomBaseUrls: "on" } }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      setAllowCustomBaseUrls({ ctx: fresh.ctx("OWNER"), input: { allowCustomBaseUrls: "on" } }),
    ).resolves.toEqual({ allowCustomBaseUrls: true });
    const audit = await lastAudit(fresh.hubId, "hub.settings.allow_custom_base_urls");
    expect(audit?.before).toEqual({ allowCustomBaseUrls: false });
    expect(audit?.after).toEqual({ allowCustomBaseUrls: true });
    expect(audit?.actorEmail).toBe(fresh.members.OWNER.email);
  });

  it("stops an existing custom-URL account once the Owner turns custom base URLs off", async () => {
    const fresh = await createTestHub();
    const account = await createTestAccount(fresh, { baseUrl: hostileUrl, access: ["OWNER"] });
    await setAllowCustomBaseUrls({ ctx: fresh.ctx("OWNER"), input: {} });
    await expect(listSsos({ ctx: accountContextFor(fresh, "OWNER", account) })).rejects.toThrow(PreconditionError);
  });

  it("rejects a non-boolean setting value with a clear message", async () => {
    const fresh = await createTestHub();
    await expect(
      setAllowCustomBaseUrls({ ctx: fresh.ctx("OWNER"), input: { allowCustomBaseUrls: "yes please" as never } }),
    ).rejects.toThrow(ValidationError);
  });
});
