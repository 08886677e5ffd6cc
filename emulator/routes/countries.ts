// Country authorizations (SDK Regulatory): `/v2.01/countries/{code}/authorizations` and
// `/v2.01/countries/authorizations`, outside the ClientId URL space (the token names the client).
import { ok } from "../core/context";
import { listResult } from "../core/list";
import type { ApiRouter } from "../core/router";
import { allCountryAuthorizations, countryAuthorization } from "../domain/countries";

export function registerCountryRoutes(r: ApiRouter): void {
  r.get("/countries/authorizations", (ctx) => listResult(ctx, allCountryAuthorizations(), { dateField: null }));
  r.get("/countries/:code/authorizations", (ctx) => ok(countryAuthorization(ctx.params.code)));
}
