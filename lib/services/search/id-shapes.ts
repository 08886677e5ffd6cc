// Which MANGOPAY object types an id can be, from its shape. Newer MANGOPAY ids carry a prefix that
// names the type (`user_m_…`, `wlt_m_…`, `payin_m_…`, `po_b_…`, `xfer_refund_c_…`, `report_m_…`,
// `card_m_…`, `deposit_m_…`, `cvr_…`, `recpayinreg_…`, `idnver_m_…`, `wltbank_m_…`, `rec_m_…`, V3.0's `int_…` and
// `stl_…`); client wallets are
// `FEES_EUR`/`CREDIT_EUR`; plain digits and UUIDs say nothing, so every type stays a candidate.
// Objects MANGOPAY reads only through a parent take `PARENT_ID/ID`. Pure: unit-tested in
// tests/unit/dashboard/id-shapes.test.ts.

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
  "conversion",
  "deposit",
  "recurringRegistration",
  "identityVerification",
  "cardValidation",
  "virtualAccount",
  "recipient",
  "payInIntent",
  "intentSettlement",
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
  conversion: "Conversion",
  deposit: "Deposit preauthorization",
  recurringRegistration: "Recurring registration",
  identityVerification: "Identity verification",
  cardValidation: "Card validation",
  virtualAccount: "Virtual account",
  recipient: "Recipient",
  payInIntent: "Pay-in intent",
  intentSettlement: "Intent settlement",
};

/**
 * Read only through a parent: a bank account through its user, a card validation through its card, a
 * virtual account through its wallet. A lone id never probes them; `PARENT_ID/ID` does.
 */
export const PAIR_TYPES = ["bankAccount", "cardValidation", "virtualAccount"] as const;
export type PairType = (typeof PAIR_TYPES)[number];
/** Everything else: read by its id alone. */
export type LoneIdType = Exclude<SearchableType, PairType>;
const isLoneIdType = (t: SearchableType): t is LoneIdType => !(PAIR_TYPES as readonly string[]).includes(t);

/**
 * Found only by their prefix: V3.0 pay-in intents (`int_…`) and their settlements (`stl_…`) have no other id
 * shape, so plain digits never probe them.
 */
export const PREFIX_ONLY_TYPES = ["payInIntent", "intentSettlement"] as const;

/** What a lone id without a telling prefix may be. */
export const LONE_ID_TYPES: readonly LoneIdType[] = SEARCHABLE_TYPES.filter(isLoneIdType).filter(
  (t) => !(PREFIX_ONLY_TYPES as readonly string[]).includes(t),
);

// Longest prefixes first: `xfer_refund_` is a refund, `xfer_` a transfer.
const PREFIXES: [RegExp, LoneIdType[]][] = [
  [/^xfer_refund_/i, ["refund"]],
  [/^recpayinreg_/i, ["recurringRegistration"]],
  [/^rec_/i, ["recipient"]],
  [/^(deposit|dep)_/i, ["deposit"]],
  [/^(cvr|conv)_/i, ["conversion"]],
  [/^idnver_/i, ["identityVerification"]],
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
  [/^int_/i, ["payInIntent"]],
  [/^stl_/i, ["intentSettlement"]],
];

export type ParsedQuery =
  | { kind: "invalid" }
  | { kind: "clientWallet"; id: string }
  /** `PARENT_ID/ID`: a user's bank account, a card's validation or a wallet's virtual account. */
  | { kind: "pair"; parentId: string; id: string; candidates: PairType[] }
  | { kind: "ids"; id: string; candidates: LoneIdType[] };

const ID = /^[A-Za-z0-9_-]{1,128}$/;

export function parseSearchQuery(raw: string): ParsedQuery {
  const q = raw.trim();
  const pair = q.split(/\s*[/ ]\s*/);
  if (pair.length === 2 && pair.every((p) => ID.test(p))) {
    const parentId = pair[0] ?? "";
    const id = pair[1] ?? "";
    return { kind: "pair", parentId, id, candidates: pairCandidates(parentId, id) };
  }
  if (!ID.test(q)) return { kind: "invalid" };
  if (/^(FEES|CREDIT)_[A-Z]{3}$/.test(q)) return { kind: "clientWallet", id: q };
  for (const [re, types] of PREFIXES) if (re.test(q)) return { kind: "ids", id: q, candidates: types };
  return { kind: "ids", id: q, candidates: [...LONE_ID_TYPES] };
}

// The parent's prefix (or the child's) narrows a pair; plain digits keep all three.
function pairCandidates(parentId: string, id: string): PairType[] {
  if (/^wltbank_/i.test(id) || /^wlt_/i.test(parentId)) return ["virtualAccount"];
  if (/^user_/i.test(parentId)) return ["bankAccount"];
  if (/^card_/i.test(parentId)) return ["cardValidation"];
  return [...PAIR_TYPES];
}
