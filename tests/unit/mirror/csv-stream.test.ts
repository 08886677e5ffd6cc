/** @jest-environment node */
// The exports' CSV stream (lib/server/csv-response.ts): pulled by the reader, so records are taken from
// the generator only as the client reads, and a client that goes away ends the generator.
import { stringify } from "csv-stringify/sync";
import { csvResponse, csvStream, csvText } from "@/lib/server/csv-response";

/** Records r0…r(n-1), counting how many were taken and whether the generator's `finally` ran. */
function counted(n: number) {
  const state = { taken: 0, finished: false };
  async function* records(): AsyncGenerator<string[]> {
    try {
      for (let i = 0; i < n; i++) {
        state.taken++;
        yield [`r${i}`, i % 2 ? 'say "hi", then\nleave' : ""];
      }
    } finally {
      state.finished = true;
    }
  }
  return { state, records: records() };
}

const text = (chunk: Uint8Array | undefined) => new TextDecoder().decode(chunk);

describe("csvStream", () => {
  it("takes records only as the reader pulls: one chunk ahead at most", async () => {
    const { state, records } = counted(10_000);
    const reader = csvStream(records, ["id", "note"]).getReader();
    const first = await reader.read();
    expect(text(first.value)).toMatch(/^id,note\nr0,\nr1,"say ""hi"", then\nleave"\nr2,\n/);
    // The first chunk, and the one queued behind it: nothing more until the reader asks.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.taken).toBeLessThanOrEqual(2 * 256 + 1);
    const before = state.taken;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.taken).toBe(before);
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.taken).toBeGreaterThan(before);
    expect(state.taken).toBeLessThan(10_000);
    // The client goes away: the generator is ended, not read to its end.
    await reader.cancel();
    expect(state.finished).toBe(true);
    expect(state.taken).toBeLessThan(10_000);
  });

  it("sends every record once, in order, then ends; a header alone when there are none", async () => {
    const { state, records } = counted(1_000);
    const all = await new Response(csvStream(records, ["id", "note"])).text();
    const lines = all.split(/\n(?=r\d)/);
    expect(lines[0]).toBe("id,note");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(Array.from({ length: 1_000 }, (_, i) => `r${i}`));
    expect(state.finished).toBe(true);
    const none = counted(0);
    expect(await new Response(csvStream(none.records, ["id", "note"])).text()).toBe("id,note\n");
  });

  it("answers a CSV attachment named with today's date", async () => {
    const res = csvResponse(counted(1).records, ["id", "note"], "transactions");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="transactions-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    expect(await res.text()).toBe("id,note\nr0,\n");
  });
});

describe("csvText", () => {
  it("writes the bytes csv-stringify writes: quotes, commas, line ends, empty fields, any text", () => {
    const pieces = ["", "a", ",", '"', "\n", "\r", " ", "'", "=", "é", "💶", "\t", ";", '""'];
    // Every field from 1 to 3 pieces, deterministic, with records shorter and longer than the columns.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const field = () => Array.from({ length: 1 + (next() % 3) }, () => pieces[next() % pieces.length]).join("");
    const columns = ["id", "note, with comma", 'say "x"', "last"];
    const records = Array.from({ length: 2_000 }, (_, i) => Array.from({ length: 3 + (i % 3) }, field));
    expect(csvText([columns, ...records], columns.length)).toBe(stringify(records, { header: true, columns }));
    expect(csvText(records, columns.length)).toBe(stringify(records, { header: false, columns }));
    expect(csvText([columns], columns.length)).toBe(stringify([], { header: true, columns }));
    expect(csvText([], columns.length)).toBe("");
  });
});
