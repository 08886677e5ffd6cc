import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the dispute" title="w-72" blocks={["h-28", "h-64", "h-40"]} />;
}
