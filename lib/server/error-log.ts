// The one line written for every server error (instrumentation's onRequestError and unexpected
// failures inside server actions): request id, member, API account, route and the error's id
// (`digest`, which the error pages show as the id to quote). Never the request's headers or body.
// No `server-only`: instrumentation.ts imports it.
import { accountIdOfPath, loggablePath, logger } from "./logger";
import { REQUEST_ID_HEADER, requestStore } from "./request-context";

type ErrorRequest = Readonly<{ path: string; method: string; headers: NodeJS.Dict<string | string[]> }>;
type ErrorContext = Readonly<{ routePath: string; routeType: string }>;

function describe(error: unknown): { errorName: string; errorMessage: string; digest: string | null } {
  const e = error instanceof Error ? error : new Error(String(error));
  const digest = typeof (error as { digest?: unknown })?.digest === "string" ? (error as { digest: string }).digest : null;
  return { errorName: e.name, errorMessage: e.message.slice(0, 500), digest };
}

export function logServerError(error: unknown, request: ErrorRequest, context: ErrorContext): void {
  const store = requestStore().getStore();
  const header = request.headers[REQUEST_ID_HEADER];
  const path = loggablePath(request.path);
  logger.error(
    {
      requestId: (typeof header === "string" ? header : null) ?? store?.requestId ?? null,
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

/** Server actions catch their own unexpected errors: log them the same way and return the id. */
export function logActionError(error: unknown): string {
  const store = requestStore().getStore();
  const requestId = store?.requestId ?? crypto.randomUUID();
  logger.error(
    { requestId, memberId: store?.memberId ?? null, accountId: store?.accountId ?? null, routeType: "action", ...describe(error) },
    "server action failed",
  );
  return requestId;
}
