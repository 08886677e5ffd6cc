// Real webhook deliveries (docs/mangopay-api.md §2.9): GET {Url}?EventType&RessourceId&Date, retried with
// the configured backoff; consecutive failures turn the hook INVALID; one success resets the count.
import type { HookOptions } from "../config";
import type { Scheduler } from "../core/scheduler";
import type { ClientStore } from "../store/client-store";
import type { EmuEvent, Hook } from "../store/types";

export interface Delivery {
  Id: string;
  ClientId: string;
  HookId: string;
  EventType: string;
  RessourceId: string;
  Date: number;
  Url: string;
  Attempts: number;
  Status: "PENDING" | "DELIVERED" | "FAILED";
  LastStatusCode: number | null;
  LastError: string | null;
}

const MAX_LOG = 5000;

export class HookDispatcher {
  private readonly log: Delivery[] = [];
  private readonly failures = new Map<string, number>();
  private readonly abort = new AbortController();
  private seq = 0;

  constructor(
    private readonly options: HookOptions,
    private readonly scheduler: Scheduler,
  ) {}

  onEvent(store: ClientStore, event: EmuEvent): void {
    const hookId = store.idx.hookByEventType.get(event.EventType);
    const hook = hookId ? store.hooks.get(hookId) : undefined;
    if (!hook || hook.Status !== "ENABLED" || hook.Validity !== "VALID") return;
    const delivery: Delivery = {
      Id: String(++this.seq),
      ClientId: store.info.ClientId,
      HookId: hook.Id,
      EventType: event.EventType,
      RessourceId: event.ResourceId,
      Date: event.Date,
      Url: hook.Url,
      Attempts: 0,
      Status: "PENDING",
      LastStatusCode: null,
      LastError: null,
    };
    this.log.push(delivery);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    void this.attempt(hook, delivery);
  }

  list(clientId?: string): Delivery[] {
    return clientId ? this.log.filter((d) => d.ClientId === clientId) : [...this.log];
  }

  clear(): void {
    this.log.length = 0;
    this.failures.clear();
  }

  close(): void {
    this.abort.abort();
  }

  private async attempt(hook: Hook, delivery: Delivery): Promise<void> {
    if (this.abort.signal.aborted) return;
    delivery.Attempts += 1;
    const url = new URL(delivery.Url);
    url.searchParams.set("EventType", delivery.EventType);
    url.searchParams.set("RessourceId", delivery.RessourceId);
    url.searchParams.set("Date", String(delivery.Date));
    let ok = false;
    try {
      const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.options.timeoutMs)]);
      const res = await fetch(url, { method: "GET", signal, redirect: "manual" });
      await res.arrayBuffer().catch(() => undefined);
      delivery.LastStatusCode = res.status;
      ok = res.status >= 200 && res.status < 300;
      if (!ok) delivery.LastError = `HTTP ${res.status}`;
    } catch (err) {
      delivery.LastError = err instanceof Error ? err.message : String(err);
    }
    if (this.abort.signal.aborted) return;
    const key = `${delivery.ClientId}:${hook.Id}`;
    if (ok) {
      delivery.Status = "DELIVERED";
      delivery.LastError = null;
      this.failures.set(key, 0);
      return;
    }
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    if (failures >= this.options.maxFailures) hook.Validity = "INVALID";
    const retryDelay = this.options.retryDelaysMs[delivery.Attempts - 1];
    if (retryDelay === undefined || hook.Validity === "INVALID" || hook.Status !== "ENABLED") {
      delivery.Status = "FAILED";
      return;
    }
    this.scheduler.schedule(retryDelay, () => this.attempt(hook, delivery));
  }
}
