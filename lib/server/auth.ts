import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import { getToken } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { after, connection } from "next/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authenticate } from "@/lib/services/auth/authenticate";
import { revokeSession } from "@/lib/services/auth/revoke-session";
import { syncSsoGrantsForUser } from "@/lib/services/sso/sync-grants";
import type { RequestMeta, SessionUser } from "./context-types";
import { safeEqual } from "./crypto";
import { db } from "./db";
import { authSecret, env } from "./env";
import { UnauthenticatedError } from "./errors";
import { requestIp } from "./request-ip";

export const SIGN_IN_PATH = "/sign-in";
const SESSION_MAX_AGE_S = 12 * 60 * 60;

type RunLater = (task: () => Promise<void>) => void;

/**
 * Refreshes the user's SSO-sourced account grants after sign-in, never as part of it: sign-in reads
 * nothing from MANGOPAY, so it is as fast with every API account down as with all up. `runLater` is
 * Next's `after` (the task runs once the response is sent); a failure is logged and the grants stay.
 * The same sync runs on demand from the SSO settings page.
 */
function refreshSsoGrantsLater(userId: string, request: RequestMeta, runLater: RunLater): void {
  runLater(() =>
    syncSsoGrantsForUser(userId, request).then(
      () => undefined,
      (err: unknown) =>
        console.warn("[auth] SSO grant sync after sign-in failed", {
          error: err instanceof Error ? err.name : "unknown",
        }),
    ),
  );
}

/** The credentials check of the sign-in form: email + password (+ second factor), then the session user. */
export async function authorizeCredentials(credentials: unknown, request: RequestMeta, runLater: RunLater = after) {
  const result = await authenticate(credentials, request);
  // The message reaches the sign-in form as `error`: a code, plus the wait for rate limits.
  if (!result.ok) throw new Error(result.retryAfterS ? `${result.reason}:${result.retryAfterS}` : result.reason);
  refreshSsoGrantsLater(result.user.id, request, runLater);
  return { id: result.user.id, email: result.user.email, name: result.user.name, sv: result.user.sessionVersion };
}

function requestMeta(req: { headers?: Record<string, unknown> } | undefined): RequestMeta {
  const h = req?.headers ?? {};
  const get = (name: string) => (typeof h[name] === "string" ? (h[name] as string) : null);
  return { ip: requestIp(get), userAgent: get("user-agent")?.slice(0, 512) ?? null };
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: SIGN_IN_PATH, signOut: "/sign-out", error: SIGN_IN_PATH },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      authorize: (credentials, req) => authorizeCredentials(credentials, requestMeta(req)),
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
        // One id per sign-in: sign-out revokes it, and reissue tickets are bound to it.
        token.sid = randomUUID();
      }
      // Only a signed reissue ticket (see createReissueTicket) for this very session may move it to a new sv.
      if (trigger === "update" && token.sub && typeof token.sid === "string") {
        const ticket = (session as { reissue?: unknown } | undefined)?.reissue;
        const sv = typeof ticket === "string" ? readReissueTicket(ticket, token.sub, token.sid) : null;
        if (sv !== null) token.sv = sv;
      }
      return token;
    },
    async session({ session, token }) {
      return {
        ...session,
        userId: token.sub ?? "",
        sv: typeof token.sv === "number" ? token.sv : 0,
        sid: typeof token.sid === "string" ? token.sid : "",
      };
    },
  },
  events: {
    // Sign-out revokes the session server-side: a copied cookie stops working at once.
    async signOut({ token }) {
      if (typeof token?.sub !== "string" || typeof token.sid !== "string") return;
      const expiresAt = new Date(
        typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_S * 1000,
      );
      await revokeSession({ userId: token.sub, sid: token.sid, expiresAt });
    },
  },
};

const REISSUE_TTL_S = 120;

function reissueMac(payload: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`reissue:${payload}`).digest("base64url");
}

/**
 * After a password change bumps `sessionVersion`, the session that made the change gets this
 * short-lived ticket; posting it to next-auth's session update moves that one JWT to the new sv,
 * while every other session (which never sees the ticket) stays revoked.
 */
export function createReissueTicket(
  userId: string,
  sessionVersion: number,
  sessionId: string,
  nowMs = Date.now(),
): string {
  const payload = `${userId}.${sessionId}.${sessionVersion}.${Math.floor(nowMs / 1000) + REISSUE_TTL_S}`;
  return `${payload}.${reissueMac(payload)}`;
}

/** The new sv, only for the user AND the session the ticket was made for (a revoked session cannot use it). */
export function readReissueTicket(
  ticket: string,
  userId: string,
  sessionId: string,
  nowMs = Date.now(),
): number | null {
  const parts = ticket.split(".");
  if (parts.length !== 5) return null;
  const [id, sid, sv, exp, mac] = parts as [string, string, string, string, string];
  if (!safeEqual(mac, reissueMac(`${id}.${sid}.${sv}.${exp}`)) || id !== userId || sid !== sessionId) return null;
  if (Number(exp) * 1000 < nowMs || !/^\d+$/.test(sv)) return null;
  return Number(sv);
}

/** The signed-in user, re-checked against the database (deleted users and revoked sessions fail). */
export async function getSessionUser(): Promise<SessionUser | null> {
  await connection(); // per-request: never prerendered at build time
  env(); // fail loudly on a misconfigured environment before trusting any cookie
  const session = await currentSession();
  if (!session?.userId || !session.sid) return null;
  // One statement: a revoked session finds no user (a relation read would be a second, after it).
  const user = await db.user.findFirst({
    where: { id: session.userId, revokedSessions: { none: { sid: session.sid } } },
    select: {
      id: true,
      email: true,
      name: true,
      sessionVersion: true,
      timeZone: true, // read with the row the session check needs anyway: the shell needs no query for it
    },
  });
  if (!user || user.sessionVersion !== (session.sv ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, timeZone: user.timeZone };
}

/**
 * The session cookie's claims, decoded once per request by next-auth's own reader (its cookie name
 * and chunks, decryption and expiry check: the read proxy.ts makes), from the cookies alone. Not
 * `getServerSession`: it runs next-auth's whole session endpoint on each call (a new CSRF token and a
 * re-encrypted session cookie, which a server component cannot set anyway), about 1 ms per page.
 */
const currentSession = cache(async (): Promise<{ userId: string; sv: number; sid: string } | null> => {
  const jar = await cookies();
  // Cookies only, never an Authorization header (getToken would also accept a bearer token there).
  const req = { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} };
  const token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]["req"], secret: authSecret() });
  if (!token) return null;
  return {
    userId: token.sub ?? "",
    sv: typeof token.sv === "number" ? token.sv : 0,
    sid: typeof token.sid === "string" ? token.sid : "",
  };
});

/**
 * The user id the signed session cookie claims, NOT yet checked against the database (revocation,
 * password change): only for starting reads early that are used once `requireSession` confirms it.
 */
export async function sessionUserIdHint(): Promise<string | null> {
  try {
    return (await currentSession())?.userId || null;
  } catch {
    return null;
  }
}

/** The id of this request's session (signed in per sign-in), for binding reissue tickets. */
export async function currentSessionId(): Promise<string | null> {
  return (await currentSession())?.sid || null;
}

/** For pages: the user, or a redirect to sign-in that comes back to the current URL. */
export async function requireSession(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (user) return user;
  const h = await headers();
  const back = h.get("x-pathname") ?? "/hub";
  redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(back)}`);
}

/** For server actions and route handlers: the user, or an UnauthenticatedError. */
export async function requireActionSession(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}
