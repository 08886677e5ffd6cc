import "server-only";
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { ServiceError, ValidationError } from "./errors";

/**
 * A streamed CSV download: records are pulled from the generator as the client reads, so an export of
 * any size holds one batch in memory. The file name gets today's date (UTC).
 */
export function csvResponse(records: AsyncIterable<string[]>, columns: readonly string[], name: string): Response {
  const csv = Readable.from(records).pipe(stringify({ header: true, columns: [...columns] }));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}

/** An export's refusal as plain text: bad filters 400 with the reason, other service errors by kind. */
export function exportErrorResponse(err: unknown): Response {
  const text = { "content-type": "text/plain; charset=utf-8" };
  if (err instanceof ValidationError) {
    const fields = Object.entries(err.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
    return new Response(["Invalid filters.", ...fields].join("\n"), { status: 400, headers: text });
  }
  if (err instanceof ServiceError && err.code === "FORBIDDEN") return new Response("Forbidden.", { status: 403 });
  if (err instanceof ServiceError && err.code === "NOT_FOUND") return new Response("Not found.", { status: 404 });
  throw err;
}
