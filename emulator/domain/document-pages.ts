// Page upload shared by KYC documents and dispute documents (docs/mangopay-api.md §3.13, §3.15): base64 `File`,
// PDF/JPEG/PNG, size limits, 413 above 10 MB of base64, at most 5 pages. Content is not kept.
import { ApiError, paramError } from "../core/errors";
import type { PageInfo } from "../store/compliance-types";

export const MAX_BASE64_CHARS = 10 * 1024 * 1024;
export const MAX_DECODED_BYTES = 7 * 1024 * 1024;
export const MAX_PAGES = 5;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function kindOf(head: Buffer): PageInfo["kind"] | null {
  if (head.subarray(0, 4).toString("latin1") === "%PDF") return "PDF";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "JPEG";
  if (head[0] === 0x89 && head.subarray(1, 4).toString("latin1") === "PNG") return "PNG";
  return null;
}

/** Validates one page; `minBytes` is 32 KB for identity proofs, 1 KB otherwise. */
export function readPage(body: Record<string, unknown>, minBytes: number, now: number): PageInfo {
  const file = body.File;
  if (typeof file !== "string" || file.trim() === "") throw paramError({ File: "The File field is required." });
  if (file.length > MAX_BASE64_CHARS) {
    throw new ApiError(413, "param_error", "The file is too large: the base64 File must not exceed 10 MB.", {
      File: "File too large",
    });
  }
  const compact = file.replace(/\s+/g, "");
  if (compact.length % 4 === 1 || !BASE64.test(compact))
    throw paramError({ File: "The File field must be a base64-encoded string." });
  const bytes = Math.floor((compact.length * 3) / 4) - (compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0);
  const kind = kindOf(Buffer.from(compact.slice(0, 16), "base64"));
  if (!kind) throw paramError({ File: "The file must be a PDF, JPEG, JPG or PNG document." });
  if (bytes < minBytes) throw paramError({ File: `The file is too small: minimum ${Math.round(minBytes / 1024)} KB.` });
  if (bytes > MAX_DECODED_BYTES) throw paramError({ File: "The file is too large: maximum 7 MB." });
  return { bytes, kind, uploadedAt: now };
}

export function addPage(pages: Map<string, PageInfo[]>, docId: string, page: PageInfo): void {
  const list = pages.get(docId) ?? [];
  if (list.length >= MAX_PAGES) {
    throw new ApiError(400, "max_page_number", `A document cannot have more than ${MAX_PAGES} pages`);
  }
  list.push(page);
  pages.set(docId, list);
}

/** POST …/consult → short-lived viewing links served by the emulator itself. */
export function consultLinks(origin: string, clientId: string, docId: string, pageCount: number, now: number) {
  const links = [];
  for (let i = 1; i <= pageCount; i++) {
    links.push({
      Url: `${origin}/_emulator/documents/${encodeURIComponent(clientId)}/${docId}/pages/${i}`,
      ExpirationDate: now + 600,
    });
  }
  return links;
}
