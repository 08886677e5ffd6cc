import Link from "@/components/intent-link";
import { CopyableId } from "@/components/copyable-id";
import { dashboardPaths, isClientWallet } from "@/lib/dashboard-paths";
import type { OperationDTO } from "@/lib/services/operations/dto";

/** The MANGOPAY object an operation created, linked to its page in the dashboard. */
export function OperationTarget({ accountId, operation }: { accountId: string; operation: OperationDTO }) {
  const id = operation.upstreamId;
  if (!id) return <span className="text-slate-400">—</span>;
  const paths = dashboardPaths(accountId);
  const href =
    operation.kind === "WALLET" ? (isClientWallet(id) ? null : paths.wallet(id)) : paths.transaction(id, null);
  return (
    <span className="inline-flex items-center gap-1">
      {href ? (
        <Link href={href} className="font-mono text-xs underline" data-testid="operation-mangopay-link">
          {id}
        </Link>
      ) : (
        <CopyableId id={id} />
      )}
    </span>
  );
}
