import type { UserTab } from "@/lib/dashboard-paths";
import { can, type Permission, type PermissionHolder } from "@/lib/server/permissions";

export type TabSpec = { tab: UserTab | null; label: string; permission: Permission; legalOnly?: boolean };

/** The profile's tabs, each with the permission that reads its data (hidden without it). */
export const USER_TAB_SPECS: readonly TabSpec[] = [
  { tab: null, label: "Information", permission: "users.read" },
  { tab: "transactions", label: "Transactions", permission: "transactions.read" },
  { tab: "wallets", label: "Wallets", permission: "wallets.read" },
  { tab: "cards", label: "Cards", permission: "cards.read" },
  { tab: "preauthorizations", label: "Preauthorizations", permission: "preauthorizations.read" },
  { tab: "deposit-preauthorizations", label: "Deposit preauthorizations", permission: "preauthorizations.read" },
  { tab: "bank-accounts", label: "Bank accounts", permission: "bankAccounts.read" },
  { tab: "mandates", label: "Mandates", permission: "mandates.read" },
  { tab: "kyc-documents", label: "KYC documents", permission: "kycDocuments.read" },
  { tab: "identity-verifications", label: "Identity verifications", permission: "kycDocuments.read" },
  { tab: "ubo-declarations", label: "UBO declarations", permission: "uboDeclarations.read", legalOnly: true },
];

export function userTabsFor(ctx: PermissionHolder, personType: string): TabSpec[] {
  return USER_TAB_SPECS.filter((t) => can(ctx, t.permission) && (!t.legalOnly || personType === "LEGAL"));
}

export function tabSpec(tab: UserTab): TabSpec {
  const spec = USER_TAB_SPECS.find((t) => t.tab === tab);
  if (!spec) throw new Error(`unknown tab ${tab}`);
  return spec;
}
