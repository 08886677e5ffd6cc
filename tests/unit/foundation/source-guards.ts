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
      else if (/\.(ts|tsx|mjs)$/.test(e.name) && !e.name.endsWith(".d.ts"))
        out.set(child, fs.readFileSync(path.join(ROOT, child), "utf8"));
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
    graph.set(file, [
      ...new Set(
        importsOf(src)
          .map((s) => resolveImport(file, s, files))
          .filter((f): f is string => f !== null),
      ),
    ]);
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

/** The text between the parenthesis opening at `open` and its match (strings and comments skipped). */
export function balanced(src: string, open: number): string {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === "\\") i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "(" || c === "{" || c === "[") depth++;
    if (c === ")" || c === "}" || c === "]") {
      depth--;
      if (depth === 0) return src.slice(open + 1, i);
    }
  }
  return src.slice(open + 1);
}

const WRITE_OPS = "create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany";
// `tx.user.update(`, `db.invite.create(`, `client.hub.update(`, `(ctx.db ?? db).user.update(`: a Prisma
// write on a model. Audit rows themselves do not count.
const DB_WRITE = new RegExp(
  `(?:\\btx|\\bdb|\\bclient|\\))\\s*\\.\\s*(?!auditEvent\\b)([a-z]\\w*)\\s*\\.\\s*(?:${WRITE_OPS})\\s*\\(`,
  "g",
);
/** A write in SQL text (`$queryRaw`, `$executeRaw`): its table, a model's name, as the model's client property. */
const SQL_WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"([A-Z]\w*)"/g;

/** Every write to a model in this text, through Prisma's model methods or in raw SQL, with where it is. */
function dbWrites(text: string): { model: string; index: number }[] {
  return [
    ...[...text.matchAll(DB_WRITE)].map((w) => ({ model: w[1] ?? "", index: w.index ?? 0 })),
    ...[...text.matchAll(SQL_WRITE)]
      .filter((w) => w[1] !== "AuditEvent")
      .map((w) => ({ model: (w[1] ?? "").charAt(0).toLowerCase() + (w[1] ?? "").slice(1), index: w.index ?? 0 })),
  ];
}

type FunctionInfo = { file: string; name: string; body: string; takesTx: boolean };

function functionsOf(file: string, src: string): FunctionInfo[] {
  const out: FunctionInfo[] = [];
  for (const m of src.matchAll(/(?:async\s+)?function\*?\s+(\w+)\s*(?:<[^>]*>)?\s*\(/g)) {
    const params = balanced(src, (m.index ?? 0) + m[0].length - 1);
    const bodyStart = src.indexOf("{", (m.index ?? 0) + m[0].length + params.length);
    out.push({
      file,
      name: m[1] ?? "",
      body: balanced(src, bodyStart),
      takesTx: /\btx\s*:\s*(Tx|MirrorTx)\b/.test(params),
    });
  }
  return out;
}

/**
 * Service verbs that change the database without an audit row in the same transaction. A write
 * counts when it is a Prisma create/update/upsert/delete (or a call of a helper taking `tx: Tx` that
 * makes one); it is audited when the same `$transaction(…)` callback calls writeAudit, or a helper
 * that does (found by following calls, e.g. writeUserAudit, applySyncChanges). A write outside any
 * transaction, in a function that is not such a `tx` helper, is reported too.
 */
export function unauditedWrites(files: Sources): string[] {
  const fns = [...files].flatMap(([file, src]) => functionsOf(file, src));
  const calls = (body: string, names: Set<string>) => [...names].some((n) => new RegExp(`\\b${n}\\s*\\(`).test(body));
  const auditing = new Set(["writeAudit", "writeAuditOn"]);
  const writingHelpers = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const f of fns) {
      if (!auditing.has(f.name) && calls(f.body, auditing)) {
        auditing.add(f.name);
        changed = true;
      }
      const writes = dbWrites(f.body).length > 0 || calls(f.body, writingHelpers);
      if (f.takesTx && !writingHelpers.has(f.name) && writes) {
        writingHelpers.add(f.name);
        changed = true;
      }
    }
  }
  const problems: string[] = [];
  for (const [file, src] of files) {
    // Each transaction callback that writes must audit.
    const covered: [number, number][] = [];
    // Prisma's `$transaction(…)` and `inPoolTransaction(…)` (a transaction on a client of the pool).
    for (const m of src.matchAll(/(?:\$transaction|\binPoolTransaction)\s*\(/g)) {
      const open = (m.index ?? 0) + m[0].length - 1;
      const body = balanced(src, open);
      covered.push([open, open + body.length]);
      const writes = dbWrites(body).map((w) => `${w.model} write`);
      const helperWrites = [...writingHelpers]
        .filter((h) => new RegExp(`\\b${h}\\s*\\(`).test(body))
        .map((h) => `${h}()`);
      if ((writes.length || helperWrites.length) && !calls(body, auditing)) {
        const line = src.slice(0, open).split("\n").length;
        problems.push(
          `${file}:${line} transaction with ${[...new Set([...writes, ...helperWrites])].join(", ")} and no audit row`,
        );
      }
    }
    // Writes outside every transaction, except inside `tx` helpers (their caller's transaction audits).
    const helperRanges = functionsOf(file, src)
      .filter((f) => f.takesTx)
      .map((f) => {
        const start = src.indexOf(f.body);
        return [start, start + f.body.length] as [number, number];
      });
    for (const w of dbWrites(src)) {
      const at = w.index;
      if ([...covered, ...helperRanges].some(([a, b]) => at > a && at < b)) continue;
      problems.push(
        `${file}:${src.slice(0, at).split("\n").length} ${w.model} write outside a transaction, so with no audit row`,
      );
    }
  }
  return problems.sort();
}
