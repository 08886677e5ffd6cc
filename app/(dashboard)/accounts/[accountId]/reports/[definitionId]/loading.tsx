import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the report" title="w-64" blocks={["h-48", "h-64"]} />;
}
