/** @jest-environment node */
// House conventions that a reviewer would otherwise have to remember, checked on the source tree.
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? walk(rel) : /\.(ts|tsx|mjs)$/.test(e.name) ? [rel] : [];
  });
}
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

describe("configuration", () => {
  it("is read from process.env only in lib/server/env.ts", () => {
    const files = [...walk("app"), ...walk("lib"), ...walk("components"), "proxy.ts"];
    const readers = files.filter((f) => f !== "lib/server/env.ts" && /process\.env\b/.test(read(f)));
    expect(readers).toEqual([]);
  });
});
