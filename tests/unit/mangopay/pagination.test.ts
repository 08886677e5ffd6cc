/** @jest-environment node */
import { iterateAll, readAllPages, type Page } from "@/lib/mangopay/pagination";
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

  describe("readAllPages", () => {
    /** A listing of `total` numbers, `perPage` per page; records when each page was asked for. */
    function listing(total: number, perPage: number, headers = true) {
      const asked: { page: number; round: number }[] = [];
      let round = 0;
      let inFlight = 0;
      const fetchPage = async (page: number): Promise<Page<number>> => {
        if (inFlight === 0) round += 1; // a call started while none is in flight opens a new round
        inFlight += 1;
        asked.push({ page, round });
        await new Promise((r) => setTimeout(r, 5));
        inFlight -= 1;
        const from = (page - 1) * perPage;
        const items = Array.from({ length: Math.max(0, Math.min(perPage, total - from)) }, (_, i) => from + i + 1);
        const totalPages = Math.ceil(total / perPage);
        return { items, page, perPage, totalItems: headers ? total : null, totalPages: headers ? totalPages : null };
      };
      return { fetchPage, asked };
    }

    it("reads the expected pages in one round and returns every item in order", async () => {
      const { fetchPage, asked } = listing(143, 100);
      const items = await readAllPages(fetchPage, { expectedPages: 2 });
      expect(items).toEqual(Array.from({ length: 143 }, (_, i) => i + 1));
      expect(asked).toEqual([
        { page: 1, round: 1 },
        { page: 2, round: 1 },
      ]);
    });

    it("reads the pages the headers announce beyond the expected ones together, in a second round", async () => {
      const { fetchPage, asked } = listing(430, 100);
      const items = await readAllPages(fetchPage, { expectedPages: 2 });
      expect(items).toHaveLength(430);
      expect(items.at(-1)).toBe(430);
      expect(asked.map((a) => `${a.page}@${a.round}`)).toEqual(["1@1", "2@1", "3@2", "4@2", "5@2"]);
    });

    it("asks for no page beyond maxPages", async () => {
      const { fetchPage, asked } = listing(1_000, 100);
      const items = await readAllPages(fetchPage, { expectedPages: 2, maxPages: 4 });
      expect(items).toHaveLength(400);
      expect(asked.map((a) => a.page)).toEqual([1, 2, 3, 4]);
    });

    it("an empty listing answers an empty list; a short one needs no second round", async () => {
      expect(await readAllPages(listing(0, 100).fetchPage, { expectedPages: 2 })).toEqual([]);
      const short = listing(7, 100);
      expect(await readAllPages(short.fetchPage)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(short.asked).toEqual([{ page: 1, round: 1 }]);
    });

    it("without totals in the headers, goes on page by page while pages are full", async () => {
      const { fetchPage, asked } = listing(250, 100, false);
      const items = await readAllPages(fetchPage, { expectedPages: 1 });
      expect(items).toHaveLength(250);
      expect(asked.map((a) => a.page)).toEqual([1, 2, 3]);
    });
  });
});
