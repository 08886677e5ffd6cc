// MANGOPAY's rules for KYC and dispute document pages (docs/dashboard-actions.md): PDF, JPEG or PNG,
// sent as base64; identity proofs 32 KB–7 MB, other pages 1 KB–7 MB; at most 5 pages per KYC
// document. Isomorphic: the form checks a file before uploading it, the service checks it again.

export const MAX_PAGE_BYTES = 7 * 1024 * 1024;
export const MIN_PAGE_BYTES = 1024;
export const MIN_IDENTITY_PAGE_BYTES = 32 * 1024;
export const MAX_KYC_PAGES = 5;
/** base64 of MAX_PAGE_BYTES, rounded up: longer strings are refused before decoding. */
export const MAX_PAGE_BASE64_CHARS = Math.ceil(MAX_PAGE_BYTES / 3) * 4;
export const ACCEPTED_PAGE_TYPES = "application/pdf,image/jpeg,image/png";

export type PageKind = "pdf" | "jpeg" | "png";

/** What the first bytes say the file is (never the browser's declared type). */
export function sniffPageKind(head: Uint8Array): PageKind | null {
  const starts = (...b: number[]) => b.every((v, i) => head[i] === v);
  if (starts(0x25, 0x50, 0x44, 0x46)) return "pdf"; // %PDF
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  return null;
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/** Why MANGOPAY would refuse this page, or null. `identity` applies the identity-proof minimum. */
export function pageProblem(bytes: Uint8Array, identity: boolean): string | null {
  if (!sniffPageKind(bytes.subarray(0, 8))) return "Only PDF, JPEG or PNG files are accepted";
  const min = identity ? MIN_IDENTITY_PAGE_BYTES : MIN_PAGE_BYTES;
  if (bytes.length < min) return `This file is too small (at least ${kb(min)})`;
  if (bytes.length > MAX_PAGE_BYTES) return "This file is too large (at most 7 MB)";
  return null;
}
