"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { useFormAction } from "@/components/use-form-action";
import { acceptInviteAction } from "./actions";

type Mode = "new-user" | "signed-in";

export function AcceptInviteForm({ token, email, mode }: { token: string; email: string; mode: Mode }) {
  const router = useRouter();
  const {
    state,
    onSubmit,
    pending,
    fieldErrors: errors,
  } = useFormAction(acceptInviteAction, async (_data, form) => {
    if (mode === "signed-in") {
      router.replace("/hub");
      return;
    }
    // Sign straight in with the password just typed; a second factor (or any refusal) finishes on sign-in.
    const password = form.get("password");
    const res = await signIn("credentials", {
      email,
      password: typeof password === "string" ? password : "",
      redirect: false,
    });
    router.replace(res && !res.error ? "/hub" : `/sign-in?callbackUrl=${encodeURIComponent("/hub")}`);
    router.refresh();
  });

  if (state?.ok) return <FormAlert tone="success">Welcome aboard! Signing you in…</FormAlert>;

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <div className="space-y-1.5">
        <Label htmlFor="invite-email">Email</Label>
        <Input id="invite-email" value={email} readOnly disabled />
      </div>
      {mode === "new-user" ? (
        <div className="space-y-1.5">
          <Label htmlFor="name">Your name</Label>
          <Input
            id="name"
            name="name"
            autoComplete="name"
            required
            maxLength={100}
            aria-invalid={Boolean(errors?.name)}
            aria-describedby="name-error"
          />
          <FieldError name="name" errors={errors} />
        </div>
      ) : null}
      {mode === "new-user" ? (
        <div className="space-y-1.5">
          <Label htmlFor="password">Choose a password</Label>
          <Input
            id="password"
            name="password"
            type="password"
            required
            autoComplete="new-password"
            aria-invalid={Boolean(errors?.password)}
            aria-describedby="password-error password-hint"
          />
          <p id="password-hint" className="text-xs text-slate-500">
            At least 12 characters.
          </p>
          <FieldError name="password" errors={errors} />
        </div>
      ) : null}
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : mode === "new-user" ? "Create account and join" : "Join the Hub"}
      </Button>
    </form>
  );
}
