// The Hono application: control API and emulator pages first, then MANGOPAY's /v2.01 URL space.
import { Hono } from "hono";
import type { Emulator } from "./core/emulator";
import type { AppEnv } from "./core/context";
import { handleApi } from "./core/pipeline";
import { buildControlApp } from "./control";
import { buildPagesApp } from "./pages";
import { buildApiRouter } from "./routes";

export function buildApp(emu: Emulator): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const router = buildApiRouter();
  app.route("/_emulator", buildControlApp(emu));
  app.route("/", buildPagesApp(emu));
  app.all("*", (c) => handleApi(emu, router, c));
  return app;
}
