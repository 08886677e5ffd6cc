import { z } from "zod";
import { AccountIdList } from "@/lib/services/invites/schemas";

export const UpdateGrantsInput = z.object({
  accountId: z.string().min(1).max(64),
  membershipId: z.string().min(1).max(64),
  // Checkbox values such as "payouts.create"; an empty form means "no account permissions".
  grants: AccountIdList,
});
export type UpdateGrantsInput = z.input<typeof UpdateGrantsInput>;
