// A separate process presenting one TOTP code through the production check and claim
// (second-factor.ts: `checkTotp`, then `claimSecondFactor` inside a transaction, as the services do),
// so a test can prove the replay guard holds across processes. Protocol on stdio: prints "ready" once
// connected; on a first stdin line checks the code and prints "checked"; on a second line claims it
// (a code that failed the check is not claimed), prints the result as JSON and exits. The pause
// between the two lets the test make both processes check before either claims: the race is certain.
// Run with `tsx --conditions=react-server` (server-only code).
import readline from "node:readline";
import { db } from "@/lib/server/db";
import { checkTotp, claimSecondFactor, lostFactorReason, type SecondFactor } from "@/lib/services/auth/second-factor";

const [userId, secret, code] = process.argv.slice(2);
if (!userId || !secret || !code) throw new Error("usage: check-totp-process <userId> <secret> <code>");

async function claim(factor: SecondFactor): Promise<SecondFactor> {
  if (!factor.ok) return factor;
  const claimed = await db.$transaction((tx) => claimSecondFactor(tx, factor, userId ?? ""));
  return claimed ? factor : { ok: false, reason: lostFactorReason(factor) };
}

await db.$queryRaw`SELECT 1`;
const input = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
process.stdout.write("ready\n");
await input.next();
const factor = await checkTotp(userId, secret, code);
process.stdout.write("checked\n");
await input.next();
const result = await claim(factor);
process.stdout.write(`${JSON.stringify(result)}\n`);
await db.$disconnect();
process.exit(0);
