import "server-only";
import { queryObject } from "@/lib/services/exports/schemas";
import { csvResponse, exportErrorResponse } from "./csv-response";

/**
 * A list's CSV export, for a route handler that has checked the member's access itself: the request's
 * query string is the list's filters (the service parses them again), bad ones answer 400 with the
 * reason, and the records stream as CSV.
 */
export async function csvExport<C>(
  request: Request,
  ctx: C,
  exporter: (args: { ctx: C; input: ReturnType<typeof queryObject> }) => Promise<AsyncIterable<string[]>>,
  columns: readonly string[],
  name: string,
): Promise<Response> {
  try {
    const records = await exporter({ ctx, input: queryObject(new URL(request.url).searchParams) });
    return csvResponse(records, columns, name);
  } catch (err) {
    return exportErrorResponse(err);
  }
}
