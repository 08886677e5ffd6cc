// Files the emulator serves in place of MANGOPAY's storage: report CSVs (the DownloadURL, a
// presigned-style URL: no auth, unguessable) and placeholder images behind document consult links.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { csvChunks, legacyRows, v2Rows } from "../domain/report-rows";

// A 1×1 transparent PNG: page contents are not kept (bounded memory), the link still resolves.
const PLACEHOLDER_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

export function registerDownloadControls(app: Hono, emu: Emulator): void {
  app.get("/reports/:clientId/:reportId/:file", (c) => {
    const store = emu.client(c.req.param("clientId"));
    const notFound = c.json({ error: "not_found", message: "unknown or expired report URL" }, 404);
    if (!store) return notFound;
    const state = store;
    const id = c.req.param("reportId");
    const legacy = state.reports.get(id);
    const v2 = state.reportsV2.get(id);
    const report = legacy ?? v2;
    if (!report?.DownloadURL || !report.DownloadURL.endsWith(`/${id}/${c.req.param("file")}`)) return notFound;
    const { columns, rows } = legacy ? legacyRows(store, legacy) : v2Rows(store, v2 as NonNullable<typeof v2>);
    const chunks = csvChunks(columns, rows);
    // pull() builds one chunk at a time, so a slow client slows row generation down (backpressure).
    const web = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(Buffer.from(next.value));
      },
      cancel() {
        chunks.return(undefined);
      },
    });
    return new Response(web, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${id}.csv"` },
    });
  });

  app.get("/documents/:clientId/:docId/pages/:n", (c) => {
    const store = emu.client(c.req.param("clientId"));
    const pages = store ? store.pages.get(c.req.param("docId")) : undefined;
    const n = Number(c.req.param("n"));
    if (!pages || !Number.isInteger(n) || n < 1 || n > pages.length) return c.json({ error: "not_found" }, 404);
    return new Response(new Uint8Array(PLACEHOLDER_PNG), { headers: { "content-type": "image/png" } });
  });

  app.get(
    "/logos/:file",
    () => new Response(new Uint8Array(PLACEHOLDER_PNG), { headers: { "content-type": "image/png" } }),
  );
}
