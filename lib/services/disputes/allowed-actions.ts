// Which dashboard actions a dispute's status allows (MANGOPAY's dispute flow, docs/dashboard-actions.md).
// Pure: the dispute page shows only these buttons and the services refuse anything else.

type DisputeLike = { status: string; type: string; contestDeadline: string | null };

export type DisputeActions = {
  /** First submission of a contestable dispute, with the contested amount. */
  contest: boolean;
  /** Submission again after MANGOPAY reopened the dispute. */
  resubmit: boolean;
  /** Accept the loss. */
  close: boolean;
  /** Evidence documents can be uploaded while the platform must act. */
  documents: boolean;
};

export function disputeActions(d: DisputeLike, nowMs: number): DisputeActions {
  const open = d.contestDeadline === null || Date.parse(d.contestDeadline) > nowMs;
  const pending = d.status === "PENDING_CLIENT_ACTION";
  const reopened = d.status === "REOPENED_PENDING_CLIENT_ACTION";
  const contestable = d.type !== "NOT_CONTESTABLE";
  return {
    contest: pending && contestable && open,
    resubmit: reopened && open,
    close: (pending || reopened) && contestable,
    documents: (pending || reopened) && contestable && open,
  };
}
