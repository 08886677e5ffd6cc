import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading" title="w-64" blocks={["h-40"]} />;
}
