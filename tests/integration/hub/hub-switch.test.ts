/** @jest-environment node */
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { listMyHubs } from "@/lib/services/hubs/list-my-hubs";
import { selectHub } from "@/lib/services/hubs/select-hub";
import { createTestHub } from "./factories";

afterAll(() => db.$disconnect());

describe("switching between Hubs", () => {
  it("lists every Hub the person belongs to and lets them select one of those only", async () => {
    const first = await createTestHub();
    const second = await createTestHub();
    const other = await createTestHub();
    const dev = first.members.DEVELOPER;
    await db.membership.create({
      data: { hubId: second.hubId, userId: dev.userId, role: "FINANCE" },
      select: { id: true },
    });
    const actor = { id: dev.userId, email: dev.email, name: "Dev" };

    const hubs = await listMyHubs({ actor });
    expect(hubs.map((h) => [h.id, h.role])).toEqual([
      [first.hubId, "DEVELOPER"],
      [second.hubId, "FINANCE"],
    ]);
    await expect(selectHub({ ctx: { actor }, input: { hubId: second.hubId } })).resolves.toEqual({
      hubId: second.hubId,
    });
    await expect(selectHub({ ctx: { actor }, input: { hubId: other.hubId } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(selectHub({ ctx: { actor }, input: { hubId: "" } })).rejects.toThrow();
  });
});
