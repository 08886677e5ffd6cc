// The encryption keys for secrets at rest. ENCRYPTION_KEYS="2026-11:<base64>,2025-01:<base64>" lists
// keys with ids, newest FIRST: the first encrypts, every listed key decrypts. ENCRYPTION_KEY alone is
// a one-key ring with the id "default". No `server-only` here: env.ts validates with parseKeyList.

export type EncryptionKey = { id: string; key: Buffer };
export type KeyRing = { current: EncryptionKey; all: readonly EncryptionKey[] };

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
export const DEFAULT_KEY_ID = "default";

type Parsed = { ok: true; keys: EncryptionKey[]; error?: undefined } | { ok: false; error: string; keys?: undefined };

/** "id:base64,id:base64" → keys, or the reason it is invalid (never echoing a key). */
export function parseKeyList(value: string): Parsed {
  const keys: EncryptionKey[] = [];
  const entries = value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return { ok: false, error: "ENCRYPTION_KEYS is empty" };
  for (const [index, entry] of entries.entries()) {
    const sep = entry.indexOf(":");
    const id = sep > 0 ? entry.slice(0, sep) : "";
    if (!KEY_ID.test(id))
      return {
        ok: false,
        error: `ENCRYPTION_KEYS entry ${index + 1} needs an id (letters, digits, - or _) before ':'`,
      };
    const key = Buffer.from(entry.slice(sep + 1), "base64");
    if (key.length !== 32) return { ok: false, error: `ENCRYPTION_KEYS key "${id}" must be 32 bytes, base64-encoded` };
    if (keys.some((k) => k.id === id)) return { ok: false, error: `ENCRYPTION_KEYS lists the id "${id}" twice` };
    keys.push({ id, key });
  }
  return { ok: true, keys };
}

/** The ring from the two settings (already validated by env.ts). */
export function keyRingFrom(settings: { ENCRYPTION_KEYS?: string; ENCRYPTION_KEY?: string }): KeyRing {
  if (settings.ENCRYPTION_KEYS) {
    const parsed = parseKeyList(settings.ENCRYPTION_KEYS);
    if (!parsed.ok) throw new Error(parsed.error);
    const [current] = parsed.keys;
    if (!current) throw new Error("ENCRYPTION_KEYS is empty");
    return { current, all: parsed.keys };
  }
  if (!settings.ENCRYPTION_KEY) throw new Error("ENCRYPTION_KEY or ENCRYPTION_KEYS must be set");
  const only = { id: DEFAULT_KEY_ID, key: Buffer.from(settings.ENCRYPTION_KEY, "base64") };
  return { current: only, all: [only] };
}
