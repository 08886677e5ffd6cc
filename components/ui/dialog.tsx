"use client";

import { Slot } from "@radix-ui/react-slot";
import dynamic from "next/dynamic";
import * as React from "react";
import { Button } from "./button";
import type { DialogPanelProps } from "./dialog-panel";

// A dialog's trigger and state are light; the dialog itself (Radix: focus trap, portal, scroll lock —
// ~20 kB compressed) is loaded when a dialog first opens, or when the pointer or focus reaches its
// trigger. Pages full of closed dialogs (a table's row actions, the profile's action bar, the profile
// menu's feedback) no longer carry it in their first-load JavaScript.
const loadPanel = () => import("./dialog-panel");
/** Starts loading the dialog's code (a dialog opened without a DialogTrigger: on hover or focus of its opener). */
export const preloadDialogPanel = (): void => void loadPanel();
const DialogPanel = dynamic(loadPanel, { ssr: false });

type DialogState = {
  open: boolean;
  setOpen: (open: boolean) => void;
  openerRef: React.RefObject<HTMLElement | null>;
};

const DialogContext = React.createContext<DialogState | null>(null);

function useDialog(part: string): DialogState {
  const state = React.useContext(DialogContext);
  if (!state) throw new Error(`${part} must be inside <Dialog>`);
  return state;
}

/**
 * Open state, controlled (`open` + `onOpenChange`) or not. `openerRef`: for a dialog opened without a
 * DialogTrigger, the element focus returns to when it closes.
 */
export function Dialog({
  open: controlledOpen,
  onOpenChange,
  defaultOpen = false,
  openerRef: givenOpenerRef,
  children,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  defaultOpen?: boolean;
  openerRef?: React.RefObject<HTMLElement | null>;
  children: React.ReactNode;
}) {
  const [ownOpen, setOwnOpen] = React.useState(defaultOpen);
  const ownOpenerRef = React.useRef<HTMLElement | null>(null);
  const openerRef = givenOpenerRef ?? ownOpenerRef;
  const open = controlledOpen ?? ownOpen;
  const setOpen = React.useCallback(
    (next: boolean) => {
      if (controlledOpen === undefined) setOwnOpen(next);
      onOpenChange?.(next);
    },
    [controlledOpen, onOpenChange],
  );
  const state = React.useMemo(() => ({ open, setOpen, openerRef }), [open, setOpen, openerRef]);
  return <DialogContext.Provider value={state}>{children}</DialogContext.Provider>;
}

/** The element that opens the dialog (always `asChild`: the page's own button). */
export function DialogTrigger({
  children,
  onClick,
  ...props
}: React.ComponentProps<typeof Slot> & { asChild?: boolean }) {
  const { open, setOpen, openerRef } = useDialog("DialogTrigger");
  const rest: Record<string, unknown> = { ...props };
  delete rest.asChild; // always a child: the Slot is the page's own element
  const preload = () => void loadPanel();
  return (
    <Slot
      aria-haspopup="dialog"
      aria-expanded={open}
      data-state={open ? "open" : "closed"}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={(event: React.MouseEvent<HTMLElement>) => {
        onClick?.(event);
        if (event.defaultPrevented) return;
        openerRef.current = event.currentTarget;
        setOpen(true);
      }}
      {...rest}
    >
      {children}
    </Slot>
  );
}

/** Closes the dialog it sits in (always `asChild`). */
export function DialogClose({
  children,
  onClick,
  ...props
}: React.ComponentProps<typeof Slot> & { asChild?: boolean }) {
  const { setOpen } = useDialog("DialogClose");
  const rest: Record<string, unknown> = { ...props };
  delete rest.asChild; // always a child: the Slot is the page's own element
  return (
    <Slot
      onClick={(event: React.MouseEvent<HTMLElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) setOpen(false);
      }}
      {...rest}
    >
      {children}
    </Slot>
  );
}

/** The dialog's box; nothing is rendered (or loaded) until the dialog has been opened once. */
export function DialogContent(props: Omit<DialogPanelProps, "open" | "onOpenChange" | "returnFocusTo">) {
  const { open, setOpen, openerRef } = useDialog("DialogContent");
  const [opened, setOpened] = React.useState(open);
  if (open && !opened) setOpened(true);
  if (!opened) return null;
  return <DialogPanel open={open} onOpenChange={setOpen} returnFocusTo={openerRef} {...props} />;
}

/** The footer of a dialog form: Cancel closes without submitting; the submit button shows progress. */
export function DialogFormActions({
  pending,
  label,
  pendingLabel = "Saving…",
  cancelLabel = "Cancel",
  danger = false,
}: {
  pending: boolean;
  label: string;
  pendingLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
}) {
  return (
    <div className="flex justify-end gap-2">
      <DialogClose asChild>
        <Button type="button" variant="secondary">
          {cancelLabel}
        </Button>
      </DialogClose>
      <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
