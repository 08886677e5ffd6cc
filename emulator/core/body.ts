// Request-body reading with MANGOPAY-style field messages collected into `errors` (docs/mangopay-api.md §2.5).
import { paramError, type FieldErrors } from "./errors";
import type { Address, Money } from "../store/types";

export const CURRENCIES = [
  "AED",
  "AUD",
  "CAD",
  "CHF",
  "CZK",
  "DKK",
  "EUR",
  "GBP",
  "HKD",
  "JPY",
  "NOK",
  "PLN",
  "SEK",
  "USD",
  "ZAR",
] as const;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const COUNTRY = /^[A-Z]{2}$/;

interface Req {
  required?: boolean;
}

export class BodyReader {
  readonly errors: FieldErrors = {};

  constructor(readonly body: Record<string, unknown>) {}

  has(field: string): boolean {
    return this.body[field] !== undefined;
  }

  fail(field: string, message: string): void {
    if (!this.errors[field]) this.errors[field] = message;
  }

  private missing(field: string, opts: Req): null {
    if (opts.required) this.fail(field, `The ${field} field is required.`);
    return null;
  }

  string(field: string, opts: Req & { max?: number } = {}): string | null {
    const v = this.body[field];
    if (v === undefined || v === null || v === "") return this.missing(field, opts);
    if (typeof v !== "string") {
      this.fail(field, `The field ${field} must be a string.`);
      return null;
    }
    const max = opts.max ?? 255;
    if (v.length > max) this.fail(field, `The field ${field} must be a string with a maximum length of ${max}.`);
    return v;
  }

  tag(): string | null {
    return this.string("Tag", { max: 255 });
  }

  email(field: string, opts: Req = {}): string | null {
    const v = this.string(field, opts);
    if (v !== null && !EMAIL.test(v))
      this.fail(field, `The field ${field} must match the regular expression '${EMAIL.source}'.`);
    return v;
  }

  country(field: string, opts: Req = {}): string | null {
    const v = this.string(field, opts);
    if (v !== null && !COUNTRY.test(v)) this.fail(field, `Error converting value "${v}" to type 'CountryIso'.`);
    return v;
  }

  int(field: string, opts: Req & { min?: number } = {}): number | null {
    const v = this.body[field];
    if (v === undefined || v === null) return this.missing(field, opts);
    if (typeof v !== "number" || !Number.isSafeInteger(v)) {
      this.fail(field, `The field ${field} must be an integer.`);
      return null;
    }
    if (opts.min !== undefined && v < opts.min) this.fail(field, `The field ${field} must be at least ${opts.min}.`);
    return v;
  }

  bool(field: string, opts: Req = {}): boolean | null {
    const v = this.body[field];
    if (v === undefined || v === null) return this.missing(field, opts);
    if (typeof v !== "boolean") {
      this.fail(field, `The field ${field} must be a boolean.`);
      return null;
    }
    return v;
  }

  enumOf<T extends string>(field: string, values: readonly T[], opts: Req = {}): T | null {
    const v = this.body[field];
    if (v === undefined || v === null || v === "") return this.missing(field, opts);
    const match = typeof v === "string" ? values.find((x) => x === v.toUpperCase()) : undefined;
    if (!match) {
      this.fail(field, `Error converting value "${String(v)}" to type '${field}'. Allowed: ${values.join(", ")}.`);
      return null;
    }
    return match;
  }

  /** Money: integer Amount in minor units, ISO currency. Negative amounts only when allowed (refund fees). */
  money(field: string, opts: Req & { allowNegative?: boolean } = {}): Money | null {
    const v = this.body[field];
    if (v === undefined || v === null) return this.missing(field, opts);
    if (typeof v !== "object" || Array.isArray(v)) {
      this.fail(field, `The ${field} field must be an object with Currency and Amount.`);
      return null;
    }
    const m = v as Record<string, unknown>;
    const currency = typeof m.Currency === "string" ? m.Currency.toUpperCase() : "";
    if (!(CURRENCIES as readonly string[]).includes(currency)) {
      this.fail(`${field}.Currency`, `Error converting value "${String(m.Currency)}" to type 'CurrencyIso'.`);
      return null;
    }
    const amount = m.Amount;
    if (typeof amount !== "number" || !Number.isSafeInteger(amount)) {
      this.fail(`${field}.Amount`, `The field ${field}.Amount must be an integer (minor units).`);
      return null;
    }
    if (amount < 0 && !opts.allowNegative) {
      this.fail(`${field}.Amount`, `The field ${field}.Amount must be positive.`);
      return null;
    }
    return { Currency: currency, Amount: amount };
  }

  address(field: string, opts: Req = {}): Address | null {
    const v = this.body[field];
    if (v === undefined || v === null) return this.missing(field, opts);
    if (typeof v !== "object" || Array.isArray(v)) {
      this.fail(field, `The ${field} field must be an Address object.`);
      return null;
    }
    const a = v as Record<string, unknown>;
    const s = (k: string): string | null => (typeof a[k] === "string" && a[k] !== "" ? (a[k] as string) : null);
    const country = s("Country");
    if (country !== null && !COUNTRY.test(country))
      this.fail(`${field}.Country`, `Error converting value "${country}" to type 'CountryIso'.`);
    return {
      AddressLine1: s("AddressLine1"),
      AddressLine2: s("AddressLine2"),
      City: s("City"),
      Region: s("Region"),
      PostalCode: s("PostalCode"),
      Country: country,
    };
  }

  /** Throws the collected field errors as one 400 param_error. */
  done(): void {
    if (Object.keys(this.errors).length > 0) throw paramError(this.errors);
  }
}

/**
 * A PUT carrying `Status` on a submittable object (KYC document, UBO declaration, dispute document):
 * true when it asks to submit. The SDK sends the whole object back, so an unchanged Status is ignored;
 * any other new Status is a 400 naming the field.
 */
export function asksToSubmit(status: string | null, current: string): boolean {
  if (status === null || status.toUpperCase() === current) return false;
  if (status.toUpperCase() !== "VALIDATION_ASKED") {
    throw paramError({ Status: `The Status can only be set to VALIDATION_ASKED (got "${status}").` });
  }
  return true;
}
