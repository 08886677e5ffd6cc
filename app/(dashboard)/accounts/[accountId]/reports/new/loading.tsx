import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the report form" title="w-48" blocks={["h-96"]} />;
}
