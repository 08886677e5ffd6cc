// One JSON line per HTTP request, from Node's own http diagnostics channels (no patching of Next.js):
// at request start the id is chosen (a proxy's `x-request-id` if well-formed, else a new UUID), put on
// the request headers for the app and on the response for the client; at finish the line is written
// with status, duration, route (token-free path), member id and API account id.
// No `server-only`: instrumentation.ts installs it.
import { randomUUID } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { accountIdOfPath, loggablePath, logger } from "./logger";
import {
  ACCEPTABLE_REQUEST_ID,
  REQUEST_ID_HEADER,
  liveRequests,
  requestStore,
  type RequestFacts,
} from "./request-context";

type Started = { request: IncomingMessage; response: ServerResponse };

const started = new WeakMap<IncomingMessage, { at: number; facts: RequestFacts; path: string }>();
const g = globalThis as unknown as { __mpdRequestLog?: boolean };

// Static assets and framework internals would drown the log; their errors still go through onRequestError.
const QUIET = /^\/(_next\/static|_next\/image|favicon\.ico)/;

export function installRequestLog(): void {
  if (g.__mpdRequestLog) return;
  g.__mpdRequestLog = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, response } = message as Started;
    const incoming = request.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === "string" && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    request.headers[REQUEST_ID_HEADER] = requestId;
    if (!response.headersSent) response.setHeader(REQUEST_ID_HEADER, requestId);
    const path = loggablePath(request.url ?? "/");
    const facts: RequestFacts = { requestId, memberId: null, accountId: accountIdOfPath(path) };
    started.set(request, { at: performance.now(), facts, path });
    // Two requests may carry the same proxy id: the later one wins the lookup, both still get a line.
    liveRequests().set(requestId, facts);
    response.once("close", () => {
      if (liveRequests().get(requestId) === facts) liveRequests().delete(requestId);
    });
    // Everything the app does for this request runs inside this store (the 'request' event follows).
    requestStore().enterWith(facts);
  });
  diagnostics.subscribe("http.server.response.finish", (message) => {
    const { request, response } = message as Started;
    const entry = started.get(request);
    if (!entry) return;
    started.delete(request);
    if (liveRequests().get(entry.facts.requestId) === entry.facts) liveRequests().delete(entry.facts.requestId);
    if (QUIET.test(entry.path)) return;
    const durationMs = Math.round((performance.now() - entry.at) * 10) / 10;
    const status = response.statusCode;
    const line = {
      requestId: entry.facts.requestId,
      memberId: entry.facts.memberId,
      accountId: entry.facts.accountId,
      method: request.method,
      route: entry.path,
      status,
      durationMs,
    };
    if (status >= 500) logger.error(line, "request failed");
    else logger.info(line, "request");
  });
}
