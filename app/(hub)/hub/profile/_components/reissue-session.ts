import { getCsrfToken } from "next-auth/react";

/**
 * After a security change ended every other session, moves this browser's JWT to the new
 * sessionVersion with the server's ticket (bound to this session, valid two minutes).
 */
export async function reissueSession(ticket: string): Promise<boolean> {
  const csrfToken = await getCsrfToken();
  if (!csrfToken) return false;
  const res = await fetch("/api/auth/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ csrfToken, data: { reissue: ticket } }),
  });
  return res.ok;
}
