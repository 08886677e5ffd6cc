"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { changePasswordAction } from "../actions";
import { reissueSession } from "./reissue-session";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password", hint: "At least 12 characters." },
  { name: "confirmPassword", label: "Repeat the new password", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const [done, setDone] = useState<"kept" | null>(null);
  const router = useRouter();
  const { state, onSubmit, pending, fieldErrors } = useFormAction(changePasswordAction, async ({ reissueTicket }) => {
    if (await reissueSession(reissueTicket)) setDone("kept");
    else router.replace("/sign-in?callbackUrl=%2Fhub%2Fprofile");
  });

  return (
    <form
      onSubmit={(e) => {
        setDone(null);
        onSubmit(e);
      }}
      className="max-w-md space-y-4"
      noValidate
    >
      {FIELDS.map((f) => {
        const error = fieldErrors?.[f.name]?.[0];
        const hintId = `${f.name}-hint`;
        return (
          <div key={f.name} className="space-y-1.5">
            <Label htmlFor={f.name}>{f.label}</Label>
            <Input
              id={f.name}
              name={f.name}
              type="password"
              autoComplete={f.autoComplete}
              aria-invalid={error ? true : undefined}
              aria-describedby={
                [error ? `${f.name}-error` : null, "hint" in f ? hintId : null].filter(Boolean).join(" ") || undefined
              }
              required
            />
            {"hint" in f ? (
              <p id={hintId} className="text-xs text-slate-500">
                {f.hint}
              </p>
            ) : null}
            <FieldError name={f.name} errors={fieldErrors} />
          </div>
        );
      })}
      {/* The success callback runs before the action's result replaces the previous one: once the
          password is changed, the earlier submit's error must not show beside the confirmation. */}
      {state && !state.ok && done !== "kept" ? (
        <FormAlert data-testid="change-password-status">{state.error}</FormAlert>
      ) : null}
      {done === "kept" ? (
        <p
          role="status"
          data-testid="change-password-status"
          className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          Password changed. Your other sessions were signed out; this one stays signed in.
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
