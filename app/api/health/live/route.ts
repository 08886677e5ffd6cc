// Liveness for a load balancer or orchestrator: the process is up and answering. No auth, no data.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
