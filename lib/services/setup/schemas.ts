import { z } from "zod";
import { NEW_PASSWORD_MIN } from "@/lib/services/invites/schemas";

const Email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")).pipe(z.string().max(254));
const HubName = z.string().trim().min(1, "Name your Hub").max(80, "80 characters at most");

export const CreateFirstHubInput = z.object({
  setupToken: z.string().trim().min(1, "Enter the setup token from the server log").max(200),
  hubName: HubName,
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: Email,
  password: z.string().min(NEW_PASSWORD_MIN, `Use at least ${NEW_PASSWORD_MIN} characters`).max(200),
});
export type CreateFirstHubInput = z.input<typeof CreateFirstHubInput>;

export const CreateHubWithOwnerInviteInput = z.object({ email: Email, hubName: HubName });
export type CreateHubWithOwnerInviteInput = z.input<typeof CreateHubWithOwnerInviteInput>;
