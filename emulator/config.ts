// Options of one emulator instance. Delays are short by default so demos feel alive; tests shorten them.
export interface Delays {
  /** CREATED → SUCCEEDED/FAILED of bank-wire payouts; null = only on a control call. */
  payoutMs: number | null;
  /** CREATED → SUCCEEDED/FAILED of direct-debit pay-ins; null = only on a control call. */
  directDebitMs: number | null;
  /** SUBMITTED → ACTIVE/FAILED of mandates once confirmed on the emulator page. */
  mandateMs: number | null;
  /** VALIDATION_ASKED → outcome of KYC documents whose Tag is a sandbox trigger. */
  kycMs: number | null;
  /** VALIDATION_ASKED → outcome of UBO declarations whose first UBO is a sandbox trigger. */
  uboMs: number | null;
  /** CREATED → PENDING_CLIENT_ACTION (or CLOSED) of newly opened disputes. */
  disputeMs: number | null;
  /** PENDING → generated of reports. */
  reportMs: number | null;
}

export interface HookOptions {
  /** Wait before each retry; the number of entries is the number of retries of one delivery. */
  retryDelaysMs: number[];
  /** Consecutive failed attempts after which the hook turns Validity INVALID (MANGOPAY: 100). */
  maxFailures: number;
  timeoutMs: number;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Demo-data seed; null seeds nothing (clients and keys still exist). */
  seed?: number | null;
  /** Scales the demo data; 1 = a few hundred users per client. */
  seedUsers?: number;
  snapshotPath?: string | null;
  snapshotIntervalMs?: number;
  tokenTtlSeconds?: number;
  delays?: Partial<Delays>;
  hooks?: Partial<HookOptions>;
  /** Unix seconds the demo data is anchored to (defaults to the start of the current UTC day). */
  seedNow?: number;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number | null;
  keySeed: number;
  seedUsers: number;
  snapshotPath: string | null;
  snapshotIntervalMs: number;
  tokenTtlSeconds: number;
  delays: Delays;
  hooks: HookOptions;
  seedNow: number | null;
}

export function resolveOptions(opts: EmulatorOptions): ResolvedOptions {
  const seed = opts.seed === undefined ? 1 : opts.seed;
  return {
    port: opts.port ?? 4010,
    host: opts.host ?? "127.0.0.1",
    seed,
    keySeed: seed ?? 1,
    seedUsers: opts.seedUsers ?? 300,
    snapshotPath: opts.snapshotPath ?? null,
    snapshotIntervalMs: opts.snapshotIntervalMs ?? 30_000,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 1200,
    delays: {
      payoutMs: 3000,
      directDebitMs: 3000,
      mandateMs: 1000,
      kycMs: 1000,
      uboMs: 1000,
      disputeMs: 500,
      reportMs: 500,
      ...opts.delays,
    },
    hooks: { retryDelaysMs: [1000, 5000, 30_000], maxFailures: 10, timeoutMs: 2000, ...opts.hooks },
    seedNow: opts.seedNow ?? null,
  };
}
