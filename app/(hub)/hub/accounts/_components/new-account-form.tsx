"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { useFormAction } from "@/components/use-form-action";
import { createApiAccountAction } from "../actions";

type Props = { productionBlockedReason: string | null; defaultCustomUrl: string | null; allowCustomBaseUrls: boolean };

export function NewAccountForm({ productionBlockedReason, defaultCustomUrl, allowCustomBaseUrls }: Props) {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(createApiAccountAction, (data) =>
    router.push(`/hub?added=${encodeURIComponent(data.id)}`),
  );
  const [environment, setEnvironment] = useState<"SANDBOX" | "PRODUCTION">("SANDBOX");
  const [choice, setChoice] = useState<"SANDBOX" | "PRODUCTION" | "CUSTOM">(
    defaultCustomUrl && allowCustomBaseUrls ? "CUSTOM" : "SANDBOX",
  );
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const isProd = environment === "PRODUCTION";

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Environment</legend>
        <div className="flex flex-wrap gap-3">
          <label className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-checked:border-amber-500 has-checked:bg-amber-50">
            <input
              type="radio"
              name="environment"
              value="SANDBOX"
              checked={!isProd}
              onChange={() => {
                setEnvironment("SANDBOX");
                if (choice === "PRODUCTION") setChoice("SANDBOX");
              }}
            />
            Sandbox
          </label>
          <label
            className={`flex items-center gap-2 rounded-md border px-3 py-2 text-sm ${productionBlockedReason ? "cursor-not-allowed border-slate-200 text-slate-400" : "border-slate-300 has-checked:border-production has-checked:bg-production-50 has-checked:text-production"}`}
          >
            <input
              type="radio"
              name="environment"
              value="PRODUCTION"
              checked={isProd}
              disabled={Boolean(productionBlockedReason)}
              aria-describedby="production-hint"
              onChange={() => {
                setEnvironment("PRODUCTION");
                if (choice === "SANDBOX") setChoice("PRODUCTION");
              }}
            />
            <span className="font-semibold">Production</span>
          </label>
        </div>
        {productionBlockedReason ? (
          <p id="production-hint" className="text-xs text-slate-500">
            {productionBlockedReason}
          </p>
        ) : null}
      </fieldset>

      {isProd ? (
        <FormAlert tone="error" className="border-production bg-production-50">
          <strong>Production account.</strong> Real money moves through this account. Every action is recorded in the
          security history.
        </FormAlert>
      ) : null}

      <div className="space-y-1.5">
        <Label htmlFor="name">Name</Label>
        <Input
          id="name"
          name="name"
          required
          maxLength={80}
          placeholder="e.g. Marketplace EU"
          aria-invalid={Boolean(errors?.name)}
          aria-describedby="name-error"
        />
        <FieldError name="name" errors={errors} />
      </div>

      <div className="space-y-1.5">
        <Label htmlFor="clientId">ClientId</Label>
        <Input
          id="clientId"
          name="clientId"
          required
          autoComplete="off"
          className="font-mono"
          aria-invalid={Boolean(errors?.clientId)}
          aria-describedby="clientId-error"
        />
        <FieldError name="clientId" errors={errors} />
      </div>

      <div className="space-y-1.5">
        <Label htmlFor="apiKey">API key</Label>
        <Input
          id="apiKey"
          name="apiKey"
          type="password"
          required
          autoComplete="off"
          aria-invalid={Boolean(errors?.apiKey)}
          aria-describedby="apiKey-error apiKey-hint"
        />
        <p id="apiKey-hint" className="text-xs text-slate-500">
          Checked with MANGOPAY before saving, then stored encrypted. Only its last four characters are ever shown.
        </p>
        <FieldError name="apiKey" errors={errors} />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Base URL</legend>
        {(
          [
            { value: "SANDBOX", label: "MANGOPAY sandbox", url: "https://api.sandbox.mangopay.com", hidden: isProd },
            { value: "PRODUCTION", label: "MANGOPAY production", url: "https://api.mangopay.com", hidden: !isProd },
            { value: "CUSTOM", label: "Custom URL (emulator, proxy)", url: null, hidden: !allowCustomBaseUrls },
          ] as const
        )
          .filter((o) => !o.hidden)
          .map((o) => (
            <label key={o.value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="baseUrlChoice"
                value={o.value}
                checked={choice === o.value}
                onChange={() => setChoice(o.value)}
              />
              {o.label}
              {o.url ? <span className="font-mono text-xs text-slate-500">{o.url}</span> : null}
            </label>
          ))}
        {choice === "CUSTOM" ? (
          <div className="space-y-1.5 pl-6">
            <Label htmlFor="customBaseUrl" className="sr-only">
              Custom base URL
            </Label>
            <Input
              id="customBaseUrl"
              name="customBaseUrl"
              type="url"
              defaultValue={defaultCustomUrl ?? ""}
              placeholder="http://127.0.0.1:4010"
              className="font-mono"
              aria-invalid={Boolean(errors?.customBaseUrl)}
              aria-describedby="customBaseUrl-error"
            />
            <FieldError name="customBaseUrl" errors={errors} />
          </div>
        ) : null}
        <FieldError name="baseUrlChoice" errors={errors} />
      </fieldset>

      {isProd ? (
        <div className="space-y-1.5">
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="confirmLegalRegistration"
              className="mt-1"
              aria-describedby="confirmLegalRegistration-error"
            />
            <span>
              I confirm that this production account belongs to our company and that the company is legally registered
              as MANGOPAY&apos;s client.
            </span>
          </label>
          <FieldError name="confirmLegalRegistration" errors={errors} />
        </div>
      ) : null}

      <div className="flex gap-3">
        <Button type="submit" disabled={pending} variant={isProd ? "danger" : "primary"}>
          {pending ? "Checking the key with MANGOPAY…" : isProd ? "Add production account" : "Add sandbox account"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/hub")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
