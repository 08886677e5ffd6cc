import { ServiceErrorMessage } from "@/components/service-error-message";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { getWebhookConnection } from "@/lib/services/hooks/connection";
import { settle } from "@/lib/services/upstream";
import { ConnectWebhooksButton } from "./connect-webhooks";

/** How many event types deliver to this dashboard's mirror, and the button to connect the rest. */
export async function MirrorConnection({ ctx }: { ctx: AccountContext }) {
  const result = await settle(getWebhookConnection({ ctx }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const { counts, elsewhere, receiverBase } = result.data;
  const mayConnect = can(ctx, "hooks.create") && can(ctx, "hooks.edit");
  return (
    <section
      aria-labelledby="mirror-connection"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="mirror-connection"
    >
      <h2 id="mirror-connection" className="font-semibold">
        Webhooks to this dashboard
      </h2>
      <p className="text-sm">
        <strong>{counts.connected}</strong> event types connected · {counts.repair} to repair · {counts.missing} without
        a hook · {counts.elsewhere} pointing elsewhere
      </p>
      <p className="text-xs text-slate-500">
        Receiver: <span className="font-mono">{receiverBase}…</span> (a secret path per API account). Connected events
        keep the local mirror used by search up to date.
      </p>
      {elsewhere.length > 0 ? (
        <details className="text-sm">
          <summary>Hooks pointing elsewhere ({elsewhere.length})</summary>
          <ul className="mt-1 space-y-0.5">
            {elsewhere.map((h) => (
              <li key={h.eventType} className="font-mono text-xs break-all">
                {h.eventType} → {h.url}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {mayConnect ? (
        <ConnectWebhooksButton
          accountId={ctx.account.id}
          toChange={counts.repair + counts.missing}
          elsewhere={counts.elsewhere}
        />
      ) : null}
    </section>
  );
}
