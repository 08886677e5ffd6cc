// OAuth bearer tokens (docs/mangopay-api.md §1): random, distinct per call, with an expiry.
import { randomBytes } from "node:crypto";

interface TokenEntry {
  clientId: string;
  expiresAtMs: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenEntry>();

  issue(clientId: string, nowMs: number, ttlSeconds: number): string {
    if (this.tokens.size > 50_000) this.prune(nowMs);
    const token = randomBytes(16).toString("hex");
    this.tokens.set(token, { clientId, expiresAtMs: nowMs + ttlSeconds * 1000 });
    return token;
  }

  /** The ClientId the token belongs to, or null when unknown or expired. */
  resolve(token: string, nowMs: number): string | null {
    const entry = this.tokens.get(token);
    if (!entry) return null;
    if (entry.expiresAtMs <= nowMs) {
      this.tokens.delete(token);
      return null;
    }
    return entry.clientId;
  }

  private prune(nowMs: number): void {
    for (const [token, entry] of this.tokens) if (entry.expiresAtMs <= nowMs) this.tokens.delete(token);
  }

  clear(): void {
    this.tokens.clear();
  }
}
