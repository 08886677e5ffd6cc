// One client (platform) = one isolated store: typed Maps keyed by Id plus secondary indexes.
// Add a resource: a Map here, an add…() method feeding its indexes, the same indexes rebuilt in
// reindex(), and the Map's name in SNAPSHOT_MAPS (snapshot.ts). Every resource lives here.
import type {
  ClientDetails,
  Dispute,
  DisputeDocument,
  KycDocument,
  LegacyReport,
  PageInfo,
  PermissionGroup,
  ReportV2,
  Sso,
  UboDeclaration,
} from "./compliance-types";
import type {
  BankAccount,
  Card,
  CardRegistration,
  EmuEvent,
  Hook,
  Mandate,
  Money,
  PayIn,
  PreAuthorization,
  StoredResponse,
  Transaction,
  User,
  Wallet,
  Deposit,
  CardValidation,
  RecurringRegistration,
  IdentityVerification,
  IntentSettlement,
  AcquiringPayIn,
  AcquiringRefund,
  PayPalDataCollection,
  PayInIntent,
  IntentSplit,
} from "./types";
import { MultiIndex } from "./multi-index";
import type { BankingAlias, Quote, Recipient, ScaProfile, ScaSession, VirtualAccount } from "./sca-types";

export interface ClientInfo {
  ClientId: string;
  Name: string;
  ApiKey: string;
}

/** What the tokenizer learned about a card: the PAN never reaches the API objects. */
export interface TokenizedCard {
  registrationId: string;
  cardNumber: string;
  expirationDate: string;
}

export const FIRST_ID = 100_000_000;
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** What MANGOPAY's regulatory endpoint says about a user (`GET /users/{id}/regulatory`). */
export interface RegulatoryStatus {
  Inflows: boolean;
  Outflows: boolean;
  ActionCode: string | null;
}

export class ClientStore {
  seq = FIRST_ID;
  readonly users = new Map<string, User>();
  readonly wallets = new Map<string, Wallet>();
  /** Keyed `{FundsType}_{Currency}`, created on first use like MANGOPAY does. */
  readonly clientWallets = new Map<string, Wallet>();
  readonly transactions = new Map<string, Transaction>();
  readonly cardRegistrations = new Map<string, CardRegistration>();
  readonly cards = new Map<string, Card>();
  /** cardId → PAN-derived sandbox behaviour (see domain/test-cards.ts). */
  readonly cardNumbers = new Map<string, string>();
  readonly tokenizations = new Map<string, TokenizedCard>();
  readonly bankAccounts = new Map<string, BankAccount>();
  readonly mandates = new Map<string, Mandate>();
  readonly preauthorizations = new Map<string, PreAuthorization>();
  readonly hooks = new Map<string, Hook>();
  readonly idempotency = new Map<string, StoredResponse>();
  readonly kycDocuments = new Map<string, KycDocument>();
  readonly uboDeclarations = new Map<string, UboDeclaration>();
  readonly disputes = new Map<string, Dispute>();
  readonly disputeDocuments = new Map<string, DisputeDocument>();
  /** Document id (KYC or dispute document) → uploaded pages (sizes and kinds; contents are not kept). */
  readonly pages = new Map<string, PageInfo[]>();
  /** Legacy reports (`/reports`) and Reporting Service reports (`/reporting/reports`). */
  readonly reports = new Map<string, LegacyReport>();
  readonly reportsV2 = new Map<string, ReportV2>();
  readonly ssos = new Map<string, Sso>();
  readonly permissionGroups = new Map<string, PermissionGroup>();
  /** SSO id → when its current invitation was sent (invitations expire after 30 minutes). */
  readonly ssoInvitedAt = new Map<string, number>();
  /** User id → inflow/outflow blocking set by a sandbox operation (absent = not blocked). */
  readonly regulatory = new Map<string, RegulatoryStatus>();
  /** User id → SCA profile (phone, enrollment, consents); absent for users never seen by an SCA flow. */
  readonly scaProfiles = new Map<string, ScaProfile>();
  /** Hosted SCA sessions (PendingUserAction.RedirectUrl), by session id. */
  readonly scaSessions = new Map<string, ScaSession>();
  /** FX quotes (`/conversions/quote`); conversions themselves are transactions. */
  readonly quotes = new Map<string, Quote>();
  readonly virtualAccounts = new Map<string, VirtualAccount>();
  readonly bankingAliases = new Map<string, BankingAlias>();
  readonly recipients = new Map<string, Recipient>();
  /** Deposit preauthorizations and card validations: few per client, lists scan them (no index). */
  readonly deposits = new Map<string, Deposit>();
  readonly cardValidations = new Map<string, CardValidation>();
  readonly recurringRegistrations = new Map<string, RecurringRegistration>();
  /** Registration id → its pay-in ids, oldest first. */
  readonly recurringPayIns = new Map<string, string[]>();
  readonly identityVerifications = new Map<string, IdentityVerification>();
  /** Acquiring-only pay-ins and their refunds (outside the wallets: never in transaction lists). */
  readonly acquiringPayIns = new Map<string, AcquiringPayIn>();
  readonly acquiringRefunds = new Map<string, AcquiringRefund>();
  /** Acquiring pay-in id → its refund ids, oldest first. */
  readonly acquiringPayInRefunds = new Map<string, string[]>();
  readonly paypalDataCollections = new Map<string, PayPalDataCollection>();
  /** V3.0 pay-in intents and their splits. */
  readonly payInIntents = new Map<string, PayInIntent>();
  readonly intentSplits = new Map<string, IntentSplit>();
  readonly intentSettlements = new Map<string, IntentSettlement>();
  /** Intent dispute id → the capture it disputes. */
  readonly intentDisputeCaptures = new Map<string, string>();
  /** The client object (`GET /clients`), built on first read. */
  details: ClientDetails | null = null;
  /** Kept sorted by Date (seeding sorts once at the end; live events append with the current time). */
  events: EmuEvent[] = [];

  readonly idx = {
    walletsByUser: new MultiIndex(),
    txByUser: new MultiIndex(),
    txByWallet: new MultiIndex(),
    txByCard: new MultiIndex(),
    txByBankAccount: new MultiIndex(),
    txByMandate: new MultiIndex(),
    txByPreauth: new MultiIndex(),
    refundsByInitial: new MultiIndex(),
    cardsByUser: new MultiIndex(),
    bankAccountsByUser: new MultiIndex(),
    mandatesByUser: new MultiIndex(),
    mandatesByBankAccount: new MultiIndex(),
    preauthsByUser: new MultiIndex(),
    preauthsByCard: new MultiIndex(),
    hookByEventType: new Map<string, string>(),
    kycByUser: new MultiIndex(),
    uboByUser: new MultiIndex(),
    disputesByUser: new MultiIndex(),
    disputesByWallet: new MultiIndex(),
    disputesByPayIn: new MultiIndex(),
    docsByDispute: new MultiIndex(),
    /** Dispute id → its transactions (repudiation, settlement transfers, repudiation refunds). */
    txByDispute: new MultiIndex(),
    /** Repudiation id → dispute id. */
    disputeByRepudiation: new Map<string, string>(),
  };

  constructor(readonly info: ClientInfo) {}

  /**
   * Monotonically increasing ids. Without a prefix: numeric strings, like MANGOPAY's classic ids. With
   * one (`user_m`, `wlt_m`…): MANGOPAY's newer shape, the prefix then 26 Crockford base-32 characters
   * (ULID-like, still increasing). The real API mixes both, so no client may parse ids as numbers.
   */
  nextId(prefix?: string): string {
    this.seq += 1;
    if (!prefix) return String(this.seq);
    // ULID layout: 10 increasing "time" characters (here "01J" + the sequence), then 16 characters
    // derived from the sequence (deterministic, so the same seed gives the same ids).
    let n = this.seq;
    let time = "";
    for (let i = 0; i < 7; i++) {
      time = CROCKFORD[n % 32] + time;
      n = Math.floor(n / 32);
    }
    let h = (this.seq * 2654435761) >>> 0;
    let rest = "";
    for (let i = 0; i < 16; i++) {
      h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
      rest += CROCKFORD[h % 32];
    }
    return `${prefix}_01J${time}${rest}`;
  }

  addUser(user: User): void {
    this.users.set(user.Id, user);
  }

  addWallet(wallet: Wallet): void {
    this.wallets.set(wallet.Id, wallet);
    for (const owner of wallet.Owners) this.idx.walletsByUser.add(owner, wallet.Id);
  }

  addTransaction(tx: Transaction): void {
    this.transactions.set(tx.Id, tx);
    this.indexTransaction(tx);
  }

  addCard(card: Card): void {
    this.cards.set(card.Id, card);
    this.idx.cardsByUser.add(card.UserId, card.Id);
  }

  addBankAccount(account: BankAccount): void {
    this.bankAccounts.set(account.Id, account);
    this.idx.bankAccountsByUser.add(account.UserId, account.Id);
  }

  addMandate(mandate: Mandate): void {
    this.mandates.set(mandate.Id, mandate);
    this.idx.mandatesByUser.add(mandate.UserId, mandate.Id);
    this.idx.mandatesByBankAccount.add(mandate.BankAccountId, mandate.Id);
  }

  addPreauthorization(preauth: PreAuthorization): void {
    this.preauthorizations.set(preauth.Id, preauth);
    this.idx.preauthsByUser.add(preauth.AuthorId, preauth.Id);
    this.idx.preauthsByCard.add(preauth.CardId, preauth.Id);
  }

  addHook(hook: Hook): void {
    this.hooks.set(hook.Id, hook);
    this.idx.hookByEventType.set(hook.EventType, hook.Id);
  }

  addKycDocument(doc: KycDocument): void {
    this.kycDocuments.set(doc.Id, doc);
    this.idx.kycByUser.add(doc.UserId, doc.Id);
  }

  addUboDeclaration(decl: UboDeclaration): void {
    this.uboDeclarations.set(decl.Id, decl);
    this.idx.uboByUser.add(decl.UserId, decl.Id);
  }

  addDispute(dispute: Dispute): void {
    this.disputes.set(dispute.Id, dispute);
    this.indexDispute(dispute);
  }

  addDisputeDocument(doc: DisputeDocument): void {
    this.disputeDocuments.set(doc.Id, doc);
    this.idx.docsByDispute.add(doc.DisputeId, doc.Id);
  }

  /** Disputes are found by the pay-in's author, credited user and credited wallet. */
  private indexDispute(dispute: Dispute): void {
    const { idx } = this;
    const payin = this.transactions.get(dispute.InitialTransactionId);
    idx.disputesByPayIn.add(dispute.InitialTransactionId, dispute.Id);
    if (payin) {
      idx.disputesByUser.add(payin.AuthorId, dispute.Id);
      if (payin.CreditedUserId !== payin.AuthorId) idx.disputesByUser.add(payin.CreditedUserId, dispute.Id);
      idx.disputesByWallet.add(payin.CreditedWalletId, dispute.Id);
    }
    if (dispute.RepudiationId) {
      idx.disputeByRepudiation.set(dispute.RepudiationId, dispute.Id);
      idx.txByDispute.add(dispute.Id, dispute.RepudiationId);
    }
  }

  private indexTransaction(tx: Transaction): void {
    const { idx } = this;
    idx.txByUser.add(tx.AuthorId, tx.Id);
    if (tx.CreditedUserId !== tx.AuthorId) idx.txByUser.add(tx.CreditedUserId, tx.Id);
    idx.txByWallet.add(tx.DebitedWalletId, tx.Id);
    idx.txByWallet.add(tx.CreditedWalletId, tx.Id);
    // A bank wire shows placeholder Fees until its funds arrive: its declared fees decide.
    const wire =
      tx.Fees.Amount === 0 &&
      tx.Type === "PAYIN" &&
      tx.Nature !== "REFUND" &&
      (tx as PayIn).PaymentType === "BANK_WIRE";
    const fees = wire ? ((tx as PayIn).DeclaredFees as Money | undefined) : tx.Fees;
    if (fees && fees.Amount !== 0) idx.txByWallet.add(`FEES_${fees.Currency}`, tx.Id);
    if (tx.Nature === "REFUND") {
      idx.refundsByInitial.add(tx.InitialTransactionId, tx.Id);
      return;
    }
    // Only the kinds that carry a link are probed: missing-property lookups are slow at scale.
    if (tx.Type === "PAYOUT") idx.txByBankAccount.add(asId(tx.BankAccountId), tx.Id);
    else if (tx.Type === "PAYIN" && tx.PaymentType !== "BANK_WIRE") {
      idx.txByCard.add(asId(tx.CardId), tx.Id);
      idx.txByMandate.add(asId(tx.MandateId), tx.Id);
      idx.txByPreauth.add(asId(tx.PreauthorizationId), tx.Id);
    }
  }

  /** Rebuilds every secondary index from the Maps (after loading a snapshot). */
  reindex(): void {
    for (const index of Object.values(this.idx)) index.clear();
    for (const w of this.wallets.values()) for (const o of w.Owners) this.idx.walletsByUser.add(o, w.Id);
    for (const tx of this.transactions.values()) this.indexTransaction(tx);
    for (const c of this.cards.values()) this.idx.cardsByUser.add(c.UserId, c.Id);
    for (const b of this.bankAccounts.values()) this.idx.bankAccountsByUser.add(b.UserId, b.Id);
    for (const m of this.mandates.values()) {
      this.idx.mandatesByUser.add(m.UserId, m.Id);
      this.idx.mandatesByBankAccount.add(m.BankAccountId, m.Id);
    }
    for (const p of this.preauthorizations.values()) {
      this.idx.preauthsByUser.add(p.AuthorId, p.Id);
      this.idx.preauthsByCard.add(p.CardId, p.Id);
    }
    for (const h of this.hooks.values()) this.idx.hookByEventType.set(h.EventType, h.Id);
    for (const d of this.kycDocuments.values()) this.idx.kycByUser.add(d.UserId, d.Id);
    for (const d of this.uboDeclarations.values()) this.idx.uboByUser.add(d.UserId, d.Id);
    for (const d of this.disputes.values()) this.indexDispute(d);
    for (const d of this.disputeDocuments.values()) this.idx.docsByDispute.add(d.DisputeId, d.Id);
    // Settlement transfers and repudiation refunds belong to the dispute of their repudiation.
    for (const tx of this.transactions.values()) {
      const repudiationId = (tx as { RepudiationId?: unknown }).RepudiationId;
      const initial =
        tx.Nature === "REFUND" ? tx.InitialTransactionId : typeof repudiationId === "string" ? repudiationId : null;
      const disputeId = initial ? this.idx.disputeByRepudiation.get(initial) : undefined;
      if (disputeId) this.idx.txByDispute.add(disputeId, tx.Id);
    }
  }
}

function asId(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}
