// Per-client state of issue 5 (KYC, UBO, disputes, reports, SSOs, permission groups, client details).
// Attached to a ClientStore through a WeakMap so part 1's store stays untouched: a reset builds new
// ClientStores and this state goes with them. Snapshots carry it in ClientSnapshot.extra.
import type { ClientStore } from "./client-store";
import type {
  ClientDetails, Dispute, DisputeDocument, KycDocument, LegacyReport, PageInfo, PermissionGroup, ReportV2, Sso,
  UboDeclaration,
} from "./compliance-types";
import { MultiIndex } from "./multi-index";

export class ComplianceState {
  readonly kycDocuments = new Map<string, KycDocument>();
  readonly uboDeclarations = new Map<string, UboDeclaration>();
  readonly disputes = new Map<string, Dispute>();
  readonly disputeDocuments = new Map<string, DisputeDocument>();
  /** Document id (KYC or dispute document) → uploaded pages. */
  readonly pages = new Map<string, PageInfo[]>();
  readonly reports = new Map<string, LegacyReport>();
  readonly reportsV2 = new Map<string, ReportV2>();
  readonly ssos = new Map<string, Sso>();
  readonly permissionGroups = new Map<string, PermissionGroup>();
  /** SSO id → when its current invitation was sent (invitations expire after 30 minutes). */
  readonly ssoInvitedAt = new Map<string, number>();
  details: ClientDetails | null = null;

  readonly idx = {
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
}

const states = new WeakMap<ClientStore, ComplianceState>();

export function compliance(store: ClientStore): ComplianceState {
  let state = states.get(store);
  if (!state) {
    state = new ComplianceState();
    states.set(store, state);
  }
  return state;
}

const MAPS = [
  "kycDocuments", "uboDeclarations", "disputes", "disputeDocuments", "pages", "reports", "reportsV2", "ssos",
  "permissionGroups", "ssoInvitedAt",
] as const;

export interface ComplianceSnapshot {
  maps: Partial<Record<(typeof MAPS)[number], Array<[string, unknown]>>>;
  details: ClientDetails | null;
}

export function complianceSnapshot(store: ClientStore): ComplianceSnapshot {
  const state = compliance(store);
  const maps: ComplianceSnapshot["maps"] = {};
  for (const name of MAPS) maps[name] = [...(state[name] as Map<string, unknown>).entries()];
  return { maps, details: state.details };
}

/** Restores a snapshot's state and rebuilds the indexes (which are never serialised). */
export function restoreCompliance(store: ClientStore, snap: ComplianceSnapshot | undefined): void {
  const state = compliance(store);
  if (snap) {
    for (const name of MAPS) {
      const target = state[name] as Map<string, unknown>;
      for (const [k, v] of snap.maps[name] ?? []) target.set(k, v);
    }
    state.details = snap.details;
  }
  reindexCompliance(store);
}

export function indexKyc(store: ClientStore, doc: KycDocument): void {
  compliance(store).idx.kycByUser.add(doc.UserId, doc.Id);
}

export function indexUbo(store: ClientStore, decl: UboDeclaration): void {
  compliance(store).idx.uboByUser.add(decl.UserId, decl.Id);
}

/** Disputes are found by the pay-in's author, credited user and credited wallet. */
export function indexDispute(store: ClientStore, dispute: Dispute): void {
  const { idx } = compliance(store);
  const payin = store.transactions.get(dispute.InitialTransactionId);
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

export function reindexCompliance(store: ClientStore): void {
  const state = compliance(store);
  for (const index of Object.values(state.idx)) index.clear();
  for (const d of state.kycDocuments.values()) indexKyc(store, d);
  for (const d of state.uboDeclarations.values()) indexUbo(store, d);
  for (const d of state.disputes.values()) indexDispute(store, d);
  for (const d of state.disputeDocuments.values()) state.idx.docsByDispute.add(d.DisputeId, d.Id);
  for (const tx of store.transactions.values()) {
    const repudiationId = (tx as { RepudiationId?: unknown }).RepudiationId;
    const initial = tx.Nature === "REFUND" ? tx.InitialTransactionId : typeof repudiationId === "string" ? repudiationId : null;
    const disputeId = initial ? state.idx.disputeByRepudiation.get(initial) : undefined;
    if (disputeId) state.idx.txByDispute.add(disputeId, tx.Id);
  }
}
