"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import * as React from "react";
import { cn } from "@/lib/cn";

export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;

export function DropdownMenuContent({ className, ...props }: React.ComponentProps<typeof Menu.Content>) {
  return (
    <Menu.Portal>
      <Menu.Content
        align="end"
        sideOffset={6}
        className={cn("z-50 min-w-52 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg", className)}
        {...props}
      />
    </Menu.Portal>
  );
}

const itemClass =
  "flex cursor-pointer items-center rounded px-2 py-1.5 text-slate-700 outline-none data-highlighted:bg-slate-100 data-highlighted:text-slate-900";

/** A menu item that navigates: keyboard-selectable, rendered as a real link. */
export function DropdownMenuLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Menu.Item asChild className={itemClass}>
      <Link href={href}>{children}</Link>
    </Menu.Item>
  );
}

/** A menu item that runs something (opens a dialog): keyboard-selectable like the links. */
export function DropdownMenuItem({ onSelect, children }: { onSelect: () => void; children: React.ReactNode }) {
  return (
    <Menu.Item onSelect={onSelect} className={itemClass}>
      {children}
    </Menu.Item>
  );
}

export function DropdownMenuLabel({ children }: { children: React.ReactNode }) {
  return <Menu.Label className="px-2 py-1.5 text-xs text-slate-500">{children}</Menu.Label>;
}

export function DropdownMenuSeparator() {
  return <Menu.Separator className="my-1 h-px bg-slate-200" />;
}
