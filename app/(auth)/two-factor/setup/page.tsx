import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { TwoFactorSetup } from "@/app/(hub)/hub/profile/_components/two-factor-setup";
import { requireSession } from "@/lib/server/auth";
import { getSecurityProfile } from "@/lib/services/auth/get-security-profile";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

/**
 * Where getHubContext() sends members of a Hub that requires 2FA until they enroll. Outside the
 * Hub layout on purpose: that layout is what redirects here.
 */
export default async function TwoFactorSetupPage() {
  const actor = await requireSession();
  const profile = await getSecurityProfile({ ctx: { actor } });

  return (
    <Card className="p-6">
      <h1 className="mb-1 text-xl font-semibold">Two-factor authentication</h1>
      {profile.totpEnabledAt ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">Two-factor authentication is on for {profile.email}.</p>
          <Link href="/hub" className="text-sm font-medium text-blue-700 underline-offset-2 hover:underline">
            Continue to the Hub
          </Link>
        </div>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            {profile.requiredBy.length > 0
              ? `${profile.requiredBy.join(", ")} requires two-factor authentication for every member. Set it up to continue.`
              : "Protect your account with a code from your phone."}
          </p>
          <TwoFactorSetup doneHref="/hub" />
          {profile.requiredBy.length === 0 ? (
            <Link href="/hub" className="block text-sm text-slate-600 underline-offset-2 hover:underline">
              Skip for now (you can turn it on later from your profile)
            </Link>
          ) : null}
          <p className="border-t border-slate-200 pt-3 text-xs text-slate-500">
            Signed in as {profile.email}.{" "}
            <Link href="/sign-out" className="underline">
              Sign out
            </Link>
          </p>
        </div>
      )}
    </Card>
  );
}
