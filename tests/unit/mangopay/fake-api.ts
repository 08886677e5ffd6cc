// A scripted stand-in for MANGOPAY behind an injected `fetch`, plus a fake clock whose sleeps
// advance time instantly — enough to test token caching, retries and deadlines deterministically.
import { createAccountState, createMangopayClient, type MangopayClientDeps } from "@/lib/mangopay/client";
import { MemoryCallRecorder } from "@/lib/mangopay/recorder";

export interface FakeCall {
  method: string;
  url: URL;
  headers: Headers;
  body: string | null;
}

export type Handler = (call: FakeCall, signal: AbortSignal | null) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function errorBody(type: string, message: string, errors: Record<string, string> | null = null) {
  return { Message: message, Type: type, Id: "err-123", Date: 1_700_000_000, errors };
}

/** Never answers; rejects like fetch does when the signal aborts. */
export function hang(signal: AbortSignal | null): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

export function fakeApi() {
  const calls: FakeCall[] = [];
  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [];
  let tokenSeq = 0;
  let tokenHandler: Handler = () =>
    json(200, { access_token: `tok${++tokenSeq}`, token_type: "bearer", expires_in: 1200 });

  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const call: FakeCall = {
      method: init?.method ?? "GET",
      url,
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : null,
    };
    calls.push(call);
    const signal = init?.signal ?? null;
    if (url.pathname === "/v2.01/oauth/token") return tokenHandler(call, signal);
    const path = url.pathname.replace(/^\/v2\.01\/[^/]+/, "");
    const route = routes.find((r) => r.method === call.method && r.pattern.test(path));
    if (!route) return json(404, errorBody("ressource_not_found", `no route ${call.method} ${path}`));
    return route.handler(call, signal);
  };

  return {
    fetch: fetchImpl as typeof fetch,
    calls,
    on(method: string, pattern: RegExp, handler: Handler) {
      routes.unshift({ method, pattern, handler });
    },
    onToken(handler: Handler) {
      tokenHandler = handler;
    },
    tokenCalls: () => calls.filter((c) => c.url.pathname === "/v2.01/oauth/token"),
    apiCalls: () => calls.filter((c) => c.url.pathname !== "/v2.01/oauth/token"),
    nextToken: () => `tok${++tokenSeq}`,
  };
}

export type FakeApi = ReturnType<typeof fakeApi>;

export function fakeClock(startMs = 1_700_000_000_000) {
  const clock = {
    t: startMs,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

export function makeClient(api: FakeApi, deps: MangopayClientDeps = {}) {
  const clock = fakeClock();
  const recorder = new MemoryCallRecorder(100);
  const client = createMangopayClient(
    { clientId: "demo", apiKey: "secret-key", baseUrl: "https://api.example.test", accountId: "acct_1" },
    {
      fetch: api.fetch,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
      recorder,
      state: createAccountState(clock.now),
      ...deps,
    },
  );
  return { client, clock, recorder };
}
