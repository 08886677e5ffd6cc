// Every resource file registers its routes here (paths relative to /v2.01/{ClientId}).
import { ApiRouter } from "../core/router";
import { registerBankAccountRoutes } from "./bank-accounts";
import { registerCardRoutes } from "./cards";
import { registerClientRoutes } from "./client";
import { registerClientWalletRoutes } from "./client-wallets";
import { registerConversionRoutes } from "./conversions";
import { registerCountryRoutes } from "./countries";
import { registerDashboardAccessRoutes } from "./dashboard-access";
import { registerDisputeRoutes } from "./disputes";
import { registerEventHookRoutes } from "./events-hooks";
import { registerKycRoutes } from "./kyc";
import { registerMandateRoutes } from "./mandates";
import { registerPayInRoutes } from "./pay-ins";
import { registerPreauthorizationRoutes } from "./preauthorizations";
import { registerReportRoutes } from "./reports";
import { registerRepudiationRoutes } from "./repudiations";
import { registerResponseRoutes } from "./responses";
import { registerScaUserRoutes } from "./sca-users";
import { registerTransferPayoutRoutes } from "./transfers-payouts";
import { registerUboRoutes } from "./ubo";
import { registerUserRoutes } from "./users";
import { registerWalletRoutes } from "./wallets";

export function buildApiRouter(): ApiRouter {
  const router = new ApiRouter();
  registerUserRoutes(router);
  registerScaUserRoutes(router);
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
  registerKycRoutes(router);
  registerUboRoutes(router);
  registerDisputeRoutes(router);
  registerRepudiationRoutes(router);
  registerReportRoutes(router);
  registerDashboardAccessRoutes(router);
  registerClientRoutes(router);
  registerConversionRoutes(router);
  registerCountryRoutes(router);
  return router;
}
