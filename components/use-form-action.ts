"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/server/action";

type ServerAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * Like `<form action>` + useActionState, but the typed values survive a failed submit (React resets
 * action forms after every submit). The form is reset after a success only.
 */
export function useFormAction<T>(
  serverAction: ServerAction<T>,
  onSuccess?: (data: T, form: FormData) => void | Promise<void>,
) {
  const [state, dispatch, pending] = useActionState(
    async (prev: ActionResult<T> | null, input: { form: HTMLFormElement; data: FormData }) => {
      const result = await serverAction(prev, input.data);
      if (result.ok) {
        input.form.reset();
        await onSuccess?.(result.data, input.data);
      }
      return result;
    },
    null,
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch({ form, data }));
  };
  return { state, onSubmit, pending, fieldErrors: state && !state.ok ? state.fieldErrors : undefined };
}
