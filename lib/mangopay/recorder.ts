// Every HTTP exchange with MANGOPAY is recorded so pages and benchmarks can count upstream calls
// and a later API-log view can show them. Persistence plugs in through CallRecorder; the default
// is an in-memory ring buffer per process.

export type CallOutcome = "ok" | "http_error" | "network_error" | "timeout" | "shed";

export interface UpstreamCall {
  accountId: string | null;
  clientId: string;
  method: string;
  /** Path template after `/v2.01/{ClientId}`, e.g. `/users/{id}/wallets` — never raw ids. */
  pathTemplate: string;
  /** HTTP status, or null when no answer arrived (network error, timeout, shed). */
  status: number | null;
  durationMs: number;
  /** Calls left in the 15-minute bucket after this call, when known. */
  rateLimitRemaining: number | null;
  /** 1 for the first try, 2 for the first retry…; 0 when shed before any call. */
  attempt: number;
  outcome: CallOutcome;
  startedAt: Date;
  idempotencyKey: string | null;
  requestId: string | null;
}

export interface CallRecorder {
  record(call: UpstreamCall): void;
}

export type CallFilter = Partial<Pick<UpstreamCall, "accountId" | "clientId" | "method" | "pathTemplate" | "outcome">>;

function matches(call: UpstreamCall, filter: CallFilter): boolean {
  return (Object.keys(filter) as (keyof CallFilter)[]).every((key) => call[key] === filter[key]);
}

export class MemoryCallRecorder implements CallRecorder {
  private readonly buffer: UpstreamCall[] = [];
  private next = 0;
  private total = 0;

  constructor(readonly capacity = 2000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
  }

  record(call: UpstreamCall): void {
    if (this.buffer.length < this.capacity) this.buffer.push(call);
    else this.buffer[this.next] = call;
    this.next = (this.next + 1) % this.capacity;
    this.total += 1;
  }

  /** Oldest first; at most `capacity` entries. */
  list(filter: CallFilter = {}): UpstreamCall[] {
    const ordered =
      this.buffer.length < this.capacity
        ? [...this.buffer]
        : [...this.buffer.slice(this.next), ...this.buffer.slice(0, this.next)];
    return ordered.filter((call) => matches(call, filter));
  }

  /** Upstream HTTP calls (shed calls excluded) among the retained entries. */
  countUpstream(filter: CallFilter = {}): number {
    return this.list(filter).filter((call) => call.outcome !== "shed").length;
  }

  /** Everything ever recorded, including entries the ring has overwritten. */
  get recordedTotal(): number {
    return this.total;
  }

  clear(): void {
    this.buffer.length = 0;
    this.next = 0;
    this.total = 0;
  }
}

// One per process, kept on globalThis so Next.js dev reloads do not reset the counts.
const GLOBAL_KEY = Symbol.for("mangopay-dashboard.call-recorder");
type GlobalWithRecorder = typeof globalThis & { [GLOBAL_KEY]?: MemoryCallRecorder };

export function defaultCallRecorder(): MemoryCallRecorder {
  const store = globalThis as GlobalWithRecorder;
  store[GLOBAL_KEY] ??= new MemoryCallRecorder();
  return store[GLOBAL_KEY];
}
