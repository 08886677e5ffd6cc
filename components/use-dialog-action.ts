"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { useFormAction } from "./use-form-action";

type ServerAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** A form action inside a dialog: the dialog closes when the action succeeds, stays open with its errors otherwise. */
export function useDialogAction<T>(serverAction: ServerAction<T>) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (prev: ActionResult<T> | null, form: FormData) => {
    const result = await serverAction(prev, form);
    if (result.ok) setOpen(false);
    return result;
  }, null);
  return { open, setOpen, state, action, pending, fieldErrors: state && !state.ok ? state.fieldErrors : undefined };
}

/**
 * The same for forms whose typed values must survive a refused submit (React resets `<form action>`
 * forms after every submit): `<form onSubmit={onSubmit}>`, closed on success (useFormAction).
 */
export function useDialogForm<T>(serverAction: ServerAction<T>) {
  const [open, setOpen] = useState(false);
  const form = useFormAction(serverAction, () => setOpen(false));
  return { open, setOpen, ...form };
}
