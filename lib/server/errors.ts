import type { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, controlCharacterFields } from "@/lib/control-characters";
// Errors thrown by services. Pages map them to 404/403 screens; actions to `{ ok: false }` results.
export class ServiceError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export class NotFoundError extends ServiceError {
  constructor(what = "Not found", options?: { cause?: unknown }) {
    super("NOT_FOUND", what, options);
  }
}

export class ForbiddenError extends ServiceError {
  constructor(message = "You do not have permission to do this.") {
    super("FORBIDDEN", message);
  }
}

export class UnauthenticatedError extends ServiceError {
  constructor() {
    super("UNAUTHENTICATED", "Please sign in.");
  }
}

export class ValidationError extends ServiceError {
  readonly fieldErrors: Record<string, string[]>;
  constructor(message: string, fieldErrors: Record<string, string[]> = {}) {
    super("VALIDATION", message);
    this.fieldErrors = fieldErrors;
  }
}

export class ConflictError extends ServiceError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

export class PreconditionError extends ServiceError {
  constructor(message: string) {
    super("PRECONDITION", message);
  }
}

/** Prisma's "record not found" (P2025) looks exactly like a foreign id: both are NotFound. */
export function mapPrismaError(err: unknown, what = "Not found"): never {
  if (typeof err === "object" && err !== null && "code" in err) {
    const code = (err as { code?: unknown }).code;
    if (code === "P2025") throw new NotFoundError(what, { cause: err });
    if (code === "P2002") throw new ConflictError("This already exists.");
  }
  throw err;
}

/** Zod issues → `{ "field.path": ["message", …] }` for forms ("_" for the payload as a whole). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}

/** Refuses any text holding a control character, before any schema: every action and service input. */
export function assertNoControlCharacters(input: unknown): void {
  const fields = controlCharacterFields(input);
  if (fields.length > 0)
    throw new ValidationError(
      CONTROL_CHARACTER_MESSAGE,
      Object.fromEntries(fields.map((f) => [f, [CONTROL_CHARACTER_MESSAGE]])),
    );
}

/**
 * `Input.parse` for services: control characters are refused (lib/control-characters.ts), and a
 * failed parse becomes a ValidationError with per-field messages.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertNoControlCharacters(input);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
}
