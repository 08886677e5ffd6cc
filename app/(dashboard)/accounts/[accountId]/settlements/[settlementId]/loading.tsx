import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the settlement" title="w-80" blocks={["h-48", "h-32"]} />;
}
