/** @jest-environment node */
// House conventions a reviewer would otherwise have to remember, checked on the source tree. Each
// guard also runs on a small broken fixture, to show it can fail.
import { findCycles, forbiddenImports, readSources, type Sources } from "./source-guards";

const fixture = (files: Record<string, string>): Sources => new Map(Object.entries(files));

describe("configuration", () => {
  const readsEnv = (files: Sources) => [...files].filter(([f, src]) => f !== "lib/server/env.ts" && /process\.env\b/.test(src)).map(([f]) => f);

  it("is read from process.env only in lib/server/env.ts", () => {
    expect(readsEnv(readSources("app", "lib", "components", "proxy.ts"))).toEqual([]);
  });

  it("guard: flags a page reading process.env", () => {
    const broken = fixture({ "lib/server/env.ts": "process.env.X", "app/page.tsx": "const k = process.env.AUTH_SECRET;" });
    expect(readsEnv(broken)).toEqual(["app/page.tsx"]);
  });
});

// Services receive plain contexts (lib/server/context-types.ts): they never import Next.js, next-auth
// or the modules that build contexts from a request, so they run the same from a page, an action, a
// script or a test.
const SERVICES = /^lib\/services\//;
const FRAMEWORK = /^(next($|\/)|next-auth($|\/)|@\/lib\/server\/(auth|context|account-context|action)$)/;

describe("layers", () => {
  it("services import neither the framework nor the auth/context layer", () => {
    expect(forbiddenImports(readSources("lib/services"), SERVICES, FRAMEWORK)).toEqual([]);
  });

  it("the context types module imports nothing from Next.js or the auth layer", () => {
    const files = readSources("lib/server/context-types.ts");
    expect(forbiddenImports(files, /context-types/, /^(next|next-auth|react)($|\/)|\/(auth|context|account-context|action)$/)).toEqual([]);
  });

  it("guard: flags a service importing the session helpers or next/cache", () => {
    const broken = fixture({
      "lib/services/x/do.ts": 'import { requireSession } from "@/lib/server/auth";\nimport type { HubContext } from "@/lib/server/context-types";',
      "lib/services/x/other.ts": 'import { revalidatePath } from "next/cache";',
    });
    expect(forbiddenImports(broken, SERVICES, FRAMEWORK)).toEqual(["lib/services/x/do.ts → @/lib/server/auth", "lib/services/x/other.ts → next/cache"]);
  });
});

describe("import graph", () => {
  it("has no cycles in the app, its libraries and the emulator (type-only imports included)", () => {
    expect(findCycles(readSources("app", "lib", "components", "emulator", "proxy.ts"))).toEqual([]);
  });

  it("guard: finds a type-only cycle through three files", () => {
    const broken = fixture({
      "lib/a.ts": 'import type { B } from "./b";',
      "lib/b.ts": 'export { c } from "@/lib/c";',
      "lib/c.ts": 'import type { A } from "./a.js";',
      "lib/d.ts": 'import "./a";',
    });
    expect(findCycles(broken)).toEqual([["lib/a.ts", "lib/b.ts", "lib/c.ts", "lib/a.ts"]]);
  });
});
