import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireHubPermission } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import { getHubSecuritySettings } from "@/lib/services/auth/set-hub-require-2fa";
import { getAllowCustomBaseUrls } from "@/lib/services/hubs/set-allow-custom-base-urls";
import { CustomBaseUrlsForm } from "./_components/custom-base-urls-form";
import { Require2faForm } from "./_components/require-2fa-form";

export const metadata: Metadata = { title: "Hub settings" };

export default async function HubSettingsPage() {
  // A member without the permission is sent to the Hub with "not permitted" (never an error page).
  const ctx = await requireHubPermission("hub.settings.manage");
  const [settings, allowCustomBaseUrls] = await Promise.all([
    getHubSecuritySettings({ ctx }),
    getAllowCustomBaseUrls(ctx.hub.id),
  ]);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Hub settings</h1>
        <p className="text-sm text-slate-600">{ctx.hub.name}</p>
      </div>
      <Card className="p-6">
        <section aria-labelledby="security-heading" className="space-y-4">
          <h2 id="security-heading" className="text-lg font-semibold">
            Security
          </h2>
          <Require2faForm require2fa={settings.require2fa} membersWithout2fa={settings.membersWithout2fa} />
        </section>
      </Card>
      {can(ctx, "hub.connections.manage") ? (
        <Card className="p-6">
          <section aria-labelledby="api-heading" className="space-y-4">
            <h2 id="api-heading" className="text-lg font-semibold">
              MANGOPAY connections
            </h2>
            <CustomBaseUrlsForm allowCustomBaseUrls={allowCustomBaseUrls} />
          </section>
        </Card>
      ) : null}
    </div>
  );
}
