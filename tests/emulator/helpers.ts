// Shared HTTP helpers for emulator tests: real fetch against an in-process emulator.
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { EmulatorOptions } from "@/emulator/config";
import { checkAnswer, summarize } from "./conformance-kinds";

// Each test makes real HTTP round trips; on a loaded 2-core machine 5 s per test is too tight.
jest.setTimeout(20_000);

// Every successful answer a test file receives through api.call is checked against the SDK's typings
// (conformance-kinds.ts) when the file ends: the contract tests double as conformance tests.
const answers: Array<{ method: string; path: string; body: unknown }> = [];
afterAll(() => {
  const problems = summarize(answers.flatMap((a) => checkAnswer(a.method, a.path, a.body)));
  answers.length = 0;
  if (problems.length > 0) throw new Error(`emulator answers outside the SDK typings:\n${problems.join("\n")}`);
});

export interface Api {
  emu: RunningEmulator;
  clientId: string;
  apiKey: string;
  token: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  control(method: string, path: string, body?: unknown): Promise<ApiResponse>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests read arbitrary MANGOPAY fields; the emulator's own types are checked elsewhere.
  body: Json;
}

/** Loosely typed JSON for assertions: index freely, convert with list()/num()/str() when needed. */
export interface Json {
  [key: string]: Json;
}

export const list = (j: Json): Json[] => (Array.isArray(j) ? (j as Json[]) : []);
export const num = (j: Json): number => j as unknown as number;
export const str = (j: Json): string => j as unknown as string;

async function parse(res: Response): Promise<ApiResponse> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body: body as Json };
}

/** Files that do not count seeded data start faster with a smaller demo seed. */
export const SMALL_SEED = { seedUsers: 80 } as const;

export const FAST_DELAYS = { payoutMs: null, directDebitMs: null, mandateMs: null } as const;

export async function startApi(opts: EmulatorOptions = {}, clientIndex = 0): Promise<Api> {
  const emu = await startEmulator({ port: 0, seed: 1, delays: FAST_DELAYS, ...opts });
  const clients = (await (await fetch(`${emu.url}/_emulator/clients`)).json()) as Array<{
    ClientId: string;
    ApiKey: string;
  }>;
  const { ClientId: clientId, ApiKey: apiKey } = clients[clientIndex];
  const token = await fetchToken(emu.url, clientId, apiKey);
  const api: Api = {
    emu,
    clientId,
    apiKey,
    token,
    async call(method, path, body, headers = {}) {
      const res = await fetch(`${emu.url}/v2.01/${clientId}${path}`, {
        method,
        headers: { authorization: `Bearer ${api.token}`, "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const parsed = await parse(res);
      if (parsed.status >= 200 && parsed.status < 300 && parsed.body !== null && typeof parsed.body === "object") {
        answers.push({ method, path, body: parsed.body });
      }
      return parsed;
    },
    async control(method, path, body) {
      const res = await fetch(`${emu.url}/_emulator${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return parse(res);
    },
  };
  return api;
}

export async function fetchToken(url: string, clientId: string, apiKey: string): Promise<string> {
  const res = await fetch(`${url}/v2.01/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${apiKey}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  const json = (await res.json()) as { access_token: string };
  return json.access_token;
}

let keyCounter = 0;
export function idemKey(): string {
  keyCounter += 1;
  return `test-key-${Date.now().toString(36)}-${keyCounter}`.padEnd(16, "0").slice(0, 36);
}

export const natural = (over: Record<string, unknown> = {}) => ({
  FirstName: "Ada",
  LastName: "Lovelace",
  Email: "ada@example.com",
  Birthday: 188352000,
  Nationality: "GB",
  CountryOfResidence: "GB",
  TermsAndConditionsAccepted: true,
  UserCategory: "OWNER",
  ...over,
});

export const legal = (over: Record<string, unknown> = {}) => ({
  Name: "Acme Ltd",
  LegalPersonType: "BUSINESS",
  Email: "ops@acme.example",
  LegalRepresentativeFirstName: "Grace",
  LegalRepresentativeLastName: "Hopper",
  TermsAndConditionsAccepted: true,
  UserCategory: "OWNER",
  ...over,
});

/** A new OWNER user with one wallet in `currency`. */
export async function userWithWallet(api: Api, currency = "EUR"): Promise<{ userId: string; walletId: string }> {
  const user = await api.call("POST", "/users/natural", natural());
  const wallet = await api.call("POST", "/wallets", {
    Owners: [user.body.Id],
    Currency: currency,
    Description: "test",
  });
  return { userId: str(user.body.Id), walletId: str(wallet.body.Id) };
}

/** Credits a wallet through a bank-wire pay-in whose funds "arrive" via the control API. */
export async function fund(
  api: Api,
  userId: string,
  walletId: string,
  amount: number,
  currency = "EUR",
  fees = 0,
): Promise<string> {
  const payin = await api.call("POST", "/payins/bankwire/direct", {
    AuthorId: userId,
    CreditedWalletId: walletId,
    DeclaredDebitedFunds: { Currency: currency, Amount: amount },
    DeclaredFees: { Currency: currency, Amount: fees },
  });
  const settled = await api.control("POST", `/clients/${api.clientId}/payins/${payin.body.Id}/settle`);
  if (str(settled.body.Status) !== "SUCCEEDED") throw new Error(`funding failed: ${JSON.stringify(settled.body)}`);
  return str(payin.body.Id);
}

export async function balance(api: Api, walletId: string): Promise<number> {
  return num((await api.call("GET", `/wallets/${walletId}`)).body.Balance.Amount);
}

/** Registers a card through the emulator's tokenizer, as a browser would. */
export async function registerCard(
  api: Api,
  userId: string,
  cardNumber = "4970107111111119",
  currency = "EUR",
): Promise<Json> {
  const reg = await api.call("POST", "/cardregistrations", { UserId: userId, Currency: currency });
  const form = new URLSearchParams({
    accessKeyRef: str(reg.body.AccessKey),
    data: str(reg.body.PreregistrationData),
    cardNumber,
    cardExpirationDate: "1230",
    cardCvx: "123",
  });
  const tokenRes = await fetch(str(reg.body.CardRegistrationURL), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  const registrationData = await tokenRes.text();
  return (await api.call("PUT", `/cardregistrations/${reg.body.Id}`, { RegistrationData: registrationData })).body;
}

export const BROWSER_INFO = {
  AcceptHeader: "text/html",
  JavaEnabled: false,
  Language: "en",
  ColorDepth: 24,
  ScreenHeight: 1080,
  ScreenWidth: 1920,
  TimeZoneOffset: 0,
  UserAgent: "jest",
  JavascriptEnabled: true,
};

/** The event types MANGOPAY raised for one resource, oldest first (the last 100 events). */
export async function eventTypesFor(api: Api, resourceId: string): Promise<string[]> {
  const res = await api.call("GET", "/events?per_page=100&Sort=Date:DESC");
  const events = res.body as unknown as Array<{ ResourceId: string; EventType: string }>;
  return events
    .filter((e) => e.ResourceId === resourceId)
    .map((e) => e.EventType)
    .reverse();
}
