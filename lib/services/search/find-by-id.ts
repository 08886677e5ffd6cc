import "server-only";
import {
  bankAccounts,
  cardRegistrations,
  cards,
  clientWallets,
  conversions,
  deposits,
  disputes,
  hooks,
  identityVerifications,
  kycDocuments,
  mandates,
  payInIntents,
  payins,
  payouts,
  preauthorizations,
  recipients,
  recurring,
  refunds,
  reports,
  repudiations,
  transfers,
  ubo,
  users,
  virtualAccounts,
  wallets,
  type CallOptions,
  type MangopayClient,
} from "@/lib/mangopay";
import { APM_LABELS, type ApmMethod } from "@/lib/mangopay/apm-payins";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError } from "@/lib/server/errors";
import { assertCan, can, type Permission } from "@/lib/server/permissions";
import { toMoneyDTO, type MoneyDTO } from "@/lib/services/mangopay/inputs";
import { accountClient } from "@/lib/services/mangopay/request";
import { describeError, toServiceError, type ErrorView } from "@/lib/services/upstream";
import { parseSearchQuery, TYPE_LABELS, type LoneIdType, type PairType, type SearchableType } from "./id-shapes";

export type SearchHit = {
  type: SearchableType | "clientWallet";
  typeLabel: string;
  id: string;
  /** The card or wallet an object is read through (card validations, virtual accounts). */
  parentId: string | null;
  status: string | null;
  amount: MoneyDTO | null;
  /** The user the object belongs to, when it has one (links go through the user). */
  userId: string | null;
  walletId: string | null;
  summary: string | null;
};

export type SearchResult = {
  query: string;
  valid: boolean;
  hits: SearchHit[];
  /** Types that could not be checked (MANGOPAY failed), with why. */
  failures: { typeLabel: string; error: ErrorView }[];
  /** Types the member may not read, so they were not searched. */
  skipped: string[];
};

type Found = Omit<SearchHit, "type" | "typeLabel" | "id" | "parentId">;
type Probe = { permission: Permission; fetch: (client: MangopayClient, id: string, o: CallOptions) => Promise<Found> };

const tx = (t: {
  Status: string;
  DebitedFunds: { Amount: number; Currency: string };
  AuthorId?: string | null;
  DebitedWalletId?: string | null;
  CreditedWalletId?: string | null;
  Type: string;
  Nature: string;
}): Found => ({
  status: t.Status,
  amount: toMoneyDTO(t.DebitedFunds),
  userId: t.AuthorId ?? null,
  walletId: t.CreditedWalletId ?? t.DebitedWalletId ?? null,
  summary: `${t.Type} · ${t.Nature}`,
});
const none = { amount: null, walletId: null };

const PROBES: Record<LoneIdType, Probe> = {
  user: {
    permission: "users.read",
    fetch: async (c, id, o) => {
      const u = await users.get(c, id, o);
      return {
        ...none,
        status: u.UserStatus ?? null,
        userId: u.Id,
        summary: u.PersonType === "NATURAL" ? `${u.FirstName} ${u.LastName}` : u.Name,
      };
    },
  },
  wallet: {
    permission: "wallets.read",
    fetch: async (c, id, o) => {
      const w = await wallets.get(c, id, o);
      return {
        status: null,
        amount: toMoneyDTO(w.Balance),
        userId: w.Owners[0] ?? null,
        walletId: w.Id,
        summary: w.Description ?? null,
      };
    },
  },
  payin: {
    permission: "payins.read",
    // The method by name (card, bank wire, MB WAY, PayPal…): APM pay-ins are pay-ins too.
    fetch: async (c, id, o) => {
      const p = await payins.get(c, id, o);
      const method = APM_LABELS[p.PaymentType as ApmMethod] ?? p.PaymentType;
      return { ...tx(p), summary: `${p.Type} · ${p.Nature} · ${method}` };
    },
  },
  payout: { permission: "payouts.read", fetch: async (c, id, o) => tx(await payouts.get(c, id, o)) },
  transfer: { permission: "transfers.read", fetch: async (c, id, o) => tx(await transfers.get(c, id, o)) },
  refund: { permission: "refunds.read", fetch: async (c, id, o) => tx(await refunds.get(c, id, o)) },
  card: {
    permission: "cards.read",
    fetch: async (c, id, o) => {
      const k = await cards.get(c, id, o);
      return {
        ...none,
        status: k.Active ? k.Validity : "INACTIVE",
        userId: k.UserId,
        summary: `${k.Alias ?? ""} ${k.CardProvider ?? ""}`.trim(),
      };
    },
  },
  cardRegistration: {
    permission: "cards.read",
    fetch: async (c, id, o) => {
      const r = await cardRegistrations.get(c, id, o);
      return { ...none, status: r.Status, userId: r.UserId, summary: r.Currency };
    },
  },
  preauthorization: {
    permission: "preauthorizations.read",
    fetch: async (c, id, o) => {
      const p = await preauthorizations.get(c, id, o);
      return {
        status: p.PaymentStatus,
        amount: toMoneyDTO(p.DebitedFunds),
        userId: p.AuthorId,
        walletId: null,
        summary: p.Status,
      };
    },
  },
  mandate: {
    permission: "mandates.read",
    fetch: async (c, id, o) => {
      const m = await mandates.get(c, id, o);
      return { ...none, status: m.Status, userId: m.UserId, summary: m.Scheme ?? null };
    },
  },
  kycDocument: {
    permission: "kycDocuments.read",
    fetch: async (c, id, o) => {
      const d = await kycDocuments.get(c, id, o);
      return { ...none, status: d.Status, userId: d.UserId, summary: d.Type };
    },
  },
  uboDeclaration: {
    permission: "uboDeclarations.read",
    fetch: async (c, id, o) => {
      const d = await ubo.getDeclaration(c, id, o);
      return { ...none, status: d.Status, userId: d.UserId, summary: `${d.Ubos?.length ?? 0} UBO(s)` };
    },
  },
  dispute: {
    permission: "disputes.read",
    fetch: async (c, id, o) => {
      const d = await disputes.get(c, id, o);
      return {
        status: d.Status,
        amount: toMoneyDTO(d.DisputedFunds),
        userId: null,
        walletId: null,
        summary: d.DisputeType,
      };
    },
  },
  repudiation: { permission: "repudiations.read", fetch: async (c, id, o) => tx(await repudiations.get(c, id, o)) },
  settlement: {
    permission: "repudiations.read",
    fetch: async (c, id, o) => tx(await repudiations.getSettlement(c, id, o)),
  },
  report: {
    permission: "reporting.read",
    fetch: async (c, id, o) => {
      const r = await reports.get(c, id, o);
      return { ...none, userId: null, status: r.Status, summary: r.ReportType ?? null };
    },
  },
  conversion: {
    permission: "transactions.read",
    fetch: async (c, id, o) => {
      const t = await conversions.get(c, id, o);
      const credited = t.CreditedFunds ? ` → ${t.CreditedFunds.Currency}` : "";
      return {
        ...tx(t),
        summary: `${t.QuoteId ? "Quoted" : "Instant"} conversion ${t.DebitedFunds.Currency}${credited}`,
      };
    },
  },
  deposit: {
    permission: "preauthorizations.read",
    fetch: async (c, id, o) => {
      const d = await deposits.get(c, id, o);
      return {
        status: d.PaymentStatus,
        amount: toMoneyDTO(d.DebitedFunds),
        userId: d.AuthorId,
        walletId: null,
        summary: `${d.Status} · card ${d.CardId}`,
      };
    },
  },
  recurringRegistration: {
    permission: "payins.read",
    fetch: async (c, id, o) => {
      const r = await recurring.getRegistration(c, id, o);
      return {
        status: r.Status,
        amount: toMoneyDTO(r.NextTransactionDebitedFunds ?? r.FirstTransactionDebitedFunds),
        userId: r.AuthorId,
        walletId: r.CreditedWalletId,
        summary: `${r.Frequency ?? r.RecurringType ?? "Recurring"} · ${r.CurrentState?.PayinsLinked ?? 0} pay-in(s)`,
      };
    },
  },
  identityVerification: {
    permission: "kycDocuments.read",
    fetch: async (c, id, o) => {
      const v = await identityVerifications.get(c, id, o);
      return { ...none, status: v.Status, userId: v.UserId, summary: `${v.Checks?.length ?? 0} check(s)` };
    },
  },
  // Recipients replace bank accounts (payouts v2); MANGOPAY serves a migrated bank account here under
  // its old (digits) Id, so plain digits probe them too.
  recipient: {
    permission: "bankAccounts.read",
    fetch: async (c, id, o) => {
      const r = await recipients.get(c, id, o);
      return {
        ...none,
        status: r.Status,
        userId: r.UserId,
        summary: [r.DisplayName, r.Currency, r.PayoutMethodType].filter(Boolean).join(" · "),
      };
    },
  },
  payInIntent: {
    permission: "payins.read",
    fetch: async (c, id, o) => {
      const i = await payInIntents.get(c, id, o);
      const provider = i.ExternalData?.ExternalProviderName;
      const lines = `${i.LineItems.length} line item${i.LineItems.length === 1 ? "" : "s"}`;
      return {
        status: i.Status,
        amount: toMoneyDTO({ Amount: i.Amount, Currency: i.Currency }),
        userId: i.Buyer?.Id ?? null,
        walletId: null,
        summary: [provider ? `via ${provider}` : null, lines].filter(Boolean).join(" · "),
      };
    },
  },
  // MANGOPAY's settlement carries no currency: the amount shows in the settlement page, with a matched intent's.
  intentSettlement: {
    permission: "payins.read",
    fetch: async (c, id, o) => {
      const s = await payInIntents.getSettlement(c, id, o);
      return {
        ...none,
        userId: null,
        status: s.Status,
        summary: [s.ExternalProviderName, s.FileName].filter(Boolean).join(" · ") || null,
      };
    },
  },
  hook: {
    permission: "hooks.read",
    fetch: async (c, id, o) => {
      const h = await hooks.get(c, id, o);
      return { ...none, userId: null, status: h.Status, summary: `${h.EventType} → ${h.Url}` };
    },
  },
};

type PairProbe = {
  permission: Permission;
  fetch: (client: MangopayClient, parentId: string, id: string, o: CallOptions) => Promise<Found>;
};

// `PARENT_ID/ID`: the parent is the user, card or wallet MANGOPAY reads the object through.
const PAIR_PROBES: Record<PairType, PairProbe> = {
  bankAccount: {
    permission: "bankAccounts.read",
    fetch: async (c, userId, id, o) => {
      const b = await bankAccounts.get(c, userId, id, o);
      return {
        ...none,
        status: b.Active ? "ACTIVE" : "INACTIVE",
        userId: b.UserId,
        summary: `${b.Type} · ${b.OwnerName}`,
      };
    },
  },
  cardValidation: {
    permission: "cards.read",
    fetch: async (c, cardId, id, o) => {
      const v = await deposits.getCardValidation(c, cardId, id, o);
      return { ...none, status: v.Validity, userId: v.AuthorId ?? null, summary: `${v.Status} · card ${cardId}` };
    },
  },
  virtualAccount: {
    permission: "wallets.read",
    fetch: async (c, walletId, id, o) => {
      const va = await virtualAccounts.get(c, walletId, id, o);
      return {
        status: va.Status,
        amount: null,
        userId: va.CreditedUserId ?? null,
        walletId: va.WalletId,
        summary: `${va.VirtualAccountPurpose} · ${va.Country ?? ""}`.trim(),
      };
    },
  },
};

// Interactive reads, all candidates at once (at most one per type, so the fan-out is bounded by the
// number of types) with a short deadline: a search answers in about one call's time.
const PROBE_OPTIONS: CallOptions = { priority: "interactive", timeoutMs: 5_000, deadlineMs: 8_000 };

/**
 * Finds any API object of the account by Id, probing only the types the member may read. Searching
 * at all needs users.read (the dashboard's base read): an answer tells which type an id is.
 */
export async function findById({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { query: unknown };
}): Promise<SearchResult> {
  assertCan(ctx, "users.read");
  const query = typeof input.query === "string" ? input.query.slice(0, 300) : "";
  const parsed = parseSearchQuery(query);
  const empty: SearchResult = {
    query: query.trim(),
    valid: parsed.kind !== "invalid",
    hits: [],
    failures: [],
    skipped: [],
  };
  if (parsed.kind === "invalid") return empty;
  const client = await accountClient(ctx.hub.id, ctx.account.id);

  type Job = {
    type: SearchableType | "clientWallet";
    id: string;
    parentId?: string;
    permission: Permission;
    run: () => Promise<Found>;
  };
  let jobs: Job[];
  if (parsed.kind === "clientWallet") {
    const [fundsType, currency] = parsed.id.split("_") as ["FEES" | "CREDIT", string];
    jobs = [
      {
        type: "clientWallet",
        id: parsed.id,
        permission: "clientWallets.read",
        run: async () => {
          const w = await clientWallets.get(client, fundsType, currency, PROBE_OPTIONS);
          return {
            ...none,
            amount: toMoneyDTO(w.Balance),
            userId: null,
            status: null,
            summary: `${fundsType} client wallet`,
          };
        },
      },
    ];
  } else if (parsed.kind === "pair") {
    const { parentId, id } = parsed;
    jobs = parsed.candidates.map((type) => ({
      type,
      id,
      parentId,
      permission: PAIR_PROBES[type].permission,
      run: () => PAIR_PROBES[type].fetch(client, parentId, id, PROBE_OPTIONS),
    }));
  } else {
    const { id } = parsed;
    jobs = parsed.candidates.map((type) => ({
      type,
      id,
      permission: PROBES[type].permission,
      run: () => PROBES[type].fetch(client, id, PROBE_OPTIONS),
    }));
  }
  const allowed = jobs.filter((j) => can(ctx, j.permission));
  const skipped = jobs.filter((j) => !can(ctx, j.permission)).map((j) => label(j.type));
  const settled = await Promise.allSettled(allowed.map((j) => j.run()));
  const result: SearchResult = { ...empty, skipped };
  settled.forEach((s, i) => {
    const job = allowed[i];
    if (!job) return;
    if (s.status === "fulfilled") {
      result.hits.push({
        type: job.type,
        typeLabel: label(job.type),
        id: job.id,
        parentId: job.parentId ?? null,
        ...s.value,
      });
      return;
    }
    const mapped = toServiceError(s.reason);
    if (!(mapped instanceof NotFoundError))
      result.failures.push({ typeLabel: label(job.type), error: describeError(mapped) });
  });
  return result;
}

function label(type: SearchableType | "clientWallet"): string {
  return type === "clientWallet" ? "Client wallet" : TYPE_LABELS[type];
}
