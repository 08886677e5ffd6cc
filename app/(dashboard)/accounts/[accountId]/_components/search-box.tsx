"use client";

import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

const MAX_RECENT = 8;
const subscribe = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
};

function readRecent(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string").slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/**
 * Search any object of this account by Id, from every page. `/` or Cmd/Ctrl-K focuses it. The last
 * searches are remembered in this browser for this member and account (ids only, no names).
 */
export function SearchBox({ accountId, memberId }: { accountId: string; memberId: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");
  const [open, setOpen] = useState(false);
  const storageKey = `mpd.recent-searches.${memberId}.${accountId}`;
  const recentJson = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(storageKey) ?? "[]",
    () => "[]",
  );
  const recent = recentJson === "[]" ? [] : readRecent(storageKey);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      const typing =
        target &&
        (target.tagName === "INPUT" ||
          target.tagName === "TEXTAREA" ||
          target.tagName === "SELECT" ||
          target.isContentEditable);
      if ((e.key === "k" || e.key === "K") && (e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      } else if (e.key === "/" && !typing) {
        e.preventDefault();
        input.current?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function go(query: string) {
    const q = query.trim();
    if (!q) return;
    const next = [q, ...readRecent(storageKey).filter((x) => x !== q)].slice(0, MAX_RECENT);
    window.localStorage.setItem(storageKey, JSON.stringify(next));
    window.dispatchEvent(new StorageEvent("storage", { key: storageKey }));
    setOpen(false);
    input.current?.blur();
    router.push(`/accounts/${encodeURIComponent(accountId)}/search?q=${encodeURIComponent(q)}`);
  }

  return (
    <form
      role="search"
      className="relative w-full max-w-xs"
      onSubmit={(e) => {
        e.preventDefault();
        go(value);
      }}
    >
      <label htmlFor="dashboard-search" className="sr-only">
        Search by Id
      </label>
      <Search className="pointer-events-none absolute top-2 left-2 size-4 text-slate-400" aria-hidden />
      <input
        ref={input}
        id="dashboard-search"
        name="q"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        placeholder="Search by Id…  ( / )"
        autoComplete="off"
        spellCheck={false}
        className="h-8 w-full rounded-md border border-slate-300 bg-white pr-2 pl-8 font-mono text-sm placeholder:font-sans"
      />
      {open && recent.length > 0 ? (
        <ul
          className="absolute z-50 mt-1 w-full rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
          aria-label="Recent searches"
        >
          <li className="px-2 py-1 text-xs text-slate-500">Recent searches</li>
          {recent.map((r) => (
            <li key={r}>
              <button
                type="button"
                className="w-full truncate rounded px-2 py-1 text-left font-mono hover:bg-slate-100"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setValue(r);
                  go(r);
                }}
              >
                {r}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
