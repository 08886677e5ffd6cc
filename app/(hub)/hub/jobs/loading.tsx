import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading jobs" title="w-40" blocks={["h-40", "h-60", "h-60"]} />;
}
