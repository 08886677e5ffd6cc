import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading wallet" title="w-72" blocks={["h-28", "h-96"]} />;
}
