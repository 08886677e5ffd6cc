// Shared by the e2e specs: fresh users and Hubs seeded straight into the e2e stack's database
// (E2E_DATABASE_URL, set by playwright.config.ts), and the sign-in steps.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { test, type Page } from "@playwright/test";
import pg from "pg";

// Sign-in and profile security, each test with fresh users and a Hub of their own (so the demo
// owner is never locked or enrolled). Users are seeded straight into the e2e database.
export const PASSWORD = "e2e correct horse battery";

export function databaseUrl(): string | undefined {
  return process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
}

export type Seeded = { email: string; hubName: string };

/** A Hub with one fresh user per role given, all with PASSWORD and no 2FA. */
export async function seedHub(roles: string[], tag: string): Promise<Seeded[]> {
  test.skip(!databaseUrl(), "needs E2E_DATABASE_URL (the e2e stack's database) to seed fresh users");
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const hubId = randomUUID();
    const hubName = `E2E ${tag} ${hubId.slice(0, 6)}`;
    await client.query(`INSERT INTO "Hub" ("id", "name", "updatedAt") VALUES ($1, $2, now())`, [hubId, hubName]);
    const out: Seeded[] = [];
    for (const role of roles) {
      const userId = randomUUID();
      const email = `${tag}-${role.toLowerCase()}-${userId.slice(0, 8)}@e2e.test`;
      await client.query(
        `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
        [userId, email, `E2E ${role}`, passwordHash],
      );
      await client.query(
        `INSERT INTO "Membership" ("id", "hubId", "userId", "role", "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`,
        [randomUUID(), hubId, userId, role],
      );
      out.push({ email, hubName });
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Makes an existing user a member of one more, new Hub; returns that Hub's name. */
export async function joinNewHub(email: string, role: string, tag: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const hubId = randomUUID();
    const hubName = `E2E ${tag} ${hubId.slice(0, 6)}`;
    await client.query(`INSERT INTO "Hub" ("id", "name", "updatedAt") VALUES ($1, $2, now())`, [hubId, hubName]);
    await client.query(
      `INSERT INTO "Membership" ("id", "hubId", "userId", "role", "updatedAt")
       SELECT $1, $2, "id", $3::"Role", now() FROM "User" WHERE "email" = $4`,
      [randomUUID(), hubId, role, email],
    );
    return hubName;
  } finally {
    await client.end();
  }
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
