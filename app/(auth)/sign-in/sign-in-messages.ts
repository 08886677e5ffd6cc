// next-auth hands the credentials provider's error back as a string: "<reason>" or
// "<reason>:<retry after seconds>" (see lib/server/auth.ts). This turns it into words.
export type SignInError = { reason: string; message: string };

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? "1 minute" : `${m} minutes`;
}

export function signInErrorMessage(raw: string | null | undefined): SignInError {
  const [reason = "", wait] = (raw ?? "").split(":");
  const retryAfterS = Number(wait);
  switch (reason) {
    case "invalid":
      return { reason, message: "Wrong email or password." };
    case "locked":
      return {
        reason,
        message: "Too many failed attempts. Sign-in to this account from here is paused for 15 minutes.",
      };
    case "rate_limited":
      return {
        reason,
        message: `Too many sign-in attempts. Please wait ${Number.isFinite(retryAfterS) && retryAfterS > 0 ? minutes(retryAfterS) : "a few minutes"} and try again.`,
      };
    case "totp_required":
      return { reason, message: "Enter the 6-digit code from your authenticator app." };
    case "totp_invalid":
      return { reason, message: "That code is not valid. Check your authenticator app and try again." };
    default:
      return { reason: "unknown", message: "Sign-in failed. Please try again." };
  }
}
