import "server-only";
import { describeError, UpstreamServiceError } from "@/lib/services/upstream";
import { ServiceError, ValidationError } from "./errors";

/** Records per chunk sent: a chunk is at most a few dozen kilobytes, and never more than one batch read. */
const RECORDS_PER_CHUNK = 256;

/**
 * A streamed CSV download, pulled by the client: each `pull` (the client has read what was queued)
 * takes the next records from the generator and sends them as one chunk, so the generator reads its
 * next batch only when the client has taken the previous rows, and an export of any size holds one
 * batch in memory. A client that goes away ends the generator (its `finally` runs). The file name
 * gets today's date (UTC).
 */
export function csvResponse(records: AsyncIterable<string[]>, columns: readonly string[], name: string): Response {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csvStream(records, columns), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}

/** The header, then the records, as UTF-8 chunks of up to RECORDS_PER_CHUNK records. */
export function csvStream(records: AsyncIterable<string[]>, columns: readonly string[]): ReadableStream<Uint8Array> {
  const iterator = records[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let header = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk: string[][] = [];
        let done = false;
        while (chunk.length < RECORDS_PER_CHUNK) {
          const next = await iterator.next();
          if (next.done) {
            done = true;
            break;
          }
          chunk.push(next.value);
        }
        if (header || chunk.length > 0) {
          controller.enqueue(encoder.encode(csvText(header ? [columns, ...chunk] : chunk, columns.length)));
          header = false;
        }
        if (done) controller.close();
      },
      async cancel() {
        await iterator.return?.(undefined);
      },
    },
    // One chunk ready ahead of the client at most.
    { highWaterMark: 1 },
  );
}

/** Quoted where the field holds a comma, a quote or a line end; quotes doubled. */
const NEEDS_QUOTES = /[",\n\r]/;
const QUOTES = /"/g;

/**
 * Records as CSV text, each line ended by "\n": the bytes csv-stringify writes with its defaults and
 * `columns` (a record longer than the columns is cut to them), built as one string per line and one
 * per chunk. csv-stringify's own loop allocated about 45 times the text it wrote (a cast, a tuple and
 * an options lookup per field), half of everything an export allocated: that garbage, promoted
 * because a batch's rows outlive it, is what grew the process's heap during a large export.
 */
export function csvText(records: readonly (readonly string[])[], width: number): string {
  const lines: string[] = new Array<string>(records.length + 1);
  for (let r = 0; r < records.length; r++) {
    const record = records[r] as readonly string[];
    const fields: string[] = new Array<string>(Math.min(record.length, width));
    for (let i = 0; i < fields.length; i++) {
      const v = record[i] ?? "";
      fields[i] = NEEDS_QUOTES.test(v) ? `"${v.replace(QUOTES, '""')}"` : v;
    }
    lines[r] = fields.join(",");
  }
  lines[records.length] = "";
  return lines.join("\n");
}

/**
 * An export's refusal as plain text: bad filters 400 with the reason, other service errors by kind;
 * MANGOPAY failing or refusing (an export read from it) 502 with what it said and its reference.
 */
export function exportErrorResponse(err: unknown): Response {
  const text = { "content-type": "text/plain; charset=utf-8" };
  if (err instanceof ValidationError) {
    const fields = Object.entries(err.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
    return new Response(["Invalid filters.", ...fields].join("\n"), { status: 400, headers: text });
  }
  if (err instanceof ServiceError && err.code === "FORBIDDEN") return new Response("Forbidden.", { status: 403 });
  if (err instanceof ServiceError && err.code === "NOT_FOUND") return new Response("Not found.", { status: 404 });
  if (err instanceof UpstreamServiceError) {
    const view = describeError(err);
    const reference = view.mangopayId ? `\nMANGOPAY reference: ${view.mangopayId}` : "";
    return new Response(`${view.title}. ${view.message}${reference}`, { status: 502, headers: text });
  }
  throw err;
}
