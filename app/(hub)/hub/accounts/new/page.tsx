import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireHubPermission } from "@/lib/server/account-context";
import { env } from "@/lib/server/env";
import { productionBlockedReason } from "@/lib/services/api-accounts/production-access";
import { getAllowCustomBaseUrls } from "@/lib/services/hubs/set-allow-custom-base-urls";
import { NewAccountForm } from "../_components/new-account-form";

export const metadata: Metadata = { title: "Add an API account" };

export default async function NewAccountPage() {
  const ctx = await requireHubPermission("hub.accounts.manage");
  const [blockedReason, allowCustomBaseUrls] = await Promise.all([
    productionBlockedReason(ctx),
    getAllowCustomBaseUrls(ctx.hub.id),
  ]);
  const { EMULATOR_URL, NODE_ENV } = env();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link href="/hub" className="text-sm text-slate-600 hover:text-slate-900">
          ← API accounts
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Add an API account</h1>
        <p className="text-sm text-slate-600">Connect a MANGOPAY ClientId with one of its API keys.</p>
      </div>
      <Card className="p-6">
        <NewAccountForm
          productionBlockedReason={blockedReason}
          defaultCustomUrl={NODE_ENV !== "production" ? (EMULATOR_URL ?? null) : null}
          allowCustomBaseUrls={allowCustomBaseUrls}
        />
      </Card>
    </div>
  );
}
