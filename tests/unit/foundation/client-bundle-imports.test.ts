/**
 * @jest-environment node
 */
// What a client component imports ships to the browser. zod (and every server schema built on it) is
// ~55 kB compressed: one constant imported from a schemas file put it in every dashboard page's
// first-load JavaScript. This walks the static imports of every "use client" module (relative and
// "@/" paths, not `import type`, not dynamic `import()`, not into "use server" action modules, which
// the browser only references) and fails when one reaches a server-only package.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const SCANNED = ["app", "components", "lib"];
const FORBIDDEN = new Set(["zod", "@prisma/client", "pg-boss", "pdf-lib", "server-only"]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

function directive(source: string): string | null {
  const m = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use (client|server)["']/.exec(source);
  return m ? `use ${m[1]}` : null;
}

/** Static value imports and re-exports of a module (type-only ones are erased by the compiler). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm;
  for (const m of source.matchAll(re)) {
    if (m[2]) continue;
    out.push(m[3]!);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function packageName(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** The chain of modules from `entry` to a forbidden package, or null. */
function forbiddenChain(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    if (chain.length > 0 && directive(source) === "use server") return null;
    for (const spec of specifiers(source)) {
      const local = resolveLocal(file, spec);
      if (local) {
        const found = walk(local, [...chain, path.relative(ROOT, local)]);
        if (found) return found;
      } else if (!spec.startsWith(".") && !spec.startsWith("@/") && FORBIDDEN.has(packageName(spec))) {
        return [...chain, spec];
      }
    }
    return null;
  };
  return walk(entry, [path.relative(ROOT, entry)]);
}

const clientModules = SCANNED.flatMap((d) => sourceFiles(path.join(ROOT, d))).filter(
  (f) => directive(fs.readFileSync(f, "utf8")) === "use client",
);

describe("client modules stay free of server packages", () => {
  it("finds the client modules", () => {
    expect(clientModules.length).toBeGreaterThan(20);
    expect(clientModules.map((f) => path.relative(ROOT, f))).toContain(
      "app/(dashboard)/accounts/[accountId]/_components/feedback-dialog.tsx",
    );
  });

  it.each(clientModules.map((f) => [path.relative(ROOT, f), f]))("%s imports no server package", (_name, file) => {
    expect(forbiddenChain(file)).toBeNull();
  });

  it("catches a schema import (the walker itself)", () => {
    const probe = path.join(ROOT, "lib/services/feedback/schemas.ts");
    expect(forbiddenChain(probe)).toEqual(["lib/services/feedback/schemas.ts", "zod"]);
  });
});
