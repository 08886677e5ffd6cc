/** Cookie naming the Hub a member of several Hubs is working in (checked against memberships). */
export const CURRENT_HUB_COOKIE = "mpd_hub";
