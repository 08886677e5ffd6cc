// Issue 5's resources, registered from routes/index.ts in one call so that shared file barely changes.
import type { ApiRouter } from "../core/router";
import { registerClientRoutes } from "./client";
import { registerDashboardAccessRoutes } from "./dashboard-access";
import { registerDisputeRoutes } from "./disputes";
import { registerKycRoutes } from "./kyc";
import { registerReportRoutes } from "./reports";
import { registerRepudiationRoutes } from "./repudiations";
import { registerUboRoutes } from "./ubo";

export function registerComplianceRoutes(r: ApiRouter): void {
  registerKycRoutes(r);
  registerUboRoutes(r);
  registerDisputeRoutes(r);
  registerRepudiationRoutes(r);
  registerReportRoutes(r);
  registerDashboardAccessRoutes(r);
  registerClientRoutes(r);
}
