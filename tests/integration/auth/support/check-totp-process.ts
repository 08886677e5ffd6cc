// A separate process presenting one TOTP code through the production check (second-factor.ts), so a
// test can prove the replay guard holds across processes. Protocol on stdio: prints "ready" once
// connected, checks the code when a line arrives on stdin, prints the result as JSON and exits.
// Run with `tsx --conditions=react-server` (server-only code).
import { db } from "@/lib/server/db";
import { checkTotp } from "@/lib/services/auth/second-factor";

const [userId, secret, code] = process.argv.slice(2);
if (!userId || !secret || !code) throw new Error("usage: check-totp-process <userId> <secret> <code>");

await db.$queryRaw`SELECT 1`;
process.stdout.write("ready\n");
process.stdin.once("data", () => {
  void checkTotp(userId, secret, code).then(async (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    await db.$disconnect();
    process.exit(0);
  });
});
