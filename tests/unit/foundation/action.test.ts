/** @jest-environment node */
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, formDataToObject, toActionError } from "@/lib/server/action";
import { NotFoundError, ValidationError } from "@/lib/server/errors";

describe("server action plumbing", () => {
  it("turns FormData into an object, keeping repeated keys as arrays and dropping Next's $ACTION fields", () => {
    const f = new FormData();
    f.append("name", "Ada");
    f.append("grants", "users.read");
    f.append("grants", "users.edit");
    f.append("$ACTION_ID_abc", "");
    expect(formDataToObject(f)).toEqual({ name: "Ada", grants: ["users.read", "users.edit"] });
  });

  it("maps service errors to typed results and hides unexpected ones", () => {
    expect(toActionError(new NotFoundError())).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(toActionError(new ValidationError("Bad", { amount: ["Too large"] }))).toEqual({
      ok: false,
      code: "VALIDATION",
      error: "Bad",
      fieldErrors: { amount: ["Too large"] },
    });
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const internal = toActionError(new Error("db password is hunter2"));
    expect(internal).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(JSON.stringify(internal)).not.toContain("hunter2");
    spy.mockRestore();
  });

  const Input = z.object({ amount: z.coerce.number().int().positive("Enter a positive amount") });
  const ctx = async () => ({ who: "tester" });

  it("parses FormData after the context and reports zod issues as field errors", async () => {
    const action = defineAction(ctx, Input, async ({ ctx: c, input }) => `${c.who}:${input.amount}`);
    const good = new FormData();
    good.set("amount", "12");
    expect(await action(null, good)).toEqual({ ok: true, data: "tester:12" });
    expect(await action(null, { amount: -1 })).toEqual({
      ok: false,
      code: "VALIDATION",
      error: "Please correct the highlighted fields.",
      fieldErrors: { amount: ["Enter a positive amount"] },
    });
  });

  it("says only what the caller chose when a public payload does not parse", async () => {
    const action = defineAction(ctx, Input, async () => "never", {
      invalidInput: new NotFoundError("This link is dead."),
    });
    expect(await action(null, { amount: "x" })).toEqual({ ok: false, code: "NOT_FOUND", error: "This link is dead." });
  });

  it("never runs the service when the context step refuses", async () => {
    const fn = jest.fn(async () => "ran");
    const action = defineAction(async () => Promise.reject(new NotFoundError("No Hub")), Input, fn);
    expect(await action(null, { amount: 1 })).toEqual({ ok: false, code: "NOT_FOUND", error: "No Hub" });
    expect(fn).not.toHaveBeenCalled();
  });

  it("lets Next's redirect() through instead of reporting it as an internal error", async () => {
    const action = defineAction(ctx, Input, async () => redirect("/hub"));
    await expect(action(null, { amount: 1 })).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });
});
