// The whole state of one emulator instance: clients, tokens, quotas, faults, events, timers.
// Routes and control endpoints receive it; nothing is module-global, so tests can run several.
import { createHash } from "node:crypto";
import { resolveOptions, type EmulatorOptions, type ResolvedOptions } from "../config";
import { EventBus } from "../events/event-bus";
import { HookDispatcher } from "../events/hook-dispatcher";
import { FaultRegistry } from "../faults/fault-registry";
import { ClientStore, type ClientInfo } from "../store/client-store";
import { Clock } from "./clock";
import { RateLimiter } from "./rate-limit";
import { Scheduler } from "./scheduler";
import { TokenStore } from "./tokens";

export const DEMO_CLIENTS: ReadonlyArray<Omit<ClientInfo, "ApiKey">> = [
  { ClientId: "demo-marketplace", Name: "Demo Marketplace" },
  { ClientId: "demo-crowdfunding", Name: "Demo Crowdfunding" },
];

export class Emulator {
  readonly options: ResolvedOptions;
  readonly clock = new Clock();
  readonly scheduler = new Scheduler();
  readonly tokens = new TokenStore();
  readonly rateLimiter = new RateLimiter();
  readonly faults = new FaultRegistry();
  readonly events: EventBus;
  readonly hooks: HookDispatcher;
  /** Keyed by lower-cased ClientId: the path segment is matched case-insensitively. */
  readonly clients = new Map<string, ClientStore>();
  /** Requests held open by a `timeout` fault; close() releases them. */
  readonly hanging = new Set<() => void>();
  /** True while seeding: flows settle inline instead of scheduling timers. */
  seeding = false;

  constructor(opts: EmulatorOptions = {}) {
    this.options = resolveOptions(opts);
    this.events = new EventBus(() => this.clock.now());
    this.hooks = new HookDispatcher(this.options.hooks, this.scheduler);
    this.events.subscribe((store, event) => this.hooks.onEvent(store, event));
    this.createClients();
  }

  client(clientId: string): ClientStore | undefined {
    return this.clients.get(clientId.toLowerCase());
  }

  /** Empties every client (ids, keys, names and issued tokens stay), pending timers, quotas and faults. */
  resetData(): void {
    this.scheduler.clear();
    this.rateLimiter.reset();
    this.faults.clear();
    this.hooks.clear();
    this.createClients();
  }

  replaceClient(store: ClientStore): void {
    this.clients.set(store.info.ClientId.toLowerCase(), store);
  }

  close(): void {
    for (const release of [...this.hanging]) release();
    this.scheduler.close();
    this.hooks.close();
  }

  private createClients(): void {
    this.clients.clear();
    for (const demo of DEMO_CLIENTS) {
      const info: ClientInfo = { ...demo, ApiKey: apiKeyFor(demo.ClientId, this.options.keySeed) };
      this.replaceClient(new ClientStore(info));
    }
  }
}

/** Deterministic from the seed so a dev Hub configured once keeps working across restarts. */
export function apiKeyFor(clientId: string, seed: number): string {
  return createHash("sha256").update(`mangopay-emulator:${seed}:${clientId}`).digest("base64url").slice(0, 48);
}
