/** @jest-environment node */
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";

afterAll(() => db.$disconnect());

describe(`database (${process.env.TEST_DB_KIND})`, () => {
  it("creates a user and a Hub with an Owner membership and reads them back through Prisma", async () => {
    const email = `owner-${randomUUID()}@example.test`;
    const hub = await db.hub.create({
      data: {
        name: "Round-trip Hub",
        memberships: { create: { role: "OWNER", user: { create: { email, name: "Ada", passwordHash: "x" } } } },
      },
      select: { id: true },
    });
    const read = await db.hub.findUniqueOrThrow({
      where: { id: hub.id },
      select: { name: true, memberships: { select: { role: true, user: { select: { email: true } } } } },
    });
    expect(read).toEqual({ name: "Round-trip Hub", memberships: [{ role: "OWNER", user: { email } }] });
  });

  it("rolls back an interactive transaction that throws", async () => {
    const name = `rollback-${randomUUID()}`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.hub.create({ data: { name }, select: { id: true } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.hub.count({ where: { name } })).toBe(0);
  });

  it("rejects a second user with the same email", async () => {
    const email = `dup-${randomUUID()}@example.test`;
    await db.user.create({ data: { email, name: "A", passwordHash: "x" }, select: { id: true } });
    await expect(db.user.create({ data: { email, name: "B", passwordHash: "x" } })).rejects.toMatchObject({
      code: "P2002",
    });
  });
});
