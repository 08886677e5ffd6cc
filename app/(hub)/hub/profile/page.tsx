import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { getHubContext } from "@/lib/server/context";
import { getSecurityProfile } from "@/lib/services/auth/get-security-profile";
import { getMemberTimeZone } from "@/lib/services/auth/time-zone";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SignOutEverywhere } from "./_components/sign-out-everywhere";
import { TimeZoneForm } from "./_components/time-zone-form";
import { DisableTwoFactor, RegenerateRecoveryCodes } from "./_components/two-factor-manage";
import { TwoFactorSetup } from "./_components/two-factor-setup";

export const metadata: Metadata = { title: "Profile" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <Card className="p-6">
      <section aria-labelledby={id} className="space-y-4">
        <div>
          <h2 id={id} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? <p className="text-sm text-slate-600">{description}</p> : null}
        </div>
        {children}
      </section>
    </Card>
  );
}

export default async function ProfilePage() {
  const ctx = await getHubContext();
  const [profile, timeZone] = await Promise.all([getSecurityProfile({ ctx }), getMemberTimeZone(ctx.actor.id)]);
  const totpOn = profile.totpEnabledAt !== null;

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Profile</h1>
        <p className="text-sm text-slate-600">Your account and how it is protected.</p>
      </div>

      <Section id="account-heading" title="Account">
        <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-500">Name</dt>
          <dd>{profile.name}</dd>
          <dt className="text-slate-500">Email</dt>
          <dd>{profile.email}</dd>
          <dt className="text-slate-500">Last sign-in</dt>
          <dd>{profile.lastSignInAt ? `${dateTime.format(new Date(profile.lastSignInAt))} UTC` : "—"}</dd>
        </dl>
      </Section>

      <Section
        id="time-zone-heading"
        title="Dates and times"
        description="The time zone dashboard dates are shown in. The UTC value appears when you hover a date."
      >
        <TimeZoneForm current={timeZone} zones={Intl.supportedValuesOf("timeZone")} />
      </Section>

      <Section
        id="two-factor-heading"
        title="Two-factor authentication"
        description="A code from an app on your phone, asked at every sign-in after your password."
      >
        {totpOn ? (
          <p className="text-sm">
            Status:{" "}
            <span
              data-testid="two-factor-status"
              className="rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-800"
            >
              On
            </span>
            {profile.totpEnabledAt ? (
              <span className="ml-2 text-slate-500">since {dateTime.format(new Date(profile.totpEnabledAt))} UTC</span>
            ) : null}
          </p>
        ) : null}
        {totpOn ? (
          <div className="space-y-6">
            <div className="space-y-2">
              <h3 className="text-sm font-semibold">Recovery codes</h3>
              <p className="text-sm text-slate-600">
                {profile.recoveryCodesLeft} of 10 unused.{" "}
                {profile.recoveryCodesLeft <= 3
                  ? "Running low: generate new ones below (the old ones then stop working)."
                  : ""}
              </p>
              <RegenerateRecoveryCodes />
            </div>
            <DisableTwoFactor blockedBy={profile.requiredBy} />
          </div>
        ) : (
          <TwoFactorSetup showStatus />
        )}
      </Section>

      <Section
        id="password-heading"
        title="Password"
        description="Changing your password signs out your other sessions. This one stays signed in."
      >
        <ChangePasswordForm />
      </Section>

      <Section
        id="sessions-heading"
        title="Sessions"
        description="Lost a device or signed in on a shared computer? End every session of your account."
      >
        <SignOutEverywhere />
      </Section>
    </div>
  );
}
