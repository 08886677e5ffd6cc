"use client";

import { useId } from "react";
import { FieldError } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { cn } from "@/lib/cn";

type Errors = Record<string, string[]> | undefined;

/** A labelled input with its field error (from zod or MANGOPAY), linked for screen readers. */
export function TextField({
  name,
  label,
  errors,
  className,
  ...props
}: { name: string; label: string; errors: Errors } & React.ComponentProps<"input">) {
  const id = useId();
  const invalid = Boolean(errors?.[name]?.length);
  return (
    <div className={cn("space-y-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        {...props}
      />
      <FieldError id={`${id}-error`} name={name} errors={errors} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  errors,
  options,
  className,
  ...props
}: {
  name: string;
  label: string;
  errors: Errors;
  options: readonly (readonly [value: string, label: string])[];
} & React.SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const invalid = Boolean(errors?.[name]?.length);
  return (
    <div className={cn("space-y-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        {...props}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </NativeSelect>
      <FieldError id={`${id}-error`} name={name} errors={errors} />
    </div>
  );
}

/** Street, city, postal code, region and country, named `<prefix>Line1`… (or `line1`… without prefix). */
export function AddressFields({
  prefix = "",
  legend,
  errors,
  required,
  defaults,
}: {
  prefix?: string;
  legend: string;
  errors: Errors;
  required?: boolean;
  /** Starting values (an edit form), by unprefixed part name. */
  defaults?: Partial<Record<"line1" | "line2" | "city" | "region" | "postalCode" | "country", string | null>>;
}) {
  const n = (part: string) => (prefix ? `${prefix}${part.charAt(0).toUpperCase()}${part.slice(1)}` : part);
  const d = (part: keyof NonNullable<typeof defaults>) => defaults?.[part] ?? undefined;
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-1 text-sm font-medium text-slate-700">
        {legend}
        {required ? "" : " (optional)"}
      </legend>
      <TextField
        name={n("line1")}
        label="Street address"
        defaultValue={d("line1")}
        errors={errors}
        maxLength={255}
        className="sm:col-span-2"
      />
      <TextField
        name={n("line2")}
        label="Address line 2 (optional)"
        defaultValue={d("line2")}
        errors={errors}
        maxLength={255}
        className="sm:col-span-2"
      />
      <TextField name={n("city")} label="City" defaultValue={d("city")} errors={errors} maxLength={255} />
      <TextField
        name={n("postalCode")}
        label="Postal code"
        defaultValue={d("postalCode")}
        errors={errors}
        maxLength={20}
      />
      <TextField
        name={n("region")}
        label="Region or state"
        defaultValue={d("region")}
        errors={errors}
        maxLength={255}
      />
      <TextField
        name={n("country")}
        label="Country (ISO code, e.g. FR)"
        defaultValue={d("country")}
        errors={errors}
        maxLength={2}
      />
    </fieldset>
  );
}

/** A file input's pages as base64, checked before upload with MANGOPAY's rules (lib/document-files.ts). */
export async function readFileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
