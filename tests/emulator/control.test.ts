import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "@/emulator/server";
import { list, natural, SMALL_SEED, startApi, str, type Api } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.emu.close();
});

describe("control API", () => {
  it("lists clients with deterministic API keys", async () => {
    const clients = list((await api.control("GET", "/clients")).body);
    expect(clients.map((c) => str(c.ClientId))).toEqual(["demo-marketplace", "demo-crowdfunding"]);
    expect(str(clients[0].ApiKey)).toMatch(/^[\w-]{40,}$/);
    const other = await startEmulator({ port: 0, seed: null });
    const again = (await (await fetch(`${other.url}/_emulator/clients`)).json()) as Array<{ ApiKey: string }>;
    await other.close();
    expect(again[0].ApiKey).toBe(str(clients[0].ApiKey));
  });

  it("seeds realistic data deterministically and resets to empty", async () => {
    const users = await api.call("GET", "/users?per_page=100");
    expect(Number(users.headers.get("x-number-of-items"))).toBeGreaterThanOrEqual(300);
    const first = list(users.body).map((u) => `${str(u.Id)}:${str(u.Email)}`);
    // GET /users has no PersonType filter (as on MANGOPAY): count legal users over the pages.
    let legalUsers = 0;
    for (let page = 1; page <= Number(users.headers.get("x-number-of-pages")); page++) {
      legalUsers += list((await api.call("GET", `/users?per_page=100&page=${page}`)).body).filter(
        (u) => str(u.PersonType) === "LEGAL",
      ).length;
    }
    expect(legalUsers).toBeGreaterThan(50);
    const crowd = await startApi({}, 1);
    expect(Number((await crowd.call("GET", "/users?per_page=1")).headers.get("x-number-of-items"))).toBeGreaterThan(
      100,
    );
    await crowd.emu.close();

    const reseeded = await api.control("POST", "/reseed", { seed: 1 });
    expect(reseeded.body.seeded).toBe(true);
    const after = list((await api.call("GET", "/users?per_page=100")).body).map((u) => `${str(u.Id)}:${str(u.Email)}`);
    expect(after).toEqual(first);
    await api.control("POST", "/reseed", { seed: 2 });
    const other = list((await api.call("GET", "/users?per_page=100")).body).map((u) => `${str(u.Id)}:${str(u.Email)}`);
    expect(other).not.toEqual(first);

    await api.control("POST", "/reset");
    expect((await api.call("GET", "/users")).headers.get("x-number-of-items")).toBe("0");
    expect((await api.control("POST", "/reseed", { seed: -1 })).status).toBe(400);
  }, 30_000);

  it("settles everything pending in one call", async () => {
    await api.control("POST", "/reseed", { seed: 1 });
    const res = await api.control("POST", "/settle", { clientId: api.clientId });
    const counts = res.body[api.clientId];
    expect(Number(counts.bankwires) + Number(counts.payouts)).toBeGreaterThan(0);
  });

  it("snapshots to disk on close and restores on start", async () => {
    const dir = await mkdtemp(join(tmpdir(), "emu-snap-"));
    const path = join(dir, "state.json");
    try {
      const first = await startApi({ seed: null, snapshotPath: path });
      const created = await first.call("POST", "/users/natural", natural({ LastName: "Persisted" }));
      await first.emu.close();
      expect(JSON.parse(await readFile(path, "utf8")).format).toBe("mangopay-emulator-snapshot");
      const second = await startApi({ seed: 1, ...SMALL_SEED, snapshotPath: path });
      const fetched = await second.call("GET", `/users/${created.body.Id}`);
      expect(str(fetched.body.LastName)).toBe("Persisted");
      const next = await second.call("POST", "/users/natural", natural());
      expect(Number(next.body.Id)).toBeGreaterThan(Number(created.body.Id));
      await second.emu.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 20_000);
});

describe("cli", () => {
  it("prints exactly the ready line and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "emulator/cli.ts", "--port", "0", "--no-seed"], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`no ready line: ${out}`)), 20_000);
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("\n")) {
          clearTimeout(timer);
          resolve(out);
        }
      });
    });
    expect(line).toMatch(/^emulator listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = line.trim().split(" ").pop() as string;
    expect((await fetch(`${url}/_emulator/health`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 30_000);
});
