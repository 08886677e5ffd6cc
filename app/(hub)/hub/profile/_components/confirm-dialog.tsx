"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Button, type ButtonProps } from "@/components/ui/button";

type Props = {
  trigger: string;
  triggerVariant?: ButtonProps["variant"];
  title: string;
  description: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: React.ReactNode;
};

/** A Radix dialog for destructive account changes: focus trapped, Esc closes, returns focus. */
export function ConfirmDialog({ trigger, triggerVariant = "danger", title, description, open, onOpenChange, children }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <Button variant={triggerVariant}>{trigger}</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl focus:outline-none">
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description className="mt-1 mb-4 text-sm text-slate-600">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export function DialogCancel() {
  return (
    <Dialog.Close asChild>
      <Button type="button" variant="secondary">
        Cancel
      </Button>
    </Dialog.Close>
  );
}
