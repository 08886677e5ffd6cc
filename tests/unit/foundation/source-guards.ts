// Static checks over the source tree, written as pure functions over { path → source } so each guard
// can be shown failing on a small broken fixture (tests/unit/foundation/conventions.test.ts).
import fs from "node:fs";
import path from "node:path";

export type Sources = Map<string, string>;

const ROOT = process.cwd();
const EXTENSIONS = [".ts", ".tsx", ".mjs", "/index.ts", "/index.tsx"];

/** Every .ts/.tsx/.mjs file under `dirs` (repository-relative, forward slashes). */
export function readSources(...dirs: string[]): Sources {
  const out: Sources = new Map();
  const walk = (rel: string) => {
    const full = path.join(ROOT, rel);
    if (fs.statSync(full).isFile()) {
      out.set(rel, fs.readFileSync(full, "utf8"));
      return;
    }
    for (const e of fs.readdirSync(full, { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (/\.(ts|tsx|mjs)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.set(child, fs.readFileSync(path.join(ROOT, child), "utf8"));
    }
  };
  for (const d of dirs) walk(d);
  return out;
}

/** Module specifiers of static imports and re-exports, type-only ones included, and dynamic imports. */
export function importsOf(source: string): string[] {
  const specs = [
    ...source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/gms),
    ...source.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
    ...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return specs.map((m) => m[1] ?? "");
}

/** A specifier resolved to a file of `files`, or null for packages and files outside the set. */
export function resolveImport(from: string, spec: string, files: Sources): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  if (files.has(base)) return base;
  const stripped = base.replace(/\.(js|mjs)$/, "");
  for (const ext of EXTENSIONS) if (files.has(stripped + ext)) return stripped + ext;
  return null;
}

/** Import cycles (type-only imports count: they tie modules together just the same), each as a path. */
export function findCycles(files: Sources): string[][] {
  const graph = new Map<string, string[]>();
  for (const [file, src] of files) {
    graph.set(file, [...new Set(importsOf(src).map((s) => resolveImport(file, s, files)).filter((f): f is string => f !== null))]);
  }
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/** `file → specifier` for each import of a file matching `where` whose specifier matches `forbidden`. */
export function forbiddenImports(files: Sources, where: RegExp, forbidden: RegExp): string[] {
  const hits: string[] = [];
  for (const [file, src] of files) {
    if (!where.test(file)) continue;
    for (const spec of importsOf(src)) if (forbidden.test(spec)) hits.push(`${file} → ${spec}`);
  }
  return hits.sort();
}
