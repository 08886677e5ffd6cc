// Case-insensitive path router for the /v2.01/{ClientId}/… space: literal segments match in any case,
// parameters keep their original case (ids are case-sensitive), and literals win over parameters.
import type { ApiContext, ApiResult } from "./context";

export type Handler = (ctx: ApiContext) => ApiResult | Promise<ApiResult>;
export type Method = "GET" | "POST" | "PUT" | "DELETE";

type Segment = { literal: string } | { param: string };

interface Route {
  method: Method;
  pattern: string;
  segments: Segment[];
  handler: Handler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export class ApiRouter {
  private readonly byShape = new Map<string, Route[]>();

  get(pattern: string, handler: Handler): void {
    this.add("GET", pattern, handler);
  }
  post(pattern: string, handler: Handler): void {
    this.add("POST", pattern, handler);
  }
  put(pattern: string, handler: Handler): void {
    this.add("PUT", pattern, handler);
  }
  delete(pattern: string, handler: Handler): void {
    this.add("DELETE", pattern, handler);
  }

  add(method: Method, pattern: string, handler: Handler): void {
    const segments: Segment[] = splitPath(pattern).map((s) =>
      s.startsWith(":") ? { param: s.slice(1) } : { literal: s.toLowerCase() },
    );
    const key = `${method} ${segments.length}`;
    const routes = this.byShape.get(key) ?? [];
    routes.push({ method, pattern, segments, handler });
    routes.sort(bySpecificity);
    this.byShape.set(key, routes);
  }

  match(method: string, segments: string[]): RouteMatch | null {
    const routes = this.byShape.get(`${method} ${segments.length}`);
    if (!routes) return null;
    const lower = segments.map((s) => s.toLowerCase());
    outer: for (const route of routes) {
      const params: Record<string, string> = {};
      for (let i = 0; i < route.segments.length; i++) {
        const seg = route.segments[i];
        if ("literal" in seg) {
          if (seg.literal !== lower[i]) continue outer;
        } else {
          params[seg.param] = segments[i];
        }
      }
      return { route, params };
    }
    return null;
  }

  /** True when the path exists for another method (→ 405 rather than 404). */
  hasPath(segments: string[]): boolean {
    return (["GET", "POST", "PUT", "DELETE"] as const).some((m) => this.match(m, segments) !== null);
  }
}

export function splitPath(path: string): string[] {
  return path
    .split("/")
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

function bySpecificity(a: Route, b: Route): number {
  for (let i = 0; i < a.segments.length; i++) {
    const la = "literal" in a.segments[i];
    const lb = "literal" in b.segments[i];
    if (la !== lb) return la ? -1 : 1;
  }
  return 0;
}
