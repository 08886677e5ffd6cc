import { list, num, startApi, type Api } from "./helpers";
import { parseScale } from "@/emulator/seed/scale-seed";

let api: Api;
beforeAll(async () => {
  api = await startApi({ seed: null });
});
afterAll(async () => {
  await api.emu.close();
});

describe("scale seeding", () => {
  it("parses the --scale flag and refuses malformed specs", () => {
    expect(parseScale("users=100000,transactions=1_000_000")).toEqual({ users: 100_000, transactions: 1_000_000 });
    expect(() => parseScale("users=-1")).toThrow();
    expect(() => parseScale("wallets=3")).toThrow();
  });

  it("builds a client of the requested size with disputes and KYC documents, listable through the API", async () => {
    const res = await api.control("POST", "/scale", { users: 500, transactions: 5000 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ users: 500, transactions: 5000, kycDocuments: 50, clientId: api.clientId });
    const users = await api.call("GET", "/users?per_page=100&page=5");
    expect(Number(users.headers.get("x-number-of-items"))).toBe(500);
    expect(list(users.body)).toHaveLength(100);
    const disputes = await api.call("GET", "/disputes");
    expect(Number(disputes.headers.get("x-number-of-items"))).toBe(num(res.body.disputes));
    const counts = await api.control("GET", `/clients/${api.clientId}/counts`);
    expect(counts.body).toMatchObject({ users: 500, wallets: 500, bankAccounts: 500, kycDocuments: 50 });
    expect(num(counts.body.transactions)).toBeGreaterThanOrEqual(5000);
    expect(num(counts.body.disputes)).toBe(num(res.body.disputes));
    expect((await api.control("GET", "/clients/nobody/counts")).status).toBe(404);
    const bad = await api.control("POST", "/scale", { users: "many" });
    expect(bad.status).toBe(400);
  });
});
