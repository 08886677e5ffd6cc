// Snapshot of every client to a JSON file (written atomically) so a dev restart keeps its state.
// Add a resource: list its Map in SNAPSHOT_MAPS; indexes are rebuilt by ClientStore.reindex().
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Emulator } from "../core/emulator";
import { ClientStore, type ClientInfo } from "./client-store";
import type { ClientDetails } from "./compliance-types";
import type { EmuEvent } from "./types";

export const SNAPSHOT_MAPS = [
  "users",
  "wallets",
  "clientWallets",
  "transactions",
  "cardRegistrations",
  "cards",
  "cardNumbers",
  "tokenizations",
  "bankAccounts",
  "mandates",
  "preauthorizations",
  "hooks",
  "idempotency",
  "kycDocuments",
  "uboDeclarations",
  "disputes",
  "disputeDocuments",
  "pages",
  "reports",
  "reportsV2",
  "ssos",
  "permissionGroups",
  "ssoInvitedAt",
  "regulatory",
  "scaProfiles",
  "scaSessions",
  "quotes",
  "virtualAccounts",
  "bankingAliases",
  "recipients",
  "deposits",
  "cardValidations",
  "recurringRegistrations",
  "recurringPayIns",
  "identityVerifications",
  "acquiringPayIns",
  "acquiringRefunds",
  "acquiringPayInRefunds",
  "paypalDataCollections",
  "payInIntents",
  "intentSplits",
  "intentSettlements",
  "intentDisputeCaptures",
] as const satisfies ReadonlyArray<keyof ClientStore>;

type MapName = (typeof SNAPSHOT_MAPS)[number];

interface ClientSnapshot {
  info: ClientInfo;
  seq: number;
  maps: Partial<Record<MapName, Array<[string, unknown]>>>;
  events: EmuEvent[];
  details: ClientDetails | null;
}

interface Snapshot {
  format: "mangopay-emulator-snapshot";
  version: 2;
  savedAt: number;
  clients: ClientSnapshot[];
}

export function toSnapshot(emu: Emulator): Snapshot {
  const clients: ClientSnapshot[] = [];
  for (const store of emu.clients.values()) {
    const maps: ClientSnapshot["maps"] = {};
    for (const name of SNAPSHOT_MAPS) maps[name] = [...(store[name] as Map<string, unknown>).entries()];
    clients.push({ info: store.info, seq: store.seq, maps, events: store.events, details: store.details });
  }
  return { format: "mangopay-emulator-snapshot", version: 2, savedAt: emu.clock.now(), clients };
}

export function fromSnapshot(emu: Emulator, snapshot: Snapshot): void {
  for (const c of snapshot.clients) {
    const store = new ClientStore(c.info);
    store.seq = c.seq;
    for (const name of SNAPSHOT_MAPS) {
      const target = store[name] as Map<string, unknown>;
      for (const [k, v] of c.maps[name] ?? []) target.set(k, v);
    }
    store.events = c.events;
    store.details = c.details ?? null;
    store.reindex();
    emu.replaceClient(store);
  }
}

export async function saveSnapshot(emu: Emulator, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify(toSnapshot(emu)));
  await rename(tmp, path);
}

/** False when there is no snapshot yet (first start) or it has an older format: the caller seeds instead. */
export async function loadSnapshot(emu: Emulator, path: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return false;
  }
  const parsed = JSON.parse(text) as Snapshot;
  if (parsed.format !== "mangopay-emulator-snapshot") throw new Error(`${path} is not an emulator snapshot`);
  // Version 1 kept part of each client elsewhere: reseed rather than load half a state.
  if (parsed.version !== 2) return false;
  fromSnapshot(emu, parsed);
  return true;
}
