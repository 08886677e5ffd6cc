import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the pay-in intent" title="w-80" blocks={["h-48", "h-40", "h-24"]} />;
}
