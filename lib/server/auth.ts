import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { authenticate } from "@/lib/services/auth/authenticate";
import { db } from "./db";
import { env } from "./env";
import { UnauthenticatedError } from "./errors";

export const SIGN_IN_PATH = "/sign-in";
const SESSION_MAX_AGE_S = 12 * 60 * 60;

function requestMeta(req: { headers?: Record<string, unknown> } | undefined) {
  const h = req?.headers ?? {};
  const fwd = typeof h["x-forwarded-for"] === "string" ? h["x-forwarded-for"] : undefined;
  const ua = typeof h["user-agent"] === "string" ? h["user-agent"] : undefined;
  return { ip: fwd?.split(",")[0]?.trim() ?? null, userAgent: ua ?? null };
}

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: SIGN_IN_PATH, signOut: "/sign-out", error: SIGN_IN_PATH },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticate(credentials, requestMeta(req));
        if (!result.ok) throw new Error(result.reason === "locked" ? "locked" : "invalid");
        return { id: result.user.id, email: result.user.email, name: result.user.name, sv: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub ?? "", sv: typeof token.sv === "number" ? token.sv : 0 };
    },
  },
};

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in user, re-checked against the database (deleted users and revoked sessions fail). */
export async function getSessionUser(): Promise<SessionUser | null> {
  await connection(); // per-request: never prerendered at build time
  env(); // fail loudly on a misconfigured environment before trusting any cookie
  const session = (await getServerSession(authOptions)) as { userId?: string; sv?: number } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== (session.sv ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name };
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
