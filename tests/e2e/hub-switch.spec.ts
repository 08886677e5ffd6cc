import { expect, test } from "@playwright/test";
import { joinNewHub, seedHub, signIn } from "./support/users";

test("a member of two Hubs switches between them, each with its own role", async ({ page }) => {
  const [dev] = await seedHub(["DEVELOPER"], "switch");
  if (!dev) throw new Error("seeding failed");
  const secondHub = await joinNewHub(dev.email, "ADMIN", "switch-admin");

  await signIn(page, dev.email);
  await expect(page).toHaveURL(/\/hub$/);
  const switcher = page.getByLabel("Current Hub");
  await expect(switcher).toHaveValue(/.+/);
  await expect(page.getByRole("link", { name: dev.hubName })).toBeVisible();
  // A Developer cannot manage the team in the first Hub…
  await expect(page.getByRole("navigation", { name: "Hub" }).getByRole("link", { name: "Team" })).toHaveCount(0);

  await switcher.selectOption({ label: secondHub });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByRole("link", { name: secondHub })).toBeVisible();
  // …but is an Admin in the second one, and the choice survives a reload.
  await expect(page.getByRole("navigation", { name: "Hub" }).getByRole("link", { name: "Team" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: secondHub })).toBeVisible();
});
