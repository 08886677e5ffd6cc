// Alternative payment methods as pay-ins (docs/mangopay-api.md §3.5), one table: each method's routes (the
// SDK's paths), PaymentType/ExecutionType, currencies, required and echoed body fields, and its flow:
// - "redirect": CREATED with a RedirectURL to the emulator's hosted page (/apm/{ClientId}/{id}); the payer
//   authorizes (SUCCEEDED), is refused (101199) or cancels (001031), then returns to ReturnURL?transactionId=;
// - "app": the payer confirms in a phone app (MB WAY, BLIK with a code): no RedirectURL; the same hosted page
//   stands for the app's decision;
// - "token": the wallet token (Apple Pay, Google Pay) is already authorized: SUCCEEDED at once, FAILED
//   101101 when the token says DECLINED (emulator rule).
// Every guess is listed in emulator/README.md ("Alternative payment methods").
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { ApmPaymentType, Money, PayIn } from "../store/types";
import { withParam } from "./card-payments";
import { payInShell } from "./pay-ins";
import type { ResultKey } from "./result-codes";
import { fail, recordCreated, succeed } from "./transactions";

export type ApmFlow = "redirect" | "app" | "token";

export interface ApmSpec {
  /** Name shown on the hosted page. */
  label: string;
  PaymentType: ApmPaymentType;
  ExecutionType: "WEB" | "DIRECT";
  /** Routes after /v2.01/{ClientId} (current path first, legacy ones after). */
  paths: readonly string[];
  /** null: any currency MANGOPAY supports. */
  currencies: readonly string[] | null;
  flow: ApmFlow;
  /** Body fields that must be present (non-empty). ReturnURL is required on every redirect flow. */
  required: readonly string[];
  /** Body fields echoed on the pay-in (null when absent). */
  echo: readonly string[];
  /** Fields the emulator computes (links to the payer's app, bank names…). */
  computed?: (ctx: { id: string; page: string; body: Record<string, unknown> }) => Record<string, unknown>;
}

const IDEAL_BANKS: Record<string, string> = {
  RABONL2U: "Rabobank",
  INGBNL2A: "ING",
  ABNANL2A: "ABN AMRO",
  ASNBNL21: "ASN Bank",
  SNSBNL2A: "SNS",
  TRIONL2U: "Triodos Bank",
  BUNQNL2A: "bunq",
  KNABNL2H: "Knab",
  RBRBNL21: "RegioBank",
  REVOLT21: "Revolut",
};

/** Keyed by PaymentType. */
export const APMS: Record<ApmPaymentType, ApmSpec> = {
  PAYPAL: {
    label: "PayPal",
    PaymentType: "PAYPAL",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/paypal", "/payins/paypal/web"],
    currencies: null,
    flow: "redirect",
    required: ["ReturnURL"],
    echo: [
      "LineItems",
      "Shipping",
      "Culture",
      "ShippingPreference",
      "Reference",
      "CancelURL",
      "StatementDescriptor",
      "PaypalBuyerAccountEmail",
    ],
    computed: ({ id }) => ({
      PaypalOrderID: `ORDER${id.replace(/\D/g, "").padStart(12, "0").slice(-12)}`,
      PaypalPayerID: null,
      BuyerCountry: null,
      BuyerFirstname: null,
      BuyerLastname: null,
      BuyerPhone: null,
      Trackings: null,
    }),
  },
  APPLEPAY: {
    label: "Apple Pay",
    PaymentType: "APPLEPAY",
    ExecutionType: "DIRECT",
    paths: ["/payins/applepay/direct", "/payins/payment-methods/applepay"],
    currencies: null,
    flow: "token",
    required: ["PaymentData"],
    echo: ["StatementDescriptor"],
  },
  GOOGLE_PAY: {
    label: "Google Pay",
    PaymentType: "GOOGLE_PAY",
    ExecutionType: "DIRECT",
    paths: ["/payins/payment-methods/googlepay", "/payins/googlepay/direct"],
    currencies: null,
    flow: "token",
    required: ["PaymentData", "SecureModeReturnURL", "IpAddress", "BrowserInfo"],
    echo: [
      "SecureModeReturnURL",
      "SecureMode",
      "IpAddress",
      "BrowserInfo",
      "ReturnURL",
      "Shipping",
      "Billing",
      "StatementDescriptor",
    ],
    computed: () => ({ SecureModeNeeded: false, SecureModeRedirectURL: null, CardId: null }),
  },
  IDEAL: {
    label: "iDEAL",
    PaymentType: "IDEAL",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/ideal"],
    currencies: ["EUR"],
    flow: "redirect",
    required: ["ReturnURL"],
    echo: ["Bic", "StatementDescriptor"],
    computed: ({ body }) => ({ BankName: typeof body.Bic === "string" ? (IDEAL_BANKS[body.Bic] ?? null) : null }),
  },
  BCMC: {
    label: "Bancontact",
    PaymentType: "BCMC",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/bancontact"],
    currencies: ["EUR"],
    flow: "redirect",
    required: ["ReturnURL"],
    echo: ["StatementDescriptor", "Culture"],
    computed: ({ id, body }) => ({
      DeepLinkURL: `BEP://1$MANGOPAY-EMULATOR/${id}`,
      Recurring: body.Recurring === true,
    }),
  },
  GIROPAY: {
    label: "Giropay",
    PaymentType: "GIROPAY",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/giropay"],
    currencies: ["EUR"],
    flow: "redirect",
    required: ["ReturnURL"],
    echo: ["StatementDescriptor"],
  },
  KLARNA: {
    label: "Klarna",
    PaymentType: "KLARNA",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/klarna"],
    currencies: ["EUR", "GBP", "DKK", "NOK", "SEK", "CHF", "PLN", "CZK"],
    flow: "redirect",
    required: ["ReturnURL", "LineItems", "Country", "Email", "Billing", "Reference"],
    echo: [
      "LineItems",
      "Shipping",
      "Billing",
      "Country",
      "Culture",
      "AdditionalData",
      "Phone",
      "Email",
      "Reference",
      "StatementDescriptor",
    ],
    computed: () => ({ PaymentMethod: null }),
  },
  MBWAY: {
    label: "MB WAY",
    PaymentType: "MBWAY",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/mbway"],
    currencies: ["EUR"],
    flow: "app",
    required: ["Phone"],
    echo: ["Phone", "StatementDescriptor"],
  },
  MULTIBANCO: {
    label: "Multibanco",
    PaymentType: "MULTIBANCO",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/multibanco"],
    currencies: ["EUR"],
    flow: "redirect",
    required: ["ReturnURL"],
    echo: ["StatementDescriptor"],
  },
  SATISPAY: {
    label: "Satispay",
    PaymentType: "SATISPAY",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/satispay"],
    currencies: ["EUR"],
    flow: "redirect",
    required: ["ReturnURL", "Country"],
    echo: ["Country", "StatementDescriptor"],
  },
  BLIK: {
    label: "BLIK",
    PaymentType: "BLIK",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/blik"],
    currencies: ["PLN"],
    // With a 6-digit Code the payer confirms in the banking app (no redirect): see blikFlow below.
    flow: "redirect",
    required: ["ReturnURL"],
    echo: ["Code", "IpAddress", "BrowserInfo", "StatementDescriptor"],
  },
  PAYCONIQ: {
    label: "Payconiq",
    PaymentType: "PAYCONIQ",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/payconiq", "/payins/payconiq/web"],
    currencies: ["EUR"],
    flow: "redirect",
    required: ["ReturnURL", "Country"],
    echo: ["Country", "StatementDescriptor"],
    computed: ({ id, page }) => ({
      DeepLinkURL: `https://payconiq.com/pay/2/${id}?returnUrl=${encodeURIComponent(page)}`,
    }),
  },
  SWISH: {
    label: "Swish",
    PaymentType: "SWISH",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/swish"],
    currencies: ["SEK"],
    flow: "redirect",
    required: ["ReturnURL"],
    echo: ["StatementDescriptor"],
    computed: ({ id, page, body }) => ({
      PaymentFlow: body.PaymentFlow === "APP" ? "APP" : "WEB",
      DeepLinkURL: body.PaymentFlow === "APP" ? `swish://paymentrequest?token=${id}` : null,
      QRCodeURL: body.PaymentFlow === "APP" ? null : page,
    }),
  },
  TWINT: {
    label: "TWINT",
    PaymentType: "TWINT",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/twint"],
    currencies: ["CHF"],
    flow: "redirect",
    required: ["ReturnURL"],
    echo: ["StatementDescriptor"],
  },
  BIZUM: {
    label: "Bizum",
    PaymentType: "BIZUM",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/bizum"],
    currencies: ["EUR"],
    // With a Phone the payer confirms in the banking app (no RedirectURL, ReturnURL ignored): see flowOf.
    flow: "redirect",
    required: [],
    echo: ["Phone", "StatementDescriptor"],
  },
  PAY_BY_BANK: {
    label: "Pay by Bank",
    PaymentType: "PAY_BY_BANK",
    ExecutionType: "WEB",
    paths: ["/payins/payment-methods/openbanking"],
    currencies: ["EUR", "GBP"],
    flow: "redirect",
    required: ["ReturnURL", "Country"],
    echo: ["Country", "BIC", "IBAN", "BankName", "Scheme", "Culture", "StatementDescriptor"],
    computed: ({ body }) => ({
      PaymentFlow: body.PaymentFlow === "APP" ? "APP" : "WEB",
      ProcessingStatus: "PENDING_AUTHORIZATION",
    }),
  },
};

export interface ApmInput {
  AuthorId: string;
  CreditedWalletId: string;
  CreditedUserId?: string | null;
  DebitedFunds: Money;
  Fees: Money;
  Tag?: string | null;
  /** The raw body: the method's own fields are read from it through the spec. */
  body: Record<string, unknown>;
  /** Fields of the pay-in beyond the method's (a recurring PayPal pay-in's RecurringPayinRegistrationId). */
  extra?: Record<string, unknown>;
}

/** The flow one pay-in follows: BLIK with a code and Bizum with a phone number are confirmed in the banking app. */
export function flowOf(spec: ApmSpec, body: Record<string, unknown>): ApmFlow {
  if (spec.PaymentType === "BLIK" && typeof body.Code === "string" && body.Code !== "") return "app";
  if (spec.PaymentType === "BIZUM" && typeof body.Phone === "string" && body.Phone !== "") return "app";
  return spec.flow;
}

/** The hosted page of one pay-in (the RedirectURL of redirect flows). */
export function apmPageUrl(origin: string, store: ClientStore, id: string): string {
  return `${origin}/apm/${encodeURIComponent(store.info.ClientId)}/${id}`;
}

export function createApmPayIn(
  emu: Emulator,
  store: ClientStore,
  spec: ApmSpec,
  input: ApmInput,
  now: number,
  origin: string,
): PayIn {
  const currency = input.DebitedFunds.Currency;
  if (spec.currencies && !spec.currencies.includes(currency)) {
    const message = `${spec.label} does not support ${currency} (supported: ${spec.currencies.join(", ")})`;
    throw new ApiError(400, "param_error", message, { "DebitedFunds.Currency": message });
  }
  const flow = flowOf(spec, input.body);
  const returnUrl = typeof input.body.ReturnURL === "string" ? input.body.ReturnURL : null;
  const tx = payInShell(store, input, input.DebitedFunds, input.Fees, now, spec.PaymentType, (id) => {
    const page = apmPageUrl(origin, store, id);
    const fields: Record<string, unknown> = {};
    for (const key of spec.echo) fields[key] = input.body[key] ?? null;
    // MB WAY has no ReturnURL: the payer never leaves the platform's page; Bizum by phone ignores it.
    if (spec.ExecutionType === "WEB" && spec.flow === "redirect") {
      fields.RedirectURL = flow === "redirect" ? page : null;
      const kept = returnUrl && !(spec.PaymentType === "BIZUM" && flow === "app");
      fields.ReturnURL = kept ? withParam(returnUrl, "transactionId", id) : null;
    }
    return {
      ExecutionType: spec.ExecutionType,
      ...fields,
      ...spec.computed?.({ id, page, body: input.body }),
      ...input.extra,
    };
  });
  recordCreated(emu, store, tx);
  if (flow === "token") {
    const token = JSON.stringify(input.body.PaymentData ?? "");
    if (/DECLINED/i.test(token)) fail(emu, store, tx, "DO_NOT_HONOR", now);
    else succeed(emu, store, tx, now);
  }
  return tx;
}

/** A CREATED pay-in of an APM that waits for the payer (redirect or app flow), or null. */
export function pendingApmPayIn(store: ClientStore, id: string): PayIn | null {
  const tx = store.transactions.get(id);
  if (!tx || tx.Type !== "PAYIN" || tx.Status !== "CREATED") return null;
  const payin = tx as PayIn;
  const spec = APMS[payin.PaymentType as ApmPaymentType] as ApmSpec | undefined;
  return spec && spec.flow !== "token" ? payin : null;
}

export type ApmOutcome = "authorized" | "refused" | "canceled";

/**
 * The payer's decision on the hosted page (or in the app). Returns where to send the browser (ReturnURL,
 * or null when the method has none), or undefined when the pay-in is unknown or no longer waiting.
 */
export function completeApm(
  emu: Emulator,
  store: ClientStore,
  id: string,
  outcome: ApmOutcome,
  now: number,
): string | null | undefined {
  const payin = pendingApmPayIn(store, id);
  if (!payin) return undefined;
  const failure: Record<ApmOutcome, ResultKey | null> = {
    authorized: null,
    refused: "APM_REFUSED",
    canceled: "USER_CANCELED",
  };
  const result = failure[outcome];
  if (result) fail(emu, store, payin, result, now);
  else succeed(emu, store, payin, now);
  if (payin.PaymentType === "PAY_BY_BANK") payin.ProcessingStatus = result ? "FAILED" : "EXECUTED";
  return typeof payin.ReturnURL === "string" ? payin.ReturnURL : null;
}
