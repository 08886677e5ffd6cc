"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { signInErrorMessage } from "./sign-in-messages";

type Step = { kind: "password" } | { kind: "code"; email: string; password: string; useRecovery: boolean };

/**
 * Two steps inside one next-auth credentials flow: email + password first; when the account has
 * 2FA the server answers `totp_required` and the form asks for a code, then signs in again with it.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [step, setStep] = useState<Step>({ kind: "password" });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function attempt(credentials: { email: string; password: string; code?: string }): Promise<string | null> {
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { ...credentials, redirect: false });
    if (res && !res.error && res.ok !== false) {
      window.location.assign(safeCallbackPath(callbackUrl));
      return null;
    }
    setPending(false);
    return res?.error ?? "unknown";
  }

  async function onPassword(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const err = await attempt({ email, password });
    if (err === null) return;
    const parsed = signInErrorMessage(err);
    if (parsed.reason === "totp_required") {
      setStep({ kind: "code", email, password, useRecovery: false });
      return;
    }
    setError(parsed.message);
  }

  async function onCode(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.kind !== "code") return;
    const form = event.currentTarget;
    const code = String(new FormData(form).get("code") ?? "").trim();
    if (!code) {
      setError(step.useRecovery ? "Enter one of your recovery codes." : "Enter the 6-digit code.");
      return;
    }
    const err = await attempt({ email: step.email, password: step.password, code });
    if (err === null) return;
    const parsed = signInErrorMessage(err);
    if (parsed.reason === "locked" || parsed.reason === "rate_limited" || parsed.reason === "invalid") {
      setStep({ kind: "password" });
    }
    setError(
      parsed.reason === "totp_invalid" && step.useRecovery
        ? "That recovery code is not valid or was already used."
        : parsed.message,
    );
    const input = form.elements.namedItem("code");
    if (input instanceof HTMLInputElement) input.select();
  }

  const errorBox = error ? (
    <p data-testid="sign-in-error" role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {error}
    </p>
  ) : null;

  if (step.kind === "code") {
    const recovery = step.useRecovery;
    return (
      <form onSubmit={onCode} className="space-y-4" noValidate aria-label="Two-factor authentication">
        <p className="text-sm text-slate-700">
          {recovery
            ? "Enter one of the recovery codes you saved when you turned on two-factor authentication. Each code works once."
            : "Your account is protected with two-factor authentication. Enter the 6-digit code from your authenticator app."}
        </p>
        <div className="space-y-1.5">
          <Label htmlFor="code">{recovery ? "Recovery code" : "Authentication code"}</Label>
          <Input
            key={recovery ? "recovery" : "totp"}
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode={recovery ? "text" : "numeric"}
            pattern={recovery ? undefined : "[0-9]*"}
            maxLength={recovery ? 32 : 6}
            placeholder={recovery ? "xxxxx-xxxxx" : "123456"}
            className="font-mono tracking-widest"
            required
            autoFocus
          />
        </div>
        {errorBox}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Verifying…" : "Verify and sign in"}
        </Button>
        <div className="flex justify-between text-sm">
          <button
            type="button"
            className="text-slate-600 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
            onClick={() => {
              setError(null);
              setStep({ ...step, useRecovery: !recovery });
            }}
          >
            {recovery ? "Use your authenticator app" : "Use a recovery code"}
          </button>
          <button
            type="button"
            className="text-slate-600 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
            onClick={() => {
              setError(null);
              setStep({ kind: "password" });
            }}
          >
            Start over
          </button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={onPassword} className="space-y-4" noValidate>
      <div className="space-y-1.5">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {errorBox}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
