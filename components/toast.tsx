"use client";

// A small toast: one store per browser tab, one <Toaster /> mounted by the dashboard layout, and
// `toast()` callable from any client component. Announced politely to screen readers; each toast
// stays 8 s (longer than a glance, shorter than a distraction) and can be dismissed.
import Link from "@/components/intent-link";
import { useSyncExternalStore } from "react";
import { cn } from "@/lib/cn";

export type Toast = {
  id: number;
  tone: "success" | "error" | "info";
  title: string;
  href?: string;
  linkLabel?: string;
};

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function toast(t: Omit<Toast, "id">): number {
  const id = nextId++;
  toasts = [...toasts.slice(-3), { ...t, id }];
  emit();
  setTimeout(() => dismissToast(id), 8_000);
  return id;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const NONE: Toast[] = [];

export function Toaster() {
  const items = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => NONE,
  );
  return (
    <div aria-live="polite" className="fixed right-4 bottom-4 z-[60] flex w-80 flex-col gap-2" data-testid="toaster">
      {items.map((t) => (
        <div
          key={t.id}
          role={t.tone === "error" ? "alert" : "status"}
          data-testid="toast"
          className={cn(
            "flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm shadow-lg",
            t.tone === "success" && "border-emerald-200 bg-emerald-50 text-emerald-900",
            t.tone === "error" && "border-red-200 bg-red-50 text-red-900",
            t.tone === "info" && "border-blue-200 bg-blue-50 text-blue-900",
          )}
        >
          <div>
            <p className="[overflow-wrap:anywhere]">{t.title}</p>
            {t.href ? (
              <Link href={t.href} className="font-medium underline" onClick={() => dismissToast(t.id)}>
                {t.linkLabel ?? "Open"}
              </Link>
            ) : null}
          </div>
          <button
            type="button"
            aria-label="Dismiss"
            className="text-slate-500 hover:text-slate-900"
            onClick={() => dismissToast(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
