"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import type * as React from "react";
import { cn } from "@/lib/cn";

export type DialogPanelProps = Omit<React.ComponentProps<typeof DialogPrimitive.Content>, "title"> & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The element that opened the dialog: focus goes back to it on close. */
  returnFocusTo: React.RefObject<HTMLElement | null>;
  title: React.ReactNode;
  description?: React.ReactNode;
};

/**
 * The dialog itself (Radix: focus trap, Escape, outside click, scroll lock, portal). Loaded only when
 * a dialog first opens (components/ui/dialog.tsx), so pages whose dialogs stay closed never load it.
 */
export default function DialogPanel({
  open,
  onOpenChange,
  returnFocusTo,
  className,
  children,
  title,
  description,
  ...props
}: DialogPanelProps) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <DialogPrimitive.Content
          className={cn(
            "fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg border border-slate-200 bg-white p-6 shadow-xl focus:outline-none",
            className,
          )}
          onCloseAutoFocus={(event) => {
            const opener = returnFocusTo.current;
            if (opener?.isConnected) {
              event.preventDefault();
              opener.focus();
            }
          }}
          {...(description ? {} : { "aria-describedby": undefined })}
          {...props}
        >
          <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
          {description ? (
            <DialogPrimitive.Description className="mt-1 text-sm text-slate-600">
              {description}
            </DialogPrimitive.Description>
          ) : null}
          <div className="mt-4">{children}</div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
