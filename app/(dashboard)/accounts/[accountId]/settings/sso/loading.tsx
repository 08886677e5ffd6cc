import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading SSOs from MANGOPAY" title="w-72" blocks={["h-48", "h-32"]} />;
}
