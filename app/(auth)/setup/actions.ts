"use server";

import { publicAction } from "@/lib/server/action";
import { createFirstHub } from "@/lib/services/setup/create-first-hub";
import { CreateFirstHubInput } from "@/lib/services/setup/schemas";

/**
 * Public by design (no one exists to sign in yet): the setup token is the credential, and the service
 * refuses once any Hub exists.
 */
export const createFirstHubAction = publicAction(CreateFirstHubInput, ({ ctx, input }) =>
  createFirstHub({ ctx, input }),
);
