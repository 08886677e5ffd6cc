// What the platform has to do next on a dispute, in plain words, from its status, type and result.
// Pure: the dispute page and its tests share it.

export type NextStep = {
  /** true when the platform must act (shown as "Pending action from you"). */
  actionNeeded: boolean;
  title: string;
  detail: string;
  /** When the action must happen by (ISO), when there is one. */
  deadline: string | null;
  /** "in 3 days", "in 5 hours", "passed 2 days ago". */
  deadlineInWords: string | null;
};

type DisputeLike = {
  status: string;
  type: string;
  statusMessage: string | null;
  resultCode: string | null;
  contestDeadline: string | null;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function timeUntil(deadlineIso: string, nowMs: number): string {
  const diff = Date.parse(deadlineIso) - nowMs;
  const abs = Math.abs(diff);
  const span =
    abs >= 2 * DAY_MS
      ? `${Math.floor(abs / DAY_MS)} days`
      : abs >= 2 * HOUR_MS
        ? `${Math.floor(abs / HOUR_MS)} hours`
        : abs >= 2 * 60_000
          ? `${Math.floor(abs / 60_000)} minutes`
          : "a moment";
  return diff >= 0 ? `in ${span}` : `passed ${span} ago`;
}

export function nextStep(d: DisputeLike, settlement: { state: string }, nowMs: number): NextStep {
  const deadline = d.contestDeadline;
  const words = deadline ? timeUntil(deadline, nowMs) : null;
  const passed = deadline ? Date.parse(deadline) < nowMs : false;
  const none = (title: string, detail: string): NextStep => ({
    actionNeeded: false,
    title,
    detail,
    deadline: null,
    deadlineInWords: null,
  });

  switch (d.status) {
    case "CREATED":
      return none(
        "Nothing to do yet",
        "MANGOPAY has registered the chargeback and is preparing the case. You will be asked to act when it is ready.",
      );
    case "PENDING_CLIENT_ACTION":
      if (d.type === "NOT_CONTESTABLE")
        return none("Nothing to contest", "This dispute cannot be contested: it will be closed as lost.");
      if (passed)
        return {
          actionNeeded: false,
          title: "Contest deadline passed",
          detail: "The deadline to contest has passed: MANGOPAY will close the dispute as lost.",
          deadline,
          deadlineInWords: words,
        };
      if (d.type === "RETRIEVAL") {
        return {
          actionNeeded: true,
          title: "Send the documents the bank asks for",
          detail:
            "The cardholder's bank requests information about this payment. Upload documents (invoice, delivery proof…) and submit them before the deadline, or close the request.",
          deadline,
          deadlineInWords: words,
        };
      }
      return {
        actionNeeded: true,
        title: "Contest or accept this dispute",
        detail:
          "Upload evidence (delivery proof, invoice, correspondence…), then submit the dispute with the amount you contest before the deadline. If you do not contest, close it to accept the loss.",
        deadline,
        deadlineInWords: words,
      };
    case "REOPENED_PENDING_CLIENT_ACTION":
      if (passed)
        return {
          actionNeeded: false,
          title: "Resubmission deadline passed",
          detail: "The deadline to resubmit has passed: MANGOPAY will close the dispute as lost.",
          deadline,
          deadlineInWords: words,
        };
      return {
        actionNeeded: true,
        title: "The bank needs more evidence",
        detail: `${d.statusMessage ? `MANGOPAY says: “${d.statusMessage}”. ` : ""}Add the missing documents and resubmit the dispute before the deadline, or close it to accept the loss.`,
        deadline,
        deadlineInWords: words,
      };
    case "SUBMITTED":
      return none(
        "Waiting for MANGOPAY",
        "Your evidence was submitted. MANGOPAY checks the documents before sending the case to the bank. Nothing to do.",
      );
    case "PENDING_BANK_ACTION":
      return none(
        "Waiting for the bank",
        "The cardholder's bank is reviewing your evidence. Nothing to do until it decides.",
      );
    case "CLOSED":
      if (d.resultCode === "LOST" && settlement.state === "to-settle") {
        return {
          actionNeeded: true,
          title: "Settle the lost dispute",
          detail:
            "The dispute was lost and the repudiated funds are not yet repaid: make a settlement transfer from the user's wallet to the repudiation wallet.",
          deadline: null,
          deadlineInWords: null,
        };
      }
      if (d.resultCode === "LOST")
        return none(
          "Closed — lost",
          settlement.state === "settled"
            ? "The dispute was lost and the funds have been settled. Nothing to do."
            : "The dispute was lost. Nothing to do.",
        );
      if (d.resultCode === "WON")
        return none(
          "Closed — won",
          "The bank accepted the evidence: the repudiated funds were given back. Nothing to do.",
        );
      return none(
        "Closed",
        "The dispute is closed without a win or a loss (e.g. a retrieval request answered or withdrawn). Nothing to do.",
      );
    default:
      return none(`Status ${d.status}`, "This status is not known to the dashboard: check the dispute in MANGOPAY.");
  }
}
