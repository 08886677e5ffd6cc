import type { z } from "zod";
import { assertNoControlCharacters } from "@/lib/control-characters";
import { ValidationError } from "@/lib/server/errors";

/**
 * `Input.parse` for services: control characters are refused, and a failed parse becomes a
 * ValidationError with per-field messages.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertNoControlCharacters(input);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  throw new ValidationError("Please correct the highlighted fields.", fieldErrors);
}
