// Scale seeding (`--scale users=100000,transactions=1000000` or POST /_emulator/scale): bulkSeed
// builds users, wallets and money flows; this adds KYC, UBO, disputes and reports in proportion
// (KYC documents for 1 user in 10, one dispute per 1,000 transactions, capped) so lists, search
// and exports can be tested at size. Everything is synchronous and deterministic from the seed.
import type { Emulator } from "../core/emulator";
import { Random } from "../core/random";
import { moveDispute, openDispute } from "../domain/disputes";
import { createKycDocument, decideKyc, submitKycDocument } from "../domain/kyc";
import { sortEvents } from "../events/event-bus";
import type { ClientStore } from "../store/client-store";
import { DISPUTE_TYPES } from "../store/compliance-types";
import { bulkSeed, type BulkSeedResult } from "./bulk-seed";

export interface ScaleSpec {
  users: number;
  transactions: number;
}

export interface ScaleResult extends BulkSeedResult {
  clientId: string;
  kycDocuments: number;
  disputes: number;
  ms: number;
  heapUsedMb: number;
}

const MAX = { users: 2_000_000, transactions: 20_000_000 };

/** Parses "users=100000,transactions=1000000" (either key optional, `_` separators allowed). */
export function parseScale(raw: string): ScaleSpec {
  const spec: ScaleSpec = { users: 1000, transactions: 10_000 };
  for (const part of raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value] = part.split("=");
    const n = Number((value ?? "").replace(/_/g, ""));
    if ((key !== "users" && key !== "transactions") || !Number.isInteger(n) || n < 0 || n > MAX[key]) {
      throw new Error(`--scale expects users=N,transactions=N (N ≤ ${MAX.transactions}), got "${part}"`);
    }
    spec[key] = n;
  }
  if (spec.transactions > 0 && spec.users === 0) throw new Error("--scale: transactions need at least one user");
  return spec;
}

function scaleCompliance(
  emu: Emulator,
  store: ClientStore,
  rnd: Random,
  firstUserIndex: number,
  now: number,
): { kyc: number; disputes: number } {
  const users = [...store.users.values()].slice(firstUserIndex);
  let kyc = 0;
  for (let i = 0; i < users.length; i += 10) {
    const user = users[i];
    const at = user.CreationDate + 600;
    const doc = createKycDocument(emu, store, user.Id, "IDENTITY_PROOF", null, at);
    store.pages.set(doc.Id, [{ bytes: 100_000, kind: "PNG", uploadedAt: at }]);
    submitKycDocument(emu, store, doc, at + 60);
    if (rnd.chance(0.8))
      decideKyc(
        emu,
        store,
        doc,
        rnd.chance(0.85) ? { validated: true } : { validated: false, reason: "DOCUMENT_UNREADABLE" },
        at + 3600,
      );
    kyc++;
  }
  const target = Math.min(5000, Math.floor(store.transactions.size / 1000));
  let disputes = 0;
  for (const tx of store.transactions.values()) {
    if (disputes >= target) break;
    if (tx.Type !== "PAYIN" || tx.Nature !== "REGULAR" || tx.Status !== "SUCCEEDED" || !rnd.chance(0.01)) continue;
    const opened = Math.min(now - 3600, tx.CreationDate + 86_400 * rnd.int(1, 20));
    const dispute = openDispute(
      emu,
      store,
      { PayInId: tx.Id, DisputeType: rnd.pick(DISPUTE_TYPES), DisputeReasonType: "FRAUD" },
      opened,
      "now",
    );
    if (dispute.Status !== "CLOSED" && rnd.chance(0.6))
      moveDispute(emu, store, dispute, "CLOSED", opened + 7200, { ResultCode: rnd.chance(0.5) ? "WON" : "LOST" });
    disputes++;
  }
  return { kyc, disputes };
}

/** Adds a scale data set to one client (by default the demo marketplace). */
export function scaleClient(emu: Emulator, store: ClientStore, spec: ScaleSpec, seed = 7): ScaleResult {
  const started = Date.now();
  const firstUserIndex = store.users.size;
  const now = emu.clock.now();
  const bulk = bulkSeed(emu, store, { users: spec.users, transactions: spec.transactions, seed, now });
  emu.seeding = true;
  emu.events.muted = true;
  let extra: { kyc: number; disputes: number };
  try {
    extra = scaleCompliance(emu, store, new Random(seed * 31 + 1), firstUserIndex, now);
    sortEvents(store);
  } finally {
    emu.seeding = false;
    emu.events.muted = false;
  }
  return {
    ...bulk,
    clientId: store.info.ClientId,
    kycDocuments: extra.kyc,
    disputes: extra.disputes,
    ms: Date.now() - started,
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
  };
}
