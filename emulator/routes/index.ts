// Every resource file registers its routes here (paths relative to /v2.01/{ClientId}).
import { ApiRouter } from "../core/router";
import { registerResponseRoutes } from "./responses";
import { registerUserRoutes } from "./users";

export function buildApiRouter(): ApiRouter {
  const router = new ApiRouter();
  registerUserRoutes(router);
  registerResponseRoutes(router);
  return router;
}
