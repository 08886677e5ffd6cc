import { z } from "zod";
import { MAX_PAGE_BASE64_CHARS, pageProblem } from "@/lib/document-files";
import { ValidationError } from "@/lib/server/errors";

/** One document page as the form sends it: base64 (no data: prefix), bounded before decoding. */
export const PageBase64 = z
  .string()
  .min(1, "Pick a file")
  .max(MAX_PAGE_BASE64_CHARS, "This file is too large (at most 7 MB)")
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, "This file could not be read; pick it again");

/** Decodes and checks a page against MANGOPAY's rules; refused pages never reach MANGOPAY. */
export function assertPage(base64: string, identity: boolean, field = "file"): void {
  const problem = pageProblem(new Uint8Array(Buffer.from(base64, "base64")), identity);
  if (problem) throw new ValidationError(problem, { [field]: [problem] });
}
