// Recipients (payouts v2): a user's registered beneficiary. The schema per payout method, recipient
// type, currency and country says which fields are required; an OWNER's USER_PRESENT registration waits
// for an SCA session (PENDING → ACTIVE or CANCELED), others are ACTIVE at once.
import type { Emulator } from "../core/emulator";
import { ApiError, invalidAction, notFound, paramError, type FieldErrors } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { Recipient } from "../store/sca-types";
import { ibanValid } from "../routes/bank-accounts";
import { getUser } from "./lookups";
import { assertProxyConsent, startSession } from "./sca";

export const PAYOUT_METHODS = ["LocalBankTransfer", "InternationalBankTransfer"] as const;
export const RECIPIENT_TYPES = ["Individual", "Business"] as const;

interface FieldSpec {
  Required: boolean;
  MaxLength: number;
  MinLength: number;
  Pattern: string | null;
  AllowedValues: string[] | null;
  Label: string;
  EndUserDisplay: string;
}

const field = (
  label: string,
  required: boolean,
  pattern: string | null = null,
  max = 255,
  allowed: string[] | null = null,
): FieldSpec => ({
  Required: required,
  MaxLength: max,
  MinLength: required ? 1 : 0,
  Pattern: pattern,
  AllowedValues: allowed,
  Label: label,
  EndUserDisplay: label,
});

/** Local bank details required per currency (the emulator's set: EUR, GBP, USD). */
const LOCAL: Record<string, Record<string, FieldSpec>> = {
  EUR: {
    IBAN: field("IBAN", true, "^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$", 34),
    BIC: field("BIC", false, "^[A-Z0-9]{8}([A-Z0-9]{3})?$", 11),
  },
  GBP: {
    SortCode: field("Sort code", true, "^[0-9]{6}$", 6),
    AccountNumber: field("Account number", true, "^[0-9]{8}$", 8),
  },
  USD: {
    AccountNumber: field("Account number", true, "^[0-9]{4,17}$", 17),
    ABA: field("Routing number (ABA)", true, "^[0-9]{9}$", 9),
    AccountType: field("Account type", true, null, 8, ["CHECKING", "SAVINGS"]),
  },
};
const INTERNATIONAL: Record<string, FieldSpec> = {
  IBAN: field("IBAN", false, "^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$", 34),
  AccountNumber: field("Account number", false, null, 34),
  BIC: field("BIC", true, "^[A-Z0-9]{8}([A-Z0-9]{3})?$", 11),
};
const ADDRESS = {
  AddressLine1: field("Address", true),
  AddressLine2: field("Address (line 2)", false),
  City: field("City", true),
  Region: field("Region", false),
  PostalCode: field("Postal code", true),
  Country: field("Country", true, "^[A-Z]{2}$", 2),
};

/** The country is accepted and not used: the emulator's local rails depend on the currency only. */
export function payoutMethods(currency: string) {
  const local = LOCAL[currency] !== undefined;
  return { AvailablePayoutMethods: local ? [...PAYOUT_METHODS] : ["InternationalBankTransfer"] };
}

export function recipientSchema(payoutMethodType: string, recipientType: string, currency: string) {
  if (!(PAYOUT_METHODS as readonly string[]).includes(payoutMethodType))
    throw paramError({ payoutMethodType: `One of ${PAYOUT_METHODS.join(", ")}.` });
  if (!(RECIPIENT_TYPES as readonly string[]).includes(recipientType))
    throw paramError({ recipientType: `One of ${RECIPIENT_TYPES.join(", ")}.` });
  if (payoutMethodType === "LocalBankTransfer" && !LOCAL[currency])
    throw paramError({ currency: `No local bank transfer in ${currency}.` });
  return {
    DisplayName: field("Display name", true),
    Currency: field("Currency", true, "^[A-Z]{3}$", 3),
    Country: field("Country", payoutMethodType === "InternationalBankTransfer", "^[A-Z]{2}$", 2),
    RecipientType: field("Recipient type", true, null, 10, [...RECIPIENT_TYPES]),
    PayoutMethodType: field("Payout method", true, null, 30, [...PAYOUT_METHODS]),
    RecipientScope: field("Scope", false, null, 6, ["PAYOUT", "PAYIN"]),
    Tag: field("Tag", false),
    ...(payoutMethodType === "LocalBankTransfer"
      ? { LocalBankTransfer: { [currency]: LOCAL[currency] } }
      : { InternationalBankTransfer: INTERNATIONAL }),
    ...(recipientType === "Individual"
      ? {
          IndividualRecipient: {
            FirstName: field("First name", true),
            LastName: field("Last name", true),
            Address: ADDRESS,
          },
        }
      : { BusinessRecipient: { BusinessName: field("Business name", true), Address: ADDRESS } }),
  };
}

function check(errors: FieldErrors, name: string, spec: FieldSpec, value: unknown): void {
  if (value === undefined || value === null || value === "") {
    if (spec.Required) errors[name] = `The ${name} field is required.`;
    return;
  }
  if (typeof value !== "string") errors[name] = `The ${name} field must be a string.`;
  else if (value.length > spec.MaxLength) errors[name] = `The ${name} field is longer than ${spec.MaxLength}.`;
  else if (spec.Pattern && !new RegExp(spec.Pattern).test(value)) errors[name] = `The ${name} field is not valid.`;
  else if (spec.AllowedValues && !spec.AllowedValues.includes(value)) errors[name] = `The ${name} field is not valid.`;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Validates a creation body against its schema; throws one param_error with every field message. */
export function validateRecipient(
  body: Record<string, unknown>,
): Omit<Recipient, "Id" | "CreationDate" | "Status" | "UserId" | "PendingUserAction"> {
  const errors: FieldErrors = {};
  const method = String(body.PayoutMethodType ?? "");
  const type = String(body.RecipientType ?? "");
  const currency = typeof body.Currency === "string" ? body.Currency.toUpperCase() : "";
  if (!(PAYOUT_METHODS as readonly string[]).includes(method))
    errors.PayoutMethodType = "The PayoutMethodType field is not valid.";
  if (!(RECIPIENT_TYPES as readonly string[]).includes(type))
    errors.RecipientType = "The RecipientType field is not valid.";
  if (!/^[A-Z]{3}$/.test(currency)) errors.Currency = "The Currency field is required.";
  if (Object.keys(errors).length > 0) throw paramError(errors);
  const schema = recipientSchema(method, type, currency) as Record<string, unknown>;
  for (const name of ["DisplayName", "Country", "RecipientScope", "Tag"])
    check(errors, name, schema[name] as FieldSpec, body[name]);
  let local: Record<string, Record<string, string>> | null = null;
  let international: Record<string, string> | null = null;
  if (method === "LocalBankTransfer") {
    const details = obj(obj(body.LocalBankTransfer)[currency]);
    for (const [name, spec] of Object.entries(LOCAL[currency]))
      check(errors, `LocalBankTransfer.${currency}.${name}`, spec, details[name]);
    if (currency === "EUR" && typeof details.IBAN === "string" && !ibanValid(details.IBAN))
      errors[`LocalBankTransfer.EUR.IBAN`] = "The IBAN is not valid.";
    local = {
      [currency]: Object.fromEntries(
        Object.keys(LOCAL[currency])
          .filter((k) => details[k] != null)
          .map((k) => [k, String(details[k])]),
      ),
    };
  } else {
    const details = obj(body.InternationalBankTransfer);
    for (const [name, spec] of Object.entries(INTERNATIONAL))
      check(errors, `InternationalBankTransfer.${name}`, spec, details[name]);
    if (!details.IBAN && !details.AccountNumber)
      errors["InternationalBankTransfer.IBAN"] = "An IBAN or an AccountNumber is required.";
    international = Object.fromEntries(
      Object.keys(INTERNATIONAL)
        .filter((k) => details[k] != null)
        .map((k) => [k, String(details[k])]),
    );
  }
  const party = obj(type === "Individual" ? body.IndividualRecipient : body.BusinessRecipient);
  const address = obj(party.Address);
  const prefix = type === "Individual" ? "IndividualRecipient" : "BusinessRecipient";
  if (type === "Individual") {
    check(errors, `${prefix}.FirstName`, field("First name", true), party.FirstName);
    check(errors, `${prefix}.LastName`, field("Last name", true), party.LastName);
  } else check(errors, `${prefix}.BusinessName`, field("Business name", true), party.BusinessName);
  for (const [name, spec] of Object.entries(ADDRESS)) check(errors, `${prefix}.Address.${name}`, spec, address[name]);
  if (Object.keys(errors).length > 0) throw paramError(errors);
  const cleanAddress = Object.fromEntries(Object.keys(ADDRESS).map((k) => [k, address[k] ?? null]));
  return {
    Tag: typeof body.Tag === "string" ? body.Tag : null,
    DisplayName: String(body.DisplayName),
    PayoutMethodType: method as Recipient["PayoutMethodType"],
    RecipientType: type as Recipient["RecipientType"],
    Currency: currency,
    Country: typeof body.Country === "string" ? body.Country : null,
    RecipientScope: body.RecipientScope === "PAYIN" ? "PAYIN" : "PAYOUT",
    IndividualRecipient:
      type === "Individual"
        ? { FirstName: String(party.FirstName), LastName: String(party.LastName), Address: cleanAddress }
        : null,
    BusinessRecipient: type === "Business" ? { BusinessName: String(party.BusinessName), Address: cleanAddress } : null,
    LocalBankTransfer: local,
    InternationalBankTransfer: international,
  };
}

export function createRecipient(
  emu: Emulator,
  store: ClientStore,
  userId: string,
  body: Record<string, unknown>,
  origin: string,
  now: number,
): Recipient {
  const user = getUser(store, userId);
  if (user.UserStatus === "CLOSED") throw invalidAction("The user is closed");
  const fields = validateRecipient(body);
  const context = typeof body.ScaContext === "string" ? body.ScaContext.toUpperCase() : null;
  if (context === "USER_NOT_PRESENT" && user.UserCategory === "OWNER")
    assertProxyConsent(store, user.Id, "RecipientRegistration");
  const needsSca = user.UserCategory === "OWNER" && context === "USER_PRESENT";
  const id = store.nextId("rec_m");
  const recipient: Recipient = {
    Id: id,
    CreationDate: now,
    Status: needsSca ? "PENDING" : "ACTIVE",
    UserId: user.Id,
    PendingUserAction: needsSca
      ? { RedirectUrl: startSession(store, origin, "RECIPIENT", user.Id, now, id).RedirectUrl }
      : null,
    ...fields,
  };
  store.recipients.set(recipient.Id, recipient);
  if (!needsSca) emu.events.emit(store, "RECIPIENT_ACTIVE", recipient.Id, now);
  return recipient;
}

export function getRecipient(store: ClientStore, id: string): Recipient {
  const recipient = store.recipients.get(id);
  if (!recipient) throw notFound("Recipient", id);
  return recipient;
}

export function deactivateRecipient(emu: Emulator, store: ClientStore, recipient: Recipient, now: number): Recipient {
  if (recipient.Status === "DEACTIVATED")
    throw new ApiError(400, "invalid_action", "The recipient is already deactivated");
  recipient.Status = "DEACTIVATED";
  emu.events.emit(store, "RECIPIENT_DEACTIVATED", recipient.Id, now);
  return recipient;
}
