// Which MANGOPAY object types an id can be, from its shape. Newer MANGOPAY ids carry a prefix that
// names the type (`user_m_…`, `wlt_m_…`, `payin_m_…`, `po_b_…`, `xfer_refund_c_…`, `report_m_…`,
// `card_m_…`); client wallets are `FEES_EUR`/`CREDIT_EUR`; plain digits and UUIDs say nothing, so
// every type stays a candidate. Pure: unit-tested in tests/unit/dashboard/id-shapes.test.ts.

export const SEARCHABLE_TYPES = [
  "user",
  "wallet",
  "payin",
  "payout",
  "transfer",
  "refund",
  "card",
  "cardRegistration",
  "preauthorization",
  "bankAccount",
  "mandate",
  "kycDocument",
  "uboDeclaration",
  "dispute",
  "repudiation",
  "settlement",
  "report",
  "hook",
] as const;
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

export const TYPE_LABELS: Record<SearchableType, string> = {
  user: "User",
  wallet: "Wallet",
  payin: "Pay-in",
  payout: "Payout",
  transfer: "Transfer",
  refund: "Refund",
  card: "Card",
  cardRegistration: "Card registration",
  preauthorization: "Preauthorization",
  bankAccount: "Bank account",
  mandate: "Mandate",
  kycDocument: "KYC document",
  uboDeclaration: "UBO declaration",
  dispute: "Dispute",
  repudiation: "Repudiation",
  settlement: "Settlement",
  report: "Report",
  hook: "Hook",
};

// Longest prefixes first: `xfer_refund_` is a refund, `xfer_` a transfer.
const PREFIXES: [RegExp, SearchableType[]][] = [
  [/^xfer_refund_/i, ["refund"]],
  [/^(refund|rf)_/i, ["refund"]],
  [/^(xfer|tr)_/i, ["transfer", "settlement"]],
  [/^user_/i, ["user"]],
  [/^wlt_/i, ["wallet"]],
  [/^payin_/i, ["payin", "repudiation"]],
  [/^po_/i, ["payout"]],
  [/^report_/i, ["report"]],
  [/^card_/i, ["card"]],
  [/^(cardreg|crd_reg)_/i, ["cardRegistration"]],
  [/^(preauth|pa)_/i, ["preauthorization"]],
  [/^(mandate|mdt)_/i, ["mandate"]],
  [/^(kyc|doc)_/i, ["kycDocument"]],
  [/^ubo_/i, ["uboDeclaration"]],
  [/^(dispute|dsp)_/i, ["dispute"]],
  [/^(hook|hk)_/i, ["hook"]],
];

export type ParsedQuery =
  | { kind: "invalid" }
  | { kind: "clientWallet"; id: string }
  /** `USER_ID/BANK_ACCOUNT_ID`: MANGOPAY reads a bank account only through its user. */
  | { kind: "bankAccount"; userId: string; bankAccountId: string }
  | { kind: "ids"; id: string; candidates: SearchableType[] };

const ID = /^[A-Za-z0-9_-]{1,128}$/;

export function parseSearchQuery(raw: string): ParsedQuery {
  const q = raw.trim();
  const pair = q.split(/\s*[/ ]\s*/);
  if (pair.length === 2 && pair.every((p) => ID.test(p)))
    return { kind: "bankAccount", userId: pair[0] ?? "", bankAccountId: pair[1] ?? "" };
  if (!ID.test(q)) return { kind: "invalid" };
  if (/^(FEES|CREDIT)_[A-Z]{3}$/.test(q)) return { kind: "clientWallet", id: q };
  for (const [re, types] of PREFIXES) if (re.test(q)) return { kind: "ids", id: q, candidates: types };
  // Bank accounts need their user, so a lone id never probes them.
  return { kind: "ids", id: q, candidates: SEARCHABLE_TYPES.filter((t) => t !== "bankAccount") };
}
