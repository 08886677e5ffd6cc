"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { useFormAction } from "@/components/use-form-action";
import { createFirstHubAction } from "./actions";

const FIELDS = [
  { name: "hubName", label: "Hub name", hint: "Your company or platform", type: "text", autoComplete: "organization" },
  { name: "name", label: "Your name", type: "text", autoComplete: "name" },
  { name: "email", label: "Your email", type: "email", autoComplete: "email" },
  {
    name: "password",
    label: "Choose a password",
    hint: "At least 12 characters.",
    type: "password",
    autoComplete: "new-password",
  },
] as const;

export function SetupForm() {
  const router = useRouter();
  const {
    state,
    onSubmit,
    pending,
    fieldErrors: errors,
  } = useFormAction(createFirstHubAction, async (data, form) => {
    // Sign the new Owner straight in and offer two-factor enrolment before anything else.
    const password = form.get("password");
    const res = await signIn("credentials", {
      email: data.email,
      password: typeof password === "string" ? password : "",
      redirect: false,
    });
    router.replace(res && !res.error ? "/two-factor/setup?welcome=1" : "/sign-in");
    router.refresh();
  });

  if (state?.ok) return <FormAlert tone="success">Your Hub is ready. Signing you in…</FormAlert>;

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="space-y-1.5">
        <Label htmlFor="setupToken">Setup token</Label>
        <Input
          id="setupToken"
          name="setupToken"
          autoComplete="off"
          spellCheck={false}
          required
          aria-invalid={Boolean(errors?.setupToken)}
          aria-describedby="setupToken-error setupToken-hint"
        />
        <p id="setupToken-hint" className="text-xs text-slate-500">
          Printed in the server log when it started, or the SETUP_TOKEN you configured.
        </p>
        <FieldError name="setupToken" errors={errors} />
      </div>
      {FIELDS.map((f) => (
        <div key={f.name} className="space-y-1.5">
          <Label htmlFor={f.name}>{f.label}</Label>
          <Input
            id={f.name}
            name={f.name}
            type={f.type}
            autoComplete={f.autoComplete}
            required
            aria-invalid={Boolean(errors?.[f.name])}
            aria-describedby={`${f.name}-error`}
          />
          {"hint" in f ? <p className="text-xs text-slate-500">{f.hint}</p> : null}
          <FieldError name={f.name} errors={errors} />
        </div>
      ))}
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create the Hub"}
      </Button>
    </form>
  );
}
