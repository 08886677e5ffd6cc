// Every resource file registers its routes here (paths relative to /v2.01/{ClientId}).
import { ApiRouter } from "../core/router";
import { registerBankAccountRoutes } from "./bank-accounts";
import { registerCardRoutes } from "./cards";
import { registerClientWalletRoutes } from "./client-wallets";
import { registerComplianceRoutes } from "./compliance-index";
import { registerEventHookRoutes } from "./events-hooks";
import { registerMandateRoutes } from "./mandates";
import { registerPayInRoutes } from "./pay-ins";
import { registerPreauthorizationRoutes } from "./preauthorizations";
import { registerResponseRoutes } from "./responses";
import { registerTransferPayoutRoutes } from "./transfers-payouts";
import { registerUserRoutes } from "./users";
import { registerWalletRoutes } from "./wallets";

export function buildApiRouter(): ApiRouter {
  const router = new ApiRouter();
  registerUserRoutes(router);
  registerWalletRoutes(router);
  registerClientWalletRoutes(router);
  registerCardRoutes(router);
  registerPayInRoutes(router);
  registerPreauthorizationRoutes(router);
  registerBankAccountRoutes(router);
  registerMandateRoutes(router);
  registerTransferPayoutRoutes(router);
  registerEventHookRoutes(router);
  registerResponseRoutes(router);
  // Issue 5 (KYC, UBO, disputes, reports, client, SSOs, permission groups): routes/compliance-index.ts.
  registerComplianceRoutes(router);
  return router;
}
