import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading analytics" title="w-48" blocks={["h-24", "h-96"]} />;
}
