import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the report preview" title="w-64" blocks={["h-72", "h-96"]} />;
}
