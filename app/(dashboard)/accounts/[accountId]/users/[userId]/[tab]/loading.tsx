import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading list" title="w-72" blocks={["h-96"]} />;
}
