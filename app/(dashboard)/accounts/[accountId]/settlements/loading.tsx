import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading settlements" title="w-48" blocks={["h-16", "h-96"]} />;
}
