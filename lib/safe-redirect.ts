// Where to go after sign-in: only a path of this app. The raw value is resolved the way a browser
// would resolve it (tabs and newlines dropped, backslashes read as slashes, dot segments removed)
// against a placeholder origin, and kept only if it stays on that origin and cannot be read as a
// protocol-relative URL ("//evil.example").
const PLACEHOLDER_ORIGIN = "https://app.invalid";

export function safeCallbackPath(raw: string | null | undefined, fallback = "/hub"): string {
  if (!raw || raw.length > 2048 || !raw.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
