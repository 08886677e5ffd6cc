import { checkReadiness } from "@/lib/services/health/check-readiness";

// Readiness for a load balancer: 200 when the database answers and is fully migrated, else 503.
// No authentication, so the answer carries check names and outcomes only.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { ready, checks } = await checkReadiness();
  return Response.json(
    { status: ready ? "ok" : "unavailable", checks },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
