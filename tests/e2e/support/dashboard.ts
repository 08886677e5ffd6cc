// Dashboard e2e helpers: the demo owner's sign-in, an API account's id by name, and a member of the
// demo Hub whose grants on one account are chosen by the test (seeded into the e2e database).
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { roleAccountPermissions, type RoleName } from "@/lib/server/permissions";
import { databaseUrl, PASSWORD, signIn } from "./users";

export const DEMO_OWNER = "owner@demo.test";

export async function signInOwner(page: Page): Promise<void> {
  await signIn(page, DEMO_OWNER, process.env.DEMO_OWNER_PASSWORD ?? "");
  await expect(page).toHaveURL(/\/hub$/);
}

/** The dashboard id of the demo Hub's API account named `name`, read from the Hub page. */
export async function accountIdByName(page: Page, name: string): Promise<string> {
  if (!/\/hub$/.test(page.url())) await page.goto("/hub");
  const href = await page.getByTestId("api-account").filter({ hasText: name }).getByRole("link", { name: "Dashboard" }).getAttribute("href");
  const id = (href ?? "").split("/").pop() ?? "";
  expect(id).not.toBe("");
  return id;
}

/** A new member of the demo Hub with `role`, given access to the account named `accountName` with the role's grants minus `without`. */
export async function seedDemoMember(role: RoleName, accountName: string, without: string[]): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const email = `dash-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@e2e.test`;
    const userId = randomUUID();
    const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await client.query(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [userId, email, `E2E ${role}`, passwordHash]);
    const { rows } = await client.query<{ hubId: string; accountId: string }>(
      `SELECT m."hubId", a."id" AS "accountId" FROM "Membership" m JOIN "User" u ON u."id" = m."userId" JOIN "ApiAccount" a ON a."hubId" = m."hubId"
       WHERE u."email" = $1 AND a."name" = $2 LIMIT 1`,
      [DEMO_OWNER, accountName],
    );
    const target = rows[0];
    if (!target) throw new Error(`no account ${accountName} in the demo Hub`);
    const membershipId = randomUUID();
    await client.query(`INSERT INTO "Membership" ("id", "hubId", "userId", "role", "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`, [membershipId, target.hubId, userId, role]);
    const grants = roleAccountPermissions(role).filter((p) => !without.includes(p));
    await client.query(`INSERT INTO "AccountAccess" ("id", "membershipId", "apiAccountId", "grants", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [randomUUID(), membershipId, target.accountId, grants]);
    return email;
  } finally {
    await client.end();
  }
}
