import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading operations" title="w-48" blocks={["h-10", "h-96"]} />;
}
