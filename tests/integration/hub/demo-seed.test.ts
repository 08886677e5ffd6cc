/** @jest-environment node */
// The demo Hub that `npm run dev` creates: its own name, the emulator's clients as its API accounts.
import { db } from "@/lib/server/db";
import { DEMO_OWNER_EMAIL, seedDemoHub } from "@/lib/services/demo/seed-demo-hub";

afterAll(() => db.$disconnect());

describe("the demo Hub", () => {
  it("is named apart from its API accounts, which are the emulator's clients; a second seed changes nothing", async () => {
    const emulatorUrl = process.env.EMULATOR_URL!;
    const clients = (
      (await (await fetch(`${emulatorUrl}/_emulator/clients`)).json()) as {
        ClientId: string;
        Name: string;
        ApiKey: string;
      }[]
    ).map((c) => ({ clientId: c.ClientId, name: c.Name, apiKey: c.ApiKey }));
    // A fresh test database has no demo Owner yet; a long-lived PostgreSQL of DATABASE_URL may.
    const existed = (await db.user.count({ where: { email: DEMO_OWNER_EMAIL } })) > 0;
    const first = await seedDemoHub({
      ownerPassword: "demo-seed-test-password",
      emulatorUrl,
      emulatorClients: clients,
    });
    expect(first).toEqual({ email: DEMO_OWNER_EMAIL, created: !existed, accounts: 2 });

    const membership = await db.membership.findFirstOrThrow({
      where: { user: { email: DEMO_OWNER_EMAIL } },
      select: {
        role: true,
        hub: { select: { name: true, apiAccounts: { select: { name: true }, orderBy: { name: "asc" } } } },
      },
    });
    expect(membership.role).toBe("OWNER");
    expect(membership.hub.name).toBe("Demo Hub");
    expect(membership.hub.apiAccounts.map((a) => a.name)).toEqual(["Demo Crowdfunding", "Demo Marketplace"]);

    const again = await seedDemoHub({
      ownerPassword: "demo-seed-test-password",
      emulatorUrl,
      emulatorClients: clients,
    });
    expect(again.created).toBe(false);
    expect(await db.hub.count({ where: { memberships: { some: { user: { email: DEMO_OWNER_EMAIL } } } } })).toBe(1);
  });
});
