import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading user" title="w-72" blocks={["h-10", "h-64"]} />;
}
