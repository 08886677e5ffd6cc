"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { confirmTotpEnrollmentAction, startTotpEnrollmentAction } from "../actions";
import { RecoveryCodes } from "./recovery-codes";
import { reissueSession } from "./reissue-session";

/**
 * Enrollment: create a pending secret (QR code + the secret in text), confirm with a current code,
 * then show the recovery codes once. `doneHref` navigates afterwards; otherwise the page refreshes.
 */
function Status({ on }: { on: boolean }) {
  return (
    <p className="text-sm">
      Status:{" "}
      <span
        data-testid="two-factor-status"
        className={
          on
            ? "rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-800"
            : "rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700"
        }
      >
        {on ? "On" : "Off"}
      </span>
    </p>
  );
}

export function TwoFactorSetup({ doneHref, showStatus = false }: { doneHref?: string; showStatus?: boolean }) {
  const router = useRouter();
  const [started, startAction, starting] = useActionState(startTotpEnrollmentAction, null);
  // Turning 2FA on ends every other session (a stolen one included); this one continues.
  const {
    state: confirmed,
    onSubmit: onConfirm,
    pending: confirming,
    fieldErrors,
  } = useFormAction(confirmTotpEnrollmentAction, ({ reissueTicket }) =>
    reissueSession(reissueTicket).then(() => undefined),
  );

  if (confirmed?.ok) {
    return (
      <div className="space-y-3">
        {showStatus ? <Status on /> : null}
        <p role="status" className="text-sm font-medium text-green-800">
          Two-factor authentication is on.
        </p>
        <RecoveryCodes
          codes={confirmed.data.recoveryCodes}
          doneLabel="Continue"
          onDone={() => (doneHref ? window.location.assign(doneHref) : router.refresh())}
        />
      </div>
    );
  }

  if (!started?.ok) {
    const startPasswordError = started && !started.ok ? started.fieldErrors?.currentPassword?.[0] : undefined;
    return (
      <form action={startAction} className="space-y-3">
        {showStatus ? <Status on={false} /> : null}
        <p className="text-sm text-slate-600">
          Use an authenticator app (Google Authenticator, 1Password, Authy, …) to get a 6-digit code at each sign-in.
        </p>
        <div className="space-y-1.5">
          <Label htmlFor="totp-current-password">Confirm with your password</Label>
          <Input
            id="totp-current-password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            className="max-w-xs"
            aria-invalid={startPasswordError ? true : undefined}
            aria-describedby={startPasswordError ? "totp-current-password-error" : undefined}
            required
          />
          <FieldError
            id="totp-current-password-error"
            name="currentPassword"
            errors={started && !started.ok ? started.fieldErrors : undefined}
          />
        </div>
        {started && !started.ok && !startPasswordError ? <FormAlert>{started.error}</FormAlert> : null}
        <Button type="submit" disabled={starting}>
          {starting ? "Preparing…" : "Set up two-factor authentication"}
        </Button>
      </form>
    );
  }

  const { secret, qrDataUrl } = started.data;
  const codeError = fieldErrors?.code?.[0];
  return (
    <div className="space-y-4 @container">
      {showStatus ? <Status on={false} /> : null}
      <div className="grid gap-6 @lg:grid-cols-[auto_1fr]">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server */}
        <img
          src={qrDataUrl}
          width={208}
          height={208}
          alt="QR code to scan with your authenticator app"
          className="rounded-md border"
        />
        <div className="space-y-4">
          <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
            <li>Scan the QR code with your authenticator app.</li>
            <li>
              Or enter this key by hand:{" "}
              <code
                data-testid="totp-secret"
                className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm break-all select-all"
              >
                {secret.replace(/(.{4})/g, "$1 ").trim()}
              </code>
            </li>
            <li>Type the 6-digit code the app shows.</li>
          </ol>
          <form onSubmit={onConfirm} className="space-y-3" noValidate>
            <div className="space-y-1.5">
              <Label htmlFor="totp-code">6-digit code</Label>
              <Input
                id="totp-code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                className="w-40 font-mono tracking-widest"
                aria-invalid={codeError ? true : undefined}
                aria-describedby={codeError ? "totp-code-error" : undefined}
                required
                autoFocus
              />
              <FieldError id="totp-code-error" name="code" errors={fieldErrors} />
            </div>
            {confirmed && !confirmed.ok && !codeError ? <FormAlert>{confirmed.error}</FormAlert> : null}
            <Button type="submit" disabled={confirming}>
              {confirming ? "Checking…" : "Turn on two-factor authentication"}
            </Button>
          </form>
        </div>
      </div>
    </div>
  );
}
