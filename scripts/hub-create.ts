// `npm run hub:create -- --email owner@example.com --hub "Acme"`: creates a Hub and prints a one-time
// link where its Owner sets a name and password (headless alternative to /setup).
import { parseArgs } from "node:util";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { createHubWithOwnerInvite } from "@/lib/services/setup/create-hub-with-owner-invite";

const { values } = parseArgs({ options: { email: { type: "string" }, hub: { type: "string" } } });
if (!values.email || !values.hub) {
  console.error('Usage: npm run hub:create -- --email owner@example.com --hub "Hub name"');
  process.exit(2);
}
try {
  const created = await createHubWithOwnerInvite({ input: { email: values.email, hubName: values.hub } });
  const link = new URL(created.invitePath, env().APP_URL).toString();
  console.log(`Created the Hub "${created.hubName}".`);
  console.log(
    `Send this one-time link to ${values.email} to set a password (valid until ${created.expiresAt.toISOString()}):`,
  );
  console.log(`\n    ${link}\n`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
