// `next dev` compiles a route the first time it is requested: on a small machine the newcomer's
// first sign-in waited most of a minute. Before the banner, request the pages of the first
// five minutes so that they are compiled: sign-in, next-auth's route, the Hub and a dashboard home.
//
// The Hub and dashboard are behind proxy.ts, which lets through only a signed session cookie. The
// warm-up presents one for a user id that exists nowhere (signed with the app's own AUTH_SECRET,
// valid for one minute): the proxy passes it, Next.js compiles the page, and the page itself finds
// no such user and redirects to sign-in. Nobody is signed in and nothing is written.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";

const ANSWER_TIMEOUT_MS = 180_000; // one compile on a busy 2-core machine

/** GET with a deadline; null when nothing answered (connection refused, timeout). */
async function get(url, headers = {}) {
  try {
    const res = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
    const body = await res.text();
    return { status: res.status, body };
  } catch {
    return null;
  }
}

/** The app's own scripts and styles referenced by a page, so their first download is compiled too. */
function assetsOf(html) {
  return [...new Set([...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]))];
}

/**
 * Resolves once the app answers HTTP on /sign-in (retrying while it starts to listen), then warms the
 * other routes unless `skip`. Returns `note`, one line for the banner saying what was compiled.
 */
export async function warmUp({ origin, secret, secureCookie = false, skip = false }) {
  const t0 = performance.now();
  const deadline = Date.now() + ANSWER_TIMEOUT_MS;
  let signIn = null;
  while (!signIn && Date.now() < deadline) {
    signIn = await get(`${origin}/sign-in`);
    if (!signIn) await new Promise((r) => setTimeout(r, 500));
  }
  if (!signIn) throw new Error(`the app did not answer HTTP at ${origin}/sign-in within ${ANSWER_TIMEOUT_MS / 1000} s`);
  if (signIn.status >= 500) {
    return { note: `Sign-in answered HTTP ${signIn.status}: see the [next] lines above.` };
  }
  if (skip) return { note: "Pages compile on first visit: the first sign-in can take a minute." };

  const token = await encode({ token: { sub: `warm-up-${randomUUID()}`, sv: 0 }, secret, maxAge: 60 });
  // next-auth's cookie name, as proxy.ts's getToken reads it (the __Secure- prefix on https:// URLs)
  const cookie = { cookie: `${secureCookie ? "__Secure-" : ""}next-auth.session-token=${token}` };
  await Promise.all(assetsOf(signIn.body).map((asset) => get(`${origin}${asset}`)));
  // One after the other: parallel compiles only fight over the same two cores.
  for (const [path, headers] of [
    ["/api/auth/csrf", {}],
    ["/hub", cookie],
    ["/accounts/warm-up", cookie],
  ]) {
    await get(`${origin}${path}`, headers);
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(0);
  return { note: `Sign-in, Hub and dashboard compiled in ${secs}s; other pages compile on first visit.` };
}
