// OAuth client_credentials token per account. MANGOPAY asks clients not to fetch a token per call
// (it may rate-limit or block), so concurrent callers share one in-flight fetch and the token is
// reused until 30 s before `expires_in`.

export interface AccessToken {
  value: string;
  expiresAtMs: number;
}

// The fetcher owns its timeout: one caller giving up must not fail the others sharing the fetch.
export type TokenFetcher = () => Promise<{ accessToken: string; expiresInSeconds: number }>;

export const TOKEN_RENEWAL_MARGIN_MS = 30_000;

export class TokenCache {
  private token: AccessToken | null = null;
  private inflight: Promise<AccessToken> | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** A valid token, fetching one (once, shared) when none is cached or it is about to expire. */
  async get(fetcher: TokenFetcher): Promise<string> {
    const cached = this.token;
    if (cached && this.now() < cached.expiresAtMs - TOKEN_RENEWAL_MARGIN_MS) return cached.value;
    this.inflight ??= this.fetch(fetcher);
    return (await this.inflight).value;
  }

  /** Drops `value` after a 401 — unless another caller already replaced it. */
  invalidate(value: string): void {
    if (this.token?.value === value) this.token = null;
  }

  clear(): void {
    this.token = null;
  }

  private async fetch(fetcher: TokenFetcher): Promise<AccessToken> {
    try {
      const requestedAt = this.now();
      const { accessToken, expiresInSeconds } = await fetcher();
      // Counted from the request, not the answer, so a slow token call never overstays.
      const token = { value: accessToken, expiresAtMs: requestedAt + expiresInSeconds * 1000 };
      this.token = token;
      return token;
    } finally {
      this.inflight = null;
    }
  }
}
