/** @jest-environment node */
import { formDataToObject, toActionError } from "@/lib/server/action";
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
});
