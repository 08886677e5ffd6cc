// The one line written for every server error (instrumentation's onRequestError and unexpected
// failures inside server actions): request id, member, API account, route and the error's id
// (`digest`, which the error pages show as the id to quote). Never the request's headers or body.
// No `server-only`: instrumentation.ts imports it.
import { accountIdOfPath, loggablePath, logger } from "./logger";
import { REQUEST_ID_HEADER, liveRequests, requestStore, type RequestFacts } from "./request-context";

type ErrorRequest = Readonly<{ path: string; method: string; headers: NodeJS.Dict<string | string[]> }>;
type ErrorContext = Readonly<{ routePath: string; routeType: string }>;

function describe(error: unknown): { errorName: string; errorMessage: string; digest: string | null } {
  const e = error instanceof Error ? error : new Error(String(error));
  const digest =
    typeof (error as { digest?: unknown })?.digest === "string" ? (error as { digest: string }).digest : null;
  return { errorName: e.name, errorMessage: e.message.slice(0, 500), digest };
}

export function logServerError(error: unknown, request: ErrorRequest, context: ErrorContext): void {
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = typeof header === "string" ? header : null;
  const store: RequestFacts | undefined =
    (requestId ? liveRequests().get(requestId) : undefined) ?? requestStore().getStore();
  const path = loggablePath(request.path);
  logger.error(
    {
      requestId: requestId ?? store?.requestId ?? null,
      memberId: store?.memberId ?? null,
      accountId: store?.accountId ?? accountIdOfPath(path),
      method: request.method,
      route: context.routePath,
      path,
      routeType: context.routeType,
      ...describe(error),
    },
    "server error",
  );
}

/** An unexpected failure inside a server action: the id shown to the user, and the request's id. */
export function logActionError(error: unknown, errorId: string, requestId: string | null): void {
  const store = (requestId ? liveRequests().get(requestId) : undefined) ?? requestStore().getStore();
  logger.error(
    {
      requestId: requestId ?? store?.requestId ?? null,
      errorId,
      memberId: store?.memberId ?? null,
      accountId: store?.accountId ?? null,
      routeType: "action",
      ...describe(error),
    },
    "server action failed",
  );
}
