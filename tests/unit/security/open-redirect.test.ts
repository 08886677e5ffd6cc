import { safeCallbackPath } from "@/lib/safe-redirect";

describe("open redirect after sign-in: only same-origin paths", () => {
  it.each([
    "/\\evil.example/phish",
    "/\t/evil.example/phish",
    "/\n/evil.example",
    "//evil.example/x",
    "/\\/evil.example",
    "/.//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/hub");
  });

  it("refuses the decoded forms of /%09/evil.example and /%5Cevil.example", () => {
    expect(safeCallbackPath(decodeURIComponent("/%09/evil.example/x"))).toBe("/hub");
    expect(safeCallbackPath(decodeURIComponent("/%5Cevil.example"))).toBe("/hub");
  });

  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeCallbackPath("/accounts/abc/users?page=2#top")).toBe("/accounts/abc/users?page=2#top");
    expect(safeCallbackPath("/invite/tok_123")).toBe("/invite/tok_123");
    expect(safeCallbackPath("/hub/../hub/team")).toBe("/hub/team");
  });
});
