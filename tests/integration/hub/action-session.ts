// What the tests that call server actions directly (the action matrix, the action fuzz) share: a faked
// session (there is no HTTP request), the module factories that install it, the "use server" files
// under a folder, and the emulator's first client. jest.mock calls are hoisted above imports, so they
// stay in each test file and load these factories through jest.requireActual:
//   jest.mock("@/lib/server/auth", () => jest.requireActual("../hub/action-session").authWithFakeSession());
// Everything after the session (Hub and account resolution, permissions, parsing, services) is real.
import fs from "node:fs";
import path from "node:path";
import type { HubContext } from "@/lib/server/context-types";
import { UnauthenticatedError } from "@/lib/server/errors";

let current: HubContext | null = null;

/** Who the next action runs as: a member's Hub context, or null for signed out. */
export function actAs(ctx: HubContext | null): void {
  current = ctx;
}

const signedIn = (): HubContext => {
  if (!current) throw new UnauthenticatedError();
  return current;
};

/** `@/lib/server/auth` with the session read from `actAs`. */
export const authWithFakeSession = () => ({
  ...jest.requireActual("@/lib/server/auth"),
  getSessionUser: async () => current?.actor ?? null,
  requireActionSession: async () => signedIn().actor,
});

/** `@/lib/server/context` with the Hub context from `actAs` and no request metadata. */
export const contextWithFakeSession = () => ({
  ...jest.requireActual("@/lib/server/context"),
  getActionHubContext: async () => signedIn(),
  getRequestMeta: async () => ({ ip: null, userAgent: null }),
});

/** `next/cache` outside a Next.js request. */
export const cacheWithoutNext = () => ({ revalidatePath: () => undefined });

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Every "use server" file below `dir` (absolute paths): new actions are found without a list to keep. */
export function serverActionFiles(dir: string): string[] {
  return walk(dir).filter(
    (f) => /\.tsx?$/.test(f) && /^\s*(\/\/[^\n]*\n|\s)*["']use server["']/.test(fs.readFileSync(f, "utf8")),
  );
}

/** The first MANGOPAY client of the emulator at `url`. */
export async function emulatorClient(url: string): Promise<{ ClientId: string; ApiKey: string }> {
  const [client] = (await (await fetch(`${url}/_emulator/clients`)).json()) as { ClientId: string; ApiKey: string }[];
  if (!client) throw new Error("the emulator has no client");
  return client;
}
