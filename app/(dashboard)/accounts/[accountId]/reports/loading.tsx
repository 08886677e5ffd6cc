import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading reports" title="w-48" blocks={["h-32", "h-96"]} />;
}
