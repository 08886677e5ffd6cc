"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";

/** A MANGOPAY id in monospace with a copy button (operators paste ids into support tickets). */
export function CopyableId({ id, className }: { id: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className={`inline-flex items-center gap-1 font-mono text-xs ${className ?? ""}`}>
      <span data-testid="copyable-id">{id}</span>
      <button
        type="button"
        className="rounded p-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
        aria-label={copied ? "Copied" : `Copy ${id}`}
        onClick={async (event) => {
          event.preventDefault();
          event.stopPropagation();
          try {
            await navigator.clipboard.writeText(id);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copied ? <Check className="size-3" aria-hidden /> : <Copy className="size-3" aria-hidden />}
      </button>
    </span>
  );
}
