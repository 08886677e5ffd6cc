"use client";

import Link from "@/components/intent-link";
import { useEffect, useId, useRef, useState } from "react";

export type LinkMenuEntry =
  | { kind: "link"; label: React.ReactNode; href: string; key: string }
  /** A menu item that opens something in place (a dialog) instead of navigating. */
  | { kind: "action"; label: React.ReactNode; onSelect: () => void; key: string }
  | { kind: "heading"; label: string; key: string }
  | { kind: "separator"; key: string };

/**
 * A menu of links for the dashboard's top bar (account switcher, profile menu): button + `menu` of
 * `menuitem` links, arrow keys, Escape and outside clicks close it. The shell loads on every
 * dashboard page, so this stays a few hundred bytes instead of a full menu library. Action menus
 * inside tables (a wallet's ⋯) use `floating`: the menu is placed with fixed coordinates under its
 * button, so a scrolling table does not clip it, and it closes when the page scrolls.
 */
export function LinkMenu({
  label,
  trigger,
  entries,
  align = "end",
  className,
  floating = false,
  testId,
}: {
  label: string;
  trigger: React.ReactNode;
  entries: LinkMenuEntry[];
  align?: "start" | "end";
  className?: string;
  floating?: boolean;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<React.CSSProperties | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const items = () => [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    items()[0]?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      const list = items();
      const at = list.indexOf(document.activeElement as HTMLElement);
      if (e.key === "Escape") {
        e.preventDefault();
        setOpen(false);
        button.current?.focus();
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const next = e.key === "ArrowDown" ? (at + 1) % list.length : (at - 1 + list.length) % list.length;
        list[next]?.focus();
      } else if (e.key === "Tab") {
        setOpen(false);
      }
    };
    const onScroll = () => setOpen(false);
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    if (floating) window.addEventListener("scroll", onScroll, { capture: true, passive: true });
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
      if (floating) window.removeEventListener("scroll", onScroll, { capture: true });
    };
  }, [open, floating]);

  const toggle = () => {
    if (!open && floating && button.current) {
      const r = button.current.getBoundingClientRect();
      setPlace(
        align === "end"
          ? { position: "fixed", top: r.bottom + 6, right: Math.max(8, window.innerWidth - r.right) }
          : { position: "fixed", top: r.bottom + 6, left: Math.max(8, r.left) },
      );
    }
    setOpen((o) => !o);
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={toggle}
        className={className}
        data-testid={testId}
      >
        {trigger}
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          style={floating ? place : undefined}
          className={`z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg ${floating ? "" : `absolute mt-1.5 ${align === "end" ? "right-0" : "left-0"}`}`}
        >
          {entries.map((e) =>
            e.kind === "separator" ? (
              <div key={e.key} role="separator" className="my-1 h-px bg-slate-200" />
            ) : e.kind === "heading" ? (
              <div key={e.key} role="presentation" className="px-2 py-1.5 text-xs text-slate-500">
                {e.label}
              </div>
            ) : e.kind === "action" ? (
              <button
                key={e.key}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  setOpen(false);
                  e.onSelect();
                }}
                className="flex w-full items-center rounded px-2 py-1.5 text-left text-slate-700 outline-none hover:bg-slate-100 focus:bg-slate-100 focus:text-slate-900"
              >
                {e.label}
              </button>
            ) : (
              <Link
                key={e.key}
                role="menuitem"
                tabIndex={-1}
                href={e.href}
                onClick={() => setOpen(false)}
                className="flex items-center rounded px-2 py-1.5 text-slate-700 outline-none hover:bg-slate-100 focus:bg-slate-100 focus:text-slate-900"
              >
                {e.label}
              </Link>
            ),
          )}
        </div>
      ) : null}
    </div>
  );
}
