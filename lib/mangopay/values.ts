// Value lists of the MANGOPAY API that both the server's zod schemas and the browser's forms use.
// This module imports nothing: a client component may import it without pulling zod (or any schema)
// into the page's JavaScript — tests/unit/client-bundle-imports.test.ts keeps it that way.

/** The currencies MANGOPAY wallets hold (reference: wallets). */
export const CURRENCIES = [
  "EUR",
  "GBP",
  "USD",
  "CHF",
  "PLN",
  "NOK",
  "SEK",
  "DKK",
  "CAD",
  "ZAR",
  "AUD",
  "HKD",
  "JPY",
  "CZK",
] as const;

export const USER_CATEGORIES = ["PAYER", "OWNER"] as const;
export const LEGAL_PERSON_TYPES = ["BUSINESS", "ORGANIZATION", "SOLETRADER", "PARTNERSHIP"] as const;

export const BANK_ACCOUNT_TYPES = ["IBAN", "GB", "US", "CA", "OTHER"] as const;

export const MANDATE_CULTURES = ["EN", "FR", "NL", "DE", "ES", "IT", "PL"] as const;

export const KYC_DOCUMENT_TYPES = [
  "IDENTITY_PROOF",
  "REGISTRATION_PROOF",
  "ARTICLES_OF_ASSOCIATION",
  "SHAREHOLDER_DECLARATION",
  "ADDRESS_PROOF",
] as const;

export const DISPUTE_DOCUMENT_TYPES = [
  "DELIVERY_PROOF",
  "INVOICE",
  "REFUND_PROOF",
  "USER_CORRESPONDANCE",
  "USER_ACCEPTANCE_PROOF",
  "PRODUCT_REPLACEMENT_PROOF",
  "OTHER",
] as const;
