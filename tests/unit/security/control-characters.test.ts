/** @jest-environment node */
import { controlCharacterFields, hasControlCharacter } from "@/lib/control-characters";

describe("control characters in text inputs (NUL-byte audit bypass, log forging)", () => {
  it.each(["a\u0000b", "\u001b[31mred", "x\u007f", "right\u202Eto-left", "line\u2028sep"])("refuses %j", (text) => {
    expect(hasControlCharacter(text)).toBe(true);
  });

  it.each(["Ana Lima", "multi\nline\r\n\ttext", "Zoë Ø 北京 😀"])("accepts ordinary text %j", (text) => {
    expect(hasControlCharacter(text)).toBe(false);
  });

  it("names every offending field of a nested payload, keys included", () => {
    expect(
      controlCharacterFields({
        name: "ok",
        tags: ["a", "b\u0000"],
        nested: { note: "\u0007" },
        ["k\u0000"]: "v",
        n: 3,
      }),
    ).toEqual(["tags.1", "nested.note", "k\u0000"]);
  });
});

describe("server actions refuse control characters before any service runs", () => {
  it("answers VALIDATION with the field named, and never calls the service", async () => {
    const { defineAction } = await import("@/lib/server/action");
    const { z } = await import("zod");
    const service = jest.fn(async () => "done");
    const action = defineAction(async () => ({ hub: "h" }), z.object({ name: z.string() }), service);
    const form = new FormData();
    form.set("name", "Ops\u0000team");
    const res = await action(null, form);
    expect(res).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { name: [expect.stringMatching(/control characters/)] },
    });
    expect(service).not.toHaveBeenCalled();
  });
});
