import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Searching" title="w-48" blocks={["h-24"]} />;
}
