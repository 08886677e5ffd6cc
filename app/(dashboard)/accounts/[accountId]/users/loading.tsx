import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading users" title="w-40" blocks={["h-96"]} />;
}
