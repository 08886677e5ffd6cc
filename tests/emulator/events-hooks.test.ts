import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fund, list, num, SMALL_SEED, startApi, str, userWithWallet, type Api } from "./helpers";

let api: Api;
let receiver: Server;
let receiverUrl = "";
const received: URL[] = [];
let failNext = 0;

beforeAll(async () => {
  api = await startApi({ ...SMALL_SEED, hooks: { retryDelaysMs: [20, 20, 20], maxFailures: 4, timeoutMs: 500 } });
  receiver = createServer((req, res) => {
    received.push(new URL(req.url ?? "/", "http://x"));
    if (failNext > 0) {
      failNext -= 1;
      res.writeHead(500).end();
    } else res.writeHead(200).end("ok");
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await api.emu.close();
  await new Promise((r) => receiver.close(r));
});

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 15));
  }
  throw new Error("condition not met in time");
};

describe("events", () => {
  it("lists seeded events sorted by Date over the last 90 days, filtered by type and dates", async () => {
    const all = await api.call("GET", "/events?per_page=100");
    expect(Number(all.headers.get("x-number-of-items"))).toBeGreaterThan(1000);
    const page = list(all.body);
    for (let i = 1; i < page.length; i++) expect(num(page[i].Date)).toBeGreaterThanOrEqual(num(page[i - 1].Date));
    expect(Object.keys(page[0]).sort()).toEqual(["Date", "EventType", "ResourceId"]);
    const now = Math.floor(Date.now() / 1000);
    const oldest = num(page[0].Date);
    expect(now - oldest).toBeGreaterThan(80 * 86400);
    expect(now - oldest).toBeLessThan(92 * 86400);
    const after = now - 10 * 86400;
    const recent = list(
      (
        await api.call(
          "GET",
          `/events?AfterDate=${after}&BeforeDate=${now}&EventType=PAYOUT_NORMAL_SUCCEEDED&per_page=100`,
        )
      ).body,
    );
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((e) => num(e.Date) > after && str(e.EventType) === "PAYOUT_NORMAL_SUCCEEDED")).toBe(true);
    const desc = list((await api.call("GET", "/events?Sort=Date:DESC&per_page=5")).body);
    expect(num(desc[0].Date)).toBeGreaterThanOrEqual(num(desc[4].Date));
  });
});

describe("hooks", () => {
  it("creates one hook per EventType, validates, lists sorted, updates", async () => {
    const bad = await api.call("POST", "/hooks", { EventType: "NOT_A_TYPE", Url: "ftp://x" });
    expect(Object.keys(bad.body.errors).sort()).toEqual(["EventType", "Url"]);
    const hook = await api.call("POST", "/hooks", {
      EventType: "TRANSFER_NORMAL_SUCCEEDED",
      Url: receiverUrl,
      Tag: "t",
    });
    expect(hook.body).toMatchObject({ Status: "ENABLED", Validity: "VALID", EventType: "TRANSFER_NORMAL_SUCCEEDED" });
    const dup = await api.call("POST", "/hooks", { EventType: "TRANSFER_NORMAL_SUCCEEDED", Url: receiverUrl });
    expect(dup.status).toBe(400);
    const hooks = list((await api.call("GET", "/hooks?Sort=CreationDate:DESC")).body);
    expect(hooks[0].Id).toBe(hook.body.Id);
    const off = await api.call("PUT", `/hooks/${hook.body.Id}`, { Status: "DISABLED" });
    expect(off.body.Status).toBe("DISABLED");
    expect((await api.call("PUT", `/hooks/${hook.body.Id}`, { Status: "ENABLED" })).body.Status).toBe("ENABLED");
    expect((await api.call("GET", "/hooks/1")).status).toBe(404);
  });

  it("delivers GET ?EventType&RessourceId&Date and retries failures", async () => {
    const a = await userWithWallet(api);
    const b = await userWithWallet(api);
    await fund(api, a.userId, a.walletId, 1000);
    failNext = 1;
    received.length = 0;
    const tr = await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: { Currency: "EUR", Amount: 10 },
      Fees: { Currency: "EUR", Amount: 0 },
    });
    await waitFor(() => received.length >= 2);
    expect(received[1].searchParams.get("EventType")).toBe("TRANSFER_NORMAL_SUCCEEDED");
    expect(received[1].searchParams.get("RessourceId")).toBe(str(tr.body.Id));
    expect(Number(received[1].searchParams.get("Date"))).toBeGreaterThan(0);
    const deliveries = list((await api.control("GET", `/deliveries?clientId=${api.clientId}`)).body);
    const d = deliveries.find((x) => x.RessourceId === tr.body.Id);
    await waitFor(async () => {
      const all = list((await api.control("GET", `/deliveries?clientId=${api.clientId}`)).body);
      return str(all.find((x) => x.RessourceId === tr.body.Id)?.Status ?? ({} as never)) === "DELIVERED";
    });
    expect(d).toBeDefined();
  });

  it("turns a hook that keeps failing INVALID and stops sending", async () => {
    const hook = await api.call("POST", "/hooks", { EventType: "PAYIN_NORMAL_SUCCEEDED", Url: receiverUrl });
    const a = await userWithWallet(api);
    failNext = 1000;
    received.length = 0;
    await fund(api, a.userId, a.walletId, 100);
    await waitFor(async () => str((await api.call("GET", `/hooks/${hook.body.Id}`)).body.Validity) === "INVALID");
    const attempts = received.length;
    expect(attempts).toBe(4);
    await fund(api, a.userId, a.walletId, 100);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.length).toBe(attempts);
    failNext = 0;
  });
});
