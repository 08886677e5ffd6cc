import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/server/env";

// Redirects anonymous visitors to sign-in. Never the security boundary: pages, actions and route
// handlers check the session and permissions themselves.
export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: authSecret() });
  const forwarded = new Headers(req.headers);
  forwarded.set("x-pathname", req.nextUrl.pathname + req.nextUrl.search);
  if (token) return NextResponse.next({ request: { headers: forwarded } });
  const url = new URL("/sign-in", req.url);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/hub/:path*", "/accounts/:path*", "/settings/:path*"],
};
