/** Cookie naming the Hub a member of several Hubs is working in (checked against memberships). */
export const CURRENT_HUB_COOKIE = "mpd_hub";

/**
 * The one rule for which Hub a request works in: the membership of the Hub the cookie names, else the
 * first one (callers list memberships oldest first). A stale or forged cookie naming a Hub the person
 * is not in simply falls back to the oldest.
 */
export function chooseMembership<M extends { hubId: string }>(
  memberships: readonly M[],
  wantedHubId: string | undefined,
): M | undefined {
  return memberships.find((m) => m.hubId === wantedHubId) ?? memberships[0];
}
