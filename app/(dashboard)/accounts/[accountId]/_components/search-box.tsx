"use client";

import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { clearRecentSearchesAction, listRecentSearchesAction, recordRecentSearchAction } from "../search/actions";

type Recent = { query: string };

function payload(accountId: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set("accountId", accountId);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/**
 * Search any object of this account by Id, from every page. `/` or Cmd/Ctrl-K focuses it. The last
 * searches are the member's own on this account, kept in the database (read when the box is first
 * focused, so the shell itself costs no query for them), and can be cleared.
 */
export function SearchBox({ accountId }: { accountId: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<Recent[] | null>(null);

  function loadRecent() {
    if (recent !== null) return;
    setRecent([]);
    void listRecentSearchesAction(null, payload(accountId)).then((r) => {
      if (r.ok) setRecent(r.data);
    });
  }

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
    setRecent((list) => [{ query: q }, ...(list ?? []).filter((x) => x.query !== q)].slice(0, 10));
    // Remembered on the server (only a well-formed Id is kept); the page itself does not wait for it.
    void recordRecentSearchAction(null, payload(accountId, { query: q })).then((r) => {
      if (r.ok) setRecent(r.data);
    });
    setOpen(false);
    input.current?.blur();
    router.push(`/accounts/${encodeURIComponent(accountId)}/search?q=${encodeURIComponent(q)}`);
  }

  function clear() {
    setRecent([]);
    void clearRecentSearchesAction(null, payload(accountId));
    input.current?.focus();
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
        onFocus={() => {
          setOpen(true);
          loadRecent();
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        placeholder="Search by Id…  ( / )"
        autoComplete="off"
        spellCheck={false}
        className="h-8 w-full rounded-md border border-slate-300 bg-white pr-2 pl-8 font-mono text-sm placeholder:font-sans"
      />
      {open && recent && recent.length > 0 ? (
        <ul
          className="absolute z-50 mt-1 w-full rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
          aria-label="Recent searches"
        >
          <li className="flex items-center justify-between px-2 py-1 text-xs text-slate-500">
            Recent searches
            <button
              type="button"
              className="rounded px-1 underline hover:bg-slate-100"
              onMouseDown={(e) => e.preventDefault()}
              onClick={clear}
            >
              Clear
            </button>
          </li>
          {recent.map((r) => (
            <li key={r.query}>
              <button
                type="button"
                className="w-full truncate rounded px-2 py-1 text-left font-mono hover:bg-slate-100"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setValue(r.query);
                  go(r.query);
                }}
              >
                {r.query}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
