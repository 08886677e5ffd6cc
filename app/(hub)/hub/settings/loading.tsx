import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading Hub settings" title="w-48" blocks={["h-40"]} />;
}
