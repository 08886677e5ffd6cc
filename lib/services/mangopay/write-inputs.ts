// Input pieces shared by the dashboard's write forms (users, bank accounts, UBOs…). Pure (no
// server-only) so client forms can import the field names. FormData sends strings: every schema
// here accepts the strings a form posts and refuses anything else with a field message.
import { z } from "zod";
import { ValidationError } from "@/lib/server/errors";
import { MangopayId } from "./inputs";

export const AccountIdField = z.string().min(1).max(64);
export const UpstreamIdField = MangopayId;

/** An optional text: empty → undefined. */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const RequiredText = (label: string, max: number) =>
  z.string().trim().min(1, `Enter the ${label}`).max(max, `At most ${max} characters`);

/** ISO 3166-1 alpha-2, as MANGOPAY's CountryIso. */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Pick a country (two-letter ISO code)");

/** An optional country: empty → undefined; anything else must be a two-letter code (`message` otherwise). */
export const optionalCountry = (message: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^[A-Z]{2}$/, message)
        .optional(),
    );

export const OptionalCountry = optionalCountry("Pick a country (two-letter ISO code)");

/** A checkbox: "on"/"true"/true when ticked, absent/"false"/false otherwise. */
export const Checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/**
 * A calendar date typed as YYYY-MM-DD, in the past. Schemas here keep form values as strings, so an
 * action's parsed input parses again unchanged in its service; bodies convert with `unixSecondsOf`.
 */
export const PastDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s && t < Date.now() && s >= "1900-01-01";
  }, "Enter a real date in the past");

/** YYYY-MM-DD → MANGOPAY's Unix seconds at UTC midnight (how MANGOPAY stores birthdays). */
export function unixSecondsOf(date: string): number;
export function unixSecondsOf(date: string | undefined): number | undefined;
export function unixSecondsOf(date: string | undefined): number | undefined {
  return date === undefined ? undefined : Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000);
}

export const OptionalPastDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(PastDate.optional());

/** MANGOPAY's Address object, read from flat form fields sharing one prefix (`hqCity`, `city`…). */
export type AddressFields = {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
};

export type MangopayAddress = {
  AddressLine1: string;
  AddressLine2?: string;
  City: string;
  Region?: string;
  PostalCode: string;
  Country: string;
};

export const AddressShape = {
  line1: OptionalText(255),
  line2: OptionalText(255),
  city: OptionalText(255),
  region: OptionalText(255),
  postalCode: OptionalText(20),
  country: OptionalCountry,
};

/** The address if any part is given; its missing required parts as field errors under `prefix`. */
export function addressOf(
  a: AddressFields,
  required: boolean,
  issue: (field: keyof AddressFields, message: string) => void,
): MangopayAddress | undefined {
  const any = Boolean(a.line1 || a.line2 || a.city || a.region || a.postalCode || a.country);
  if (!any && !required) return undefined;
  if (!a.line1) issue("line1", "Enter the street address");
  if (!a.city) issue("city", "Enter the city");
  if (!a.postalCode) issue("postalCode", "Enter the postal code");
  if (!a.country) issue("country", "Pick the country");
  if (a.country && ["US", "CA", "MX"].includes(a.country) && !a.region)
    issue("region", "Enter the state or province (required for this country)");
  if (!a.line1 || !a.city || !a.postalCode || !a.country) return undefined;
  return {
    AddressLine1: a.line1,
    AddressLine2: a.line2,
    City: a.city,
    Region: a.region,
    PostalCode: a.postalCode,
    Country: a.country,
  };
}

/**
 * MANGOPAY answers a refused field under its own name (`LegalRepresentativeEmail`,
 * `OwnerAddress.Country`); forms show errors under theirs. Rewrites a ValidationError's field keys
 * with `names` (a prefix match covers nested names) and keeps unknown keys as they are.
 */
export function renameFieldErrors(err: unknown, names: Record<string, string>): unknown {
  if (!(err instanceof ValidationError)) return err;
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(err.fieldErrors)) {
    const target = names[key] ?? names[key.split(".")[0] ?? key] ?? key;
    out[target] = [...(out[target] ?? []), ...messages];
  }
  return new ValidationError(err.message, out);
}

/** Runs a MANGOPAY write and renames the field errors it may answer with. */
export async function withFormFieldNames<T>(names: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw renameFieldErrors(err, names);
  }
}
