import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the recurring registration" title="w-80" blocks={["h-48", "h-32"]} />;
}
