/** @jest-environment node */
import { AuthenticationError, NetworkError } from "@/lib/mangopay/errors";
import { TokenCache } from "@/lib/mangopay/token-cache";
import { errorBody, fakeApi, json, makeClient } from "./fake-api";

describe("OAuth token cache", () => {
  it("shares one token fetch among 10 concurrent calls", async () => {
    const api = fakeApi();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    api.onToken(async () => {
      await gate;
      return json(200, { access_token: "shared", token_type: "Bearer", expires_in: 1200 });
    });
    api.on("GET", /^\/users\/\w+$/, (call) => json(200, { Id: call.url.pathname.split("/").pop() }));
    const { client } = makeClient(api);
    const pending = Array.from({ length: 10 }, (_, i) =>
      client.request({ method: "GET", path: "/users/{id}", params: { id: `u${i}` } }),
    );
    release();
    const results = await Promise.all(pending);
    expect(results).toHaveLength(10);
    expect(api.tokenCalls()).toHaveLength(1);
    expect(api.apiCalls().every((c) => c.headers.get("authorization") === "Bearer shared")).toBe(true);
  });

  it("sends Basic client credentials and grant_type=client_credentials to /v2.01/oauth/token", async () => {
    const api = fakeApi();
    api.on("GET", /^\/clients$/, () => json(200, {}));
    const { client } = makeClient(api);
    await client.request({ method: "GET", path: "/clients" });
    const [tokenCall] = api.tokenCalls();
    expect(tokenCall.method).toBe("POST");
    expect(tokenCall.headers.get("authorization")).toBe(`Basic ${Buffer.from("demo:secret-key").toString("base64")}`);
    expect(tokenCall.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(tokenCall.body).toBe("grant_type=client_credentials");
  });

  it("reuses the token until 30 s before expires_in, then renews it", async () => {
    const api = fakeApi();
    api.on("GET", /^\/clients$/, () => json(200, {}));
    const { client, clock } = makeClient(api);
    await client.request({ method: "GET", path: "/clients" });
    clock.t += (1200 - 31) * 1000;
    await client.request({ method: "GET", path: "/clients" });
    expect(api.tokenCalls()).toHaveLength(1);
    clock.t += 2000; // now 29 s before expiry
    await client.request({ method: "GET", path: "/clients" });
    expect(api.tokenCalls()).toHaveLength(2);
    expect(api.apiCalls().map((c) => c.headers.get("authorization"))).toEqual([
      "Bearer tok1",
      "Bearer tok1",
      "Bearer tok2",
    ]);
  });

  it("refreshes the token once on a 401 and retries the call", async () => {
    const api = fakeApi();
    api.on("GET", /^\/clients$/, (call) =>
      call.headers.get("authorization") === "Bearer tok1"
        ? json(401, errorBody("invalid_credentials", "The authorization credentials are not valid"))
        : json(200, { ClientId: "demo" }),
    );
    const { client } = makeClient(api);
    const response = await client.request({ method: "GET", path: "/clients" });
    expect(response.body).toEqual({ ClientId: "demo" });
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it("gives up with AuthenticationError after a second 401 instead of looping", async () => {
    const api = fakeApi();
    api.on("GET", /^\/clients$/, () =>
      json(401, errorBody("invalid_credentials", "The authorization credentials are not valid")),
    );
    const { client } = makeClient(api);
    await expect(client.request({ method: "GET", path: "/clients" })).rejects.toBeInstanceOf(AuthenticationError);
    expect(api.tokenCalls()).toHaveLength(2);
    expect(api.apiCalls()).toHaveLength(2);
  });

  it("fetches a single new token when concurrent calls all hit a 401", async () => {
    const api = fakeApi();
    api.on("GET", /^\/users\/\w+$/, (call) =>
      call.headers.get("authorization") === "Bearer tok1"
        ? json(401, errorBody("invalid_credentials", "expired"))
        : json(200, {}),
    );
    const { client } = makeClient(api);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        client.request({ method: "GET", path: "/users/{id}", params: { id: `p${i}` } }),
      ),
    );
    expect(api.tokenCalls()).toHaveLength(2);
    expect(api.apiCalls()).toHaveLength(10);
  });

  it("turns an OAuth invalid_client answer into AuthenticationError without retrying", async () => {
    const api = fakeApi();
    api.onToken(() => json(401, { error: "invalid_client", error_description: "bad key" }));
    const { client } = makeClient(api);
    const error = await client.request({ method: "GET", path: "/clients" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, type: "invalid_client", message: "bad key" });
    expect(api.tokenCalls()).toHaveLength(1);
  });

  it("retries a token fetch that failed on the network", async () => {
    const api = fakeApi();
    let failures = 1;
    api.onToken(() => {
      if (failures-- > 0) throw new TypeError("fetch failed");
      return json(200, { access_token: "late", token_type: "bearer", expires_in: 1200 });
    });
    api.on("GET", /^\/clients$/, () => json(200, {}));
    const { client } = makeClient(api);
    await client.request({ method: "GET", path: "/clients" });
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it("does not cache a failed fetch: the next caller tries again", async () => {
    let now = 0;
    const cache = new TokenCache(() => now);
    await expect(
      cache.get(() => Promise.reject(new NetworkError({ method: "POST", pathTemplate: "/oauth/token" }))),
    ).rejects.toBeInstanceOf(NetworkError);
    await expect(cache.get(() => Promise.resolve({ accessToken: "ok", expiresInSeconds: 60 }))).resolves.toBe("ok");
    now = 29_000;
    await expect(cache.get(() => Promise.resolve({ accessToken: "unused", expiresInSeconds: 60 }))).resolves.toBe("ok");
    now = 30_000;
    await expect(cache.get(() => Promise.resolve({ accessToken: "renewed", expiresInSeconds: 60 }))).resolves.toBe(
      "renewed",
    );
  });
});
