import { chooseMembership } from "@/lib/server/current-hub";

// The Hub a request works in, for pages and actions (lib/server/context.ts) and for the request's log
// line (lib/server/request-member.ts): one rule for both.
describe("chooseMembership", () => {
  const oldestFirst = [
    { id: "m1", hubId: "hub-a" },
    { id: "m2", hubId: "hub-b" },
  ];

  it("takes the membership of the Hub the cookie names", () => {
    expect(chooseMembership(oldestFirst, "hub-b")?.id).toBe("m2");
  });

  it("falls back to the oldest membership without a cookie or with a Hub the person is not in", () => {
    expect(chooseMembership(oldestFirst, undefined)?.id).toBe("m1");
    expect(chooseMembership(oldestFirst, "hub-forged")?.id).toBe("m1");
  });

  it("chooses nothing for a person without a Hub", () => {
    expect(chooseMembership([], "hub-a")).toBeUndefined();
  });
});
