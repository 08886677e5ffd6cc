"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { disableTotpAction, regenerateRecoveryCodesAction } from "../actions";
import { reissueSession } from "./reissue-session";
import { RecoveryCodes } from "./recovery-codes";

function CodeField({ id, errors, label }: { id: string; errors?: Record<string, string[]>; label: string }) {
  const error = errors?.code?.[0];
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name="code"
        autoComplete="one-time-code"
        className="w-48 font-mono tracking-widest"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        required
      />
      <FieldError id={`${id}-error`} name="code" errors={errors} />
    </div>
  );
}

export function RegenerateRecoveryCodes() {
  const router = useRouter();
  const [dismissed, setDismissed] = useState(false);
  const { state, onSubmit, pending, fieldErrors } = useFormAction(regenerateRecoveryCodesAction, () =>
    setDismissed(false),
  );
  if (state?.ok && !dismissed) {
    return (
      <RecoveryCodes
        codes={state.data.recoveryCodes}
        doneLabel="Done"
        onDone={() => {
          setDismissed(true);
          router.refresh();
        }}
      />
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <CodeField id="regenerate-code" label="Current 6-digit code" errors={fieldErrors} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Generating…" : "New recovery codes"}
      </Button>
      {state && !state.ok && !fieldErrors?.code ? <FormAlert className="w-full">{state.error}</FormAlert> : null}
    </form>
  );
}

export function DisableTwoFactor({ blockedBy }: { blockedBy: string[] }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const { state, onSubmit, pending, fieldErrors } = useFormAction(disableTotpAction, async ({ reissueTicket }) => {
    // Turning 2FA off ended every other session; this one continues (or signs in again).
    if (!(await reissueSession(reissueTicket))) router.replace("/sign-in?callbackUrl=%2Fhub%2Fprofile");
    else router.refresh();
    setOpen(false);
  });

  if (blockedBy.length > 0) {
    return (
      <p className="text-sm text-slate-600">
        {blockedBy.join(", ")} {blockedBy.length === 1 ? "requires" : "require"} two-factor authentication, so it cannot
        be turned off.
      </p>
    );
  }
  const passwordError = fieldErrors?.password?.[0];
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">Turn off two-factor authentication</Button>
      </DialogTrigger>
      <DialogContent
        title="Turn off two-factor authentication?"
        description="Your account will be protected by your password only. Confirm with your current password and a code from your app (or a recovery code)."
      >
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <div className="space-y-1.5">
            <Label htmlFor="disable-password">Current password</Label>
            <Input
              id="disable-password"
              name="password"
              type="password"
              autoComplete="current-password"
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? "disable-password-error" : undefined}
              required
            />
            <FieldError id="disable-password-error" name="password" errors={fieldErrors} />
          </div>
          <CodeField id="disable-code" label="Code from your app or a recovery code" errors={fieldErrors} />
          {state && !state.ok && !passwordError && !fieldErrors?.code ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Turn off" pendingLabel="Turning off…" danger />
        </form>
      </DialogContent>
    </Dialog>
  );
}
