import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/lib/server/auth";
import { ROLE_LABELS } from "@/lib/server/permissions";
import { getInviteByToken } from "@/lib/services/invites/get-by-token";
import { AcceptInviteForm } from "./accept-form";

export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, user] = await Promise.all([getInviteByToken({ token }), getSessionUser()]);
  if (!invite) {
    return (
      <Card className="space-y-3 p-6">
        <h1 className="text-lg font-semibold">Invitation not valid</h1>
        <p className="text-sm text-slate-600">
          This link is invalid, already used, revoked or expired. Ask the person who invited you to send a new one.
        </p>
        <Link href="/sign-in" className="text-sm text-blue-700 underline">
          Go to sign-in
        </Link>
      </Card>
    );
  }
  const signedInAsOther = user && user.email !== invite.email;
  // The page looks the same whether or not the invited email has an account.
  const signedInAsInvited = Boolean(user && !signedInAsOther);
  return (
    <Card className="space-y-4 p-6">
      <div>
        <h1 className="text-lg font-semibold">Join {invite.hubName}</h1>
        <p className="text-sm text-slate-600">
          You are invited as <strong>{ROLE_LABELS[invite.role]}</strong>.
        </p>
      </div>
      {signedInAsOther ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          You are signed in as {user.email}, but this invitation is for {invite.email}.{" "}
          <Link href="/sign-out" className="underline">
            Sign out
          </Link>{" "}
          first.
        </p>
      ) : signedInAsInvited ? (
        <AcceptInviteForm token={token} email={invite.email} mode="signed-in" />
      ) : (
        <>
          <p className="text-sm text-slate-600">
            Already have an account with {invite.email}?{" "}
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
              className="text-blue-700 underline"
            >
              Sign in first
            </Link>
            , then accept here. New to the dashboard? Create your account below.
          </p>
          <AcceptInviteForm token={token} email={invite.email} mode="new-user" />
        </>
      )}
    </Card>
  );
}
