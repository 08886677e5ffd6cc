"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { toast, type Toast } from "./toast";
import { useFormAction } from "./use-form-action";

type ServerAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** What an action says once it succeeded: a title and a link to the object it created or changed. */
export type OutcomeNotice = Omit<Toast, "id" | "tone"> & { tone?: Toast["tone"] };
/** Builds the notice from the action's result; null to say nothing. */
export type NoticeFor<T> = (data: T) => OutcomeNotice | null;

/**
 * The one way every dashboard action reports its outcome: the shared toast (announced politely,
 * dismissible), linking to what was created or changed. Errors stay in the form, beside their fields.
 */
export function announceOutcome(notice: OutcomeNotice | null): void {
  if (notice) toast({ tone: "success", ...notice });
}

/** useActionState for a form outside a dialog (a single button): announces the success. */
export function useAnnouncedAction<T>(serverAction: ServerAction<T>, notice?: NoticeFor<T>) {
  return useActionState(async (prev: ActionResult<T> | null, form: FormData) => {
    const result = await serverAction(prev, form);
    if (result.ok && notice) announceOutcome(notice(result.data));
    return result;
  }, null);
}

/** A form action inside a dialog: the dialog closes and the success is announced, or it stays open with its errors. */
export function useDialogAction<T>(serverAction: ServerAction<T>, notice?: NoticeFor<T>) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (prev: ActionResult<T> | null, form: FormData) => {
    const result = await serverAction(prev, form);
    if (result.ok) {
      setOpen(false);
      if (notice) announceOutcome(notice(result.data));
    }
    return result;
  }, null);
  return { open, setOpen, state, action, pending, fieldErrors: state && !state.ok ? state.fieldErrors : undefined };
}

/**
 * The same for forms whose typed values must survive a refused submit (React resets `<form action>`
 * forms after every submit): `<form onSubmit={onSubmit}>`, closed and announced on success (useFormAction).
 */
export function useDialogForm<T>(serverAction: ServerAction<T>, notice?: NoticeFor<T>) {
  const [open, setOpen] = useState(false);
  const form = useFormAction(serverAction, (data) => {
    setOpen(false);
    if (notice) announceOutcome(notice(data));
  });
  return { open, setOpen, ...form };
}
