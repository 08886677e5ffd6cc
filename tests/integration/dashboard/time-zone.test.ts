/** @jest-environment node */
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { getMemberTimeZone, setMemberTimeZone } from "@/lib/services/auth/time-zone";
import { auditRows, createHubMember, createUser, userCtx } from "../auth/helpers";

afterAll(() => db.$disconnect());

describe("the member's display time zone", () => {
  it("stores a known zone, audits the change, and clears it back to the browser's zone", async () => {
    const user = await createUser({ tag: "tz" });
    await createHubMember(user, "READ_ONLY");
    expect(await getMemberTimeZone(user.id)).toBeNull();
    expect(await setMemberTimeZone({ ctx: userCtx(user), input: { timeZone: "Europe/Paris" } })).toEqual({
      timeZone: "Europe/Paris",
    });
    expect(await getMemberTimeZone(user.id)).toBe("Europe/Paris");
    const [row] = await auditRows(user.id, "profile.time_zone.update");
    expect(row?.before).toEqual({ timeZone: null });
    expect(row?.after).toEqual({ timeZone: "Europe/Paris" });
    await setMemberTimeZone({ ctx: userCtx(user), input: { timeZone: "" } });
    expect(await getMemberTimeZone(user.id)).toBeNull();
  });

  it("refuses an unknown zone and changes nothing", async () => {
    const user = await createUser({ tag: "tz-bad" });
    await setMemberTimeZone({ ctx: userCtx(user), input: { timeZone: "Asia/Tokyo" } });
    for (const bad of ["Mars/Olympus", "<script>", 42, "x".repeat(100)]) {
      await expect(setMemberTimeZone({ ctx: userCtx(user), input: { timeZone: bad } })).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
    expect(await getMemberTimeZone(user.id)).toBe("Asia/Tokyo");
  });
});
