import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { CURRENT_HUB_COOKIE } from "@/lib/server/current-hub";
import { authSecret, proxySettings } from "@/lib/server/env";
import { REQUEST_ID_HEADER } from "@/lib/server/request-context";
import { noteSessionMember } from "@/lib/server/request-member";
import { contentSecurityPolicy, HSTS, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";

// Every page gets its security headers here (a per-request CSP nonce that Next.js puts on its own
// scripts). Anonymous visitors of protected areas are redirected to sign-in — never the security
// boundary: pages, actions and route handlers check the session and permissions themselves.
const PROTECTED = /^\/(hub|accounts|settings)(\/|$)/;

function secured(res: NextResponse, csp: string, https: boolean): NextResponse {
  res.headers.set("Content-Security-Policy", csp);
  for (const { key, value } of STATIC_SECURITY_HEADERS) res.headers.set(key, value);
  if (https) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

/**
 * A server-action POST whose body Next.js could not decode (it would answer a framework 500): the
 * id must be hex, a text body a JSON array (React's encoded arguments), a multipart body parseable.
 */
async function isMalformedServerAction(req: NextRequest): Promise<boolean> {
  const actionId = req.headers.get("next-action");
  if (req.method !== "POST" || actionId === null) return false;
  if (!/^[0-9a-f]{16,128}$/i.test(actionId)) return true;
  try {
    if ((req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
      await req.clone().formData();
      return false;
    }
    return !Array.isArray(JSON.parse(await req.clone().text()));
  } catch {
    return true;
  }
}

export async function proxy(req: NextRequest) {
  const { https, dev } = proxySettings();
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, dev, https });
  const forwarded = new Headers(req.headers);
  forwarded.set("x-pathname", req.nextUrl.pathname + req.nextUrl.search);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", csp);
  if (await isMalformedServerAction(req)) {
    return secured(
      new NextResponse("Malformed request: this form could not be read. Reload the page and try again.", {
        status: 400,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
      csp,
      https,
    );
  }
  const hasSession = req.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  const token = hasSession ? await getToken({ req, secret: authSecret() }) : null;
  if (PROTECTED.test(req.nextUrl.pathname) && !token) {
    const url = new URL("/sign-in", req.url);
    url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
    return secured(NextResponse.redirect(url), csp, https);
  }
  // The request log's member for every signed-in request, also for router prefetches that render
  // no layout loading the Hub context.
  if (typeof token?.sub === "string")
    await noteSessionMember({
      requestId: req.headers.get(REQUEST_ID_HEADER),
      userId: token.sub,
      hubId: req.cookies.get(CURRENT_HUB_COOKIE)?.value,
    });
  return secured(NextResponse.next({ request: { headers: forwarded } }), csp, https);
}

export const config = {
  // Pages and server actions; not the hashed static files (next.config.js gives those their headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
