// Points the demo Hub's API accounts' webhooks at the dev app's receiver (APP_URL), through the same
// service as the "Connect webhooks" button. Run by scripts/dev.mjs after the app is up, with
// `tsx --conditions=react-server` (server-only code). Prints one JSON line: each account's outcome.
import { db } from "@/lib/server/db";
import { connectDemoWebhooks } from "@/lib/services/demo/connect-demo-webhooks";

try {
  console.log(JSON.stringify(await connectDemoWebhooks()));
} finally {
  await db.$disconnect();
}
