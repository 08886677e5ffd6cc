/** @jest-environment node */
import { iterateAll, type Page } from "@/lib/mangopay/pagination";
import * as users from "@/lib/mangopay/users";
import { fakeApi, json, makeClient } from "./fake-api";

function userItem(i: number) {
  return {
    Id: `u${i}`,
    Tag: null,
    CreationDate: 1_700_000_000 + i,
    PersonType: "NATURAL",
    Email: `u${i}@example.test`,
    KYCLevel: "LIGHT",
  };
}

describe("pagination", () => {
  it("returns one page with totals from x-number-of-items / x-number-of-pages", async () => {
    const api = fakeApi();
    api.on("GET", /^\/users$/, () =>
      json(200, [userItem(1), userItem(2)], { "x-number-of-items": "12", "x-number-of-pages": "6" }),
    );
    const { client } = makeClient(api);
    const page = await users.list(client, { page: 2, perPage: 2, sort: { field: "CreationDate", direction: "DESC" } });
    expect(page).toMatchObject({ page: 2, perPage: 2, totalItems: 12, totalPages: 6 });
    expect(page.items[0].CreationDate).toEqual(new Date(1_700_000_001_000));
    const query = api.apiCalls()[0].url.searchParams;
    expect(Object.fromEntries(query)).toEqual({ page: "2", per_page: "2", Sort: "CreationDate:DESC" });
  });

  it("caps per_page at 100 and reports unknown totals as null", async () => {
    const api = fakeApi();
    api.on("GET", /^\/users$/, () => json(200, []));
    const { client } = makeClient(api);
    const page = await users.list(client, { perPage: 500 });
    expect(api.apiCalls()[0].url.searchParams.get("per_page")).toBe("100");
    expect(page).toMatchObject({ totalItems: null, totalPages: null, items: [] });
  });

  it("iterates every page of a listing and stops at the last one", async () => {
    const api = fakeApi();
    api.on("GET", /^\/users$/, (call) => {
      const page = Number(call.url.searchParams.get("page"));
      const items = page < 3 ? [userItem(page * 10), userItem(page * 10 + 1)] : [userItem(99)];
      return json(200, items, { "x-number-of-items": "5", "x-number-of-pages": "3" });
    });
    const { client } = makeClient(api);
    const ids: string[] = [];
    for await (const user of users.listAll(client, { perPage: 2 })) ids.push(user.Id);
    expect(ids).toEqual(["u10", "u11", "u20", "u21", "u99"]);
    expect(api.apiCalls()).toHaveLength(3);
  });

  it("stops at maxPages even if the server keeps sending full pages", async () => {
    const fetchPage = async (page: number): Promise<Page<number>> => ({
      items: [page, page],
      page,
      perPage: 2,
      totalItems: null,
      totalPages: null,
    });
    const seen: number[] = [];
    for await (const n of iterateAll(fetchPage, { maxPages: 3 })) seen.push(n);
    expect(seen).toEqual([1, 1, 2, 2, 3, 3]);
  });
});
