import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading feedback" title="w-56" blocks={["h-20", "h-80"]} />;
}
