// Bearer (and legacy Basic) authentication of /v2.01/{ClientId}/… calls (docs/mangopay-api.md §1).
import type { Emulator } from "./emulator";
import type { ClientStore } from "../store/client-store";

export interface BasicCredentials {
  clientId: string;
  apiKey: string;
}

export function parseBasic(header: string | undefined): BasicCredentials | null {
  if (!header || !/^basic\s/i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const i = decoded.indexOf(":");
  if (i < 0) return null;
  return { clientId: decoded.slice(0, i), apiKey: decoded.slice(i + 1) };
}

/** The client the request is allowed to act as, or null (→ 401 invalid_credentials). */
export function authenticate(
  emu: Emulator,
  store: ClientStore | undefined,
  header: string | undefined,
): ClientStore | null {
  if (!store || !header) return null;
  if (/^bearer\s/i.test(header)) {
    const owner = emu.tokens.resolve(header.slice(7).trim(), emu.clock.nowMs());
    return owner === store.info.ClientId ? store : null;
  }
  const basic = parseBasic(header);
  if (basic && basic.clientId === store.info.ClientId && basic.apiKey === store.info.ApiKey) return store;
  return null;
}

/** The client a token or Basic credentials belong to, for the URLs without a ClientId (`/countries/…`). */
export function clientOfCredentials(emu: Emulator, header: string | undefined): ClientStore | undefined {
  if (!header) return undefined;
  if (/^bearer\s/i.test(header)) {
    const owner = emu.tokens.resolve(header.slice(7).trim(), emu.clock.nowMs());
    return owner === null ? undefined : emu.client(owner);
  }
  const basic = parseBasic(header);
  return basic ? emu.client(basic.clientId) : undefined;
}
