// Every EventType MANGOPAY documents (webhooks event-type list, Nov 2025), plus the ones only the
// Node SDK 1.68 typings know, grouped as the docs group them. Each group names what the event's
// ResourceId points at, so the dashboard can load the resource behind an event. Pure module.

/** The kind of object an event's ResourceId identifies (null: no read endpoint the dashboard uses). */
export type EventResource =
  | "user"
  | "kycDocument"
  | "uboDeclaration"
  | "payIn"
  | "payOut"
  | "transfer"
  | "refund"
  | "repudiation"
  | "settlement"
  | "dispute"
  | "disputeDocument"
  | "mandate"
  | "preauthorization"
  | "card"
  | "report"
  | "recipient"
  | "payInIntent"
  | null;

/** How the dashboard names each kind of resource. */
export const EVENT_RESOURCE_LABELS: Record<Exclude<EventResource, null>, string> = {
  user: "User",
  kycDocument: "KYC document",
  uboDeclaration: "UBO declaration",
  payIn: "Pay-in",
  payOut: "Payout",
  transfer: "Transfer",
  refund: "Refund",
  repudiation: "Repudiation",
  settlement: "Settlement transfer",
  dispute: "Dispute",
  disputeDocument: "Dispute document",
  mandate: "Mandate",
  preauthorization: "Preauthorization",
  card: "Card",
  report: "Report",
  recipient: "Recipient",
  payInIntent: "Pay-in intent",
};

export type EventTypeGroup = { label: string; resource: EventResource; types: readonly string[] };

export const EVENT_TYPE_GROUPS: readonly EventTypeGroup[] = [
  {
    label: "User regulatory status",
    resource: "user",
    types: ["USER_INFLOWS_BLOCKED", "USER_INFLOWS_UNBLOCKED", "USER_OUTFLOWS_BLOCKED", "USER_OUTFLOWS_UNBLOCKED"],
  },
  {
    label: "User account",
    resource: "user",
    types: ["USER_ACCOUNT_VALIDATION_ASKED", "USER_ACCOUNT_ACTIVATED", "USER_ACCOUNT_CLOSED"],
  },
  {
    label: "SCA enrollment",
    resource: "user",
    types: ["SCA_ENROLLMENT_SUCCEEDED", "SCA_ENROLLMENT_EXPIRED", "SCA_ENROLLMENT_FAILED"],
  },
  {
    label: "User category",
    resource: "user",
    types: ["USER_CATEGORY_UPDATED_TO_OWNER", "USER_CATEGORY_UPDATED_TO_PAYER", "USER_CATEGORY_UPDATED_TO_PLATFORM"],
  },
  { label: "User KYC level", resource: "user", types: ["USER_KYC_LIGHT", "USER_KYC_REGULAR"] },
  {
    label: "Identity verification",
    resource: null,
    types: [
      "IDENTITY_VERIFICATION_VALIDATED",
      "IDENTITY_VERIFICATION_FAILED",
      "IDENTITY_VERIFICATION_INCONCLUSIVE",
      "IDENTITY_VERIFICATION_OUTDATED",
    ],
  },
  {
    label: "Company number",
    resource: "user",
    types: ["LEGAL_COMPANY_NUMBER_VALIDATION_FAILED", "LEGAL_COMPANY_NUMBER_VALIDATION_SUCCEEDED"],
  },
  {
    label: "KYC documents",
    resource: "kycDocument",
    types: ["KYC_CREATED", "KYC_VALIDATION_ASKED", "KYC_SUCCEEDED", "KYC_FAILED", "KYC_OUTDATED"],
  },
  {
    label: "UBO declarations",
    resource: "uboDeclaration",
    types: [
      "UBO_DECLARATION_CREATED",
      "UBO_DECLARATION_VALIDATION_ASKED",
      "UBO_DECLARATION_VALIDATED",
      "UBO_DECLARATION_INCOMPLETE",
      "UBO_DECLARATION_REFUSED",
    ],
  },
  { label: "Country authorizations", resource: null, types: ["COUNTRY_AUTHORIZATION_UPDATED"] },
  {
    label: "Recipients",
    resource: "recipient",
    types: ["RECIPIENT_ACTIVE", "RECIPIENT_CANCELED", "RECIPIENT_DEACTIVATED"],
  },
  {
    label: "Pay-ins",
    resource: "payIn",
    types: [
      "PAYIN_NORMAL_CREATED",
      "PAYIN_NORMAL_SUCCEEDED",
      "PAYIN_NORMAL_FAILED",
      "PAYIN_NORMAL_PROCESSING_STATUS_PENDING_SUCCEEDED",
    ],
  },
  {
    label: "Card validations",
    resource: null,
    types: ["CARD_VALIDATION_CREATED", "CARD_VALIDATION_FAILED", "CARD_VALIDATION_SUCCEEDED"],
  },
  {
    label: "Recurring registrations",
    resource: null,
    types: [
      "RECURRING_REGISTRATION_CREATED",
      "RECURRING_REGISTRATION_AUTH_NEEDED",
      "RECURRING_REGISTRATION_IN_PROGRESS",
      "RECURRING_REGISTRATION_ENDED",
    ],
  },
  {
    label: "Preauthorizations",
    resource: "preauthorization",
    types: [
      "PREAUTHORIZATION_CREATED",
      "PREAUTHORIZATION_FAILED",
      "PREAUTHORIZATION_SUCCEEDED",
      "PREAUTHORIZATION_PAYMENT_WAITING",
      "PREAUTHORIZATION_PAYMENT_CANCELED",
      "PREAUTHORIZATION_PAYMENT_EXPIRED",
      "PREAUTHORIZATION_PAYMENT_VALIDATED",
    ],
  },
  {
    label: "Deposit preauthorizations",
    resource: null,
    types: [
      "DEPOSIT_PREAUTHORIZATION_CREATED",
      "DEPOSIT_PREAUTHORIZATION_FAILED",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_WAITING",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_VALIDATED",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_FAILED",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_CANCEL_REQUESTED",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_CANCELED",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_EXPIRED",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_NO_SHOW_REQUESTED",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_NO_SHOW",
    ],
  },
  {
    label: "Virtual accounts",
    resource: null,
    types: ["VIRTUAL_ACCOUNT_ACTIVE", "VIRTUAL_ACCOUNT_BLOCKED", "VIRTUAL_ACCOUNT_CLOSED", "VIRTUAL_ACCOUNT_FAILED"],
  },
  {
    label: "Mandates",
    resource: "mandate",
    types: ["MANDATE_CREATED", "MANDATE_SUBMITTED", "MANDATE_ACTIVATED", "MANDATE_FAILED", "MANDATE_EXPIRED"],
  },
  {
    label: "Disputes",
    resource: "dispute",
    types: [
      "DISPUTE_CREATED",
      "DISPUTE_ACTION_REQUIRED",
      "DISPUTE_SUBMITTED",
      "DISPUTE_SENT_TO_BANK",
      "DISPUTE_FURTHER_ACTION_REQUIRED",
      "DISPUTE_CLOSED",
    ],
  },
  {
    label: "Dispute documents",
    resource: "disputeDocument",
    types: [
      "DISPUTE_DOCUMENT_CREATED",
      "DISPUTE_DOCUMENT_VALIDATION_ASKED",
      "DISPUTE_DOCUMENT_SUCCEEDED",
      "DISPUTE_DOCUMENT_FAILED",
    ],
  },
  {
    label: "Repudiations",
    resource: "repudiation",
    types: ["PAYIN_REPUDIATION_CREATED", "PAYIN_REPUDIATION_SUCCEEDED", "PAYIN_REPUDIATION_FAILED"],
  },
  {
    label: "Settlement transfers",
    resource: "settlement",
    types: ["TRANSFER_SETTLEMENT_CREATED", "TRANSFER_SETTLEMENT_SUCCEEDED", "TRANSFER_SETTLEMENT_FAILED"],
  },
  {
    label: "Transfers",
    resource: "transfer",
    types: ["TRANSFER_NORMAL_CREATED", "TRANSFER_NORMAL_SUCCEEDED", "TRANSFER_NORMAL_FAILED"],
  },
  {
    label: "Instant conversions",
    resource: null,
    types: ["INSTANT_CONVERSION_CREATED", "INSTANT_CONVERSION_SUCCEEDED", "INSTANT_CONVERSION_FAILED"],
  },
  {
    label: "Quoted conversions",
    resource: null,
    types: ["QUOTED_CONVERSION_CREATED", "QUOTED_CONVERSION_SUCCEEDED", "QUOTED_CONVERSION_FAILED"],
  },
  {
    label: "Payouts",
    resource: "payOut",
    types: ["PAYOUT_NORMAL_CREATED", "PAYOUT_NORMAL_SUCCEEDED", "PAYOUT_NORMAL_FAILED"],
  },
  {
    label: "Instant payouts",
    resource: "payOut",
    types: ["INSTANT_PAYOUT_SUCCEEDED", "INSTANT_PAYOUT_FAILED", "INSTANT_PAYOUT_FALLBACKED"],
  },
  {
    label: "Pay-in refunds",
    resource: "refund",
    types: ["PAYIN_REFUND_CREATED", "PAYIN_REFUND_SUCCEEDED", "PAYIN_REFUND_FAILED"],
  },
  {
    label: "Transfer refunds",
    resource: "refund",
    types: ["TRANSFER_REFUND_CREATED", "TRANSFER_REFUND_SUCCEEDED", "TRANSFER_REFUND_FAILED"],
  },
  {
    label: "Payout returns",
    resource: "refund",
    types: ["PAYOUT_REFUND_CREATED", "PAYOUT_REFUND_SUCCEEDED", "PAYOUT_REFUND_FAILED"],
  },
  {
    label: "Intents",
    resource: "payInIntent",
    types: [
      "INTENT_AUTHORIZED",
      "INTENT_CAPTURED",
      "INTENT_REFUNDED",
      "INTENT_REFUND_REVERSED",
      "INTENT_DISPUTE_CREATED",
      "INTENT_DISPUTE_DEFENDED",
      "INTENT_DISPUTE_WON",
      "INTENT_DISPUTE_LOST",
      "INTENT_SETTLED_NOT_PAID",
      "INTENT_PAID",
    ],
  },
  // The ResourceId is the split's; MANGOPAY reads a split only through its intent, which the event does not name.
  {
    label: "Intent splits",
    resource: null,
    types: ["SPLIT_CREATED", "SPLIT_PENDING_FUNDS_RECEPTION", "SPLIT_AVAILABLE", "SPLIT_REJECTED", "SPLIT_REVERSED"],
  },
  { label: "Reports", resource: "report", types: ["REPORT_GENERATED", "REPORT_FAILED"] },
  {
    label: "SCA consents and contact details",
    resource: "user",
    types: [
      "SCA_CONTACT_INFORMATION_UPDATE_CONSENT_GIVEN",
      "SCA_CONTACT_INFORMATION_UPDATE_CONSENT_REVOKED",
      "SCA_TRANSFER_CONSENT_GIVEN",
      "SCA_TRANSFER_CONSENT_REVOKED",
      "SCA_RECIPIENT_REGISTRATION_CONSENT_GIVEN",
      "SCA_RECIPIENT_REGISTRATION_CONSENT_REVOKED",
      "SCA_VIEW_ACCOUNT_INFORMATION_CONSENT_GIVEN",
      "SCA_VIEW_ACCOUNT_INFORMATION_CONSENT_REVOKED",
      "SCA_EMAIL_VERIFIED",
      "SCA_PHONE_NUMBER_VERIFIED",
    ],
  },
  { label: "User KYC renewal", resource: "user", types: ["USER_KYC_RENEWAL_REQUIRED", "USER_KYC_RENEWED"] },
  {
    label: "Identity verification (newer)",
    resource: null,
    types: ["IDENTITY_VERIFICATION_PENDING", "IDENTITY_VERIFICATION_TIMEOUT"],
  },
];

export const EVENT_TYPES: readonly string[] = EVENT_TYPE_GROUPS.flatMap((g) => g.types);

const RESOURCE_BY_TYPE = new Map<string, EventResource>(
  EVENT_TYPE_GROUPS.flatMap((g) => g.types.map((t) => [t, g.resource] as const)),
);

export function isEventType(value: string): boolean {
  return RESOURCE_BY_TYPE.has(value);
}

/** What an event's ResourceId points at; null for unknown types or resources the dashboard does not read. */
export function eventResource(eventType: string): EventResource {
  return RESOURCE_BY_TYPE.get(eventType) ?? null;
}

/** MANGOPAY keeps events 45 days; asking for older ones is refused. */
export const EVENT_RETENTION_DAYS = 45;
