import type { ActionResult } from "@/lib/server/action";

/** The first message for a field of a failed action result, wired to its input by id. */
export function fieldError<T>(state: ActionResult<T> | null, field: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  );
}

/** The form-level outcome of an action, announced to screen readers. */
export function FormStatus<T>({ state, success, testId }: { state: ActionResult<T> | null; success?: string; testId?: string }) {
  if (!state) return null;
  if (state.ok) {
    return success ? (
      <p role="status" data-testid={testId} className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        {success}
      </p>
    ) : null;
  }
  const hasFieldErrors = state.fieldErrors && Object.keys(state.fieldErrors).length > 0;
  return (
    <p role="status" data-testid={testId} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {hasFieldErrors && state.code === "VALIDATION" && state.error.startsWith("Please correct") ? "Please correct the field below." : state.error}
    </p>
  );
}
